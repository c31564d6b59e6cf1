#include "model/bargain/smp_csv.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::bargain {
namespace {

struct Line {
  int number = 0;
  std::vector<std::string> fields;
};

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class Reader {
 public:
  Reader(std::string_view text, std::string name) : name_(std::move(name)) { split_lines(text); }

  [[noreturn]] void fail(int line, const std::string& what) const {
    throw InputError(fmt::format("{}:{}: {}", name_, line, what));
  }

  Problem read() {
    if (lines_.empty())
      fail(1,
           "empty file; expected the scenario line (name, description, "
           "number of actors, number of dimensions)");
    Problem p;
    std::size_t next = 0;
    const Line& head = lines_[next++];
    if (head.fields.size() != 4)
      fail(head.number, fmt::format("expected 4 fields (scenario name, description, number of "
                                    "actors, number of dimensions), found {}",
                                    head.fields.size()));
    p.name = head.fields[0];
    p.description = head.fields[1];
    const int n_actors = count(head, 2, "number of actors", 2);
    const int n_dims = count(head, 3, "number of dimensions", 1);
    const auto nd = static_cast<std::size_t>(n_dims);
    const std::size_t width = 3 + 2 * nd;

    if (next == lines_.size())
      fail(head.number + 1,
           "missing the column header line (Actor, Description, Influence, "
           "then a position and a salience header per dimension)");
    const Line& cols = lines_[next++];
    expect_width(cols, width, "column header");
    for (std::size_t k = 0; k < nd; ++k) {
      const std::string& dim = cols.fields[3 + 2 * k];
      if (dim.empty()) fail(cols.number, fmt::format("dimension {} has no name", k + 1));
      p.dimensions.push_back(dim);
    }

    std::map<std::string, int> seen;
    for (int i = 0; i < n_actors; ++i) {
      if (next == lines_.size())
        fail(lines_.back().number,
             fmt::format("line 1 declares {} actors, but the file has {}", n_actors, i));
      const Line& row = lines_[next++];
      expect_width(row, width, "actor row");
      p.actors.push_back(actor(row, p.dimensions));
      const auto [it, fresh] = seen.emplace(row.fields[0], row.number);
      if (!fresh)
        fail(row.number, fmt::format("duplicate actor name '{}' (first on line {})", row.fields[0],
                                     it->second));
    }
    if (next != lines_.size())
      fail(lines_[next].number,
           fmt::format("more actor rows than the {} declared on line 1", n_actors));
    return p;
  }

 private:
  void split_lines(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
    int number = 0;
    while (!text.empty()) {
      const auto end = text.find('\n');
      std::string_view raw = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
      ++number;
      if (raw.ends_with('\r')) raw.remove_suffix(1);
      Line line{number, split_fields(raw, number)};
      while (!line.fields.empty() && line.fields.back().empty()) line.fields.pop_back();
      if (!line.fields.empty()) lines_.push_back(std::move(line));
    }
  }

  // Comma-separated fields; a field may be double-quoted, with "" for a quote inside.
  std::vector<std::string> split_fields(std::string_view raw, int number) const {
    std::vector<std::string> fields;
    std::size_t pos = 0;
    while (true) {
      std::string field;
      std::size_t p = pos;
      while (p < raw.size() && (raw[p] == ' ' || raw[p] == '\t')) ++p;
      if (p < raw.size() && raw[p] == '"') {
        ++p;
        while (true) {
          if (p >= raw.size()) fail(number, "unterminated quoted field");
          if (raw[p] == '"') {
            if (p + 1 < raw.size() && raw[p + 1] == '"') {
              field += '"';
              p += 2;
              continue;
            }
            ++p;
            break;
          }
          field += raw[p++];
        }
        const auto comma = raw.find(',', p);
        if (!trim(raw.substr(p, comma - p)).empty())
          fail(number, "unexpected text after a closing quote");
        pos = comma;
      } else {
        const auto comma = raw.find(',', pos);
        field = std::string(trim(raw.substr(pos, comma - pos)));
        pos = comma;
      }
      fields.push_back(std::move(field));
      if (pos == std::string_view::npos) return fields;
      ++pos;
    }
  }

  void expect_width(const Line& line, std::size_t width, std::string_view what) const {
    if (line.fields.size() != width)
      fail(line.number, fmt::format("{}: expected {} fields (name, description, influence, then "
                                    "a position and a salience per dimension), found {}",
                                    what, width, line.fields.size()));
  }

  int count(const Line& line, std::size_t field, std::string_view what, int minimum) const {
    const std::string& s = line.fields[field];
    int value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
      fail(line.number, fmt::format("{} must be a whole number, is '{}'", what, s));
    if (value < minimum)
      fail(line.number, fmt::format("{} must be at least {}, is {}", what, minimum, value));
    return value;
  }

  double number(const Line& line, std::size_t field, const std::string& what) const {
    const std::string& s = line.fields[field];
    double value = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
      fail(line.number, fmt::format("{} must be a number, is '{}'", what, s));
    return value;
  }

  Actor actor(const Line& row, const std::vector<std::string>& dims) const {
    Actor a;
    a.name = row.fields[0];
    a.description = row.fields[1];
    if (a.name.empty()) fail(row.number, "actor name is empty");
    const std::string who = fmt::format("actor '{}'", a.name);
    a.capability = number(row, 2, who + ": influence");
    if (!(a.capability > 0.0))
      fail(row.number, fmt::format("{}: influence must be positive, is {}", who, a.capability));
    double total = 0.0;
    for (std::size_t k = 0; k < dims.size(); ++k) {
      const double x = number(row, 3 + 2 * k, fmt::format("{}: position on '{}'", who, dims[k]));
      const double s = number(row, 4 + 2 * k, fmt::format("{}: salience on '{}'", who, dims[k]));
      if (x < 0.0 || x > 100.0)
        fail(row.number,
             fmt::format("{}: position on '{}' must be in [0, 100], is {}", who, dims[k], x));
      if (s < 0.0 || s > 100.0)
        fail(row.number,
             fmt::format("{}: salience on '{}' must be in [0, 100], is {}", who, dims[k], s));
      total += s;
      a.position.push_back(x / 100.0);
      a.salience.push_back(s / 100.0);
    }
    if (total > 100.0 + 1e-6)
      fail(row.number, fmt::format("{}: saliences sum to {}, more than 100", who, total));
    if (!(total > 0.0)) fail(row.number, fmt::format("{}: every salience is 0", who));
    return a;
  }

  std::string name_;
  std::vector<Line> lines_;
};

}  // namespace

Problem parse_smp_csv(std::string_view text, const std::string& name) {
  return Reader(text, name).read();
}

Problem read_smp_csv(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError(fmt::format("{}: cannot open the file", file.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_smp_csv(ss.str(), file.string());
}

}  // namespace vecinos::bargain
