#include <doctest/doctest.h>

#include <string>

#include "model/bargain/smp_csv.hpp"
#include "model/errors.hpp"

using namespace vecinos::bargain;

namespace {

const std::string kHeader =
    "Toy,\"A toy, with a comma\",3,2,\n"
    "Actor,Description,Influence,Trade,Sal Trade,Security,Sal Security,\n";

// The error message parse_smp_csv gives for `text`, or "" if it parses.
std::string error_of(const std::string& text) {
  try {
    parse_smp_csv(text, "toy.csv");
  } catch (const vecinos::InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("KTAB's own format example reads: names, quoted fields, trailing commas, 0..1 scale") {
  const Problem p =
      read_smp_csv(std::string(VECINOS_SOURCE_DIR) + "/configs/bargain/ktab_dummy_3dim.csv");
  CHECK(p.name == "DummyData_3Dim");
  CHECK(p.description == "Dummy scenario to test reading format");
  CHECK(p.dimensions == std::vector<std::string>{"Pstn1", "Pstn2", "Pstn3"});
  REQUIRE(p.actors.size() == 7);
  CHECK(p.actors[0].name == "SActor-00");
  CHECK(p.actors[0].description == "Random Spatial Actor");
  CHECK(p.actors[0].capability == doctest::Approx(102.543));
  CHECK(p.actors[0].position[0] == doctest::Approx(0.7579));
  CHECK(p.actors[0].salience[1] == doctest::Approx(0.0591));
}

TEST_CASE("the USMCA review example reads: ten actors on the baseline's six issues") {
  const Problem p =
      read_smp_csv(std::string(VECINOS_SOURCE_DIR) + "/configs/bargain/usmca_review.csv");
  CHECK(p.actors.size() == 10);
  CHECK(p.dimensions.size() == 6);
  CHECK(p.actors[0].name == "us");
}

TEST_CASE("blank lines, CRLF endings, spaces and quoted quotes are accepted") {
  const Problem p = parse_smp_csv(
      "Toy,\"say \"\"hi\"\"\",2,1\r\n\r\nActor,Description,Influence,X,SX\r\n"
      "  a , first , 1 , 10 , 50 \r\n,,,,\r\n\"b\",,2,90,100\r\n",
      "toy.csv");
  CHECK(p.description == "say \"hi\"");
  REQUIRE(p.actors.size() == 2);
  CHECK(p.actors[0].name == "a");
  CHECK(p.actors[0].description == "first");
  CHECK(p.actors[1].description.empty());
  CHECK(p.actors[1].salience[0] == 1.0);
}

TEST_CASE("malformed CSV files are input errors at file:line saying what is wrong") {
  const std::string a = "A,,10,20,30,40,50,\n", b = "B,,10,20,30,40,50,\n";
  CHECK(error_of("") ==
        "toy.csv:1: empty file; expected the scenario line (name, description, "
        "number of actors, number of dimensions)");
  CHECK(error_of("Toy,x,3\n") ==
        "toy.csv:1: expected 4 fields (scenario name, description, number of actors, number of "
        "dimensions), found 3");
  CHECK(error_of("Toy,x,three,2\n") ==
        "toy.csv:1: number of actors must be a whole number, is "
        "'three'");
  CHECK(error_of("Toy,x,1,2\n") == "toy.csv:1: number of actors must be at least 2, is 1");
  CHECK(error_of("Toy,x,3,2\n") ==
        "toy.csv:2: missing the column header line (Actor, Description, Influence, then a "
        "position and a salience header per dimension)");
  CHECK(error_of("Toy,x,3,2\nActor,Description,Influence,T,ST\n") ==
        "toy.csv:2: column header: expected 7 fields (name, description, influence, then a "
        "position and a salience per dimension), found 5");
  CHECK(error_of(kHeader + a + "B,,10,20,30,40\n" + b) ==
        "toy.csv:4: actor row: expected 7 fields (name, description, influence, then a position "
        "and a salience per dimension), found 6");
  CHECK(error_of(kHeader + a + "B,,ten,20,30,40,50\n" + b) ==
        "toy.csv:4: actor 'B': influence must be a number, is 'ten'");
  CHECK(error_of(kHeader + a + "B,,0,20,30,40,50\n" + b) ==
        "toy.csv:4: actor 'B': influence must be positive, is 0");
  CHECK(error_of(kHeader + a + "B,,10,120,30,40,50\n" + b) ==
        "toy.csv:4: actor 'B': position on 'Trade' must be in [0, 100], is 120");
  CHECK(error_of(kHeader + a + "B,,10,20,30,40,-5\n" + b) ==
        "toy.csv:4: actor 'B': salience on 'Security' must be in [0, 100], is -5");
  CHECK(error_of(kHeader + a + "B,,10,20,60,40,50\n" + b) ==
        "toy.csv:4: actor 'B': saliences sum to 110, more than 100");
  CHECK(error_of(kHeader + a + "B,,10,20,0,40,0\n" + b) ==
        "toy.csv:4: actor 'B': every salience "
        "is 0");
  CHECK(error_of(kHeader + a + "B,,10,20,nan,40,5\n" + b) ==
        "toy.csv:4: actor 'B': salience on 'Trade' must be a number, is 'nan'");
  CHECK(error_of(kHeader + a + a + b) == "toy.csv:4: duplicate actor name 'A' (first on line 3)");
  CHECK(error_of(kHeader + a + b) == "toy.csv:4: line 1 declares 3 actors, but the file has 2");
  CHECK(error_of(kHeader + a + "\n\n" + b + b) ==  // blank lines still count
        "toy.csv:7: duplicate actor name 'B' (first on line 6)");
  CHECK(error_of(kHeader + a + b + "C,,1,1,1,1,1\nD,,1,1,1,1,1\n") ==
        "toy.csv:6: more actor rows than the 3 declared on line 1");
  CHECK(error_of(kHeader + a + "\"B,,10,20,30,40,50\n" + b) ==
        "toy.csv:4: unterminated quoted "
        "field");
  CHECK(error_of(kHeader + a + "\"B\"x,,10,20,30,40,50\n" + b) ==
        "toy.csv:4: unexpected text after a closing quote");
  CHECK(error_of(kHeader + a + b + ",desc,1,1,1,1,1\n") == "toy.csv:5: actor name is empty");
}

TEST_CASE("a file that cannot be opened is an input error naming it") {
  CHECK_THROWS_WITH_AS(read_smp_csv("/nonexistent/smp.csv"),
                       "/nonexistent/smp.csv: cannot open the file", vecinos::InputError);
}
