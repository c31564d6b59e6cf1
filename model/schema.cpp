#include "model/schema.hpp"

#include <cctype>

namespace vecinos::schema {

std::string format_real(double v) {
  return fmt::format("{}", v);
}

bool parse_real(std::string_view t, double& out, std::string& why) {
  if (t == ".nan" || t == ".NaN" || t == ".NAN" || t == "nan" || t == "NaN") {
    why = "NaN is not allowed";
    return false;
  }
  if (t == ".inf" || t == "+.inf" || t == "-.inf" || t == ".Inf" || t == "-.Inf" || t == "inf" ||
      t == "-inf") {
    why = "infinite values are not allowed";
    return false;
  }
  std::string_view s = t;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0.0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size()) {
    why =
        ec == std::errc::result_out_of_range ? "out of the range of a double" : "expected a number";
    return false;
  }
  if (!std::isfinite(v)) {
    why = "only finite numbers are allowed";
    return false;
  }
  out = v;
  return true;
}

bool parse_integer(std::string_view t, std::int64_t& out, std::string& why) {
  std::string_view s = t;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (s.empty() || ec != std::errc{} || p != s.data() + s.size()) {
    why = "expected a whole number";
    return false;
  }
  return true;
}

std::string join_path(const std::string& base, std::string_view key) {
  if (base.empty()) return std::string(key);
  return base + "." + std::string(key);
}

YamlNode scalar_node(std::string text, bool plain) {
  YamlNode n;
  n.kind = YamlNode::Kind::scalar;
  n.text = std::move(text);
  n.plain = plain;
  return n;
}

bool valid_id(std::string_view id) {
  if (id.empty() || std::isalpha(static_cast<unsigned char>(id.front())) == 0) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
  });
}

}  // namespace vecinos::schema
