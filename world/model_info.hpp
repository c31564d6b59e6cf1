#pragma once
// vecinos as the sweep engine sees it (model/sweep/model_info.hpp): its indicators, its config
// keys and its config loader.
#include "model/sweep/model_info.hpp"

namespace vecinos {

/// The description of this model for sweeps (built once).
const sweep::ModelInfo& model_info();

}  // namespace vecinos
