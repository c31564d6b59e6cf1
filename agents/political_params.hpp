#pragma once
// Parameters of the political actors (presidents, cabinet officials and envoys, legislatures)
// and their schema. Values for the seed's actors are in configs/baseline.yaml.
#include <map>
#include <string>

#include "agents/country.hpp"
#include "agents/issues.hpp"
#include "agents/owner.hpp"
#include "model/network.hpp"
#include "model/schema.hpp"

namespace vecinos {

/// What every political actor has: a view on each issue, how much each issue matters to it,
/// its power, how it updates its views, and its style.
struct ActorParams {
  std::string name;
  Country country = Country::us;
  double capability = 1.0;    ///< relative power (KTAB "influence")
  IssueVector position{};     ///< 0..1 per issue
  IssueVector salience{};     ///< weights per issue, summing to 1
  double stubbornness = 0.5;  ///< Friedkin-Johnsen anchoring to the initial position
  double self_weight = 1.0;   ///< weight of its own view among its advisers'
  double forbearance = 0.5;   ///< probability of letting an insult pass unanswered
  double hawkishness = 0.5;   ///< disposition to coercive rather than cooperative action
};

struct PresidentParams : ActorParams {
  double approval = 0.5;           ///< initial approval rating
  double magnanimity = 0.5;        ///< how much the personal bond softens the president's acts
  double tariff_propensity = 0.5;  ///< disposition to use tariffs as leverage
  bool decides = true;             ///< chooses actions (false: takes only forced ones)
};

struct OfficialParams : ActorParams {
  std::string role;
  std::string advises;   ///< id of the president this official serves
  double access = 0.5;   ///< weight of this official's advice edge to the president
  double loyalty = 0.5;  ///< weight of the president's advice edge to this official
};

struct LegislatureParams : ActorParams {
  std::string advises;             ///< id of the president this legislature checks
  double influence = 0.3;          ///< weight of its advice edge to the president
  double ruling_share = 0.5;       ///< seat share of the president's party or coalition
  double supermajority = 2.0 / 3;  ///< share needed for constitutional changes
};

/// A business lobby: speaks for the firms of one owner country and presses a president.
struct LobbyParams : ActorParams {
  Owner owner = Owner::us;       ///< whose firms
  std::string lobbies;           ///< id of the president it presses
  double influence = 0.2;        ///< weight of its lobbying edge when its firms are content
  double grievance_gain = 20.0;  ///< rise of that weight per point of return its firms lost
};

/// An explicit edge of the elite influence network.
struct EdgeParams {
  std::string from, to;
  EdgeType type = EdgeType::advice;
  double weight = 0.0;
};

struct NetworkParams {
  std::vector<EdgeParams> edges;
};

/// Every political actor of a run, by kind and id, and the explicit edges among them.
struct PoliticalParams {
  std::map<std::string, PresidentParams> presidents;
  std::map<std::string, OfficialParams> officials;
  std::map<std::string, LegislatureParams> legislatures;
  std::map<std::string, LobbyParams> lobbies;
  NetworkParams network;
};

/// Adds the political actors' keys (presidents, officials, legislatures, lobbies) to the
/// schema of a config that derives from PoliticalParams (the network's keys are added by
/// describe_network, so that the config can place them).
template <class Config>
requires std::is_base_of_v<PoliticalParams, Config>
void describe_political(schema::Record<Config>& cfg);
template <class Config>
requires std::is_base_of_v<PoliticalParams, Config>
void describe_network(schema::Record<Config>& cfg);

namespace detail {
template <class T>
void describe_actor(schema::Record<T>& r) {
  r.add("name", &ActorParams::name, "full name, for outputs").required();
  r.add("country", &ActorParams::country, "country the actor belongs to").required();
  r.add("capability", &ActorParams::capability,
        "relative power in collective decisions (KTAB's 'influence')")
      .unit("relative")
      .range(0.0, 1000.0);
  r.array("position", &ActorParams::position, kIssueNames, 0.0, 1.0, "0..1",
          "initial position per issue (0 and 1 as defined in model/ODD.md)")
      .required();
  r.array(
       "salience", &ActorParams::salience, kIssueNames, 0.0, 1.0, "weight",
       "how much each issue matters; the six weights must sum to 1 (within 0.01; used normalised)")
      .required();
  r.add("stubbornness", &ActorParams::stubbornness,
        "Friedkin-Johnsen anchoring: weight of the initial position at every update")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("self_weight", &ActorParams::self_weight,
        "weight of the actor's own current view among its advisers' views")
      .unit("relative")
      .range(0.0, 100.0);
  r.add("forbearance", &ActorParams::forbearance,
        "probability of letting an insult or coercive act pass without answering it")
      .unit("probability")
      .range(0.0, 1.0);
  r.add("hawkishness", &ActorParams::hawkishness,
        "disposition to coercive rather than cooperative action")
      .unit("0..1")
      .range(0.0, 1.0);
}
}  // namespace detail

template <class Config>
requires std::is_base_of_v<PoliticalParams, Config>
void describe_political(schema::Record<Config>& cfg) {
  auto& p =
      cfg.map("presidents", &PoliticalParams::presidents, "heads of state and government, by id");
  detail::describe_actor(p);
  p.add("approval", &PresidentParams::approval, "approval rating at the start")
      .unit("fraction")
      .range(0.0, 1.0);
  p.add("magnanimity", &PresidentParams::magnanimity,
        "how much a good personal bond makes the president forgo hostile acts (and a bad one "
        "invites them)")
      .unit("0..1")
      .range(0.0, 1.0);
  p.add("tariff_propensity", &PresidentParams::tariff_propensity,
        "disposition to use tariffs as leverage (0.5 neutral)")
      .unit("0..1")
      .range(0.0, 1.0);
  p.add("decides", &PresidentParams::decides,
        "whether the president chooses actions (false: only the scenario's forced ones; for "
        "controlled experiments)");

  auto& o =
      cfg.map("officials", &PoliticalParams::officials, "cabinet officials and envoys, by id");
  detail::describe_actor(o);
  o.add("role", &OfficialParams::role, "office held (for outputs)");
  o.add("advises", &OfficialParams::advises, "id of the president served").required();
  o.add("access", &OfficialParams::access,
        "weight of the official's advice edge to the president (access to the president)")
      .unit("relative")
      .range(0.0, 10.0);
  o.add("loyalty", &OfficialParams::loyalty,
        "weight of the president's advice edge to the official")
      .unit("relative")
      .range(0.0, 10.0);

  auto& l = cfg.map("legislatures", &PoliticalParams::legislatures, "national legislatures, by id");
  detail::describe_actor(l);
  l.add("advises", &LegislatureParams::advises,
        "id of the president whose measures this legislature gates")
      .required();
  l.add("influence", &LegislatureParams::influence,
        "weight of the legislature's advice edge to the president")
      .unit("relative")
      .range(0.0, 10.0);
  l.add("ruling_share", &LegislatureParams::ruling_share,
        "seat share of the president's party or coalition")
      .unit("fraction")
      .range(0.0, 1.0);
  l.add("supermajority", &LegislatureParams::supermajority,
        "seat share needed for constitutional changes")
      .unit("fraction")
      .range(0.5, 1.0);

  auto& b = cfg.map("lobbies", &PoliticalParams::lobbies,
                    "business lobbies speaking for the firms of one owner country, by id");
  detail::describe_actor(b);
  b.add("owner", &LobbyParams::owner, "whose firms it speaks for");
  b.add("lobbies", &LobbyParams::lobbies, "id of the president it presses").required();
  b.add("influence", &LobbyParams::influence,
        "weight of its lobbying edge while its firms are content")
      .unit("relative")
      .range(0.0, 10.0);
  b.add("grievance_gain", &LobbyParams::grievance_gain,
        "relative rise of that weight per unit of expected return its firms have lost")
      .range(0.0, 1000.0);
}

template <class Config>
requires std::is_base_of_v<PoliticalParams, Config>
void describe_network(schema::Record<Config>& cfg) {
  auto& net = cfg.section("network", &PoliticalParams::network, "the elite influence network");
  auto& edge = net.list("edges", &NetworkParams::edges,
                        "explicit edges among political actors (advice edges of officials and "
                        "legislatures to their president are added from `access`/`influence`)");
  edge.add("from", &EdgeParams::from, "id of the influencing actor").required();
  edge.add("to", &EdgeParams::to, "id of the influenced actor").required();
  edge.add("type", &EdgeParams::type, "kind of tie").required();
  edge.add("weight", &EdgeParams::weight, "strength of the tie")
      .unit("relative")
      .range(0.0, 10.0)
      .required();
}

}  // namespace vecinos
