#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "model/errors.hpp"
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

TEST_CASE("a CSR layer built from its rows equals the one built from the edge list") {
  // 2,000 vertices, 0-5 in-ties each from random sources, weights from a small set.
  const std::uint32_t n = 2000;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<float> w;
  std::vector<std::uint32_t> rowstart{0}, sources;
  std::vector<float> row_w;
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  auto next = [&] { return x ^= x << 13, x ^= x >> 7, x ^= x << 17, x; };
  for (std::uint32_t v = 0; v < n; ++v) {
    std::vector<std::pair<std::uint32_t, float>> row;
    for (std::uint64_t k = next() % 6; k > 0; --k)
      row.emplace_back(static_cast<std::uint32_t>(next() % n), static_cast<float>(next() % 3));
    for (const auto& [s, wt] : row) edges.emplace_back(s, v), w.push_back(wt);
    std::sort(row.begin(), row.end());  // the canonical order of a row
    for (const auto& [s, wt] : row) sources.push_back(s), row_w.push_back(wt);
    rowstart.push_back(static_cast<std::uint32_t>(sources.size()));
  }
  const CsrLayer a(n, edges, w, EdgeType::kin);
  const CsrLayer b = CsrLayer::from_rows(rowstart, sources, row_w, EdgeType::kin);
  REQUIRE(b.vertex_count() == n);
  REQUIRE(b.edge_count() == a.edge_count());
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto sa = a.sources_of(v), sb = b.sources_of(v);
    REQUIRE(std::vector<std::uint32_t>(sa.begin(), sa.end()) ==
            std::vector<std::uint32_t>(sb.begin(), sb.end()));
    CHECK(a.first_edge(v) == b.first_edge(v));
  }
  CHECK(std::vector<float>(a.weights().begin(), a.weights().end()) ==
        std::vector<float>(b.weights().begin(), b.weights().end()));

  // Rows that do not fit together, out of order, or naming a missing vertex are refused.
  CHECK_THROWS_AS(CsrLayer::from_rows({0, 2}, {1}, {1.f}, EdgeType::kin), RuntimeError);
  CHECK_THROWS_AS(CsrLayer::from_rows({0, 2, 2}, {1, 0}, {1.f, 1.f}, EdgeType::kin), RuntimeError);
  CHECK_THROWS_AS(CsrLayer::from_rows({0, 1, 1}, {7}, {1.f}, EdgeType::kin), RuntimeError);
}
