#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "output/hdf5_rows.hpp"
#include "output/recording_plan.hpp"

using namespace vecinos;

TEST_CASE("a panel is k distinct ascending agents, the same for the same seed") {
  const auto p = choose_panel(100000, 1000, 42, 0, table_key("migrants"));
  CHECK(p.size() == 1000);
  CHECK(std::is_sorted(p.begin(), p.end()));
  CHECK(std::set<std::uint64_t>(p.begin(), p.end()).size() == 1000);
  CHECK(p.back() < 100000);
  CHECK(choose_panel(100000, 1000, 42, 0, table_key("migrants")) == p);
  CHECK(choose_panel(100000, 1000, 43, 0, table_key("migrants")) != p);
  CHECK(choose_panel(100000, 1000, 42, 1, table_key("migrants")) != p);
  CHECK(choose_panel(100000, 1000, 42, 0, table_key("firms")) != p);
}

TEST_CASE("a panel covers the population evenly (mean index near n/2)") {
  const auto p = choose_panel(1000000, 4000, 7, 0, table_key("people"));
  const double mean = std::accumulate(p.begin(), p.end(), 0.0) / static_cast<double>(p.size());
  // sd of the mean of 4000 uniform draws on [0, 1e6) is about 4600
  CHECK(mean == doctest::Approx(500000).epsilon(0.04));
  const auto below_tenth = std::count_if(p.begin(), p.end(), [](auto i) { return i < 100000; });
  CHECK(below_tenth > 320);
  CHECK(below_tenth < 480);
}

TEST_CASE("a panel at least as large as the population is everyone") {
  const auto all = choose_panel(5, 10, 1, 0, 0);
  CHECK(all == std::vector<std::uint64_t>{0, 1, 2, 3, 4});
  CHECK(choose_panel(0, 10, 1, 0, 0).empty());
  CHECK(choose_panel(10, 0, 1, 0, 0).empty());
}

TEST_CASE("recorded ticks are 0, every k-th and the last, and their counts match") {
  RecordingParams rec;
  rec.every = 3;
  rec.network_every = 4;
  const RecordingPlan plan(rec, 10, {});
  std::vector<int> state, network;
  for (int t = 0; t <= 10; ++t) {
    if (plan.records_state(t)) state.push_back(t);
    if (plan.records_network(t)) network.push_back(t);
  }
  CHECK(state == std::vector<int>{0, 3, 6, 9, 10});
  CHECK(network == std::vector<int>{0, 4, 8, 10});
  CHECK(plan.state_rows() == state.size());
  CHECK(plan.network_rows() == network.size());
  rec.every = 5;
  CHECK(RecordingPlan(rec, 10, {}).state_rows() == 3);  // 0 5 10
  rec.network = false;
  CHECK_FALSE(RecordingPlan(rec, 10, {}).records_network(0));
}

TEST_CASE("chunks hold whole rows up to about 1 MiB, or split a row longer than that") {
  using h5::row_chunk;
  // 1000-agent float64 rows: 131 rows of 8000 bytes make about 1 MiB
  CHECK(row_chunk(1000, 8, 100000) == std::vector<hsize_t>{131, 1000});
  // never more rows than will be written
  CHECK(row_chunk(1000, 8, 40) == std::vector<hsize_t>{40, 1000});
  // a 10-million-agent row is split along agents into 1 MiB pieces
  CHECK(row_chunk(10000000, 8, 200) == std::vector<hsize_t>{1, 131072});
  CHECK(row_chunk(10000000, 1, 200) == std::vector<hsize_t>{1, 1048576});
  // a scalar series
  CHECK(row_chunk(0, 8, 221) == std::vector<hsize_t>{221, 1});
}
