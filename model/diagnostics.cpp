#include "model/diagnostics.hpp"

#include <fmt/format.h>

namespace vecinos {

std::string Origin::str() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

std::string Diagnostic::str() const {
  if (key.empty()) return fmt::format("{}: {}", where.str(), message);
  return fmt::format("{}: {}: {}", where.str(), key, message);
}

void Diagnostics::error(Origin where, std::string key, std::string message) {
  list_.push_back({std::move(where), std::move(key), std::move(message)});
}

void Diagnostics::throw_if_any() const {
  if (!list_.empty()) throw ConfigError(list_);
}

namespace {
std::string join_diagnostics(const std::vector<Diagnostic>& diags) {
  std::string text;
  for (const auto& d : diags) {
    if (!text.empty()) text += '\n';
    text += "error: " + d.str();
  }
  if (diags.size() > 1) text += fmt::format("\n{} errors", diags.size());
  return text;
}
}  // namespace

ConfigError::ConfigError(std::vector<Diagnostic> diags)
    : InputError(join_diagnostics(diags)), diags_(std::move(diags)) {}

}  // namespace vecinos
