#pragma once
// Typed errors of the library. `main` maps them to exit codes: InputError -> 2,
// RuntimeError (and anything else) -> 1, Interrupted -> 130/143.
#include <stdexcept>
#include <string>

namespace vecinos {

/// Bad input: a config, a CLI argument or an input file the user can fix.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A failure while running that is not the input's fault (I/O, resources, invariants).
class RuntimeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The run was stopped by a signal; `signal` is the signal number.
class Interrupted : public std::runtime_error {
 public:
  explicit Interrupted(int signal_number)
      : std::runtime_error("interrupted by signal " + std::to_string(signal_number)),
        signal(signal_number) {}
  int signal;
};

}  // namespace vecinos
