#include "tools/calibrate/driver.hpp"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "model/calibrate/summary.hpp"
#include "model/errors.hpp"
#include "model/schema_values.hpp"
#include "model/sweep/sweep_parts.hpp"
#include "model/sweep/tasks.hpp"
#include "model/version.hpp"
#include "output/file_lock.hpp"
#include "output/hdf5_handle.hpp"
#include "tools/sweep/child_process.hpp"
#include "tools/sweep/collect.hpp"
#include "tools/sweep/executor.hpp"
#include "tools/sweep/task_files.hpp"
#include "world/model_info.hpp"

namespace vecinos::calibrate {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// `name` as a path: itself when it has a '/', else the first executable of that name on PATH.
std::string find_program(const std::string& name) {
  if (name.find('/') != std::string::npos) return name;
  // vecinos never sets environment variables, so reading one cannot race.
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe)
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t begin = 0;
  while (begin <= dirs.size()) {
    const auto end = dirs.find(':', begin);
    const std::string dir = dirs.substr(begin, end == std::string::npos ? end : end - begin);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (end == std::string::npos) break;
    begin = end + 1;
  }
  throw InputError(fmt::format("{} is not on PATH", name));
}

/// Waits for every child, forwarding nothing; on a signal, stops them and throws Interrupted.
std::vector<int> wait_all(std::vector<std::unique_ptr<sweep::ChildProcess>>& children,
                          const std::atomic<int>& stop) {
  std::vector<bool> open(children.size(), true);
  while (true) {
    if (const int sig = stop.load(); sig != 0) {
      for (auto& ch : children) ch->signal(SIGTERM);
      for (auto& ch : children) (void)ch->wait();
      throw Interrupted(sig);
    }
    std::vector<pollfd> fds;
    for (std::size_t i = 0; i < children.size(); ++i)
      if (open[i] && children[i]->fd() >= 0) fds.push_back({children[i]->fd(), POLLIN, 0});
    if (fds.empty()) break;
    (void)::poll(fds.data(), fds.size(), 200);
    for (std::size_t i = 0; i < children.size(); ++i)
      if (open[i]) open[i] = children[i]->drain();
  }
  std::vector<int> status;
  status.reserve(children.size());
  for (auto& ch : children) status.push_back(ch->wait());
  return status;
}

/// Runs `todo`, the tasks of one generation's sweep whose history is not complete (what
/// sweep::tasks_to_run found), with the chosen engine.
void run_sweep(const sweep::TaskList& tasks, const std::vector<std::uint64_t>& todo,
               const std::filesystem::path& file, const DriverOptions& o,
               const std::atomic<int>& stop, std::ostream& log) {
  if (todo.empty()) return;
  const sweep::Sweep& s = tasks.sweep();
  if (o.engine == Engine::local) {
    FileLock lock = sweep::lock_sweep_directory(s.output, sweep::SweepLockMode::exclusive, log);
    sweep::prepare_output(s);
    sweep::RunOptions ro;
    ro.jobs = o.jobs;
    ro.exec.exe = o.exe;
    ro.exec.threads = o.threads;
    ro.progress_bar = o.progress_bar;
    // Task lines go nowhere (failed runs are counted in the generation's line).
    std::ostream quiet(nullptr);
    (void)sweep::run_tasks(tasks, todo, ro, stop, o.progress_bar ? log : quiet);
    return;
  }
  sweep::prepare_output(s);
  std::vector<std::unique_ptr<sweep::ChildProcess>> children;
  if (o.engine == Engine::mpi) {
    std::vector<std::string> argv = o.mpirun;
    if (argv.empty()) throw InputError("--mpi: give the launcher, like --mpi 'mpirun -np 4'");
    argv[0] = find_program(argv[0]);
    for (const std::string& a :
         {o.exe.string(), std::string("sweep"), std::string("run"), file.string(),
          std::string("--mpi"), std::string("--jobs"), std::to_string(o.jobs),
          std::string("--threads"), std::to_string(o.threads)})
      argv.push_back(a);
    log << fmt::format("calibrate: {} runs: {}\n", todo.size(), sweep::shell_command(argv));
    children.push_back(std::make_unique<sweep::ChildProcess>(argv, false));
  } else {
    std::error_code ec;
    std::filesystem::create_directories(s.output / "slurm", ec);
    const auto script = file.parent_path() / (file.stem().string() + ".sbatch");
    sweep::write_file_atomically(
        script, sweep::slurm_script(tasks, o.slurm, o.exe, s.output / "sweep.yaml"));
    const std::uint64_t pack = std::max<std::uint64_t>(1, o.slurm.pack);
    const auto chunks = sweep::array_chunks((tasks.size() + pack - 1) / pack, o.slurm.array_max);
    const std::string sbatch = find_program(o.sbatch);
    for (const auto& ch : chunks) {
      const std::vector<std::string> argv = {
          sbatch, "--wait", "--array=" + sweep::array_spec(ch, o.slurm.throttle),
          fmt::format("--export=ALL,VECINOS_SWEEP_OFFSET={}", ch.offset), script.string()};
      log << fmt::format("calibrate: {}\n", sweep::shell_command(argv));
      children.push_back(std::make_unique<sweep::ChildProcess>(argv, false));
    }
  }
  const auto status = wait_all(children, stop);
  for (std::size_t i = 0; i < status.size(); ++i) {
    const int st = status[i];
    // `sweep run --mpi` exits 1 when some tasks failed (they count as failed simulations);
    // sbatch --wait exits with the array's worst code. Anything else is the engine failing.
    const bool tasks_failed = WIFEXITED(st) && WEXITSTATUS(st) == 1;
    if (st == 0 || tasks_failed) continue;
    throw RuntimeError(fmt::format("calibrate: {} ended with {}: {}",
                                   o.engine == Engine::mpi ? "mpirun" : "sbatch",
                                   sweep::describe_wait_status(st), children[i]->error_text()));
  }
}

/// Simulates one generation (every episode) and reads the targets back.
GenerationRecord simulate(const Calibration& c, const DriverOptions& o, int generation,
                          std::vector<Proposal> proposals, const std::atomic<int>& stop,
                          std::ostream& log) {
  GenerationRecord r;
  const auto t0 = Clock::now();
  const std::size_t n = proposals.size();
  r.statistics.assign(n, std::vector<double>(c.targets.size(), kNaN));
  r.failed_runs.assign(n, 0);
  for (std::size_t e = 0; e < c.episodes.size(); ++e) {
    const auto dir = generation_dir(c, generation, e);
    const auto file = dir.parent_path() / (c.episodes[e].name + ".yaml");
    const std::string text = generation_sweep(c, e, generation, proposals);
    std::error_code ec;
    std::filesystem::create_directories(dir.parent_path(), ec);
    if (std::filesystem::exists(file)) {
      bool ok = false;
      if (sweep::read_text(file, ok) != text)
        throw InputError(fmt::format(
            "{} is not what {} asks for now: {} holds another calibration's runs (the file, its "
            "configs or the program changed); give a new output directory",
            file.string(), c.file.string(), c.output.string()));
    } else {
      sweep::write_file_atomically(file, text);
    }
    const sweep::Sweep s = sweep::load_sweep(file, model_info());
    const sweep::TaskList tasks(s);
    std::vector<std::uint64_t> all(tasks.size());
    for (std::uint64_t i = 0; i < all.size(); ++i) all[i] = i;
    std::filesystem::create_directories(s.output, ec);
    // Checked once: each check opens every history, which collect reads again below.
    const auto todo = sweep::tasks_to_run(tasks, all, &log);
    r.simulated += todo.size();
    run_sweep(tasks, todo, file, o, stop, log);
    const auto sum = sweep::collect(tasks);
    const auto targets = c.targets_of(e);
    for (std::size_t i = 0; i < n && i < sum.tasks.size(); ++i) {
      const auto& row = sum.tasks[i];
      if (row.status != "complete") {
        ++r.failed_runs[i];
        continue;
      }
      for (std::size_t k = 0; k < targets.size() && k < row.outcomes.size(); ++k)
        r.statistics[i][targets[k]] = row.outcomes[k];
    }
  }
  r.distances.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    r.distances[i] = r.failed_runs[i] > 0 ? kNaN : distance(c, r.statistics[i]);
  r.proposals = std::move(proposals);
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return r;
}

/// A warning line per target whose statistic is NaN, with no `missing`, in some complete run of
/// the generation: such runs fail (an empty window, an event that never came).
std::string nan_targets(const Calibration& c, const GenerationRecord& r) {
  std::string out;
  for (std::size_t k = 0; k < c.targets.size(); ++k) {
    if (c.targets[k].missing || c.targets[k].weight == 0.0) continue;
    std::size_t nan = 0, complete = 0;
    for (std::size_t i = 0; i < r.statistics.size(); ++i) {
      if (r.failed_runs[i] > 0) continue;
      ++complete;
      if (!std::isfinite(r.statistics[i][k])) ++nan;
    }
    if (nan == 0) continue;
    out += fmt::format(
        "warning: target {} of episode {} is NaN in {} of {} runs, which then fail: an empty "
        "window, or an event that never happened (give `missing:` for those)\n",
        c.targets[k].name, c.episodes[c.targets[k].episode].name, nan, complete);
  }
  return out;
}

std::string stop_reason(const Population& p, const Settings& s) {
  if (p.generation > 0 && p.acceptance < s.min_acceptance)
    return fmt::format("acceptance {:.4f} below min_acceptance {}", p.acceptance,
                       schema::format_real(s.min_acceptance));
  return fmt::format("max_generations {} reached", s.max_generations);
}

// --- the HDF5 file ---------------------------------------------------------------------------

using h5::Handle;

void write_doubles(hid_t parent, const std::string& name, const std::vector<double>& v) {
  (void)h5::write_vector(parent, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, v.data(), v.size());
}
void write_int64s(hid_t parent, const std::string& name, const std::vector<std::int64_t>& v) {
  (void)h5::write_vector(parent, name, H5T_STD_I64LE, H5T_NATIVE_INT64, v.data(), v.size());
}
void write_uint64s(hid_t parent, const std::string& name, const std::vector<std::uint64_t>& v) {
  (void)h5::write_vector(parent, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, v.data(), v.size());
}

/// rows x cols doubles, row-major.
void write_matrix(hid_t parent, const std::string& name, const std::vector<std::vector<double>>& m,
                  std::size_t cols) {
  const std::vector<hsize_t> dims = {static_cast<hsize_t>(m.size()), static_cast<hsize_t>(cols)};
  h5::Storage st;
  if (!m.empty() && cols > 0)
    st.chunk = dims;
  else
    st.checksum = false;
  const Handle ds = h5::create_dataset(parent, name, H5T_IEEE_F64LE, dims, dims, st);
  std::vector<double> flat;
  flat.reserve(m.size() * cols);
  for (const auto& row : m)
    for (std::size_t k = 0; k < cols; ++k) flat.push_back(k < row.size() ? row[k] : kNaN);
  if (!flat.empty())
    h5::check(H5Dwrite(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, h5::kDefault, flat.data()),
              "writing " + name);
}

std::uint64_t run_seed(const Calibration& c, int generation, std::size_t index) {
  return sweep::task_seed(generation_seed(c, generation), index, 0);
}

void write_generation(hid_t parent, const Calibration& c, const GenerationRecord& g) {
  const Population& p = g.population;
  const Handle grp = h5::create_group(parent, fmt::format("gen-{:03d}", p.generation));
  h5::set_attribute(grp.id(), "generation", static_cast<std::int64_t>(p.generation));
  h5::set_attribute(grp.id(), "tolerance", p.tolerance);
  h5::set_attribute(grp.id(), "acceptance", p.acceptance);
  h5::set_attribute(grp.id(), "simulations", static_cast<std::uint64_t>(p.simulations));
  h5::set_attribute(grp.id(), "total_simulations", static_cast<std::uint64_t>(p.total_simulations));
  h5::set_attribute(grp.id(), "runs",
                    static_cast<std::uint64_t>(p.simulations * c.episodes.size()));
  h5::set_attribute(grp.id(), "accepted", static_cast<std::uint64_t>(p.accepted));
  h5::set_attribute(grp.id(), "failed", static_cast<std::uint64_t>(p.failed));
  h5::set_attribute(grp.id(), "effective_sample_size", effective_sample_size(p.weights));
  h5::set_attribute(grp.id(), "seconds", g.seconds);
  const std::size_t d = c.parameters.size();
  write_matrix(grp.id(), "particles", p.particles, d);
  write_doubles(grp.id(), "weights", p.weights);
  write_doubles(grp.id(), "importance_weights", p.importance_weights);
  write_doubles(grp.id(), "distances", p.distances);
  std::vector<std::int64_t> og, oi;
  for (const auto& o : p.origins) {
    og.push_back(o.generation);
    oi.push_back(static_cast<std::int64_t>(o.index));
  }
  write_int64s(grp.id(), "origin_generation", og);
  write_int64s(grp.id(), "origin_index", oi);
  // The kept particles' statistics: from the generation that proposed each.
  const Handle props = h5::create_group(grp.id(), "proposals");
  std::vector<std::vector<double>> theta;
  std::vector<std::int64_t> ancestor, attempt;
  std::vector<std::uint64_t> seeds;
  for (const auto& pr : g.proposals) {
    theta.push_back(pr.theta);
    ancestor.push_back(
        pr.ancestor == Proposal::kFromPrior ? -1 : static_cast<std::int64_t>(pr.ancestor));
    attempt.push_back(pr.attempt);
    seeds.push_back(run_seed(c, p.generation, pr.index));
  }
  write_matrix(props.id(), "theta", theta, d);
  write_matrix(props.id(), "statistics", g.statistics, c.targets.size());
  write_doubles(props.id(), "distance", g.distances);
  write_int64s(props.id(), "ancestor", ancestor);
  write_int64s(props.id(), "attempt", attempt);
  write_uint64s(props.id(), "seed", seeds);
}

}  // namespace

std::string posterior_csv(const Calibration& c, const Population& p) {
  std::string t = "weight";
  for (const auto& par : c.parameters) {
    if (par.episode) continue;  // an episode's own value does not carry to other configs
    t += ',';
    t += par.path;
  }
  t += "\n";
  for (std::size_t i = 0; i < p.particles.size(); ++i) {
    t += schema::format_real(p.weights[i]);
    for (std::size_t k = 0; k < p.particles[i].size(); ++k) {
      if (c.parameters[k].episode) continue;
      t += ',';
      t += schema::format_real(p.particles[i][k]);
    }
    t += "\n";
  }
  return t;
}

std::vector<GenerationRecord> run_calibration(const Calibration& c, const DriverOptions& o,
                                              const std::atomic<int>& stop, std::ostream& log) {
  std::error_code ec;
  std::filesystem::create_directories(c.output, ec);
  if (ec) throw RuntimeError(fmt::format("creating {}: {}", c.output.string(), ec.message()));
  FileLock lock;
  std::string why;
  const auto lock_file = c.output / "calibration.lock";
  if (lock.try_lock(lock_file, FileLock::Mode::exclusive, true, false, &why) ==
      FileLock::Outcome::busy)
    throw InputError(fmt::format("{}: another vecinos calibrate is running on this directory",
                                 lock_file.string()));
  sweep::write_file_atomically(c.output / "calibration.yaml", c.text);
  const Settings& s = c.settings;
  std::vector<GenerationRecord> gens;
  log << fmt::format(
      "calibrate {}: {} parameters, {} targets over {} episode{}; {} particles, alpha {}, up to "
      "{} generations; output {}\n",
      c.file.string(), c.parameters.size(), c.targets.size(), c.episodes.size(),
      c.episodes.size() == 1 ? "" : "s", s.particles, schema::format_real(s.alpha),
      s.max_generations, c.output.string());
  for (int g = 0;; ++g) {
    auto proposals = g == 0 ? propose(s, c.seed) : propose(gens.back().population, s, c.seed);
    GenerationRecord r = simulate(c, o, g, std::move(proposals), stop, log);
    const std::string nan_note = nan_targets(c, r);
    if (!nan_note.empty()) log << nan_note;
    try {
      r.population = g == 0 ? ingest(r.proposals, r.distances, s)
                            : ingest(gens.back().population, r.proposals, r.distances, s);
    } catch (const RuntimeError& e) {
      throw RuntimeError(
          fmt::format("{}{}", e.what(), nan_note.empty() ? "" : " (the targets above)"));
    }
    const Population& p = r.population;
    const double runs = static_cast<double>(r.simulated);
    log << fmt::format(
        "generation {}: {} proposals x {} episode{} = {} runs ({} simulated now, {} found "
        "complete) in {:.1f} s{}; tolerance {:.4g}, acceptance {:.3f}, failed {}, ESS {:.1f}\n",
        g, p.simulations, c.episodes.size(), c.episodes.size() == 1 ? "" : "s",
        p.simulations * c.episodes.size(), r.simulated,
        p.simulations * c.episodes.size() - r.simulated, r.seconds,
        r.simulated > 0 ? fmt::format(", {:.1f} runs/s", runs / r.seconds) : std::string(),
        p.tolerance, p.acceptance, p.failed, effective_sample_size(p.weights));
    gens.push_back(std::move(r));
    const bool done = finished(gens.back().population, s);
    write_calibration_file(c, gens, done, done ? stop_reason(gens.back().population, s) : "");
    sweep::write_file_atomically(c.output / "posterior.csv",
                                 posterior_csv(c, gens.back().population));
    if (done) break;
  }
  return gens;
}

void write_calibration_file(const Calibration& c, const std::vector<GenerationRecord>& gens,
                            bool complete, const std::string& stop_reason_text) {
  const auto path = c.output / "calibration.h5";
  auto tmp = path;
  tmp += ".partial";
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  {
    const Handle file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, h5::kDefault, h5::kDefault), H5Fclose,
                      "creating " + tmp.string());
    const hid_t f = file.id();
    h5::set_attribute(f, "format", std::string_view("vecinos-calibration"));
    h5::set_attribute(f, "format_version", std::int64_t{1});
    h5::set_attribute(f, "program_version",
                      std::string_view(fmt::format("{} (git {})", version(), git_hash())));
    h5::set_attribute(f, "calibration_file", std::string_view(c.file.string()));
    h5::set_attribute(f, "status", std::string_view(complete ? "complete" : "running"));
    h5::set_attribute(f, "stop_reason", std::string_view(stop_reason_text));
    h5::set_attribute(f, "seed", c.seed);
    h5::set_attribute(f, "particles", static_cast<std::uint64_t>(c.settings.particles));
    h5::set_attribute(f, "alpha", c.settings.alpha);
    h5::set_attribute(f, "min_acceptance", c.settings.min_acceptance);
    h5::set_attribute(f, "max_generations", static_cast<std::int64_t>(c.settings.max_generations));
    h5::set_attribute(f, "generations", static_cast<std::uint64_t>(gens.size()));
    (void)h5::write_strings(f, "calibration_yaml", {c.text});

    const Handle par = h5::create_group(f, "parameters");
    std::vector<std::string> names, paths, episodes, priors;
    std::vector<double> lo, hi;
    std::vector<std::int64_t> integer;
    for (std::size_t k = 0; k < c.parameters.size(); ++k) {
      names.push_back(c.parameters[k].name);
      paths.push_back(c.parameters[k].path);
      episodes.push_back(c.parameters[k].episode ? c.episodes[*c.parameters[k].episode].name : "");
      priors.push_back(c.settings.priors[k].describe());
      lo.push_back(c.settings.priors[k].lo());
      hi.push_back(c.settings.priors[k].hi());
      integer.push_back(c.parameters[k].integer ? 1 : 0);
    }
    (void)h5::write_strings(par.id(), "name", names);
    (void)h5::write_strings(par.id(), "path", paths);
    (void)h5::write_strings(par.id(), "episode", episodes);
    (void)h5::write_strings(par.id(), "prior", priors);
    write_doubles(par.id(), "min", lo);
    write_doubles(par.id(), "max", hi);
    write_int64s(par.id(), "integer", integer);

    const Handle tg = h5::create_group(f, "targets");
    std::vector<std::string> tname, episode, units, source, yaml;
    std::vector<double> observed, scale, weight, missing;
    for (const auto& t : c.targets) {
      tname.push_back(t.name);
      episode.push_back(c.episodes[t.episode].name);
      units.push_back(t.outcome.column_units());
      source.push_back(t.source);
      yaml.push_back(t.outcome.yaml());
      observed.push_back(t.observed);
      scale.push_back(t.scale);
      weight.push_back(t.weight);
      missing.push_back(t.missing.value_or(kNaN));
    }
    (void)h5::write_strings(tg.id(), "name", tname);
    (void)h5::write_strings(tg.id(), "episode", episode);
    (void)h5::write_strings(tg.id(), "units", units);
    (void)h5::write_strings(tg.id(), "source", source);
    (void)h5::write_strings(tg.id(), "outcome", yaml);
    write_doubles(tg.id(), "observed", observed);
    write_doubles(tg.id(), "scale", scale);
    write_doubles(tg.id(), "weight", weight);
    write_doubles(tg.id(), "missing", missing);

    const Handle ep = h5::create_group(f, "episodes");
    std::vector<std::string> en, base, start, end;
    for (const auto& e : c.episodes) {
      en.push_back(e.name);
      base.push_back(e.base.string());
      start.push_back(e.start.iso());
      end.push_back(e.end.iso());
    }
    (void)h5::write_strings(ep.id(), "name", en);
    (void)h5::write_strings(ep.id(), "base", base);
    (void)h5::write_strings(ep.id(), "start", start);
    (void)h5::write_strings(ep.id(), "end", end);

    const Handle gg = h5::create_group(f, "generations");
    for (const auto& g : gens) write_generation(gg.id(), c, g);
    h5::check(H5Fflush(f, H5F_SCOPE_GLOBAL), "flushing " + tmp.string());
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec)
    throw RuntimeError(
        fmt::format("renaming {} to {}: {}", tmp.string(), path.string(), ec.message()));
}

std::string describe(const Calibration& c) {
  std::string t = fmt::format(
      "calibration {}: {} particles, alpha {} ({} kept), min_acceptance {}, up to {} "
      "generations, seed {}; output {}\n",
      c.file.string(), c.settings.particles, schema::format_real(c.settings.alpha),
      c.settings.kept(), schema::format_real(c.settings.min_acceptance), c.settings.max_generations,
      c.seed, c.output.string());
  t += fmt::format("episodes ({}):\n", c.episodes.size());
  for (std::size_t e = 0; e < c.episodes.size(); ++e)
    t += fmt::format("  {:<14} {} .. {}  {} ({} targets)\n", c.episodes[e].name,
                     c.episodes[e].start.iso(), c.episodes[e].end.iso(),
                     c.episodes[e].base.string(), c.targets_of(e).size());
  t += fmt::format("parameters ({}):\n", c.parameters.size());
  for (std::size_t k = 0; k < c.parameters.size(); ++k)
    t += fmt::format("  {:<44} {}{}\n", c.parameters[k].name, c.settings.priors[k].describe(),
                     c.parameters[k].integer ? " (rounded: whole numbers)" : "");
  t += fmt::format("targets ({}):\n", c.targets.size());
  for (const auto& tg : c.targets)
    t += fmt::format("  {:<12} {:<58} observed {:<12.6g} scale {:<10.4g} weight {}\n",
                     c.episodes[tg.episode].name, tg.name, tg.observed, tg.scale,
                     schema::format_real(tg.weight));
  t += fmt::format(
      "generation 0 runs {} simulations ({} proposals x {} episodes); later "
      "generations {} each\n",
      c.settings.particles * c.episodes.size(), c.settings.particles, c.episodes.size(),
      c.settings.proposals_per_generation() * c.episodes.size());
  return t;
}

std::string posterior_table(const Calibration& c, const std::vector<GenerationRecord>& gens) {
  if (gens.empty()) return {};
  const Population& p = gens.back().population;
  const auto& prior_draws = gens.front().proposals;
  std::string t = fmt::format("posterior after generation {} ({} particles, tolerance {:.4g}):\n",
                              p.generation, p.particles.size(), p.tolerance);
  t += fmt::format("  {:<44} {:<24} {:>10} {:>10} {:>10} {:>10} {:>10} {:>9}\n", "parameter",
                   "prior", "mean", "sd", "5%", "50%", "95%", "shrinkage");
  for (std::size_t k = 0; k < c.parameters.size(); ++k) {
    const auto x = p.column(k);
    std::vector<double> prior;
    prior.reserve(prior_draws.size());
    for (const auto& pr : prior_draws) prior.push_back(pr.theta[k]);
    const std::vector<double> ones(prior.size(), 1.0);
    const double prior_sd = weighted_sd(prior, ones);
    const double sd = weighted_sd(x, p.weights);
    t += fmt::format("  {:<44} {:<24} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>10.4g} {:>9.2f}\n",
                     c.parameters[k].name, c.settings.priors[k].describe(),
                     weighted_mean(x, p.weights), sd, weighted_quantile(x, p.weights, 0.05),
                     weighted_quantile(x, p.weights, 0.5), weighted_quantile(x, p.weights, 0.95),
                     prior_sd > 0.0 ? 1.0 - sd / prior_sd : kNaN);
  }
  return t;
}

}  // namespace vecinos::calibrate
