#include "model/sweep/path_rule.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace vecinos::sweep {
namespace {

bool name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_';
}
bool name_char(char c) {
  return name_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.';
}
bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string near(std::string_view text, std::size_t at) {
  return fmt::format("'{}'", text.substr(at, 12));
}

}  // namespace

PathRule::PathRule(std::string_view text) : text_(text) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (true) {
    while (i < n && std::isspace(static_cast<unsigned char>(text[i])) != 0) ++i;
    Token t;
    t.at = i;
    if (i >= n) {
      tokens_.push_back(t);
      break;
    }
    const char c = text[i];
    if (digit(c) || (c == '.' && i + 1 < n && digit(text[i + 1]))) {
      std::size_t j = i;
      while (j < n && digit(text[j])) ++j;
      if (j < n && text[j] == '.') {
        ++j;
        while (j < n && digit(text[j])) ++j;
      }
      if (j < n && (text[j] == 'e' || text[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < n && (text[k] == '+' || text[k] == '-')) ++k;
        if (k < n && digit(text[k])) {
          j = k;
          while (j < n && digit(text[j])) ++j;
        }
      }
      t.kind = Token::number;
      t.text = std::string(text.substr(i, j - i));
      t.value = std::strtod(t.text.c_str(), nullptr);
      i = j;
    } else if (name_start(c)) {
      std::size_t j = i;
      while (j < n && name_char(text[j])) ++j;
      t.text = std::string(text.substr(i, j - i));
      t.kind =
          (t.text == "and" || t.text == "or" || t.text == "not") ? Token::word : Token::identifier;
      i = j;
    } else if (c == '`') {
      const std::size_t close = text.find('`', i + 1);
      if (close == std::string_view::npos || close == i + 1)
        throw RuleError(
            i, fmt::format("unclosed or empty `name` at character {} of '{}'", i + 1, text));
      t.kind = Token::identifier;
      t.text = std::string(text.substr(i + 1, close - i - 1));
      t.at = i + 1;
      i = close + 1;
    } else {
      static constexpr std::string_view kTwo[] = {"<=", ">=", "==", "!="};
      t.kind = Token::op;
      const auto two = text.substr(i, 2);
      if (std::find(std::begin(kTwo), std::end(kTwo), two) != std::end(kTwo)) {
        t.text = std::string(two);
        i += 2;
      } else if (c == '<' || c == '>' || c == '(' || c == ')' || c == '-') {
        t.text = std::string(1, c);
        ++i;
      } else {
        throw RuleError(
            i, fmt::format("unexpected {} at character {} of '{}'", near(text, i), i + 1, text));
      }
    }
    tokens_.push_back(std::move(t));
  }
  if (tokens_.front().kind == Token::end) throw RuleError(0, "empty rule");
  root_ = parse_or();
  if (peek().kind != Token::end)
    throw RuleError(peek().at, fmt::format("unexpected {} at character {} of '{}'",
                                           near(text, peek().at), peek().at + 1, text));
  tokens_.clear();
}

int PathRule::add(Node n) {
  nodes_.push_back(n);
  return static_cast<int>(nodes_.size() - 1);
}

int PathRule::parse_or() {
  int node = parse_and();
  while (peek().kind == Token::word && peek().text == "or") {
    ++pos_;
    node = add({Op::op_or, 0.0, 0, node, parse_and()});
  }
  return node;
}

int PathRule::parse_and() {
  int node = parse_not();
  while (peek().kind == Token::word && peek().text == "and") {
    ++pos_;
    node = add({Op::op_and, 0.0, 0, node, parse_not()});
  }
  return node;
}

int PathRule::parse_not() {
  if (peek().kind == Token::word && peek().text == "not") {
    ++pos_;
    return add({Op::op_not, 0.0, 0, parse_not(), -1});
  }
  return parse_cmp();
}

int PathRule::parse_cmp() {
  const int left = parse_atom();
  if (peek().kind != Token::op) return left;
  const std::string& t = peek().text;
  Op op;
  if (t == "<")
    op = Op::cmp_lt;
  else if (t == "<=")
    op = Op::cmp_le;
  else if (t == ">")
    op = Op::cmp_gt;
  else if (t == ">=")
    op = Op::cmp_ge;
  else if (t == "==")
    op = Op::cmp_eq;
  else if (t == "!=")
    op = Op::cmp_ne;
  else
    return left;
  ++pos_;
  return add({op, 0.0, 0, left, parse_atom()});
}

int PathRule::parse_atom() {
  const Token t = peek();
  switch (t.kind) {
    case Token::end:
      throw RuleError(t.at,
                      fmt::format("'{}' ends early: expected a name, a number or '('", text_));
    case Token::number: ++pos_; return add({Op::num, t.value, 0, -1, -1});
    case Token::identifier: {
      ++pos_;
      auto it = std::find(names_.begin(), names_.end(), t.text);
      if (it == names_.end()) it = names_.insert(names_.end(), t.text);
      return add({Op::name, 0.0, static_cast<std::size_t>(it - names_.begin()), -1, -1});
    }
    case Token::op:
      if (t.text == "-" && tokens_[pos_ + 1].kind == Token::number) {
        pos_ += 2;
        return add({Op::num, -tokens_[pos_ - 1].value, 0, -1, -1});
      }
      if (t.text == "(") {
        ++pos_;
        const int node = parse_or();
        if (!(peek().kind == Token::op && peek().text == ")"))
          throw RuleError(peek().at, fmt::format("missing ')' in '{}'", text_));
        ++pos_;
        return node;
      }
      break;
    case Token::word: break;
  }
  throw RuleError(t.at,
                  fmt::format("unexpected '{}' at character {} of '{}'", t.text, t.at + 1, text_));
}

double PathRule::value(int node, std::span<const double> v) const {
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  if (n.op == Op::num) return n.number;
  if (n.op == Op::name) return v[n.name];
  return truth(node, v) ? 1.0 : 0.0;
}

bool PathRule::truth(int node, std::span<const double> v) const {
  const Node& n = nodes_[static_cast<std::size_t>(node)];
  switch (n.op) {
    case Op::op_or: return truth(n.a, v) || truth(n.b, v);
    case Op::op_and: return truth(n.a, v) && truth(n.b, v);
    case Op::op_not: return !truth(n.a, v);
    case Op::num:
    case Op::name: {
      const double x = value(node, v);
      return !std::isnan(x) && x != 0.0;
    }
    default: break;
  }
  const double a = value(n.a, v), b = value(n.b, v);
  if (std::isnan(a) || std::isnan(b)) return false;
  switch (n.op) {
    case Op::cmp_lt: return a < b;
    case Op::cmp_le: return a <= b;
    case Op::cmp_gt: return a > b;
    case Op::cmp_ge: return a >= b;
    case Op::cmp_eq: return a == b;
    case Op::cmp_ne: return a != b;
    default: return false;
  }
}

bool PathRule::holds(std::span<const double> values) const {
  if (values.size() != names_.size())
    throw std::invalid_argument("PathRule::holds: one value per name");
  return root_ >= 0 && truth(root_, values);
}

}  // namespace vecinos::sweep
