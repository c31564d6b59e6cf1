#pragma once
// A path rule: a condition over a task's outcomes, as written in a sweep file's `paths:`
// (docs/sweeps.md), e.g. `usmca_terminated or us_strikes_cum.final > 0`.
//
// Grammar (the same as vecinos.paths in Python):
//   rule := and ("or" and)* ;  and := not ("and" not)* ;  not := "not" not | cmp
//   cmp  := atom (("<" | "<=" | ">" | ">=" | "==" | "!=") atom)?
//   atom := number | "-" number | name | "`" any text "`" | "(" rule ")"
// Names are outcome columns ([A-Za-z_][A-Za-z0-9_.]*, or anything in backquotes). A bare name is
// true when its value is neither 0 nor NaN; a comparison involving NaN is false.
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vecinos::sweep {

/// A rule that does not parse: `position` is the 0-based character where the problem is.
class RuleError : public std::runtime_error {
 public:
  RuleError(std::size_t at, const std::string& what) : std::runtime_error(what), position(at) {}
  std::size_t position;
};

class PathRule {
 public:
  PathRule() = default;
  /// Parses `text`; throws RuleError.
  explicit PathRule(std::string_view text);

  [[nodiscard]] const std::string& text() const { return text_; }
  /// The outcome names the rule reads, in order of first appearance.
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }
  /// The rule's truth for `values`, the values of names() in that order.
  [[nodiscard]] bool holds(std::span<const double> values) const;

 private:
  enum class Op : std::uint8_t {
    num,
    name,
    cmp_lt,
    cmp_le,
    cmp_gt,
    cmp_ge,
    cmp_eq,
    cmp_ne,
    op_not,
    op_and,
    op_or
  };
  struct Node {
    Op op = Op::num;
    double number = 0.0;   ///< num
    std::size_t name = 0;  ///< name: index into names_
    int a = -1, b = -1;    ///< operands (node indices)
  };
  struct Token {
    enum Kind : std::uint8_t { number, identifier, word, op, end } kind = end;
    std::string text;
    double value = 0.0;
    std::size_t at = 0;
  };
  int parse_or();
  int parse_and();
  int parse_not();
  int parse_cmp();
  int parse_atom();
  int add(Node n);
  [[nodiscard]] const Token& peek() const { return tokens_[pos_]; }
  [[nodiscard]] double value(int node, std::span<const double> v) const;
  [[nodiscard]] bool truth(int node, std::span<const double> v) const;

  std::string text_;
  std::vector<std::string> names_;
  std::vector<Node> nodes_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  int root_ = -1;
};

}  // namespace vecinos::sweep
