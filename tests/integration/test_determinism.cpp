#include <doctest/doctest.h>

#include <regex>

#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
std::string digest_of(const std::string& args) {
  const auto r = run_vecinos("run '" + source_path("configs/baseline.yaml") +
                             "' -q --no-history --digest " + args);
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex("digest ([0-9a-f]{16})")));
  return m[1];
}
}  // namespace

TEST_CASE("the baseline digest is identical for 1, 2 and 4 threads") {
  const std::string one = digest_of("--threads 1");
  CHECK(digest_of("--threads 2") == one);
  CHECK(digest_of("--threads 4") == one);
}

TEST_CASE("the digest changes with the seed and the parameters") {
  const std::string base = digest_of("--threads 2");
  CHECK(digest_of("--threads 2 --seed 2") != base);
  CHECK(digest_of("--threads 2 --set simulation.run=1") != base);
  CHECK(digest_of("--threads 2 --set presidents.us.stubbornness=0.2") != base);
}
