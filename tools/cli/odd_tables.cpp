// `vecinos config --odd-table NAME`: the tables of model/ODD.md, printed from what the code holds
// (the action table, the preconditions, the policy-status terms, the schema) so that the
// description cannot drift from the model (tests/integration/test_odd.cpp,
// tools/gen-odd-tables.sh).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tools/cli/commands.hpp"
#include "tools/cli/markdown.hpp"
#include "world/config.hpp"
#include "world/decisions.hpp"
#include "world/policy_state.hpp"

namespace vecinos::cli {

namespace {

std::string cell(std::string_view s) {
  return markdown_cell(s);
}

/// A number as the schema prints defaults (shortest round-trip text).
std::string num(double x) {
  return fmt::format("{}", x);
}

/// The schema's reference line for a key (its default text, unit, ...).
const schema::RefEntry* ref_entry(const std::vector<schema::RefEntry>& refs, std::string_view key) {
  const auto it =
      std::find_if(refs.begin(), refs.end(), [&](const auto& e) { return e.path == key; });
  return it == refs.end() ? nullptr : &*it;
}

std::string key_default(const std::vector<schema::RefEntry>& refs, const std::string& key) {
  const schema::RefEntry* e = ref_entry(refs, key);
  return e == nullptr ? "?" : e->default_text;
}

std::string who(const ActionInfo& a) {
  if (a.sides == kNobody) return "nobody (a consequence)";
  std::vector<std::string> out;
  for (std::size_t s = 0; s < 2; ++s) {
    if ((a.sides & (s == 0 ? kUs : kMx)) == 0) continue;
    out.push_back(fmt::format("{}{}", s == 0 ? "U.S." : "Mexico",
                              a.menu[s] == kNotOnMenu ? " (forced only)" : ""));
  }
  return fmt::format("{}", fmt::join(out, ", "));
}

std::string kinds(const ActionInfo& a) {
  std::vector<std::string> out;
  if (a.tariff) out.emplace_back("costs own economy");
  if (a.gravest)
    out.emplace_back("gravest (`decisions.escalation_cost`)");
  else if (a.escalation)
    out.emplace_back("escalation");
  if (a.answers != kNoDemand)
    out.push_back(
        fmt::format("answers a {} demand", kIssueNames[index(static_cast<Issue>(a.answers))]));
  for (std::size_t s = 0; s < 2; ++s)
    if (a.reverses[s] != vecinos::Action::count_)
      out.push_back(fmt::format("undoes {} ({})", name(a.reverses[s]), s == 0 ? "U.S." : "Mexico"));
  return fmt::format("{}", fmt::join(out, "; "));
}

std::string actions_table() {
  const Config c{};
  const auto& schema = config_schema();
  const auto refs = schema.reference();
  const DecisionParams& d = c.decisions;
  std::string out;
  out += fmt::format(
      "An event's Goldstein score is its action's score below times (magnitude / configured "
      "size)^{} (`decisions.size_exponent`), the factor bounded to {} .. {} "
      "(`decisions.size_factor_min`, `decisions.size_factor_max`), the score to -10 .. 10; an "
      "unsized action keeps its score.\n\n",
      num(d.size_exponent), num(d.size_factor_min), num(d.size_factor_max));
  out +=
      "| action | who may take it | Goldstein | CAMEO verb | configured size | "
      "largest magnitude (unit) | role |\n|---|---|---|---|---|---|---|\n";
  for (const ActionInfo& a : kActionInfo) {
    std::string size = "unsized";
    std::string largest = "none";
    if (a.size != nullptr) {
      const std::string key = schema.key_of(c, a.size->where(c));
      const std::string def = key_default(refs, key);
      size = def == "(required)" ? fmt::format("`{}` (required)", key)
                                 : fmt::format("`{}` = {}", key, def);
      largest = fmt::format("{} ({})", num(a.max_magnitude), a.unit);
    }
    out += fmt::format("| `{}` | {} | {} | {} | {} | {} | {} |\n", a.name, who(a), num(a.goldstein),
                       cell(a.cameo), size, cell(largest), kinds(a));
  }
  out +=
      "\nAvailable to a president when its side may take the action and (U.S. acts marked "
      "\"in office\": after the inauguration):\n\n| action | available when |\n|---|---|\n";
  for (const ActionInfo& a : kActionInfo) {
    const Precondition p = precondition(a.action);
    out += fmt::format("| `{}` | {}{} |\n", a.name, p.office ? "in office; " : "", cell(p.text));
  }
  out +=
      "\nStances (`decisions.stance.<action>`: how the action moves policy on each issue, -1 "
      "toward its 0 end, +1 toward its 1 end) and defiance (`decisions.defiance.<action>`: +1 "
      "defies the U.S., -1 concedes), defaults:\n\n| action |";
  for (auto issue : kIssueNames) out += fmt::format(" {} |", issue);
  out += " defiance |\n|---|";
  for (std::size_t i = 0; i <= kIssueCount; ++i) out += "---|";
  out += "\n";
  for (const ActionInfo& a : kActionInfo) {
    out += fmt::format("| `{}` |", a.name);
    for (double x : d.stance.*a.stance) out += fmt::format(" {} |", num(x));
    out += fmt::format(" {} |\n", num(d.defiance.*a.defiance));
  }
  return out;
}

std::string status_table() {
  const Config c{};
  const auto& schema = config_schema();
  const auto refs = schema.reference();
  std::string out =
      "An issue's status is the sum of its weighted terms, clamped to 0 .. 1, or the one "
      "unweighted value.\n\n| issue | weight | default | times |\n|---|---|---|---|\n";
  for (const StatusTerm& t : status_terms()) {
    std::string weight = "(none: the value itself)";
    std::string value;
    if (t.weight != nullptr) {
      const std::string key = schema.key_of(c, &(c.status.*t.weight));
      weight = fmt::format("`{}`", key);
      value = key_default(refs, key);
    }
    out += fmt::format("| {} | {} | {} | {} |\n", kIssueNames[index(t.issue)], weight, value,
                       cell(t.value_text));
  }
  return out;
}

/// Sections of the schema that are the model's behaviour (the rest is the run's set-up, the
/// start's policy and the scenario), without the keys the other tables show.
bool behavioural(const std::string& key) {
  for (const char* skip : {"simulation.", "calendar.", "events", "recording.", "policy.", "status.",
                           "decisions.stance.", "decisions.defiance."})
    if (key.starts_with(skip)) return false;
  return true;
}

std::string parameters_table() {
  const auto refs = config_schema().reference();
  std::string out = "| key | unit | default | range | help |\n|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < refs.size();) {
    const schema::RefEntry& e = refs[i];
    if (!behavioural(e.path)) {
      ++i;
      continue;
    }
    // An issue vector (one key per issue, the same unit, range and help) is one row.
    std::string key = e.path;
    std::string def = e.default_text;
    std::size_t n = 1;
    const auto cut = e.path.rfind('.');
    if (cut != std::string::npos && e.path.substr(cut + 1) == kIssueNames[0] &&
        i + kIssueCount <= refs.size()) {
      const std::string stem = e.path.substr(0, cut + 1);
      bool vector = true;
      bool same = true;
      for (std::size_t k = 0; k < kIssueCount; ++k) {
        const auto& f = refs[i + k];
        vector = vector && f.path == stem + std::string(kIssueNames[k]) && f.unit == e.unit &&
                 f.allowed == e.allowed && f.help == e.help;
        same = same && f.default_text == e.default_text;
      }
      if (vector) {
        n = kIssueCount;
        key = stem + "<issue>";
        if (!same) {
          std::vector<std::string> defs;
          for (std::size_t k = 0; k < kIssueCount; ++k) defs.push_back(refs[i + k].default_text);
          def = fmt::format("{}", fmt::join(defs, ", "));
        }
      }
    }
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", key, cell(e.unit), cell(def),
                       cell(e.allowed), cell(e.help));
    i += n;
  }
  return out;
}

}  // namespace

const std::vector<std::string>& odd_table_names() {
  static const std::vector<std::string> kNames = {"actions", "status", "parameters"};
  return kNames;
}

std::string odd_table(std::string_view name) {
  if (name == "actions") return actions_table();
  if (name == "status") return status_table();
  if (name == "parameters") return parameters_table();
  return {};
}

}  // namespace vecinos::cli
