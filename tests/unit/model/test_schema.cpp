// The engine's schema (model/schema.hpp) on a small record of its own, with no domain: a
// parameter's default is the member of a default-constructed struct (the one declaration of
// the fact), required keys are reported by path, and values load and save back.
#include <doctest/doctest.h>

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "model/schema.hpp"
#include "model/yaml_tree.hpp"

using namespace vecinos;

namespace {

struct Inner {
  double rate = 0.25;
};

struct Toy {
  double x = 1.5;
  int count = 3;
  double sourced = kFromConfig;  // a sourced figure: no default, the config must give it
  std::array<double, 2> pair{0.1, 0.9};
  std::vector<int> ticks{4, 8};
  Inner inner;
};

// The same fields with other initialisers: the schema must follow the struct, not a literal.
// A nested record's defaults are those of its own type (Inner{}), whatever the containing
// struct does to it: a struct must not re-initialise its sections' members (for Config,
// tests/unit/world/test_config.cpp checks that it does not).
struct OtherToy : Toy {
  OtherToy() {
    x = 7.0;
    pair = {0.3, 0.4};
    ticks = {2};
    inner.rate = 0.5;
  }
};

constexpr std::array<std::string_view, 2> kPairNames{"lo", "hi"};

template <class S>
std::unique_ptr<schema::Record<S>> schema_of() {
  auto out = std::make_unique<schema::Record<S>>("a toy");
  auto& r = *out;
  r.add("x", &Toy::x, "a number").range(0.0, 100.0);
  r.add("count", &Toy::count, "a count").at_least(0);
  r.add("sourced", &Toy::sourced, "a figure with a source").required();
  r.array("pair", &Toy::pair, kPairNames, 0.0, 1.0, "share", "two shares");
  r.int_list("ticks", &Toy::ticks, 1, 52, "ticks");
  r.section("inner", &Toy::inner, "a nested record").add("rate", &Inner::rate, "a rate");
  return out;
}

template <class S>
std::vector<Diagnostic> load(const schema::Record<S>& r, const std::string& text, S& out) {
  Diagnostics diags;
  const YamlNode y = parse_yaml(text, "toy.yaml", diags);
  schema::OriginTable origins;
  schema::LoadContext ctx{diags, origins};
  r.reset(out);
  r.load(y, &out, "", ctx);
  return diags.list();
}

std::string default_of(const std::vector<schema::RefEntry>& ref, const std::string& path) {
  for (const auto& e : ref)
    if (e.path == path) return e.default_text;
  return "<absent>";
}

}  // namespace

TEST_CASE("schema: absent keys take the default-constructed struct's values") {
  const auto rp = schema_of<Toy>();
  const auto& r = *rp;
  Toy t;
  t.x = -1, t.pair = {0, 0}, t.ticks.clear(), t.inner.rate = -1;  // reset must undo these
  const auto errors = load(r, "sourced: 12.5\n", t);
  REQUIRE(errors.empty());
  const Toy d;
  CHECK(t.x == d.x);
  CHECK(t.count == d.count);
  CHECK(t.sourced == 12.5);
  CHECK(t.pair == d.pair);
  CHECK(t.ticks == d.ticks);
  CHECK(t.inner.rate == d.inner.rate);
}

TEST_CASE(
    "schema: the defaults follow the struct's initialisers, in loading and in the reference") {
  const auto rp = schema_of<OtherToy>();
  const auto& r = *rp;
  OtherToy t;
  REQUIRE(load(r, "sourced: 1\n", t).empty());
  CHECK(t.x == 7.0);
  CHECK(t.pair == std::array<double, 2>{0.3, 0.4});
  CHECK(t.ticks == std::vector<int>{2});
  CHECK(t.inner.rate == Inner{}.rate);
  const auto ref = r.reference();
  CHECK(default_of(ref, "x") == "7");
  CHECK(default_of(ref, "inner.rate") == "0.25");
  CHECK(default_of(schema_of<Toy>()->reference(), "x") == "1.5");
}

TEST_CASE("schema: a required figure left out is an error naming its key and place") {
  const auto rp = schema_of<Toy>();
  const auto& r = *rp;
  Toy t;
  const auto errors = load(r, "x: 2\n", t);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "sourced");
  CHECK(errors[0].where.file == "toy.yaml");
  bool flagged = false;
  for (const auto& e : r.reference()) flagged |= e.path == "sourced" && e.required;
  CHECK(flagged);
}

TEST_CASE("schema: given values load, out-of-range ones are rejected, and saving loads back") {
  const auto rp = schema_of<Toy>();
  const auto& r = *rp;
  Toy t;
  const auto errors0 =
      load(r, "x: 3\nsourced: 2\npair: {hi: 0.7}\nticks: [1, 2, 3]\ninner: {rate: 0.1}\n", t);
  REQUIRE_MESSAGE(errors0.empty(), (errors0.empty() ? std::string() : errors0[0].str()));
  CHECK(t.x == 3);
  CHECK(t.pair == std::array<double, 2>{0.1, 0.7});  // an element not given keeps its default
  CHECK(t.ticks == std::vector<int>{1, 2, 3});
  CHECK(t.inner.rate == 0.1);
  // What the schema saves loads back to the same values.
  Diagnostics diags;
  schema::OriginTable origins;
  schema::LoadContext ctx{diags, origins};
  Toy back;
  r.reset(back);
  r.load(r.save(t), &back, "", ctx);
  CHECK(diags.empty());
  CHECK(back.x == t.x);
  CHECK(back.sourced == t.sourced);
  CHECK(back.pair == t.pair);
  CHECK(back.ticks == t.ticks);
  CHECK(back.inner.rate == t.inner.rate);
  Toy bad;
  const auto errors = load(r, "x: 300\nsourced: 2\n", bad);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].key == "x");
  CHECK(errors[0].where.line == 1);
}

TEST_CASE("schema: key_of names the key that stores a member, through nested sections") {
  const auto r = schema_of<Toy>();
  const Toy t{};
  CHECK(r->key_of(t, &t.x) == "x");
  CHECK(r->key_of(t, &t.pair) == "pair");
  CHECK(r->key_of(t, &t.inner.rate) == "inner.rate");
  // The first member of a section shares its address: the key is the member's.
  CHECK(r->key_of(t, &t.inner) == "inner.rate");
  const double elsewhere = 0;
  CHECK(r->key_of(t, &elsewhere).empty());
}
