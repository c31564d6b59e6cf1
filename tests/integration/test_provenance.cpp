// Provenance at the vantage date (issue 14): the model is built as of early December 2024, so
// no source cited in configs/ may be dated after 2024-12-01. Sources carry their publication
// date as "[published YYYY-MM-DD]"; scheduled calendar dates (elections, the review) are not
// sources and are not checked here.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

using namespace std::string_literals;

namespace {

const std::string kVantage = "2024-12-01";

std::vector<std::filesystem::path> config_files() {
  std::vector<std::filesystem::path> out;
  for (const auto& f :
       std::filesystem::recursive_directory_iterator(VECINOS_SOURCE_DIR "/configs"s))
    if (f.is_regular_file() && f.path().extension() == ".yaml") out.push_back(f.path());
  return out;
}

}  // namespace

TEST_CASE("provenance: no source cited in configs/ is dated after the vantage date 2024-12-01") {
  // A day, or a month or year where the page shows no more (history configs cite such pages):
  // a partial date must lie wholly before the vantage date.
  const std::regex published(R"(published\s+([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?))");
  const std::regex any_published(R"(\[published\b[^\]]*\])");
  int sources = 0;
  for (const auto& path : config_files()) {
    std::ifstream in(path);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      const std::string at = path.filename().string() + ":" + std::to_string(n);
      for (auto it = std::sregex_iterator(line.begin(), line.end(), published);
           it != std::sregex_iterator(); ++it) {
        ++sources;
        const std::string date = (*it)[1].str();
        const std::string vantage(kVantage);
        const bool before =
            date.size() == vantage.size() ? date <= vantage : date < vantage.substr(0, date.size());
        CHECK_MESSAGE(before, (at + ": a source published " + date));
      }
      // Every "[published ...]" tag carries an ISO date, day, month or year (the format note of
      // baseline.yaml aside).
      for (auto it = std::sregex_iterator(line.begin(), line.end(), any_published);
           it != std::sregex_iterator(); ++it) {
        const std::string tag = it->str();
        if (tag == "[published ...]") continue;
        CHECK_MESSAGE(std::regex_search(tag, published), (at + ": " + tag + " has no date"));
      }
    }
  }
  CHECK(sources >= 20);  // the baseline's sources are tagged, so the check has something to do
}
