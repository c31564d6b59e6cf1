// model/ODD.md's generated tables are what the code holds now (issue 14): each block between
// its markers is what `vecinos config --odd-table NAME` prints, and every key the tables name
// is a key of the schema.
#include <doctest/doctest.h>

#include <set>

#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {

/// The text between `<!-- odd-table NAME begin -->` and its end marker, without the blank
/// lines around the table (as tools/gen-odd-tables.sh writes it), or "" without markers.
std::string odd_block(const std::string& doc, const std::string& name) {
  const std::string begin = "<!-- odd-table " + name + " begin -->\n\n";
  const std::string end = "\n<!-- odd-table " + name + " end -->";
  const auto b = doc.find(begin);
  if (b == std::string::npos) return {};
  const auto e = doc.find(end, b);
  if (e == std::string::npos) return {};
  return doc.substr(b + begin.size(), e - b - begin.size());
}

}  // namespace

TEST_CASE("model/ODD.md's tables are what vecinos config --odd-table prints now") {
  const std::string doc = slurp(source_path("model/ODD.md"));
  for (const char* name : {"actions", "status", "parameters"}) {
    CAPTURE(name);
    const auto r = run_vecinos(std::string("config --odd-table ") + name);
    REQUIRE(r.exit_code == 0);
    REQUIRE(!r.out.empty());
    CHECK_MESSAGE(odd_block(doc, name) == r.out,
                  "regenerate model/ODD.md's tables with tools/gen-odd-tables.sh "
                  "[build/ci/tools/vecinos]");
  }
  CHECK(run_vecinos("config --odd-table nonsense").exit_code != 0);
}

TEST_CASE("every dotted key the ODD tables name in backquotes is a config key") {
  std::set<std::string> keys;
  {
    const auto r = run_vecinos("config --reference --markdown");
    REQUIRE(r.exit_code == 0);
    for (std::size_t at = r.out.find("| `"); at != std::string::npos;
         at = r.out.find("| `", at + 1)) {
      const auto end = r.out.find('`', at + 3);
      keys.insert(r.out.substr(at + 3, end - at - 3));
    }
  }
  REQUIRE(keys.count("decisions.tariff_rate") == 1);
  for (const char* name : {"actions", "status"}) {
    const auto r = run_vecinos(std::string("config --odd-table ") + name);
    REQUIRE(r.exit_code == 0);
    int named = 0;
    for (std::size_t at = r.out.find('`'); at != std::string::npos;) {
      const auto end = r.out.find('`', at + 1);
      REQUIRE(end != std::string::npos);
      const std::string word = r.out.substr(at + 1, end - at - 1);
      // Dotted words are keys; `decisions.stance.<action>` stands for one key per action.
      if (word.find('.') != std::string::npos && word.find('<') == std::string::npos) {
        ++named;
        CHECK_MESSAGE(keys.count(word) == 1, name, ": ", word, " is not a config key");
      }
      at = r.out.find('`', end + 1);
    }
    CHECK(named > 5);
  }
}
