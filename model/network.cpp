#include "model/network.hpp"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <tuple>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "model/errors.hpp"

namespace vecinos {

std::span<const std::pair<std::string_view, EdgeType>> names(EdgeType) {
  static constexpr std::pair<std::string_view, EdgeType> kTable[] = {
      {"advice", EdgeType::advice},
      {"diplomatic", EdgeType::diplomatic},
      {"lobbying", EdgeType::lobbying},
      {"coercion", EdgeType::coercion},
      {"kin", EdgeType::kin}};
  return kTable;
}

EliteNetwork::EliteNetwork(const EliteNetwork& other) : g_(other.g_), in_sorted_(other.in_sorted_) {
  index_edges();
}

// Boost's adjacency_list has no move operations: "moving" the graph copies it (as std::move
// did here before, silently); the sorted in-edge lists do move.
EliteNetwork::EliteNetwork(EliteNetwork&& other) noexcept
    : g_(other.g_), in_sorted_(std::move(other.in_sorted_)) {
  index_edges();
}

EliteNetwork& EliteNetwork::operator=(const EliteNetwork& other) {
  if (this != &other) {
    g_ = other.g_;
    in_sorted_ = other.in_sorted_;
    index_edges();
  }
  return *this;
}

EliteNetwork& EliteNetwork::operator=(EliteNetwork&& other) noexcept {
  if (this != &other) {
    g_ = other.g_;  // a copy: see the move constructor
    in_sorted_ = std::move(other.in_sorted_);
    index_edges();
  }
  return *this;
}

void EliteNetwork::index_edges() {
  edges_.assign(boost::num_edges(g_), Edge{});
  for (auto [it, end] = boost::edges(g_); it != end; ++it) edges_[g_[*it].id] = *it;
}

std::uint32_t EliteNetwork::add_edge(std::size_t source, std::size_t target, EdgeType type,
                                     double weight) {
  if (source >= vertex_count() || target >= vertex_count())
    throw RuntimeError("EliteNetwork::add_edge: vertex out of range");
  const auto id = static_cast<std::uint32_t>(edges_.size());
  auto [e, ok] = boost::add_edge(source, target, EliteEdge{type, weight, id}, g_);
  (void)ok;
  edges_.push_back(e);
  if (in_sorted_.size() < vertex_count()) in_sorted_.resize(vertex_count());
  in_sorted_[target].push_back(id);  // ids grow, so the list stays sorted
  return id;
}

std::int64_t EliteNetwork::find(std::size_t source, std::size_t target, EdgeType type) const {
  if (target >= in_sorted_.size()) return -1;
  for (auto id : in_sorted_[target]) {
    const Edge& e = edges_[id];
    if (boost::source(e, g_) == source && g_[e].type == type) return id;
  }
  return -1;
}

EliteNetwork::EdgeView EliteNetwork::edge(std::uint32_t id) const {
  const Edge& e = edges_.at(id);
  const EliteEdge& p = g_[e];
  return {id, boost::source(e, g_), boost::target(e, g_), p.type, p.weight};
}

void EliteNetwork::set_weight(std::uint32_t id, double weight) {
  g_[edges_.at(id)].weight = weight;
}

CsrLayer::CsrLayer(std::size_t vertices, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges,
                   std::vector<float> weights, EdgeType type)
    : type_(type) {
  if (edges.size() != weights.size()) throw RuntimeError("CsrLayer: one weight per edge is needed");
  // Rows are in-neighbour lists in a canonical order: by target, then source, then weight.
  // Edges given already grouped by target (the usual way a layer is generated) only need each
  // row sorted; otherwise they are sorted as a whole.
  const auto key = [&](std::uint32_t a) {
    return std::tuple(edges[a].second, edges[a].first, weights[a]);
  };
  std::vector<std::uint32_t> order(edges.size());
  std::iota(order.begin(), order.end(), 0u);
  const bool by_target = std::is_sorted(
      edges.begin(), edges.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (by_target) {
    std::size_t b = 0;
    while (b < order.size()) {
      std::size_t e = b + 1;
      while (e < order.size() && edges[e].second == edges[b].second) ++e;
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(b),
                order.begin() + static_cast<std::ptrdiff_t>(e),
                [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
      b = e;
    }
  } else {
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t x, std::uint32_t y) { return key(x) < key(y); });
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> reversed(edges.size());
  weights_.resize(weights.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& [s, t] = edges[order[i]];
    reversed[i] = {t, s};
    weights_[i] = weights[order[i]];
  }
  edges.clear();
  edges.shrink_to_fit();
  order.clear();
  order.shrink_to_fit();
  g_ = Graph(boost::edges_are_sorted, reversed.begin(), reversed.end(),
             static_cast<std::uint32_t>(vertices));
  g_.m_forward.m_column.shrink_to_fit();  // construction may leave spare capacity
}

CsrLayer CsrLayer::from_rows(std::vector<std::uint32_t> rowstart,
                             std::vector<std::uint32_t> sources, std::vector<float> weights,
                             EdgeType type) {
  if (rowstart.empty() || rowstart.front() != 0 || rowstart.back() != sources.size() ||
      sources.size() != weights.size())
    throw RuntimeError(
        "CsrLayer::from_rows: rowstart must run from 0 to the number of sources, "
        "with one weight per source");
  const std::size_t vertices = rowstart.size() - 1;
  std::atomic<bool> ok{true};
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, vertices, 8192),
      [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t v = r.begin(); v != r.end(); ++v) {
          if (rowstart[v] > rowstart[v + 1]) {
            ok = false;
            return;
          }
          for (std::uint32_t e = rowstart[v]; e + 1 < rowstart[v + 1]; ++e)
            if (std::pair(sources[e], weights[e]) > std::pair(sources[e + 1], weights[e + 1]))
              ok = false;
          for (std::uint32_t e = rowstart[v]; e < rowstart[v + 1]; ++e)
            if (sources[e] >= vertices) ok = false;
        }
      });
  if (!ok)
    throw RuntimeError("CsrLayer::from_rows: a row is out of order or names a missing vertex");
  CsrLayer layer;
  layer.type_ = type;
  layer.g_ = Graph(static_cast<std::uint32_t>(vertices));
  layer.g_.m_forward.m_rowstart = std::move(rowstart);
  layer.g_.m_forward.m_column = std::move(sources);
  layer.weights_ = std::move(weights);
  return layer;
}

std::size_t CsrLayer::memory_bytes() const {
  return g_.m_forward.m_rowstart.capacity() * sizeof(std::uint32_t) +
         g_.m_forward.m_column.capacity() * sizeof(std::uint32_t) +
         weights_.capacity() * sizeof(float);
}

}  // namespace vecinos
