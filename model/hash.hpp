#pragma once
// 64-bit FNV-1a over exact bytes: the state digest (output/digest.hpp) feeds every component's
// state through one of these.
#include <cstdint>
#include <span>
#include <vector>

namespace vecinos {

class Fnv1a {
 public:
  void bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
      h_ ^= p[i];
      h_ *= 0x100000001b3ULL;
    }
  }
  template <class T>
  void value(const T& v) {
    bytes(&v, sizeof v);
  }
  template <class T>
  void values(const std::vector<T>& v) {
    bytes(v.data(), v.size() * sizeof(T));
  }
  template <class T>
  void values(std::span<const T> v) {
    bytes(v.data(), v.size_bytes());
  }
  [[nodiscard]] std::uint64_t result() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace vecinos
