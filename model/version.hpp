#pragma once
// Program version and the git commit it was built from (generated at build time).
#include <string_view>

namespace vecinos {
std::string_view version() noexcept;
std::string_view git_hash() noexcept;
}  // namespace vecinos
