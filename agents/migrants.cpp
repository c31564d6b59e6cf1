#include "agents/migrants.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <utility>

#include <fmt/format.h>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "model/errors.hpp"
#include "model/reduce.hpp"
#include "model/rng.hpp"

namespace vecinos {

std::string_view name(MigrantStatus s) {
  static constexpr std::string_view kNames[] = {
      "mx_home", "us_unauthorized", "us_legal", "origin", "transit_mx", "held_mx", "us_other"};
  return kNames[static_cast<std::size_t>(s)];
}

std::string_view name(Transition t) {
  static constexpr std::string_view kNames[] = {"none",
                                                "mx_crossed",
                                                "mx_apprehended",
                                                "mx_removed",
                                                "mx_returned",
                                                "legal_returned",
                                                "other_entered",
                                                "other_crossed",
                                                "other_released",
                                                "other_removed_border",
                                                "other_held",
                                                "other_stopped_mx",
                                                "other_removed_interior",
                                                "other_gave_up",
                                                "held_released",
                                                "other_sent_to_mx",
                                                "other_sent_to_mx_interior"};
  static_assert(std::size(kNames) == kTransitionCount);
  return kNames[static_cast<std::size_t>(t)];
}

namespace {

using S = MigrantStatus;
using T = Transition;
constexpr auto u8(S s) {
  return static_cast<std::uint8_t>(s);
}

bool mexican(std::uint8_t s) {
  return s <= u8(S::us_legal);
}
bool in_us(std::uint8_t s) {
  return s == u8(S::us_unauthorized) || s == u8(S::us_legal) || s == u8(S::us_other);
}

// People per task of the build's parallel loops.
constexpr std::size_t kGrain = 8192;

double clamp01(double x, double lo = 0.0, double hi = 1.0) {
  return std::min(hi, std::max(lo, x));
}

// A log-normal multiplier with mean 1.
float lognormal_mean1(Rng& r, double sd) {
  return static_cast<float>(std::exp(sd * r.normal() - 0.5 * sd * sd));
}

}  // namespace

namespace {
// Initial groups, in this order, before people are sorted into their communities: the status
// and the number of agents of each.
std::array<std::pair<S, std::size_t>, 5> migrant_initial_groups(const MigrantParams& p) {
  auto agents = [&](double persons) {
    return static_cast<std::size_t>(std::llround(persons / p.scale));
  };
  return {{{S::us_unauthorized, agents(p.mexican_unauthorized)},
           {S::us_legal, agents(p.mexican_legal)},
           {S::mx_home, agents(p.mexican_would_be)},
           {S::transit_mx, agents(p.transit_in_mexico)},
           {S::origin, agents(p.transit_origin)}}};
}
}  // namespace

std::size_t Migrants::agent_count(const MigrantParams& p) {
  std::size_t n = 0;
  for (const auto& g : migrant_initial_groups(p)) n += g.second;
  return n;
}

void Migrants::build(const MigrantParams& p, const MigrantDrivers& /*d0*/, const StepContext& ctx) {
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  p_ = p;
  scale_ = p.scale;
  const auto groups = migrant_initial_groups(p);
  const std::size_t n = agent_count(p);

  // Each person draws a community: a Mexican town, or a community of origin for others.
  const auto towns = static_cast<std::uint32_t>(std::max(1, p.mexican_towns));
  const auto communities = static_cast<std::uint32_t>(std::max(1, p.origin_communities));
  std::vector<std::uint32_t> community(n);
  std::array<std::size_t, groups.size() + 1> group_end{};
  for (std::size_t g = 0; g < groups.size(); ++g)
    group_end[g + 1] = group_end[g] + groups[g].second;
  // The status a person starts in: that of the group its draw index j falls in.
  auto group_status = [&](std::size_t j) {
    std::size_t g = 0;
    while (j >= group_end[g + 1]) ++g;
    return u8(groups[g].first);
  };
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kGrain),
                    [&](const tbb::blocked_range<std::size_t>& rg) {
                      for (std::size_t j = rg.begin(); j != rg.end(); ++j) {
                        Rng r(seed, run, 0, j, streams::kMigrantBuild);
                        community[j] =
                            mexican(group_status(j))
                                ? static_cast<std::uint32_t>(r.below(towns))
                                : towns + static_cast<std::uint32_t>(r.below(communities));
                      }
                    });
  // Order people by community (counting sort, stable) so that kin are near in memory. Chunks
  // of people count their communities in parallel; a chunk's people of a community then go
  // after those of the chunks before it, each chunk in order: the order a serial sort gives.
  const std::size_t ncomm = static_cast<std::size_t>(towns) + communities;
  const std::size_t chunks =
      std::clamp<std::size_t>(n / std::max<std::size_t>(16 * ncomm, kGrain), 1, 32);
  auto each_chunk = [&](auto&& f) {
    tbb::parallel_for(std::size_t{0}, chunks,
                      [&](std::size_t k) { f(k, n * k / chunks, n * (k + 1) / chunks); });
  };
  std::vector<std::size_t> slot_of(chunks * ncomm, 0);  // [k * ncomm + c]
  each_chunk([&](std::size_t k, std::size_t lo, std::size_t hi) {
    for (std::size_t j = lo; j != hi; ++j) ++slot_of[k * ncomm + community[j]];
  });
  std::vector<std::size_t> start(ncomm + 1, 0);
  for (std::size_t c = 0; c < ncomm; ++c) {
    std::size_t next = start[c];
    for (std::size_t k = 0; k < chunks; ++k) next += std::exchange(slot_of[k * ncomm + c], next);
    start[c + 1] = next;
  }
  std::vector<std::uint32_t> original(n);  // original draw index of the person at each slot
  std::vector<std::uint32_t> slot_community(n);
  each_chunk([&](std::size_t k, std::size_t lo, std::size_t hi) {
    for (std::size_t j = lo; j != hi; ++j) {
      const std::size_t slot = slot_of[k * ncomm + community[j]]++;
      original[slot] = static_cast<std::uint32_t>(j);
      slot_community[slot] = community[j];
    }
  });
  community.clear();
  community.shrink_to_fit();

  status_.resize(n);
  transition_.assign(n, 0);
  returned_.assign(n, 0);
  acc_.assign(n, 0.0f);
  threshold_.resize(n);
  mult_.resize(n);
  remit_.resize(n);
  // Each person has kin_ties in-ties from others of its community (none when alone in it);
  // ties are laid out by target, so the kin layer is built without a global sort.
  const auto k_ties = static_cast<std::uint32_t>(std::max(0, p.kin_ties));
  std::vector<std::uint32_t> first_tie(n + 1, 0);
  std::uint64_t tie_count = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = slot_community[i];
    tie_count += start[c + 1] - start[c] >= 2 ? k_ties : 0;
    if (tie_count > std::numeric_limits<std::uint32_t>::max())
      throw InputError(fmt::format(
          "migrants: {} agents with {} kin ties each make more than 2^32 ties, the most the kin "
          "layer holds; use fewer agents (a larger migrants.scale) or fewer kin ties",
          n, k_ties));
    first_tie[i + 1] = static_cast<std::uint32_t>(tie_count);
  }
  std::vector<std::uint32_t> sources(first_tie[n]);
  std::vector<float> weights(sources.size());
  max_ties_ = tie_count > 0 ? k_ties : 0;  // everyone with ties has k_ties of them
  const std::size_t width = max_ties_ + 1;
  out_start_.resize(n + 1);
  out_kin_.resize(sources.size());
  net_at_.resize(n);
  out_start_[n] = first_tie[n];
  // One task per community (ties stay inside a community, whose people are consecutive): its
  // people and their ties; the ties reversed (who counts each person among its kin), which
  // take the same range as the community's ties; and each person's network index.
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, ncomm), [&](const tbb::blocked_range<std::size_t>& rg) {
        std::vector<std::uint32_t> next;
        for (std::size_t c = rg.begin(); c != rg.end(); ++c) {
          const std::size_t b = start[c], e = start[c + 1];
          for (std::size_t i = b; i != e; ++i) {
            const std::uint32_t j = original[i];
            Rng r(seed, run, 1, j, streams::kMigrantBuild);
            status_[i] = group_status(j);
            threshold_[i] = static_cast<float>(-std::log(r.uniform_pos()));
            mult_[i] = lognormal_mean1(r, p.heterogeneity);
            const double mean =
                status_[i] == u8(S::us_legal) ? p.remit_legal : p.remit_unauthorized;
            remit_[i] = static_cast<float>(mean) * lognormal_mean1(r, p.remit_dispersion);
            Rng rk(seed, run, 0, j, streams::kMigrantKin);
            for (std::size_t t = first_tie[i]; t < first_tie[i + 1]; ++t) {
              std::size_t src = b + rk.below(e - b - 1);
              if (src >= i) ++src;  // anyone in the community but oneself
              sources[t] = static_cast<std::uint32_t>(src);
            }
            // The row in the kin layer's canonical order (by source; the weights are equal).
            std::sort(sources.begin() + first_tie[i], sources.begin() + first_tie[i + 1]);
          }
          next.assign(e - b, 0);
          for (std::size_t t = first_tie[b]; t < first_tie[e]; ++t) ++next[sources[t] - b];
          std::uint32_t at = first_tie[b];
          for (std::size_t i = b; i != e; ++i) {
            out_start_[i] = at;
            at += std::exchange(next[i - b], at);
          }
          for (std::size_t i = b; i != e; ++i)
            for (std::size_t t = first_tie[i]; t < first_tie[i + 1]; ++t)
              out_kin_[next[sources[t] - b]++] = static_cast<std::uint32_t>(i);
          for (std::size_t i = b; i != e; ++i) {
            std::size_t abroad = 0;
            for (std::size_t t = first_tie[i]; t < first_tie[i + 1]; ++t)
              abroad += in_us(status_[sources[t]]) ? 1U : 0U;
            net_at_[i] =
                static_cast<std::uint16_t>((first_tie[i + 1] - first_tie[i]) * width + abroad);
          }
          std::fill(weights.begin() + first_tie[b], weights.begin() + first_tie[e], 1.0f);
        }
      });
  kin_ = CsrLayer::from_rows(std::move(first_tie), std::move(sources), std::move(weights),
                             EdgeType::kin);

  // Reference shares of ties abroad: hazards are calibrated at the initial network.
  const auto ref = deterministic_sums<4>(n, [&](std::size_t i, std::array<double, 4>& a) {
    if (status_[i] == u8(S::mx_home)) a[0] += share_ties_in_us(i), a[1] += 1;
    if (status_[i] == u8(S::origin)) a[2] += share_ties_in_us(i), a[3] += 1;
  });
  net_ref_mx_ = ref[1] > 0 ? ref[0] / ref[1] : 0.0;
  net_ref_other_ = ref[3] > 0 ? ref[2] / ref[3] : 0.0;
  summarise();
  reset_tallies();
  initial_remittances_ = remittances_;
}

void Migrants::reset_tallies() {
  const std::size_t n = status_.size(), blocks = (n + kReduceBlock - 1) / kReduceBlock;
  tallies_.assign(blocks, BlockTally{});
  tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    const std::size_t end = std::min(n, (b + 1) * kReduceBlock);
    for (std::size_t i = b * kReduceBlock; i != end; ++i) ++tallies_[b].stock[status_[i]];
  });
}

void Migrants::kin_moved(std::uint32_t person, bool now_in_us) {
  // Integer additions commute, so concurrent updates give the same numbers in any order.
  for (std::uint32_t t = out_start_[person]; t < out_start_[person + 1]; ++t) {
    std::atomic_ref<std::uint16_t> at(net_at_[out_kin_[t]]);
    if (now_in_us) {
      at.fetch_add(1, std::memory_order_relaxed);
    } else {
      at.fetch_sub(1, std::memory_order_relaxed);
    }
  }
}

double Migrants::share_ties_in_us(std::size_t i) const {
  // From the kept counts (the unit tests recount them from the kin's statuses).
  const std::size_t ties = net_at_[i] / (max_ties_ + 1);
  return ties == 0 ? 0.0 : static_cast<double>(kin_in_us(i)) / static_cast<double>(ties);
}

double Migrants::remittance(std::size_t i) const {
  const auto s = status_[i];
  return (s == u8(S::us_unauthorized) || s == u8(S::us_legal))
             ? static_cast<double>(remit_[i]) * remit_factor_
             : 0.0;
}

double Migrants::removal_demand(const MigrantDrivers& d) const {
  const double h_mx = p_.removal_base + p_.removal_max * d.interior_enforcement;
  const double h_other = p_.removal_other_base + p_.removal_other_max * d.interior_enforcement;
  return stock(S::us_unauthorized) * h_mx + stock(S::us_other) * h_other;
}

Migrants::Rates Migrants::rates(const MigrantDrivers& d) const {
  const MigrantParams& p = p_;
  const double be = d.border_enforcement - 0.5;
  const double rim = d.remain_in_mexico ? 1.0 : 0.0;
  // Asylum policy: the share released into the U.S. draws transit migrants to try (the June
  // 2024 restrictions cut it); the hazards are given at release_reference.
  const double asylum = p.asylum_pull * (p.release_share - p.release_reference);
  Rates r{};
  r.p_app = clamp01(p.apprehension_base + p.apprehension_slope * be, p.apprehension_min,
                    p.apprehension_max);
  r.p_stop = clamp01(p.mx_stop_per_10k_troops * d.mx_border_troops / 1e4, 0.0, p.mx_stop_max);
  r.h_mx =
      p.attempt_mexican * std::exp(p.wage_effect * d.log_wage_ratio_change - p.deterrence * be -
                                   p.interior_deterrence * d.interior_enforcement);
  // Interior removals need capacity (detention, officers, flights): when the hazards would ask
  // for more removals than it allows, they are scaled down to it.
  const double demand = removal_demand(d);
  const double room = demand > d.removal_capacity && demand > 0 ? d.removal_capacity / demand : 1.0;
  r.h_removal = (p.removal_base + p.removal_max * d.interior_enforcement) * room;
  r.h_unauth = r.h_removal + p.voluntary_return;
  r.h_origin = p.entry_transit * std::exp(asylum - p.rim_deterrence * rim - p.deterrence * be);
  r.h_attempt = p.attempt_transit * std::exp(asylum - p.deterrence * be - p.rim_deterrence * rim);
  r.h_transit = r.h_attempt + p.transit_give_up;
  r.h_held = d.remain_in_mexico ? p.held_exit : p.held_exit_without_rim;
  r.h_other = (p.removal_other_base + p.removal_other_max * d.interior_enforcement) * room;
  r.p_to_mx = clamp01(d.third_country_share);
  return r;
}

double Migrants::hazard(std::size_t i, const Rates& r) const {
  switch (static_cast<S>(status_[i])) {
    case S::mx_home:
      return r.h_mx * std::exp(p_.network_effect * (share_ties_in_us(i) - net_ref_mx_));
    case S::us_unauthorized: return r.h_unauth;
    case S::us_legal: return p_.legal_return;
    case S::origin:
      return r.h_origin * std::exp(p_.network_effect * (share_ties_in_us(i) - net_ref_other_));
    case S::transit_mx: return r.h_transit;
    case S::held_mx: return r.h_held;
    case S::us_other: return r.h_other;
  }
  return 0.0;
}

std::vector<double> Migrants::network_factors(double reference) const {
  const std::size_t w = max_ties_ + 1;
  std::vector<double> f(w * w, 0.0);
  for (std::size_t n = 0; n < w; ++n)
    for (std::size_t k = 0; k <= n; ++k) {
      // The share as share_ties_in_us computes it (0 for a person without ties).
      const double share = n == 0 ? 0.0 : static_cast<double>(k) / static_cast<double>(n);
      f[n * w + k] = std::exp(p_.network_effect * (share - reference));
    }
  return f;
}

Migrants::Expected Migrants::expected_flows(const MigrantDrivers& d) const {
  const Rates r = rates(d);
  const double transit_attempt = r.h_attempt * (1.0 - r.p_stop);
  const auto sums =
      deterministic_sums<2>(status_.size(), [&](std::size_t i, std::array<double, 2>& a) {
        const auto s = static_cast<S>(status_[i]);
        double attempts = 0;
        if (s == S::mx_home) attempts = hazard(i, r) * static_cast<double>(mult_[i]);
        if (s == S::transit_mx) attempts = transit_attempt * static_cast<double>(mult_[i]);
        a[0] += attempts * r.p_app;
        a[1] += attempts * (1.0 - r.p_app);
      });
  return {sums[0] * scale_, sums[1] * scale_};
}

void Migrants::decide(const MigrantDrivers& d, const StepContext& ctx) {
  const MigrantParams& p = p_;
  const Rates rt = rates(d);
  remit_factor_ = std::max(0.0, 1.0 - p.remit_enforcement_effect * d.interior_enforcement);
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  const auto t = static_cast<std::uint64_t>(ctx.tick);
  const double dt = ctx.dt;
  // The network factors of this step's hazards, one per (ties, ties abroad): the hazard of a
  // person is then rt.h_mx (or rt.h_origin) times a table entry, the same number hazard()
  // computes with one exp per person.
  const std::vector<double> net_mx = network_factors(net_ref_mx_),
                            net_other = network_factors(net_ref_other_);
  // Statuses whose hazard is the same for everyone in them (the entries hazard() returns).
  std::array<double, kMigrantStatusCount> flat{};
  flat[u8(S::us_unauthorized)] = rt.h_unauth;
  flat[u8(S::us_legal)] = p.legal_return;
  flat[u8(S::transit_mx)] = rt.h_transit;
  flat[u8(S::held_mx)] = rt.h_held;
  flat[u8(S::us_other)] = rt.h_other;
  const std::uint16_t* net = net_at_.data();
  // Without branches on the status (a town's people are a mix of statuses): a rate times a
  // network factor, the factor 1 (exactly) for the statuses whose hazard is flat.
  const std::vector<double> no_network(net_mx.size(), 1.0);
  std::array<double, kMigrantStatusCount> rate = flat;
  std::array<const double*, kMigrantStatusCount> factor{};
  factor.fill(no_network.data());
  rate[u8(S::mx_home)] = rt.h_mx, factor[u8(S::mx_home)] = net_mx.data();
  rate[u8(S::origin)] = rt.h_origin, factor[u8(S::origin)] = net_other.data();
  // A person's event: its transition and next status (returned), a new threshold, the tally.
  auto fire = [&](std::size_t i, std::uint8_t s, BlockTally& tally) {
    std::uint8_t next = s;
    T tr = T::none;
    Rng rng(seed, run, t, i, streams::kMigrantEvent);
    const double u = rng.uniform();
    switch (static_cast<S>(s)) {
      case S::mx_home:
        if (u < rt.p_app) {
          tr = T::mx_apprehended;
        } else {
          tr = T::mx_crossed, next = u8(S::us_unauthorized);
        }
        break;
      case S::us_unauthorized:
        next = u8(S::mx_home);
        tr = u * rt.h_unauth < rt.h_removal ? T::mx_removed : T::mx_returned;
        if (tr == T::mx_removed) returned_[i] = 1;
        break;
      case S::us_legal: tr = T::legal_returned, next = u8(S::mx_home); break;
      case S::origin: tr = T::other_entered, next = u8(S::transit_mx); break;
      case S::transit_mx: {
        if (u * rt.h_transit >= rt.h_attempt) {
          tr = T::other_gave_up, next = u8(S::origin);
          break;
        }
        const double v = rng.uniform(), w = rng.uniform();
        if (v < rt.p_stop) {
          tr = T::other_stopped_mx, next = u8(S::origin);
        } else if (w < rt.p_app) {
          const double x = rng.uniform();
          if (d.remain_in_mexico && x < p.rim_hold_share) {
            tr = T::other_held, next = u8(S::held_mx);
          } else if (rng.uniform() < p.release_share) {
            tr = T::other_released, next = u8(S::us_other);
          } else if (rng.uniform() < rt.p_to_mx) {
            tr = T::other_sent_to_mx, next = u8(S::transit_mx);
          } else {
            tr = T::other_removed_border, next = u8(S::origin);
          }
        } else {
          tr = T::other_crossed, next = u8(S::us_other);
        }
        break;
      }
      case S::held_mx: tr = T::held_released, next = u8(S::transit_mx); break;
      case S::us_other:
        if (u < rt.p_to_mx) {
          tr = T::other_sent_to_mx_interior, next = u8(S::transit_mx);
        } else {
          tr = T::other_removed_interior, next = u8(S::origin);
        }
        break;
    }
    acc_[i] = 0.0f;
    threshold_[i] = static_cast<float>(-std::log(rng.uniform_pos()));
    transition_[i] = static_cast<std::uint8_t>(tr);
    tally.fired.emplace_back(static_cast<std::uint32_t>(i), next);
    --tally.stock[s];
    ++tally.stock[next];
    ++tally.flow[static_cast<std::size_t>(tr)];
    return next;
  };
  // People in fixed blocks (the blocks of model/reduce.hpp), so each block's tally, and the
  // step's stocks, flows and remittances summed from them in block order, do not depend on
  // the number of threads.
  // A block's stock counts carry over from the last step and change with its events only;
  // the transitions of the last step's events are cleared (nobody else has one).
  const std::size_t n = status_.size(), blocks = tallies_.size();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, blocks, 1),
      [&](const tbb::blocked_range<std::size_t>& blk) {
        for (std::size_t b = blk.begin(); b != blk.end(); ++b) {
          BlockTally& tally = tallies_[b];
          for (const auto& [i, next] : tally.fired) transition_[i] = 0;
          tally.fired.clear();
          tally.flow.fill(0);
          const std::size_t begin = b * kReduceBlock;
          const std::size_t end = std::min(n, begin + kReduceBlock);
          // The arrays, rates and factors through locals: the stores of an event (bytes, which
          // may alias anything) then force no reloads in the accumulator pass.
          const std::uint8_t* st = status_.data();
          const float *mult = mult_.data(), *thr = threshold_.data(), *rem = remit_.data();
          float* acc = acc_.data();
          const std::uint16_t* at = net;
          const double* rates = rate.data();
          const double* const* factors = factor.data();
          const double step = dt;
          // Three passes over the block (in cache): the accumulators, with no call in the
          // loop; the events, in index order; the senders' remittances by next status.
          // Only the first n_due entries are ever read (filling 16 KB per block would cost more
          // than the pass it serves).
          // NOLINTNEXTLINE(cppcoreguidelines-pro-type-member-init)
          std::array<std::uint32_t, kReduceBlock> due;
          std::size_t n_due = 0;
          for (std::size_t i = begin; i != end; ++i) {
            const std::uint8_t s = st[i];
            const double h = rates[s] * factors[s][at[i]];
            const float a = acc[i] + static_cast<float>(h * step * static_cast<double>(mult[i]));
            acc[i] = a;
            due[n_due] = static_cast<std::uint32_t>(i);
            n_due += a >= thr[i] ? 1U : 0U;
          }
          for (std::size_t k = 0; k < n_due; ++k) fire(due[k], st[due[k]], tally);
          double remit = 0;
          auto event = tally.fired.begin();
          for (std::size_t i = begin; i != end; ++i) {
            std::uint8_t next = st[i];
            if (event != tally.fired.end() && event->first == i) next = (event++)->second;
            if (next == u8(S::us_unauthorized) || next == u8(S::us_legal))
              remit += static_cast<double>(rem[i]);
          }
          tally.remit = remit;
          tally.flow[0] = static_cast<std::uint32_t>(end - begin - tally.fired.size());
        }
      });
}

void Migrants::resolve(const StepContext& /*ctx*/) {
  // Only the people with an event change status; their kin's counts abroad follow.
  tbb::parallel_for(std::size_t{0}, tallies_.size(), [&](std::size_t b) {
    for (const auto& [i, next] : tallies_[b].fired) {
      const bool was = in_us(status_[i]), now = in_us(next);
      status_[i] = next;
      if (was != now) kin_moved(i, now);
    }
  });
  // What summarise() would compute from the new statuses, from the tallies of decide: the
  // same counts, and the remittances added block by block in the same order.
  stock_.fill(0.0);
  flow_.fill(0.0);
  double remit = 0.0;
  std::array<std::uint64_t, kMigrantStatusCount> stock{};
  std::array<std::uint64_t, kTransitionCount> flow{};
  for (const BlockTally& b : tallies_) {
    for (std::size_t k = 0; k < kMigrantStatusCount; ++k) stock[k] += b.stock[k];
    for (std::size_t k = 0; k < kTransitionCount; ++k) flow[k] += b.flow[k];
    remit += b.remit;
  }
  for (std::size_t k = 0; k < kMigrantStatusCount; ++k) stock_[k] = static_cast<double>(stock[k]);
  for (std::size_t k = 0; k < kTransitionCount; ++k) flow_[k] = static_cast<double>(flow[k]);
  remittances_ = remit * scale_ * remit_factor_;
}

void Migrants::summarise() {
  constexpr std::size_t K = kMigrantStatusCount + kTransitionCount + 1;
  const auto sums =
      deterministic_sums<K>(status_.size(), [&](std::size_t i, std::array<double, K>& a) {
        const auto s = status_[i];
        a[s] += 1.0;
        a[kMigrantStatusCount + transition_[i]] += 1.0;
        if (s == u8(S::us_unauthorized) || s == u8(S::us_legal))
          a[K - 1] += static_cast<double>(remit_[i]);
      });
  // (the enforcement factor is common to every sender: applied to the sum)
  for (std::size_t k = 0; k < kMigrantStatusCount; ++k) stock_[k] = sums[k];
  for (std::size_t k = 0; k < kTransitionCount; ++k) flow_[k] = sums[kMigrantStatusCount + k];
  remittances_ = sums[K - 1] * scale_ * remit_factor_;
}

}  // namespace vecinos
