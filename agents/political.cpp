#include "agents/political.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "model/errors.hpp"

namespace vecinos {

std::string_view name(ActorKind k) {
  switch (k) {
    case ActorKind::president: return "president";
    case ActorKind::official: return "official";
    case ActorKind::legislature: return "legislature";
    case ActorKind::lobby: return "lobby";
  }
  return "?";
}

std::uint64_t stable_key(std::string_view id) {
  Fnv1a h;
  h.bytes(id.data(), id.size());
  return h.result();
}

namespace {
PoliticalActor from_params(const std::string& id, const ActorParams& p, ActorKind kind) {
  PoliticalActor a;
  a.id = id;
  a.key = stable_key(id);
  a.name = p.name;
  a.kind = kind;
  a.country = p.country;
  a.capability = p.capability;
  // The config accepts weights summing to 1 within 0.01; use them normalised exactly.
  double sum = 0.0;
  for (double x : p.salience) sum += x;
  for (std::size_t k = 0; k < kIssueCount; ++k) a.salience[k] = sum > 0 ? p.salience[k] / sum : 0.0;
  a.anchor = p.position;
  a.susceptibility = 1.0 - p.stubbornness;
  a.self_weight = p.self_weight;
  a.forbearance = p.forbearance;
  a.hawkishness = p.hawkishness;
  return a;
}
}  // namespace

void Politics::build(const PoliticalParams& cfg, const PoliticalDrivers& /*d0*/,
                     const StepContext& /*ctx*/) {
  actors_.clear();
  position_.clear();
  for (const auto& [id, p] : cfg.presidents) {
    if (p.country == Country::us) us_president_ = actors_.size();
    if (p.country == Country::mx) mx_president_ = actors_.size();
    actors_.push_back(from_params(id, p, ActorKind::president));
    actors_.back().magnanimity = p.magnanimity;
    actors_.back().tariff_propensity = p.tariff_propensity;
    actors_.back().decides = p.decides;
  }
  for (const auto& [id, o] : cfg.officials) {
    actors_.push_back(from_params(id, o, ActorKind::official));
    actors_.back().role = o.role;
  }
  for (const auto& [id, l] : cfg.legislatures)
    actors_.push_back(from_params(id, l, ActorKind::legislature));
  for (const auto& [id, b] : cfg.lobbies) {
    actors_.push_back(from_params(id, b, ActorKind::lobby));
    actors_.back().owner = b.owner;
    actors_.back().influence = b.influence;
    actors_.back().grievance_gain = b.grievance_gain;
  }
  for (const auto& a : actors_) position_.push_back(a.anchor);
  next_position_ = position_;
  auto serve = [&](const std::string& id, const std::string& whom) {
    const auto me = find(id), boss = find(whom);
    if (me < 0 || boss < 0) throw RuntimeError("Politics::build: unknown actor id '" + whom + "'");
    actors_[static_cast<std::size_t>(me)].serves = static_cast<std::int32_t>(boss);
  };
  for (const auto& [id, o] : cfg.officials) serve(id, o.advises);
  for (const auto& [id, l] : cfg.legislatures) serve(id, l.advises);
  for (const auto& [id, b] : cfg.lobbies) serve(id, b.lobbies);
}

void Politics::connect(const PoliticalParams& cfg, EliteNetwork& net) {
  net = EliteNetwork(actors_.size());
  auto index_of = [&](const std::string& id) {
    const auto i = find(id);
    if (i < 0) throw RuntimeError("Politics::connect: unknown actor id '" + id + "'");
    return static_cast<std::size_t>(i);
  };
  for (const auto& [id, o] : cfg.officials) {
    const std::size_t me = index_of(id), boss = index_of(o.advises);
    if (o.access > 0) net.add_edge(me, boss, EdgeType::advice, o.access);
    if (o.loyalty > 0) net.add_edge(boss, me, EdgeType::advice, o.loyalty);
  }
  for (const auto& [id, l] : cfg.legislatures) {
    const std::size_t me = index_of(id), boss = index_of(l.advises);
    if (l.influence > 0) net.add_edge(me, boss, EdgeType::advice, l.influence);
  }
  for (const auto& [id, b] : cfg.lobbies) {
    const std::size_t me = index_of(id), target = index_of(b.lobbies);
    actors_[me].lobby_edge = net.add_edge(me, target, EdgeType::lobbying, b.influence);
  }
  for (const auto& e : cfg.network.edges)
    net.add_edge(index_of(e.from), index_of(e.to), e.type, e.weight);
}

void Politics::decide(const PoliticalDrivers& d, const StepContext& /*ctx*/) {
  const std::size_t n = actors_.size();
  next_position_.resize(n);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i)
                        next_position_[i] = influenced_position(i, *d.network);
                    });
}

std::int64_t Politics::find(std::string_view id) const {
  for (std::size_t i = 0; i < actors_.size(); ++i)
    if (actors_[i].id == id) return static_cast<std::int64_t>(i);
  return -1;
}

IssueVector Politics::influenced_position(std::size_t i, const EliteNetwork& net) const {
  const PoliticalActor& a = actors_[i];
  IssueVector sum{};
  double total = a.self_weight;
  for (std::size_t k = 0; k < kIssueCount; ++k) sum[k] = a.self_weight * position_[i][k];
  auto add = [&](std::size_t j, double w) {
    total += w;
    for (std::size_t k = 0; k < kIssueCount; ++k) sum[k] += w * position_[j][k];
  };
  net.for_each_in(i, EdgeType::advice, add);
  net.for_each_in(i, EdgeType::lobbying, add);
  IssueVector next{};
  for (std::size_t k = 0; k < kIssueCount; ++k) {
    const double social = total > 0 ? sum[k] / total : position_[i][k];
    next[k] = a.susceptibility * social + (1.0 - a.susceptibility) * a.anchor[k];
  }
  return next;
}

}  // namespace vecinos
