#pragma once
// Helpers of the sweep integration tests: small sweep files, and the datasets of a history
// read with the HDF5 C API (to check that a task's file is the same wherever it ran).
#include <hdf5.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/support/process.hpp"

namespace vecinos::test {

/// A grid sweep of `points` x `replicates` short, small runs (about 17 weekly ticks each).
inline std::string small_sweep(const std::filesystem::path& output, int replicates = 2,
                               const std::string& extra = "") {
  return fmt::format(
      "base: {}\noutput: {}\nreplicates: {}\nseed: 11\ndesign: grid\n"
      "parameters:\n"
      "  presidents.mx.forbearance: [0.2, 0.8]\n"
      "  presidents.us.tariff_propensity: [0.1, 0.9]\n"
      "set:\n"
      "  simulation.end: 2025-03-01\n"
      "  migrants.scale: 1000\n"
      "  firms.agents: 300\n"
      "  recording.panel_size: 50\n"
      "outcomes:\n"
      "  - {{indicator: trade_us_mx_usd, stat: final}}\n"
      "  - {{indicator: relationship_tension, stat: max}}\n{}",
      source_path("configs/baseline.yaml"), output.string(), replicates, extra);
}

/// A sampled design (`design` holds its lines: "design: saltelli\nsamples: 4") of two
/// parameters with bounds, one replicate, short small runs recording indicators and events.
/// A calibration of two parameters against three targets of a four-month episode.
inline std::string small_calibration(int generations) {
  return fmt::format(
      "output: out\n"
      "seed: 5\n"
      "particles: 24\n"
      "alpha: 0.5\n"
      "min_acceptance: 0.01\n"
      "max_generations: {}\n"
      "set:\n"
      "  migrants.scale: 1000\n"
      "  firms.agents: 300\n"
      "episodes:\n"
      "  short:\n"
      "    base: {}\n"
      "    set: {{simulation.end: 2025-03-01}}\n"
      "parameters:\n"
      "  decisions.temperature: {{prior: log_uniform, min: 0.2, max: 2}}\n"
      "  presidents.mx.forbearance: {{prior: uniform, min: 0.3, max: 0.95}}\n"
      "targets:\n"
      "  - {{indicator: relationship_tension, stat: mean, from: 2025-01-01, observed: 0.4, scale: "
      "0.1}}\n"
      "  - {{indicator: leader_bond, at: 2025-02-15, stat: final, observed: 0.5, scale: 0.1}}\n"
      "  - {{event: threaten_tariff, actor: us, stat: count, observed: 1, scale: 1}}\n",
      generations, source_path("configs/baseline.yaml"));
}

inline std::string sampled_sweep(const std::filesystem::path& output, const std::string& design) {
  return fmt::format(
      "base: {}\noutput: {}\nreplicates: 1\nseed: 5\n{}\n"
      "parameters:\n"
      "  presidents.mx.forbearance: {{min: 0.2, max: 0.8}}\n"
      "  presidents.us.tariff_propensity: {{min: 0.1, max: 0.9}}\n"
      "set:\n  simulation.end: 2025-03-01\n  migrants.scale: 1000\n  firms.agents: 300\n"
      "  recording.agents: false\n  recording.network: false\n"
      "outcomes:\n  - {{indicator: trade_us_mx_usd, stat: final}}\n",
      source_path("configs/baseline.yaml"), output.string(), design);
}

/// The sensitivity table of `outcome` in each collected sweep directory, as
/// vecinos.sensitivity.sweep_indices computes it (Sobol' indices for saltelli, after checking
/// that /design/unit has Saltelli's layout; Morris measures for morris), as CSV in full
/// precision, one table after the other. Runs /usr/bin/python3 (or $VECINOS_PYTHON).
inline ProcessResult sensitivity_tables(const std::vector<std::filesystem::path>& dirs,
                                        const std::string& outcome) {
  const char* env = std::getenv("VECINOS_PYTHON");
  const std::string python = env != nullptr && *env != '\0' ? env : "/usr/bin/python3";
  const std::string code =
      "import sys, vecinos\n"
      "from vecinos import sensitivity\n"
      "for d in sys.argv[2:]:\n"
      "    df = vecinos.open_sweep(d)\n"
      "    if df.attrs[\"design\"][\"name\"] == \"saltelli\":\n"
      "        sensitivity.check_saltelli_layout(df.attrs[\"unit\"].to_numpy(), "
      "len(df.attrs[\"parameters\"]))\n"
      "    r = sensitivity.sweep_indices(df, sys.argv[1], bootstrap=200)\n"
      "    print(r.table.to_csv(float_format=\"%.17g\"), end=\"\")\n";
  std::string cmd = fmt::format("PYTHONPATH='{}' MPLBACKEND=Agg '{}' -c '{}' '{}'",
                                source_path("tools/python"), python, code, outcome);
  for (const auto& d : dirs) cmd += fmt::format(" '{}'", d.string());
  return run_shell(cmd);
}

/// The rows of the CSV tables that sensitivity_tables prints: each row's fields, the header
/// rows ("parameter,...") included.
inline std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::vector<std::string> fields(1);
    for (std::size_t i = start; i < end; ++i) {
      if (text[i] == ',')
        fields.emplace_back();
      else
        fields.back() += text[i];
    }
    if (end > start) rows.push_back(std::move(fields));
    start = end + 1;
  }
  return rows;
}

namespace detail {
inline herr_t collect_dataset(hid_t group, const char* name, const H5L_info_t* /*info*/,
                              void* out) {
  const hid_t obj = H5Oopen(group, name, H5P_DEFAULT);
  if (obj >= 0 && H5Iget_type(obj) == H5I_DATASET)
    static_cast<std::vector<std::string>*>(out)->push_back(name);
  if (obj >= 0) H5Oclose(obj);
  return 0;
}
}  // namespace detail

/// Every dataset of an HDF5 file: name -> its contents as bytes in the file's type (variable
/// length strings as their text). Empty when the file cannot be opened.
inline std::map<std::string, std::string> dataset_contents(const std::filesystem::path& path) {
  std::map<std::string, std::string> out;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return out;
  std::vector<std::string> names;
  H5Lvisit(f, H5_INDEX_NAME, H5_ITER_INC, detail::collect_dataset, &names);
  for (const auto& n : names) {
    const hid_t ds = H5Dopen2(f, n.c_str(), H5P_DEFAULT);
    const hid_t type = H5Dget_type(ds);
    const hid_t space = H5Dget_space(ds);
    const auto count = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    std::string bytes;
    if (H5Tis_variable_str(type) > 0) {
      std::vector<char*> ptrs(count, nullptr);
      H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, ptrs.data());
      for (char* p : ptrs) bytes += std::string(p != nullptr ? p : "") + '\0';
      H5Dvlen_reclaim(type, space, H5P_DEFAULT, ptrs.data());
    } else {
      bytes.resize(count * H5Tget_size(type));
      H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
    }
    out[n] = bytes;
    H5Sclose(space);
    H5Tclose(type);
    H5Dclose(ds);
  }
  H5Fclose(f);
  return out;
}

/// True when `dataset` opens in the file (following external links).
inline bool dataset_opens(const std::filesystem::path& path, const std::string& dataset) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return false;
  const hid_t ds = H5Dopen2(f, dataset.c_str(), H5P_DEFAULT);
  if (ds >= 0) H5Dclose(ds);
  H5Fclose(f);
  return ds >= 0;
}

/// The names of the datasets on which two files differ (or that only one of them has).
inline std::vector<std::string> differing_datasets(const std::filesystem::path& a,
                                                   const std::filesystem::path& b) {
  const auto x = dataset_contents(a), y = dataset_contents(b);
  std::vector<std::string> diff;
  for (const auto& [name, bytes] : x) {
    auto it = y.find(name);
    if (it == y.end() || it->second != bytes) diff.push_back(name);
  }
  for (const auto& [name, bytes] : y)
    if (x.count(name) == 0) diff.push_back(name);
  return diff;
}

}  // namespace vecinos::test
