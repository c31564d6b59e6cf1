#include <doctest/doctest.h>

#include <vector>

#include "model/network.hpp"

using namespace vecinos;

TEST_CASE("elite edges are typed, found, reweighted and listed by target in id order") {
  EliteNetwork net(3);
  const auto a = net.add_edge(0, 2, EdgeType::advice, 0.5);
  const auto b = net.add_edge(1, 2, EdgeType::diplomatic, 0.3);
  const auto c = net.add_edge(1, 2, EdgeType::advice, 0.7);
  CHECK(net.find(0, 2, EdgeType::advice) == a);
  CHECK(net.find(1, 2, EdgeType::diplomatic) == b);
  CHECK(net.find(2, 0, EdgeType::advice) == -1);
  net.set_weight(c, 0.9);
  std::vector<std::pair<std::size_t, double>> seen;
  net.for_each_in(2, EdgeType::advice, [&](std::size_t s, double w) { seen.emplace_back(s, w); });
  CHECK(seen == std::vector<std::pair<std::size_t, double>>{{0, 0.5}, {1, 0.9}});
  CHECK(net.edge(b).type == EdgeType::diplomatic);
}

TEST_CASE("a CSR layer lists each vertex's in-neighbours with their weights") {
  // Edges s -> t: 0->1 (w1), 2->1 (w2), 1->0 (w3), 2->0 (w4); vertex 2 has none.
  CsrLayer layer(3, {{0, 1}, {2, 1}, {1, 0}, {2, 0}}, {1.f, 2.f, 3.f, 4.f}, EdgeType::kin);
  CHECK(layer.edge_count() == 4);
  auto in1 = layer.sources_of(1);
  REQUIRE(in1.size() == 2);
  CHECK(in1[0] == 0);
  CHECK(in1[1] == 2);
  CHECK(layer.weights()[layer.first_edge(1)] == 1.f);
  CHECK(layer.weights()[layer.first_edge(1) + 1] == 2.f);
  auto in0 = layer.sources_of(0);
  REQUIRE(in0.size() == 2);
  CHECK(layer.weights()[layer.first_edge(0)] == 3.f);
  CHECK(layer.sources_of(2).empty());
}

TEST_CASE("a CSR layer of a million vertices and ten million edges builds compactly") {
  const std::uint32_t n = 1'000'000;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(10ull * n);
  std::uint64_t x = 88172645463325252ull;
  for (std::uint32_t v = 0; v < n; ++v)
    for (int k = 0; k < 10; ++k) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      edges.emplace_back(static_cast<std::uint32_t>(x % n), v);
    }
  std::vector<float> w(edges.size(), 1.0f);
  CsrLayer layer(n, std::move(edges), std::move(w), EdgeType::kin);
  CHECK(layer.edge_count() == 10ull * n);
  CHECK(layer.sources_of(12345).size() == 10);
  // 4 bytes of target + 4 of weight per edge, 4 per vertex row start (and nothing else).
  CHECK(layer.memory_bytes() <= 8ull * layer.edge_count() + 4ull * (n + 1) + 64);
}
