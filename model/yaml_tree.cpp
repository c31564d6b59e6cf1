#include "model/yaml_tree.hpp"

#include <map>
#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace vecinos {

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
  TreeBuilder(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  YamlNode take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n;
    n.origin = at(mark);
    finish(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    YamlNode n = it != anchors_.end() ? it->second : YamlNode{};
    n.origin = at(mark);
    finish(std::move(n), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n;
    n.kind = YamlNode::Kind::scalar;
    n.text = value;
    n.plain = tag == "?";
    n.origin = at(mark);
    finish(std::move(n), anchor);
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
  };

  Origin at(const YAML::Mark& m) const { return {file_, m.line + 1, m.column + 1}; }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Frame f;
    f.node.kind = kind;
    f.node.origin = at(mark);
    f.anchor = anchor;
    stack_.push_back(std::move(f));
  }

  void close() {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    finish(std::move(f.node), f.anchor);
  }

  void finish(YamlNode n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = n;
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
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
    parent.have_key = false;
    if (const YamlNode* first = parent.node.find(parent.key.text)) {
      diags_.error(parent.key.origin, parent.key.text,
                   fmt::format("duplicate key (first given at line {}); each key may appear once",
                               first->origin.line));
      return;  // the first occurrence stands
    }
    parent.node.entries.emplace_back(std::move(parent.key), std::move(n));
  }

  std::string file_;
  Diagnostics& diags_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  YamlNode root_;
};

}  // namespace

YamlNode parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags) {
  std::istringstream in{std::string(text)};
  TreeBuilder builder(file, diags);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
  } catch (const YAML::Exception& e) {
    diags.error({file, e.mark.line + 1, e.mark.column + 1}, "", "YAML syntax: " + e.msg);
    return YamlNode{};
  }
  YamlNode root = builder.take();
  if (root.kind == YamlNode::Kind::null) root.origin = {file, 1, 1};
  return root;
}

void merge_yaml(YamlNode& base, const YamlNode& over) {
  if (base.kind != YamlNode::Kind::map || over.kind != YamlNode::Kind::map) {
    base = over;
    return;
  }
  for (const auto& [key, value] : over.entries) {
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
