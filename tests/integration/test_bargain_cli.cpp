// `vecinos bargain`: exit codes, JSON structure and error messages of the real binary.
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {

// A strict little JSON reader (RFC 8259 values; enough to check the output's structure).
struct Json {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::map<std::string, Json> fields;

  [[nodiscard]] bool has(const std::string& key) const { return fields.count(key) != 0; }
  const Json& operator[](const std::string& key) const { return fields.at(key); }
  const Json& operator[](std::size_t i) const { return items.at(i); }
};

class JsonParser {
 public:
  explicit JsonParser(const std::string& s) : s_(s) {}
  Json parse() {
    Json v = value();
    space();
    if (pos_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(pos_));
  }
  void space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool eat(char c) {
    space();
    if (pos_ < s_.size() && s_[pos_] == c) return ++pos_, true;
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  Json value() {
    space();
    if (pos_ >= s_.size()) fail("unexpected end");
    const char c = s_[pos_];
    Json v;
    if (c == '{') {
      v.kind = Json::Kind::object;
      ++pos_;
      if (eat('}')) return v;
      do {
        space();
        const std::string key = string();
        expect(':');
        v.fields[key] = value();
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      v.kind = Json::Kind::array;
      ++pos_;
      if (eat(']')) return v;
      do v.items.push_back(value());
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.kind = Json::Kind::string;
      v.text = string();
    } else if (s_.compare(pos_, 4, "true") == 0 || s_.compare(pos_, 5, "false") == 0) {
      v.kind = Json::Kind::boolean;
      pos_ += s_[pos_] == 't' ? std::size_t{4} : std::size_t{5};
    } else if (s_.compare(pos_, 4, "null") == 0) {
      pos_ += 4;
    } else {
      v.kind = Json::Kind::number;
      v.number = number();
    }
    return v;
  }
  std::string string() {
    if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string");
    ++pos_;
    std::string out;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (static_cast<unsigned char>(s_[pos_]) < 0x20) fail("control character in string");
      if (s_[pos_] == '\\') {
        ++pos_;
        if (pos_ >= s_.size() || std::string("\"\\/bfnrtu").find(s_[pos_]) == std::string::npos)
          fail("bad escape");
        if (s_[pos_] == 'u') pos_ += 4;
      }
      out += s_[pos_++];
    }
    if (pos_ >= s_.size()) fail("unterminated string");
    ++pos_;
    return out;
  }
  double number() {
    const std::size_t start = pos_;
    if (s_[pos_] == '-') ++pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ == from) fail("expected digits");
    };
    if (pos_ < s_.size() && s_[pos_] == '0')
      ++pos_;
    else
      digits();
    if (pos_ < s_.size() && s_[pos_] == '.') ++pos_, digits();
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      digits();
    }
    return std::stod(s_.substr(start, pos_ - start));
  }
  const std::string& s_;
  std::size_t pos_ = 0;
};

const std::string kExample = "'" + source_path("configs/bargain/ktab_dummy_3dim.csv") + "'";

}  // namespace

TEST_CASE("vecinos bargain --json exits 0 with actors, dimensions, turns and outcome") {
  const auto r = run_vecinos("bargain " + kExample + " --json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const Json j = JsonParser(r.out).parse();
  REQUIRE(j.kind == Json::Kind::object);
  CHECK(j.fields.size() == 4);
  REQUIRE(j["actors"].items.size() == 7);
  CHECK(j["actors"][0].text == "SActor-00");
  REQUIRE(j["dimensions"].items.size() == 3);
  CHECK(j["dimensions"][2].text == "Pstn3");
  const Json& turns = j["turns"];
  REQUIRE(turns.items.size() >= 2);
  for (const Json& t : turns.items) {
    REQUIRE(t["positions"].items.size() == 7);
    REQUIRE(t["probabilities"].items.size() == 7);
    double total = 0;
    for (const Json& p : t["probabilities"].items) total += p.number;
    CHECK(total == doctest::Approx(1.0));
    for (const Json& pos : t["positions"].items) {
      REQUIRE(pos.items.size() == 3);
      for (const Json& x : pos.items) CHECK((x.number >= 0 && x.number <= 100));
    }
  }
  // Turn 0 holds the file's positions, on its 0..100 scale.
  CHECK(turns[0]["positions"][0][0].number == doctest::Approx(75.79));
  CHECK(turns[0]["positions"][6][2].number == doctest::Approx(90.36));
  REQUIRE(j["outcome"].items.size() == 3);
  for (const Json& x : j["outcome"].items) CHECK((x.number > 0 && x.number < 100));
}

TEST_CASE("vecinos bargain --turns caps the turns, and the table names actors and the outcome") {
  const auto r = run_vecinos("bargain " + kExample + " --json --turns 1");
  REQUIRE(r.exit_code == 0);
  CHECK(JsonParser(r.out).parse()["turns"].items.size() == 2);
  const auto table = run_vecinos("bargain " + kExample);
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("DummyData_3Dim") != std::string::npos);
  CHECK(table.out.find("SActor-06") != std::string::npos);
  CHECK(table.out.find("outcome") != std::string::npos);
  const auto usmca = run_vecinos(
      "bargain --model PCEModel=MarkovIncentive --model "
      "BargnModel=PWCompInterp '" +
      source_path("configs/bargain/usmca_review.csv") + "' --json");
  CHECK(usmca.exit_code == 0);
  CHECK(JsonParser(usmca.out).parse()["actors"].items.size() == 10);
}

TEST_CASE("vecinos bargain exits 2 on a bad file, naming file:line, and on bad arguments") {
  TempDir dir("bargain-cli");
  const auto bad = dir.write("bad.csv",
                             "Toy,x,2,1,\nActor,Description,Influence,X,SX,\n"
                             "a,,1,50,50,\nb,,1,150,50,\n");
  const auto r = run_vecinos("bargain '" + bad.string() + "' --json");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(bad.string() + ":4: actor 'b': position on 'X' must be in [0, 100], is 150") !=
        std::string::npos);
  const auto missing = run_vecinos("bargain /nonexistent/problem.csv");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/problem.csv") != std::string::npos);
  CHECK(run_vecinos("bargain").exit_code == 2);
  CHECK(run_vecinos("bargain " + kExample + " --turns -1").exit_code == 2);
  const auto model = run_vecinos("bargain " + kExample + " --model VotingRule=Majority");
  CHECK(model.exit_code == 2);
  CHECK(model.err.find("allowed: Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp") !=
        std::string::npos);
}

TEST_CASE("vecinos bargain --benchmark times solves of a random problem") {
  const auto r = run_vecinos("bargain --benchmark --actors 12 --dims 2 --repeat 2");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("12 actors x 2 dimensions") != std::string::npos);
  CHECK(r.out.find("solve to convergence: best") != std::string::npos);
}
