#include "model/bargain/problem.hpp"

#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "model/bargain/options.hpp"
#include "model/errors.hpp"
#include "model/rng.hpp"

namespace vecinos::bargain {

void validate(const Problem& p) {
  const std::size_t nd = p.dimensions.size();
  if (p.actors.size() < 2)
    throw InputError(fmt::format("bargaining problem '{}': needs at least 2 actors, has {}", p.name,
                                 p.actors.size()));
  if (nd == 0)
    throw InputError(fmt::format("bargaining problem '{}': needs at least 1 dimension", p.name));
  for (const Actor& a : p.actors) {
    auto fail = [&](const std::string& what) {
      throw InputError(
          fmt::format("bargaining problem '{}', actor '{}': {}", p.name, a.name, what));
    };
    if (!(std::isfinite(a.capability) && a.capability > 0.0))
      fail(fmt::format("capability must be a positive number, is {}", a.capability));
    if (a.position.size() != nd || a.salience.size() != nd)
      fail(fmt::format("has {} positions and {} saliences for {} dimensions", a.position.size(),
                       a.salience.size(), nd));
    for (std::size_t k = 0; k < nd; ++k) {
      if (!(a.position[k] >= 0.0 && a.position[k] <= 1.0))
        fail(fmt::format("position on '{}' must be in [0, 1], is {}", p.dimensions[k],
                         a.position[k]));
      if (!(a.salience[k] >= 0.0 && a.salience[k] <= 1.0))
        fail(fmt::format("salience on '{}' must be in [0, 1], is {}", p.dimensions[k],
                         a.salience[k]));
    }
    const double total = std::accumulate(a.salience.begin(), a.salience.end(), 0.0);
    if (!(total > 0.0 && total <= 1.0 + 1e-6))
      fail(fmt::format("saliences must sum to more than 0 and at most 1, sum to {}", total));
  }
}

Problem random_problem(int actors, int dimensions, std::uint64_t seed) {
  Problem p;
  p.name = fmt::format("random-{}x{}", actors, dimensions);
  p.description = fmt::format("random problem, seed {}", seed);
  for (int k = 0; k < dimensions; ++k) p.dimensions.push_back(fmt::format("dim{}", k + 1));
  const auto nd = static_cast<std::size_t>(dimensions);
  for (int i = 0; i < actors; ++i) {
    Rng rng(seed, 0, 0, static_cast<std::uint64_t>(i), kRandomProblemStream);
    Actor a;
    a.name = fmt::format("A{:03}", i);
    a.description = "random actor";
    a.capability = 10.0 + 190.0 * rng.uniform();
    const double total = 0.75 + 0.24 * rng.uniform();
    a.salience.resize(nd);
    for (double& s : a.salience) s = 0.1 + 0.9 * rng.uniform();
    const double raw = std::accumulate(a.salience.begin(), a.salience.end(), 0.0);
    for (double& s : a.salience) s *= total / raw;
    a.position.resize(nd);
    for (double& x : a.position) x = rng.uniform();
    p.actors.push_back(std::move(a));
  }
  return p;
}

}  // namespace vecinos::bargain
