// `vecinos sweep`: parameter sweeps (docs/sweeps.md). This file registers the subcommands and
// holds `plan` and `collect`; `run` and `slurm` are in sweep_run_command.cpp.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/sweep/tasks.hpp"
#include "tools/cli/sweep_commands.hpp"
#include "tools/sweep/collect.hpp"
#include "tools/sweep/executor.hpp"
#include "tools/sweep/path_groups.hpp"
#include "tools/sweep/task_files.hpp"
#include "world/model_info.hpp"

namespace vecinos::cli {

std::filesystem::path self_exe() {
  std::error_code ec;
  auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw RuntimeError("cannot find this program's path (/proc/self/exe): " + ec.message());
  return p;
}

namespace {

void print_plan(const sweep::TaskList& tasks, bool all, std::ostream& out) {
  using namespace sweep;
  const Sweep& s = tasks.sweep();
  std::string shape;
  if (s.design == Design::grid) {
    std::vector<std::size_t> sizes;
    for (const auto& p : s.parameters) sizes.push_back(p.values.size());
    shape = fmt::format(" ({})", fmt::join(sizes, " x "));
  }
  out << fmt::format("sweep {}: design {}, {} points{}, {} replicates: {} tasks\n", s.file.string(),
                     name(s.design), tasks.points(), shape, s.replicates, tasks.size());
  out << fmt::format(
      "base    {}\noutput  {}\nseed    {} (task seeds derived from it, docs/sweeps.md)\n",
      s.base.string(), s.output.string(), s.seed);
  for (const auto& st : s.sets) out << fmt::format("set     {}={}\n", st.path, st.value);
  for (const auto& o : s.outcomes) out << fmt::format("outcome {}\n", o.column());
  for (const auto& p : s.paths)
    out << fmt::format("path    {}: {}\n", p.name, p.rule ? p.rule->text() : "every other run");
  if (s.common_random_numbers)
    out << "seeds   common random numbers: replicate r has the same seed at every point\n";

  std::vector<std::size_t> width;
  for (std::size_t d = 0; d < s.parameters.size(); ++d) {
    std::size_t w = s.parameters[d].path.size();
    for (std::uint64_t p = 0; p < tasks.points(); ++p) w = std::max(w, tasks.values(p)[d].size());
    width.push_back(w);
  }
  std::string head = fmt::format("\n{:>6}  {:>5}  {:>4}  {:>16}", "task", "point", "rep", "seed");
  for (std::size_t d = 0; d < s.parameters.size(); ++d)
    head += fmt::format("  {:<{}}", s.parameters[d].path, width[d]);
  out << head << "  status      output\n";
  // Without --all a large sweep is summarised: its first tasks, then the totals (a 10^7-task
  // grid would print gigabytes). The states are counted up to kMaxCounted tasks.
  constexpr std::uint64_t kListed = 20, kMaxCounted = 100000;
  const std::uint64_t listed = all || tasks.size() <= 2 * kListed ? tasks.size() : kListed;
  const std::uint64_t counted = all ? tasks.size() : std::min(tasks.size(), kMaxCounted);
  std::array<std::uint64_t, 5> count{};
  for (std::uint64_t i = 0; i < std::max(listed, counted); ++i) {
    const Task t = tasks.task(i);
    const auto state = task_state(tasks.output(t));
    ++count[static_cast<std::size_t>(state)];
    if (i >= listed) continue;
    std::string line =
        fmt::format("{:>6}  {:>5}  {:>4}  {:>16}", t.index, t.point, t.replicate, t.seed);
    const auto& v = tasks.values(t.point);
    for (std::size_t d = 0; d < v.size(); ++d) line += fmt::format("  {:<{}}", v[d], width[d]);
    out << line << fmt::format("  {:<10}  {}\n", name(state), tasks.output(t).string());
  }
  if (listed < tasks.size())
    out << fmt::format("   ... {} more tasks (--all lists every one)\n", tasks.size() - listed);
  using enum TaskState;
  const auto n = [&](TaskState st) { return count[static_cast<std::size_t>(st)]; };
  out << fmt::format(
      "\n{} tasks ({} points x {} replicates): {} complete, {} failed, {} incomplete{}, {} to "
      "run{}\n",
      tasks.size(), tasks.points(), s.replicates, n(complete), n(failed), n(incomplete),
      n(invalid) > 0 ? fmt::format(", {} invalid", n(invalid)) : std::string(),
      counted - n(complete),
      counted < tasks.size() ? fmt::format(" (states of the first {} tasks)", counted) : "");
}

}  // namespace

Action add_sweep_plan(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto commands = std::make_shared<bool>(false);
  auto all = std::make_shared<bool>(false);
  app.add_option("FILE", *file, "sweep file (YAML)")->required();
  app.add_flag("--all", *all, "list every task (by default a large sweep lists its first 20)");
  app.add_flag("--commands", *commands,
               "print the `vecinos run` command of each task instead (each runs its task alone)");
  return [file, commands, all] {
    const sweep::Sweep s = sweep::load_sweep(*file, model_info());
    const sweep::TaskList tasks(s);
    if (*commands) {
      const std::string exe = self_exe().string();
      for (std::uint64_t i = 0; i < tasks.size(); ++i) {
        std::vector<std::string> argv = {exe};
        const auto args = tasks.run_arguments(tasks.task(i));
        argv.insert(argv.end(), args.begin(), args.end());
        std::cout << sweep::shell_command(argv) << "\n";
      }
      return 0;
    }
    print_plan(tasks, *all, std::cout);
    return 0;
  };
}

Action add_sweep_collect(CLI::App& app) {
  struct Args {
    std::string dir, by, csv;
    std::size_t bins = 5;
  };
  auto a = std::make_shared<Args>();
  app.add_option("DIR", a->dir, "output directory of a sweep (it holds sweep.yaml)")->required();
  CLI::Option* by =
      app.add_option("--by", a->by,
                     "also print each path's probability per group: 'point' (per design point) "
                     "or a parameter (its values, or --bins equal-count bins when numeric)");
  app.add_option("--bins", a->bins,
                 "equal-count bins of a numeric --by parameter with more values (default 5)")
      ->check(CLI::Range(1, 1000))
      ->needs(by);
  app.add_option("--csv", a->csv, "write the --by table to this CSV file as well")->needs(by);
  return [a] {
    const sweep::Sweep s = sweep::load_recorded_sweep(a->dir);
    if (!a->by.empty()) sweep::check_path_grouping(s, a->by, a->bins);
    const sweep::TaskList tasks(s);
    const auto sum = sweep::collect(tasks);
    std::map<std::string, std::vector<std::uint64_t>> by_status;
    for (const auto& t : sum.tasks) by_status[t.status].push_back(t.index);
    std::string counts;
    for (const auto& [status, list] : by_status)
      counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", list.size(), status);
    std::cout << fmt::format("collect {}: {} tasks: {}\n", s.output.string(), sum.tasks.size(),
                             counts);
    for (const auto& [status, list] : by_status) {
      if (status == "complete") continue;
      std::cout << fmt::format("  {}: tasks {}\n", status, sweep::ranges_text(list));
    }
    for (const auto& t : sum.tasks)
      if (!t.note.empty() && t.status != "failed")
        std::cout << fmt::format("  task {} is {}: {}\n", t.index, t.status, t.note);
    std::cout << sweep::path_report(sum);
    if (!a->by.empty()) {
      const auto grouping = sweep::path_grouping(tasks, sum, a->by, a->bins);
      std::cout << sweep::path_grouping_table(grouping);
      if (!a->csv.empty()) {
        std::ofstream csv(a->csv);
        csv << sweep::path_grouping_csv(grouping);
        csv.close();
        if (!csv) throw InputError(fmt::format("--csv {}: cannot write the file", a->csv));
      }
    }
    for (const auto& w : sum.warnings) std::cout << fmt::format("  warning: {}\n", w);
    std::cout << fmt::format("wrote {}\n", sum.index_file.string());
    if (!sum.all_complete())
      std::cerr << fmt::format(
          "vecinos sweep collect: {} of {} tasks are not complete; run the sweep again to "
          "finish them (failed tasks: see their .failed files)\n",
          sum.tasks.size() - sum.complete, sum.tasks.size());
    return sum.all_complete() ? 0 : 1;
  };
}

Action add_sweep(CLI::App& app, const StopFlag& stop, void (*on_signal)(int)) {
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Action>> subs;
  auto add = [&](const char* name, const char* help, auto registrar) {
    CLI::App* sub = app.add_subcommand(name, help);
    subs.emplace_back(sub, registrar(*sub));
  };
  add("plan", "print the tasks of a sweep file (index, parameter values, seed, output) and totals",
      [](CLI::App& a) { return add_sweep_plan(a); });
  add("run", "run a sweep's tasks (locally N at a time, or one Slurm array element, or under MPI)",
      [&](CLI::App& a) { return add_sweep_run(a, stop, on_signal); });
  add("slurm", "print an sbatch script that runs the sweep as a Slurm job array",
      [](CLI::App& a) { return add_sweep_slurm(a); });
  add("collect", "write DIR/sweep.h5: parameters, status and outcomes of every task, links to runs",
      [](CLI::App& a) { return add_sweep_collect(a); });
  return [subs] {
    for (const auto& [sub, action] : subs)
      if (sub->parsed()) return action();
    return 2;
  };
}

}  // namespace vecinos::cli
