#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "agents/political.hpp"
#include "world/config.hpp"

using namespace vecinos;

namespace {

using Matrix = std::vector<std::vector<double>>;

// Solves A x = b by Gaussian elimination with partial pivoting (small dense systems).
std::vector<double> solve(Matrix a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
    std::swap(a[c], a[p]);
    std::swap(b[c], b[p]);
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t k = i + 1; k < n; ++k) s -= a[i][k] * x[k];
    x[i] = s / a[i][i];
  }
  return x;
}

ActorParams actor(const char* name, Country c, double pos0, double stubborn, double self) {
  ActorParams p;
  p.name = name;
  p.country = c;
  p.position.fill(pos0);
  p.position[1] = 1.0 - pos0;  // a second issue with different views
  p.salience.fill(1.0 / kIssueCount);
  p.stubbornness = stubborn;
  p.self_weight = self;
  return p;
}

// Five actors: two presidents, two officials of the U.S. president, one legislature of Mexico's,
// plus a diplomatic edge (ignored by the update) and an advice edge between officials.
Config small_config(double stubbornness) {
  Config c;
  PresidentParams us, mx;
  static_cast<ActorParams&>(us) = actor("P-us", Country::us, 0.9, stubbornness, 1.0);
  static_cast<ActorParams&>(mx) = actor("P-mx", Country::mx, 0.2, stubbornness * 0.5, 2.0);
  c.presidents = {{"us", us}, {"mx", mx}};
  OfficialParams a, b;
  static_cast<ActorParams&>(a) = actor("A", Country::us, 1.0, stubbornness, 1.0);
  static_cast<ActorParams&>(b) = actor("B", Country::us, 0.4, stubbornness * 0.8, 0.5);
  a.advises = b.advises = "us";
  a.access = 0.9, a.loyalty = 0.3, b.access = 0.4, b.loyalty = 0.6;
  c.officials = {{"a", a}, {"b", b}};
  LegislatureParams l;
  static_cast<ActorParams&>(l) = actor("L", Country::mx, 0.5, stubbornness, 1.5);
  l.advises = "mx";
  l.influence = 0.7;
  c.legislatures = {{"l", l}};
  c.network.edges = {{"us", "mx", EdgeType::diplomatic, 1.0},
                     {"a", "b", EdgeType::advice, 0.5},
                     {"mx", "l", EdgeType::advice, 0.2},
                     {"us", "mx", EdgeType::advice, 0.1}};
  return c;
}

// Row-normalised influence matrix W (self weights on the diagonal, advice edges only).
Matrix influence_matrix(const Politics& pol, const EliteNetwork& net) {
  const std::size_t n = pol.size();
  Matrix w(n, std::vector<double>(n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    w[i][i] = pol.actor(i).self_weight;
    net.for_each_in(i, EdgeType::advice, [&](std::size_t j, double x) { w[i][j] += x; });
    double row = 0;
    for (double x : w[i]) row += x;
    for (double& x : w[i]) x /= row;
  }
  return w;
}

void iterate(Politics& pol, const EliteNetwork& net, int steps) {
  StepContext ctx;
  for (int s = 0; s < steps; ++s, ++ctx.tick) {
    pol.decide({&net}, ctx);
    pol.resolve(ctx);
  }
}

Politics build(const Config& cfg, EliteNetwork& net) {
  Politics pol;
  pol.build(cfg, {}, StepContext{});
  pol.connect(cfg, net);
  return pol;
}

}  // namespace

TEST_CASE("Friedkin-Johnsen positions converge to x* = (I - Lambda W)^-1 (I - Lambda) u") {
  const Config cfg = small_config(0.3);
  EliteNetwork net;
  Politics pol = build(cfg, net);
  const std::size_t n = pol.size();
  REQUIRE(n == 5);
  const Matrix w = influence_matrix(pol, net);
  iterate(pol, net, 2000);
  for (std::size_t k : {std::size_t{0}, std::size_t{1}}) {
    Matrix a(n, std::vector<double>(n, 0.0));
    std::vector<double> b(n);
    for (std::size_t i = 0; i < n; ++i) {
      const double lambda = pol.actor(i).susceptibility;
      for (std::size_t j = 0; j < n; ++j) a[i][j] = (i == j ? 1.0 : 0.0) - lambda * w[i][j];
      b[i] = (1.0 - lambda) * pol.actor(i).anchor[k];
    }
    const auto expected = solve(a, b);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(pol.position(i)[k] == doctest::Approx(expected[i]).epsilon(1e-10));
  }
}

TEST_CASE(
    "without stubbornness (DeGroot) a connected group reaches the left-eigenvector consensus") {
  Config cfg = small_config(0.0);
  // Connect the two governments in both directions so the advice graph is strongly connected.
  cfg.network.edges.push_back({"mx", "us", EdgeType::advice, 0.15});
  EliteNetwork net;
  Politics pol = build(cfg, net);
  const std::size_t n = pol.size();
  const Matrix w = influence_matrix(pol, net);
  // pi W = pi, sum pi = 1: (W^T - I) pi = 0 with the last equation replaced by the sum.
  Matrix a(n, std::vector<double>(n, 0.0));
  std::vector<double> b(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) a[i][j] = w[j][i] - (i == j ? 1.0 : 0.0);
  for (std::size_t j = 0; j < n; ++j) a[n - 1][j] = 1.0;
  b[n - 1] = 1.0;
  const auto pi = solve(a, b);
  for (std::size_t k : {std::size_t{0}, std::size_t{1}}) {
    double consensus = 0;
    for (std::size_t i = 0; i < n; ++i) consensus += pi[i] * pol.position(i)[k];
    Politics copy = pol;
    iterate(copy, net, 20000);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(copy.position(i)[k] == doctest::Approx(consensus).epsilon(1e-9));
  }
}

TEST_CASE("a fully stubborn actor keeps its initial position") {
  Config cfg = small_config(0.3);
  cfg.presidents.at("us").stubbornness = 1.0;
  EliteNetwork net;
  Politics pol = build(cfg, net);
  iterate(pol, net, 50);
  const auto us = pol.us_president();
  CHECK(pol.position(us) == pol.actor(us).anchor);
  CHECK(pol.position(pol.mx_president()) != pol.actor(pol.mx_president()).anchor);
}
