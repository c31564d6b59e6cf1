#pragma once
// Where a piece of input came from, and the list of problems found in it.
#include <string>
#include <vector>

#include "model/errors.hpp"

namespace vecinos {

/// A place in an input: file (or "--set"), 1-based line and column (0 when unknown).
struct Origin {
  std::string file;
  int line = 0;
  int column = 0;
  [[nodiscard]] std::string str() const;  ///< "file:line:column"
};

struct Diagnostic {
  Origin where;
  std::string key;  ///< dotted key path, empty when the problem is not about one key
  std::string message;
  [[nodiscard]] std::string str() const;  ///< "file:line:column: key: message"
};

/// Problems are collected, not thrown one by one, so a file's errors are reported in one go.
class Diagnostics {
 public:
  void error(Origin where, std::string key, std::string message);
  [[nodiscard]] bool empty() const { return list_.empty(); }
  [[nodiscard]] std::size_t size() const { return list_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& list() const { return list_; }
  /// Throws ConfigError with every diagnostic, if there are any.
  void throw_if_any() const;

 private:
  std::vector<Diagnostic> list_;
};

/// Bad configuration: every problem found, each with its place and key.
class ConfigError : public InputError {
 public:
  explicit ConfigError(std::vector<Diagnostic> diags);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

}  // namespace vecinos
