#pragma once
// A fixture for the layering check (tests/CMakeLists.txt): an engine header that includes the
// composition layer, which the check must reject. Never compiled.
#include "world/world.hpp"
