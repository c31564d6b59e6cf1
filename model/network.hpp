#pragma once
// The influence network (Boost.Graph).
//
// Two parts:
//  - the elite layer, a small mutable directed graph (adjacency_list) among political actors,
//    whose edges are typed and weighted and can be added or reweighted during a run;
//  - large static layers (firms' lobbying, migrants' kin and diaspora ties) as compressed
//    sparse row graphs with 32-bit indices, stored by target so a vertex reads its
//    in-neighbours in one contiguous range; their weights live in a separate array that can
//    change every tick. A layer of 10 million vertices and 50 million edges takes about
//    (4 + 4 + 4) bytes per edge plus 4 per vertex.
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

namespace vecinos {

enum class EdgeType : std::uint8_t { advice, diplomatic, lobbying, coercion, kin };
inline constexpr std::size_t kEdgeTypeCount = 5;
inline constexpr std::array<std::string_view, kEdgeTypeCount> kEdgeTypeNames = {
    "advice", "diplomatic", "lobbying", "coercion", "kin"};
/// Table for the config schema (found by argument-dependent lookup).
std::span<const std::pair<std::string_view, EdgeType>> names(EdgeType);

struct EliteEdge {
  EdgeType type = EdgeType::advice;
  double weight = 0.0;
  std::uint32_t id = 0;  ///< stable index, in order of creation (for recording)
};

/// The small mutable layer among political actors; vertex i is political actor i.
class EliteNetwork {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                      boost::no_property, EliteEdge>;
  using Edge = Graph::edge_descriptor;

  // Every vertex has its (possibly empty) in-edge list from the start: a network without edges
  // (a config with presidents only) is still read by for_each_in.
  explicit EliteNetwork(std::size_t vertices = 0) : g_(vertices), in_sorted_(vertices) {}
  // Edge descriptors point into the graph they came from: a copy or a move finds its own.
  EliteNetwork(const EliteNetwork& other);
  EliteNetwork(EliteNetwork&& other) noexcept;
  EliteNetwork& operator=(const EliteNetwork& other);
  EliteNetwork& operator=(EliteNetwork&& other) noexcept;
  ~EliteNetwork() = default;

  [[nodiscard]] std::size_t vertex_count() const { return boost::num_vertices(g_); }
  [[nodiscard]] std::size_t edge_count() const { return edges_.size(); }

  /// Adds an edge source -> target ("source influences target"); returns its id.
  std::uint32_t add_edge(std::size_t source, std::size_t target, EdgeType type, double weight);
  /// The edge of this type from source to target, or -1 when there is none.
  [[nodiscard]] std::int64_t find(std::size_t source, std::size_t target, EdgeType type) const;

  struct EdgeView {
    std::uint32_t id;
    std::size_t source, target;
    EdgeType type;
    double weight;
  };
  [[nodiscard]] EdgeView edge(std::uint32_t id) const;
  void set_weight(std::uint32_t id, double weight);

  /// Calls f(source, weight) for every in-edge of `target` of the given type, in id order.
  template <class F>
  void for_each_in(std::size_t target, EdgeType type, F&& f) const {
    if (target >= in_sorted_.size()) return;  // a vertex without in-edges
    for (auto e : in_sorted_[target]) {
      const EliteEdge& p = g_[edges_[e]];
      if (p.type == type) f(boost::source(edges_[e], g_), p.weight);
    }
  }

  [[nodiscard]] const Graph& graph() const { return g_; }

 private:
  void index_edges();

  Graph g_;
  std::vector<Edge> edges_;                            ///< by id
  std::vector<std::vector<std::uint32_t>> in_sorted_;  ///< in-edge ids by target, ascending
};

/// A large static layer stored by target (compressed sparse row), with mutable weights.
class CsrLayer {
 public:
  using Graph =
      boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                         boost::no_property, std::uint32_t, std::uint32_t>;

  CsrLayer() = default;
  /// Builds the layer from (source, target) pairs with weights; `type` names the tie.
  CsrLayer(std::size_t vertices, std::vector<std::pair<std::uint32_t, std::uint32_t>> edges,
           std::vector<float> weights, EdgeType type);
  /// The layer from its rows directly: row v holds v's in-neighbours sources[rowstart[v] ..
  /// rowstart[v + 1]) with their weights, each row already in the canonical order (by source,
  /// then weight), as the constructor above would leave it. Takes the vectors without copying
  /// (a population's kin layer: tens of millions of ties); throws RuntimeError when the rows do
  /// not fit together or a row is out of order.
  static CsrLayer from_rows(std::vector<std::uint32_t> rowstart, std::vector<std::uint32_t> sources,
                            std::vector<float> weights, EdgeType type);

  [[nodiscard]] std::size_t vertex_count() const { return boost::num_vertices(g_); }
  [[nodiscard]] std::size_t edge_count() const { return weights_.size(); }
  [[nodiscard]] EdgeType type() const { return type_; }

  /// In-neighbours of v and the indices of those edges (into weights()).
  [[nodiscard]] std::span<const std::uint32_t> sources_of(std::uint32_t v) const {
    const auto& rs = g_.m_forward.m_rowstart;
    return {g_.m_forward.m_column.data() + rs[v], rs[v + 1] - rs[v]};
  }
  [[nodiscard]] std::uint32_t first_edge(std::uint32_t v) const {
    return g_.m_forward.m_rowstart[v];
  }
  [[nodiscard]] std::span<float> weights() { return weights_; }
  [[nodiscard]] std::span<const float> weights() const { return weights_; }
  [[nodiscard]] const Graph& graph() const { return g_; }
  /// Bytes held by the graph and its weights.
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  Graph g_;  ///< edges reversed: target -> source, so out-edges are in-neighbours
  std::vector<float> weights_;  ///< by CSR edge index
  EdgeType type_ = EdgeType::kin;
};

}  // namespace vecinos
