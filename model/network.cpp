#include "model/network.hpp"

#include <algorithm>
#include <numeric>

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
  // Reverse every edge (target -> source) and sort by (target, source), carrying the weights, so
  // the CSR rows are in-neighbour lists in a canonical order.
  std::vector<std::uint32_t> order(edges.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::pair(edges[a].second, edges[a].first) < std::pair(edges[b].second, edges[b].first);
  });
  std::vector<std::pair<std::uint32_t, std::uint32_t>> reversed;
  reversed.reserve(edges.size());
  weights_.resize(weights.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& [s, t] = edges[order[i]];
    reversed.emplace_back(t, s);
    weights_[i] = weights[order[i]];
  }
  edges.clear();
  edges.shrink_to_fit();
  g_ = Graph(boost::edges_are_sorted, reversed.begin(), reversed.end(),
             static_cast<std::uint32_t>(vertices));
  g_.m_forward.m_column.shrink_to_fit();  // construction may leave spare capacity
}

std::size_t CsrLayer::memory_bytes() const {
  return g_.m_forward.m_rowstart.capacity() * sizeof(std::uint32_t) +
         g_.m_forward.m_column.capacity() * sizeof(std::uint32_t) +
         weights_.capacity() * sizeof(float);
}

}  // namespace vecinos
