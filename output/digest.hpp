#pragma once
// A hash of the complete state of the world (every agent, edge weight and indicator), for
// determinism checks: `vecinos run CONFIG --digest`.
#include <cstdint>
#include <span>
#include <string>

#include "model/observer.hpp"

namespace vecinos {

/// 64-bit FNV-1a, fed with the exact bytes of each value.
class Fnv1a {
 public:
  void bytes(const void* data, std::size_t n);
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  template <class T>
  void values(std::span<const T> v) {
    bytes(v.data(), v.size_bytes());
  }
  [[nodiscard]] std::uint64_t result() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

/// The digest of the world's state as 16 hex digits.
std::string state_digest(const World& world);

/// Computes the digest at the end of a run.
class DigestObserver final : public Observer {
 public:
  void on_finish(const World& world, RunStatus status) override;
  [[nodiscard]] const std::string& digest() const { return digest_; }

 private:
  std::string digest_;
};

}  // namespace vecinos
