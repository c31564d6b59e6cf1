// The posterior design (docs/sweeps.md): parameter sets drawn from a calibration's
// posterior.csv in proportion to the particles' weights, with the file's problems reported at
// its own line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "model/sweep/sweep.hpp"
#include "model/sweep/tasks.hpp"
#include "world/model_info.hpp"

using namespace vecinos;
using namespace vecinos::sweep;

namespace {

const std::filesystem::path kPosteriorConfigs = VECINOS_SOURCE_DIR "/configs";

/// Writes `text` as a posterior file in the build tree; returns its path.
std::filesystem::path posterior_file(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::path(VECINOS_BINARY_DIR) / "test-tmp" / "posterior-design";
  std::filesystem::create_directories(dir);
  const auto p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string posterior_sweep(const std::filesystem::path& file, const std::string& extra = "") {
  return "base: baseline.yaml\noutput: ../runs/test-posterior\ndesign: posterior\nseed: 9\n"
         "samples: 4000\nposterior: " +
         file.string() + "\n" + extra;
}

std::vector<Diagnostic> posterior_errors(const std::string& text) {
  try {
    (void)load_sweep_text(text, "sweep.yaml", kPosteriorConfigs, model_info());
    return {};
  } catch (const ConfigError& e) {
    return e.diagnostics();
  }
}

}  // namespace

TEST_SUITE("posterior design") {
  TEST_CASE("points are particles drawn in proportion to their weights") {
    const auto f = posterior_file("p.csv",
                                  "weight,decisions.temperature,presidents.mx.forbearance\n"
                                  "0.1,0.3,0.5\n"
                                  "0.6,0.7,0.25\n"
                                  "0.3,1.25,0.875\n");
    const Sweep s =
        load_sweep_text(posterior_sweep(f), "sweep.yaml", kPosteriorConfigs, model_info());
    CHECK(s.design == Design::posterior);
    CHECK(s.points() == 4000);
    REQUIRE(s.parameters.size() == 2);
    CHECK(s.parameters[0].path == "decisions.temperature");
    CHECK(s.posterior_particles.size() == 3);
    const TaskList tasks(s);
    std::map<std::string, int> seen;
    for (std::uint64_t p = 0; p < tasks.points(); ++p) {
      const auto v = tasks.values(p);
      ++seen[v[0] + "/" + v[1]];
    }
    // Only whole particles, at shares near 0.1, 0.6, 0.3 (binomial sd about 0.008).
    REQUIRE(seen.size() == 3);
    CHECK(seen["0.3/0.5"] / 4000.0 == doctest::Approx(0.1).epsilon(0.25));
    CHECK(seen["0.7/0.25"] / 4000.0 == doctest::Approx(0.6).epsilon(0.05));
    CHECK(seen["1.25/0.875"] / 4000.0 == doctest::Approx(0.3).epsilon(0.1));
    // The same point draws the same particle every time; the canonical form names the file
    // and its digest, and reloads to the same tasks.
    CHECK(tasks.values(17) == TaskList(s).values(17));
    const std::string canon = canonical_yaml(s);
    CHECK(canon.find("posterior: ") != std::string::npos);
    CHECK(canon.find("parameters:") == std::string::npos);
    const Sweep again = load_sweep_text(canon, "sweep.yaml", kPosteriorConfigs, model_info());
    CHECK(TaskList(again).values(123) == tasks.values(123));
    CHECK(again.posterior_digest == s.posterior_digest);
  }

  TEST_CASE("a bad posterior file: errors at its own line and column") {
    const auto f = posterior_file("bad.csv",
                                  "weight,decisions.temperature\n"
                                  "0.5,abc\n"
                                  "-1,0.4\n"
                                  "0.5\n");
    const auto d = posterior_errors(posterior_sweep(f));
    std::string all;
    for (const auto& x : d) all += x.str() + "\n";
    INFO(all);
    auto at = [&](int line, int column, const std::string& fragment) {
      for (const auto& x : d)
        if (x.where.file == f.string() && x.where.line == line && x.where.column == column &&
            x.message.find(fragment) != std::string::npos)
          return true;
      return false;
    };
    CHECK(at(2, 5, "'abc' is not a finite number"));
    CHECK(at(3, 1, "is not a weight"));
    CHECK(at(4, 1, "1 fields; the header has 2"));
    // A parameter the config does not have; parameters given beside the posterior.
    const auto g = posterior_file("key.csv", "weight,decisions.temperatur\n1,0.5\n");
    const auto e =
        posterior_errors(posterior_sweep(g, "parameters: {decisions.temperature: [1]}\n"));
    std::string all2;
    for (const auto& x : e) all2 += x.str() + "\n";
    INFO(all2);
    CHECK(all2.find("did you mean 'temperature'") != std::string::npos);
    CHECK(all2.find("the posterior design takes its parameters from the posterior file") !=
          std::string::npos);
  }
}
