#include "agents/political.hpp"

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

namespace {
PoliticalActor from_params(const std::string& id, const ActorParams& p, ActorKind kind) {
  PoliticalActor a;
  a.id = id;
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

Politics Politics::build(const PoliticalParams& cfg, EliteNetwork& net) {
  Politics pol;
  for (const auto& [id, p] : cfg.presidents) {
    if (p.country == Country::us) pol.us_president_ = pol.actors_.size();
    if (p.country == Country::mx) pol.mx_president_ = pol.actors_.size();
    pol.actors_.push_back(from_params(id, p, ActorKind::president));
    pol.actors_.back().magnanimity = p.magnanimity;
    pol.actors_.back().tariff_propensity = p.tariff_propensity;
  }
  for (const auto& [id, o] : cfg.officials) {
    pol.actors_.push_back(from_params(id, o, ActorKind::official));
    pol.actors_.back().role = o.role;
  }
  for (const auto& [id, l] : cfg.legislatures)
    pol.actors_.push_back(from_params(id, l, ActorKind::legislature));
  for (const auto& [id, b] : cfg.lobbies) {
    pol.actors_.push_back(from_params(id, b, ActorKind::lobby));
    pol.actors_.back().owner = b.owner == "us" ? 0 : b.owner == "mx" ? 1 : 2;
    pol.actors_.back().influence = b.influence;
    pol.actors_.back().grievance_gain = b.grievance_gain;
  }
  for (const auto& a : pol.actors_) pol.position_.push_back(a.anchor);

  net = EliteNetwork(pol.actors_.size());
  auto index_of = [&](const std::string& id) {
    const auto i = pol.find(id);
    if (i < 0) throw RuntimeError("Politics::build: unknown actor id '" + id + "'");
    return static_cast<std::size_t>(i);
  };
  for (const auto& [id, o] : cfg.officials) {
    const std::size_t me = index_of(id), boss = index_of(o.advises);
    pol.actors_[me].serves = static_cast<std::int32_t>(boss);
    if (o.access > 0) net.add_edge(me, boss, EdgeType::advice, o.access);
    if (o.loyalty > 0) net.add_edge(boss, me, EdgeType::advice, o.loyalty);
  }
  for (const auto& [id, l] : cfg.legislatures) {
    const std::size_t me = index_of(id), boss = index_of(l.advises);
    pol.actors_[me].serves = static_cast<std::int32_t>(boss);
    if (l.influence > 0) net.add_edge(me, boss, EdgeType::advice, l.influence);
  }
  for (const auto& [id, b] : cfg.lobbies) {
    const std::size_t me = index_of(id), target = index_of(b.lobbies);
    pol.actors_[me].serves = static_cast<std::int32_t>(target);
    pol.actors_[me].lobby_edge = net.add_edge(me, target, EdgeType::lobbying, b.influence);
  }
  for (const auto& e : cfg.network.edges)
    net.add_edge(index_of(e.from), index_of(e.to), e.type, e.weight);
  return pol;
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
