// Behaviour belongs in the config (issue 14): the numeric literals left in the code of agents/
// (not counting 0, 1 and 0.5, nor the defaults in headers and the ranges in *_schema.cpp, which
// the schema documents) are listed here, and a new one fails this test. Each listed one is a
// unit conversion, a numerical guard or a sizing constant that no calibration would vary; to
// add one, move it into the schema instead, or add it here with the reason.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

using namespace std::string_literals;

namespace {

// file -> literal -> count
const std::map<std::string, std::map<std::string, int>> kKnown = {
    // 16: a parallel grain; 1e4, 1e6: per-10,000 and
    // per-million units; 1e-6: a guard; 2.0: maps 0..1 onto -1..1; 52.1775: weeks per year.
    {"cartels.cpp", {{"16", 1}, {"1e-6", 1}, {"1e4", 1}, {"1e6", 1}, {"2.0", 1}, {"52.1775", 1}}},
    // 1024: parallel grain; 2, 3, 4: indices of sectors, owners and choices.
    {"firms.cpp", {{"1024", 1}, {"2", 6}, {"3", 1}, {"4", 2}}},
    // the ranges of the schema (describe() lives in this file), a guard, and 3: the steps of
    // the USMCA status counted at most by the uncertainty drag.
    {"markets.cpp",
     {{"0.01", 1},
      {"10.0", 2},
      {"100.0", 2},
      {"1e-9", 1},
      {"1e12", 1},
      {"1e13", 2},
      {"1e7", 3},
      {"1e8", 1},
      {"1e9", 1},
      {"20.0", 1},
      {"3", 1},
      {"365.0", 1}}},
    // 1e4: per 10,000 troops; 4096, 8192: parallel grains; 16, 32: the chunks of the build's
    // parallel counting sort; 2..5: status indices.
    {"migrants.cpp",
     {{"1e4", 1},
      {"16", 1},
      {"2", 5},
      {"3", 3},
      {"32", 1},
      {"4", 2},
      {"4096", 1},
      {"5", 1},
      {"8192", 1}}},
    {"political.cpp", {{"4", 1}}},
};

std::string stripped(std::string s) {
  s = std::regex_replace(s, std::regex(R"(//[^\n]*)"), "");
  s = std::regex_replace(s, std::regex(R"(/\*[\s\S]*?\*/)"), "");
  s = std::regex_replace(s, std::regex(R"("(\\.|[^"\\])*")"), "\"\"");
  s = std::regex_replace(s, std::regex(R"('(\\.|[^'\\])*')"), "''");
  return s;
}

}  // namespace

TEST_CASE("agents/: no numeric literal beyond the listed ones in behavioural code") {
  const std::regex literal(
      R"((^|[^A-Za-z_0-9.])((\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?)[fFuUlL]*(?![A-Za-z_0-9]))");
  int files = 0;
  for (const auto& f : std::filesystem::directory_iterator(VECINOS_SOURCE_DIR "/agents"s)) {
    const auto name = f.path().filename().string();
    if (f.path().extension() != ".cpp" || name.find("_schema") != std::string::npos) continue;
    ++files;
    std::ifstream in(f.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string code = stripped(buf.str());
    std::map<std::string, int> found;
    for (auto it = std::sregex_iterator(code.begin(), code.end(), literal);
         it != std::sregex_iterator(); ++it) {
      const std::string x = (*it)[2].str();
      if (x == "0" || x == "1" || x == "0.5" || x == "0.0" || x == "1.0") continue;
      found[x] += 1;
    }
    const auto known = kKnown.find(name);
    for (const auto& entry : found) {
      const auto& x = entry.first;  // not a structured binding: clang 14 cannot capture one
      const auto n = entry.second;
      int allowed = 0;
      if (known != kKnown.end()) {
        const auto k = known->second.find(x);
        if (k != known->second.end()) allowed = k->second;
      }
      CHECK_MESSAGE(n <= allowed,
                    (name + ": literal " + x + " appears " + std::to_string(n) +
                     " times (listed: " + std::to_string(allowed) + "); move it into the schema"));
    }
  }
  CHECK(files >= 5);
}
