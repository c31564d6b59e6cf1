#include "model/yaml_tree.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace vecinos {

namespace {
/// Values (scalars, maps, lists, alias copies) a document may expand to, and its size: far
/// above any config (the baseline has about 2,000 values in 20 KB), far below what would
/// exhaust memory.
constexpr std::size_t kMaxYamlValues = 1'000'000;
constexpr std::size_t kMaxYamlBytes = std::size_t{16} << 20;
}  // namespace

const YamlNode* YamlNode::find(std::string_view key) const {
  if (kind != Kind::map) return nullptr;
  for (const auto& [k, v] : entries)
    if (k.text == key) return &v;
  return nullptr;
}

YamlNode* YamlNode::find(std::string_view key) {
  return const_cast<YamlNode*>(std::as_const(*this).find(key));
}

YamlNode& YamlNode::child(std::string_view key, const Origin& at) {
  if (kind != Kind::map) {
    *this = YamlNode{};
    kind = Kind::map;
    origin = at;
  }
  if (YamlNode* existing = find(key)) return *existing;
  YamlNode fresh;
  fresh.origin = at;
  entries.emplace_back(YamlKey{std::string(key), at}, std::move(fresh));
  return entries.back().second;
}

bool YamlNode::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first.text == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

std::string_view YamlNode::kind_name() const {
  switch (kind) {
    case Kind::null: return "empty";
    case Kind::scalar: return "a single value";
    case Kind::map: return "a map";
    case Kind::seq: return "a list";
  }
  return "?";
}

namespace {

// Builds a YamlNode tree from yaml-cpp parser events.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string file, std::string_view text, Diagnostics& diags)
      : file_(std::move(file)), text_(text), diags_(diags) {}

  YamlNode take() { return std::move(root_); }
  [[nodiscard]] bool over_budget() const { return over_budget_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (!count(mark, 1)) return;
    YamlNode n;
    n.origin = at(mark);
    finish(std::move(n), anchor, 1);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    const std::size_t size = it != anchors_.end() ? it->second.size : 1;
    // An alias copies its anchor's whole subtree: count what it costs before copying, so a
    // "billion laughs" file stops at the budget instead of exhausting memory.
    if (!count(mark, size)) return;
    YamlNode n = it != anchors_.end() ? it->second.node : YamlNode{};
    n.origin = at(mark);
    finish(std::move(n), 0, size);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (!count(mark, 1)) return;
    if (tag == "!") check_closed_quote(mark);
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.text = value;
    n.plain = tag == "?";
    n.origin = at(mark);
    finish(std::move(n), anchor, 1);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::seq, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = 0;
    bool have_key = false;
    YamlKey key;
    std::size_t size = 1;  ///< values in this subtree (itself included)
    /// Keys seen in this map and the line of each: duplicates are found in constant time.
    std::unordered_map<std::string, int> seen;
  };
  struct Anchor {
    YamlNode node;
    std::size_t size = 1;
  };

  Origin at(const YAML::Mark& m) const { return {file_, m.line + 1, m.column + 1}; }

  /// yaml-cpp takes a quoted scalar whose closing quote is missing to run to the end of the
  /// file: say so, at the opening quote.
  void check_closed_quote(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    const auto start = static_cast<std::size_t>(mark.pos);
    const char q = text_[start];
    if (q != '"' && q != '\'') return;
    for (std::size_t i = start + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;  // an escaped character
        continue;
      }
      if (text_[i] != q) continue;
      if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
        ++i;  // '' is a quote inside a single-quoted scalar
        continue;
      }
      return;  // closed
    }
    diags_.error(at(mark), path_text(),
                 fmt::format("the quote {} opened here is never closed (the value would run to the "
                             "end of the file)",
                             q));
  }

  /// Adds `n` values to the document's count; false (once with an error) past the budget.
  bool count(const YAML::Mark& mark, std::size_t n) {
    if (over_budget_) return false;
    total_ += n;
    if (total_ <= kMaxYamlValues) return true;
    over_budget_ = true;
    diags_.error(at(mark), path_text(),
                 fmt::format("the document expands to more than {} values (through aliases, *name, "
                             "or sheer size); a config is far smaller: is this an alias bomb?",
                             kMaxYamlValues));
    return false;
  }

  /// The key path of the value being built ("presidents.mx.position[2]").
  std::string path_text() const {
    std::string out;
    for (const Frame& f : stack_) {
      if (f.node.kind == YamlNode::Kind::seq) {
        out += fmt::format("[{}]", f.node.items.size());
      } else if (f.have_key) {
        if (!out.empty()) out += '.';
        out += f.key.text;
      }
    }
    return out;
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (over_budget_) {
      ++ignored_depth_;
      return;
    }
    if (!count(mark, 1)) {
      ++ignored_depth_;
      return;
    }
    Frame f;
    f.node.kind = kind;
    f.node.origin = at(mark);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void close() {
    if (ignored_depth_ > 0) {
      --ignored_depth_;
      return;
    }
    if (stack_.empty()) return;
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    finish(std::move(f.node), f.anchor, f.size);
  }

  void finish(YamlNode n, YAML::anchor_t anchor, std::size_t size) {
    if (anchor != 0) anchors_[anchor] = Anchor{n, size};
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
    parent.size += size;
    if (parent.node.kind == YamlNode::Kind::seq) {
      parent.node.items.push_back(std::move(n));
      return;
    }
    if (!parent.have_key) {
      if (n.kind != YamlNode::Kind::scalar) {
        diags_.error(n.origin, "",
                     "map keys must be plain names, not " + std::string(n.kind_name()));
      }
      parent.key = YamlKey{n.text, n.origin};
      parent.have_key = true;
      return;
    }
    const auto [it, fresh] = parent.seen.emplace(parent.key.text, parent.key.origin.line);
    if (!fresh) {
      // Name the key by its whole path: "presidents.mx.forbearance", not "forbearance".
      const std::string path = path_text();
      parent.have_key = false;
      diags_.error(parent.key.origin, path,
                   fmt::format("duplicate key (first given at line {}); each key may appear once",
                               it->second));
      return;  // the first occurrence stands
    }
    parent.have_key = false;
    parent.node.entries.emplace_back(std::move(parent.key), std::move(n));
  }

  std::string file_;
  std::string_view text_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchor> anchors_;
  YamlNode root_;
  std::size_t total_ = 0;
  bool over_budget_ = false;
  int ignored_depth_ = 0;  ///< containers opened after the budget ran out
};

/// The line and column (1-based) of byte `pos` of `text`.
std::pair<int, int> line_column(std::string_view text, std::size_t pos) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count characters, not continuation bytes
    }
  }
  return {line, column};
}

/// The offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlong forms,
/// no surrogates, nothing above U+10FFFF), or npos.
std::size_t invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

/// Checks the text before YAML parses it: UTF-8, tabs in indentation, a quote left open.
/// Returns false (with errors) when parsing should not be tried.
bool check_text(std::string_view text, const std::string& file, Diagnostics& diags) {
  if (const auto bad = invalid_utf8(text); bad != std::string_view::npos) {
    const auto [line, column] = line_column(text, bad);
    diags.error({file, line, column}, "",
                fmt::format("the file is not UTF-8 text (byte 0x{:02X}); save it as UTF-8",
                            static_cast<unsigned>(static_cast<unsigned char>(text[bad]))));
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') {
      const auto [line, column] = line_column(text, i);
      diags.error({file, line, column}, "", "the file contains a NUL byte: it is not a text file");
      return false;
    }
  }
  // A tab in a line's indentation (YAML indents with spaces only).
  std::size_t line_start = 0;
  int line = 1;
  bool ok = true;
  while (line_start < text.size()) {
    std::size_t i = line_start;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
      if (text[i] == '\t') {
        const bool blank = i + 1 >= text.size() || text[i + 1] == '\n' || text[i + 1] == '#';
        if (!blank) {
          diags.error({file, line, static_cast<int>(i - line_start) + 1}, "",
                      "a tab in the indentation: YAML indents with spaces only");
          ok = false;
        }
        break;
      }
      ++i;
    }
    const auto nl = text.find('\n', line_start);
    if (nl == std::string_view::npos) break;
    line_start = nl + 1;
    ++line;
  }
  return ok;
}

/// Sees whether the parser holds another document, without building it.
class DocumentProbe final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override {
    if (!started) where = mark;
    started = true;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override {
    if (depth_ > 0) first(m);  // an empty document is a lone null: it holds nothing
  }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { first(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    first(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    first(m);
    ++depth_;
  }
  void OnSequenceEnd() override { --depth_; }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    first(m);
    ++depth_;
  }
  void OnMapEnd() override { --depth_; }
  bool started = false, content = false;
  YAML::Mark where;

 private:
  int depth_ = 0;
  void first(const YAML::Mark& m) {
    if (!content) where = m;
    content = true;
  }
};

}  // namespace

YamlNode parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags) {
  if (text.size() > kMaxYamlBytes) {
    diags.error({file, 0, 0}, "",
                fmt::format("the file has {} bytes; YAML inputs are limited to {} MiB", text.size(),
                            kMaxYamlBytes >> 20));
    return YamlNode{};
  }
  if (!check_text(text, file, diags)) return YamlNode{};
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, text, diags);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (builder.over_budget()) return YamlNode{};
    DocumentProbe probe;
    if (parser.HandleNextDocument(probe) && probe.content)
      diags.error({file, probe.where.line + 1, probe.where.column + 1}, "",
                  "a second YAML document (after ---): a config file holds one document");
  } catch (const YAML::Exception& e) {
    diags.error({file, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
    return YamlNode{};
  }
  YamlNode root = builder.take();
  if (root.kind == YamlNode::Kind::null) root.origin = {file, 1, 1};
  return root;
}

namespace {
bool is_append_key(std::string_view key) {
  return key.size() > 1 && key.back() == '+';
}
}  // namespace

// Besides the header's rule, a key written `name+` whose value is a list appends its items to
// base's list `name` (config_loader.hpp).
void merge_yaml(YamlNode& base, const YamlNode& over) {
  if (base.kind != YamlNode::Kind::map || over.kind != YamlNode::Kind::map) {
    base = over;
    return;
  }
  for (const auto& [key, value] : over.entries) {
    if (is_append_key(key.text)) {
      // `list+: [...]` appends to the list of the file extended; `list: [...]` replaces it.
      const std::string_view name = std::string_view(key.text).substr(0, key.text.size() - 1);
      YamlNode* existing = base.find(name);
      if (existing != nullptr && existing->is_seq() && value.is_seq()) {
        existing->items.insert(existing->items.end(), value.items.begin(), value.items.end());
        continue;
      }
      if (existing == nullptr && value.is_seq()) {
        base.entries.emplace_back(YamlKey{std::string(name), key.origin}, value);
        continue;
      }
      // Not a list on both sides: keep the key as written, so the schema reports it there.
    }
    if (YamlNode* existing = base.find(key.text)) {
      merge_yaml(*existing, value);
    } else {
      base.entries.emplace_back(key, value);
    }
  }
}

std::string yaml_quote(std::string_view s) {
  bool plain = !s.empty() && s.find_first_of(":#{}[],&*!|>'\"%@`\n\t") == std::string_view::npos &&
               s.front() != ' ' && s.back() != ' ' && s.front() != '-' && s.front() != '?';
  if (plain) {
    static constexpr std::string_view kSpecial[] = {"null", "Null", "NULL",  "~",     "true",
                                                    "True", "TRUE", "false", "False", "FALSE",
                                                    "yes",  "no",   "on",    "off"};
    for (auto w : kSpecial)
      if (s == w) plain = false;
  }
  if (plain) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

namespace {
void emit(const YamlNode& n, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  switch (n.kind) {
    case YamlNode::Kind::null: out += " ~\n"; break;
    case YamlNode::Kind::scalar:
      out += ' ';
      out += n.plain ? n.text : yaml_quote(n.text);
      out += '\n';
      break;
    case YamlNode::Kind::map:
      if (n.entries.empty()) {
        out += " {}\n";
        break;
      }
      out += '\n';
      for (const auto& [k, v] : n.entries) {
        out += pad + yaml_quote(k.text) + ':';
        emit(v, indent + 2, out);
      }
      break;
    case YamlNode::Kind::seq:
      if (n.items.empty()) {
        out += " []\n";
        break;
      }
      out += '\n';
      for (const auto& item : n.items) {
        out += pad + "-";
        emit(item, indent + 2, out);
      }
      break;
  }
}
}  // namespace

std::string to_yaml(const YamlNode& node) {
  std::string out;
  if (node.kind == YamlNode::Kind::map) {
    for (const auto& [k, v] : node.entries) {
      out += yaml_quote(k.text) + ':';
      emit(v, 2, out);
    }
    return out;
  }
  emit(node, 0, out);
  return out;
}

}  // namespace vecinos
