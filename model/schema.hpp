#pragma once
// Self-describing parameters (ns-3 attribute style): every config key is declared once, with
// its type, unit, allowed range or values, and help. The same declaration drives loading (with
// file:line:column errors), `vecinos config --reference`, and writing the resolved config back
// out as YAML. A key's default is its struct member's initializer: the schema reads it from a
// default-constructed struct, so a default is written in one place only. A key whose value
// must come from the config (a sourced figure, cited there) is `required()`.
//
//   schema::Record<SimulationParams> r;
//   r.add("days_per_tick", &SimulationParams::days_per_tick, "length of one tick")
//       .unit("days").range(1, 366);
//
// Records nest (`section`), hold maps of named entries (`map`, e.g. officials by id) and lists
// (`list`, e.g. dated events).
#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/schema_values.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos {

/// The initializer of a parameter whose value is a sourced figure: it has no default in the
/// code, its schema key is `required()`, and the config that cites the source gives it
/// (configs/baseline.yaml).
inline constexpr double kFromConfig = std::numeric_limits<double>::quiet_NaN();

}  // namespace vecinos

namespace vecinos::schema {

/// One line of the reference listing.
struct RefEntry {
  std::string path;  ///< e.g. "officials.<id>.access"
  std::string type;
  std::string unit;
  std::string default_text;
  std::string allowed;
  std::string help;
  bool required = false;
};

/// Where each loaded key came from, by dotted path (for cross-field checks after loading).
using OriginTable = std::map<std::string, Origin, std::less<>>;

struct LoadContext {
  Diagnostics& diags;
  OriginTable& origins;
};

/// A schema node works on an object it does not know the type of (type-erased by the
/// templates below, which are the only way to build one).
class Node {
 public:
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  virtual ~Node() = default;
  virtual void reset(void* obj) const = 0;
  virtual void load(const YamlNode& y, void* obj, const std::string& path,
                    LoadContext& ctx) const = 0;
  [[nodiscard]] virtual YamlNode save(const void* obj) const = 0;
  virtual void reference(const std::string& path, std::vector<RefEntry>& out) const = 0;
  [[nodiscard]] virtual bool is_required() const { return false; }
  [[nodiscard]] virtual std::string_view help_text() const { return {}; }
  /// The key path of the value stored at `target` when this node's value is at `obj` (a
  /// record searches its fields; entries of maps and lists are not searched), or "".
  [[nodiscard]] virtual std::string path_at(const void* obj, const void* target,
                                            const std::string& path) const {
    return obj == target ? path : std::string{};
  }
  /// Reports the required keys at or under `path`, which the input does not have.
  virtual void report_absent(const std::string& path, const Origin& where, LoadContext& ctx) const {
    if (is_required())
      ctx.diags.error(where, path, fmt::format("missing required key ({})", help_text()));
  }
};

std::string join_path(const std::string& base, std::string_view key);
YamlNode scalar_node(std::string text, bool plain = true);

/// A single value of type V (see schema_values.hpp for the types supported).
template <class V>
class Leaf final : public Node {
 public:
  Leaf(V def, std::string help) : default_(std::move(def)), help_(std::move(help)) {}

  Leaf& unit(std::string u) {
    unit_ = std::move(u);
    return *this;
  }
  Leaf& range(V lo, V hi) {
    min_ = std::move(lo);
    max_ = std::move(hi);
    return *this;
  }
  Leaf& at_least(V lo) {
    min_ = std::move(lo);
    return *this;
  }
  /// For text values: the only values allowed.
  Leaf& one_of(std::vector<std::string> values) {
    choices_ = std::move(values);
    return *this;
  }
  Leaf& required() {
    required_ = true;
    return *this;
  }

  void reset(void* obj) const override { *static_cast<V*>(obj) = default_; }

  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    ctx.origins[path] = y.origin;
    V value{};
    if (y.kind != YamlNode::Kind::scalar) {
      ctx.diags.error(
          y.origin, path,
          fmt::format("expected {}, got {}", ValueTraits<V>::type_name(), y.kind_name()));
      return;
    }
    if (std::string why; !ValueTraits<V>::parse(y.text, y.plain, value, why)) {
      ctx.diags.error(y.origin, path,
                      fmt::format("'{}' is not {}: {}", y.text, ValueTraits<V>::type_name(), why));
      return;
    }
    if (std::string why; !check(value, why)) {
      ctx.diags.error(y.origin, path, why);
      return;
    }
    *static_cast<V*>(obj) = std::move(value);
  }

  [[nodiscard]] YamlNode save(const void* obj) const override {
    const V& v = *static_cast<const V*>(obj);
    return scalar_node(ValueTraits<V>::format(v), ValueTraits<V>::plain);
  }

  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    RefEntry e;
    e.path = path;
    e.type = std::string(ValueTraits<V>::type_name());
    e.unit = unit_;
    e.default_text = required_ ? "(required)" : ValueTraits<V>::format(default_);
    e.allowed = allowed_text();
    e.help = help_;
    e.required = required_;
    out.push_back(std::move(e));
  }
  [[nodiscard]] bool is_required() const override { return required_; }
  [[nodiscard]] std::string_view help_text() const override { return help_; }

 private:
  bool check(const V& v, std::string& why) const {
    if constexpr (ValueTraits<V>::ordered) {
      if ((min_ && v < *min_) || (max_ && *max_ < v)) {
        why = fmt::format("{} is out of range; allowed: {}", ValueTraits<V>::format(v),
                          allowed_text());
        return false;
      }
    }
    if constexpr (std::is_same_v<V, std::string>) {
      if (!choices_.empty() && std::find(choices_.begin(), choices_.end(), v) == choices_.end()) {
        why = fmt::format("'{}' is not allowed; allowed: {}", v, allowed_text());
        if (auto s = closest_match(v, choices_); !s.empty())
          why += fmt::format(" (did you mean '{}'?)", s);
        return false;
      }
    }
    return true;
  }

  [[nodiscard]] std::string allowed_text() const {
    if constexpr (ValueTraits<V>::ordered) {
      if (min_ && max_)
        return fmt::format("{} .. {}", ValueTraits<V>::format(*min_),
                           ValueTraits<V>::format(*max_));
      if (min_) return fmt::format(">= {}", ValueTraits<V>::format(*min_));
      if (max_) return fmt::format("<= {}", ValueTraits<V>::format(*max_));
    }
    if constexpr (std::is_same_v<V, std::string>) {
      if (!choices_.empty()) return fmt::format("{}", fmt::join(choices_, " | "));
    }
    return ValueTraits<V>::allowed();
  }

  V default_;
  std::string help_;
  std::string unit_;
  std::optional<V> min_, max_;
  std::vector<std::string> choices_;
  bool required_ = false;
};

/// A list of whole numbers in [lo, hi], written as a YAML list: `regions: [0, 1, 26]`.
class IntList final : public Node {
 public:
  IntList(std::vector<int> def, int lo, int hi, std::string help)
      : default_(std::move(def)), lo_(lo), hi_(hi), help_(std::move(help)) {}
  void reset(void* obj) const override { *static_cast<std::vector<int>*>(obj) = default_; }
  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    ctx.origins[path] = y.origin;
    auto& out = *static_cast<std::vector<int>*>(obj);
    if (y.kind != YamlNode::Kind::seq) {
      ctx.diags.error(y.origin, path,
                      fmt::format("expected a list of whole numbers, got {}", y.kind_name()));
      return;
    }
    std::vector<int> v;
    for (const auto& item : y.items) {
      std::int64_t x = 0;
      std::string why;
      if (item.kind != YamlNode::Kind::scalar || !parse_integer(item.text, x, why)) {
        ctx.diags.error(item.origin, path, fmt::format("'{}' is not a whole number", item.text));
        return;
      }
      if (x < lo_ || x > hi_) {
        ctx.diags.error(item.origin, path,
                        fmt::format("{} is out of range; allowed: {} .. {}", x, lo_, hi_));
        return;
      }
      v.push_back(static_cast<int>(x));
    }
    out = std::move(v);
  }
  [[nodiscard]] YamlNode save(const void* obj) const override {
    YamlNode out;
    out.kind = YamlNode::Kind::seq;
    for (int x : *static_cast<const std::vector<int>*>(obj))
      out.items.push_back(scalar_node(std::to_string(x)));
    return out;
  }
  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    out.push_back({path, "a list of integers", "", fmt::format("[{}]", fmt::join(default_, ", ")),
                   fmt::format("{} .. {}", lo_, hi_), help_, false});
  }
  [[nodiscard]] std::string_view help_text() const override { return help_; }

 private:
  std::vector<int> default_;
  int lo_, hi_;
  std::string help_;
};

/// An array of N numbers in [lo, hi], one YAML key per element.
template <std::size_t N>
class NamedArray final : public Node {
 public:
  NamedArray(const std::array<std::string_view, N>& names, double lo, double hi, std::string unit,
             std::string help, const std::array<double, N>& def)
      : lo_(lo), hi_(hi), unit_(std::move(unit)), help_(std::move(help)), default_(def) {
    for (std::size_t i = 0; i < N; ++i) names_[i] = std::string(names[i]);
  }
  /// Every element must be given (no default).
  NamedArray& required() {
    default_.reset();
    return *this;
  }
  void reset(void* obj) const override {
    auto& a = *static_cast<std::array<double, N>*>(obj);
    if (default_)
      a = *default_;
    else
      a.fill(kFromConfig);  // as the struct declares a required figure
  }
  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    ctx.origins[path] = y.origin;
    auto& a = *static_cast<std::array<double, N>*>(obj);
    if (y.kind != YamlNode::Kind::map) {
      ctx.diags.error(y.origin, path,
                      fmt::format("expected a map with keys {}, got {}", fmt::join(names_, ", "),
                                  y.kind_name()));
      return;
    }
    for (const auto& [key, value] : y.entries) {
      const auto it = std::find(names_.begin(), names_.end(), key.text);
      const std::string sub = join_path(path, key.text);
      if (it == names_.end()) {
        std::string msg = "unknown key";
        if (auto s = closest_match(key.text, names_); !s.empty())
          msg += fmt::format("; did you mean '{}'?", s);
        ctx.diags.error(key.origin, sub,
                        msg + fmt::format(" (keys allowed here: {})", fmt::join(names_, ", ")));
        continue;
      }
      ctx.origins[sub] = value.origin;
      double v = 0.0;
      std::string why;
      if (value.kind != YamlNode::Kind::scalar) {
        ctx.diags.error(value.origin, sub,
                        fmt::format("expected a number, got {}", value.kind_name()));
      } else if (!parse_real(value.text, v, why)) {
        ctx.diags.error(value.origin, sub,
                        fmt::format("'{}' is not a number: {}", value.text, why));
      } else if (v < lo_ || v > hi_) {
        ctx.diags.error(value.origin, sub,
                        fmt::format("{} is out of range; allowed: {} .. {}", format_real(v),
                                    format_real(lo_), format_real(hi_)));
      } else {
        a[static_cast<std::size_t>(it - names_.begin())] = v;
      }
    }
    if (!default_)
      for (const auto& n : names_)
        if (y.find(n) == nullptr)
          ctx.diags.error(y.origin, join_path(path, n),
                          "missing required key (every element is needed)");
  }
  [[nodiscard]] YamlNode save(const void* obj) const override {
    const auto& a = *static_cast<const std::array<double, N>*>(obj);
    YamlNode out;
    out.kind = YamlNode::Kind::map;
    for (std::size_t i = 0; i < N; ++i)
      out.entries.emplace_back(YamlKey{names_[i], {}}, scalar_node(format_real(a[i])));
    return out;
  }
  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    for (std::size_t i = 0; i < N; ++i) {
      out.push_back({join_path(path, names_[i]), "a number", unit_,
                     default_ ? format_real((*default_)[i]) : "(required)",
                     fmt::format("{} .. {}", format_real(lo_), format_real(hi_)), help_,
                     !default_});
    }
  }
  [[nodiscard]] bool is_required() const override { return !default_; }
  [[nodiscard]] std::string_view help_text() const override { return help_; }

 private:
  std::array<std::string, N> names_;
  double lo_, hi_;
  std::string unit_, help_;
  std::optional<std::array<double, N>> default_;
};

/// A record: a fixed set of named fields of struct S.
template <class S>
class Record final : public Node {
 public:
  explicit Record(std::string help = {}) : help_(std::move(help)) {}

  /// A value field (a member of S or of a base class of S); its default is the member of a
  /// default-constructed S.
  template <class V, class B>
  requires std::is_base_of_v<B, S> Leaf<V>
  &add(std::string name, V B::*member, std::string help) {
    auto leaf = std::make_unique<Leaf<V>>(S{}.*member, std::move(help));
    Leaf<V>& ref = *leaf;
    push(std::move(name), std::move(leaf), member);
    return ref;
  }
  /// A fixed-size array of numbers written as a map with one key per element name, e.g.
  /// `position: {migration: 0.9, drugs_security: 0.8, ...}`. Elements not given keep the
  /// member's default, unless the array is `required()` (then every element is needed).
  template <std::size_t N, class B>
  requires std::is_base_of_v<B, S> NamedArray<N>
  &array(std::string name, std::array<double, N> B::*member,
         const std::array<std::string_view, N>& element_names, double lo, double hi,
         std::string unit, std::string help) {
    auto node = std::make_unique<NamedArray<N>>(element_names, lo, hi, std::move(unit),
                                                std::move(help), S{}.*member);
    NamedArray<N>& ref = *node;
    push(std::move(name), std::move(node), member);
    return ref;
  }
  /// A list of whole numbers (a member of S or of a base class of S); the member's initializer
  /// is its default.
  template <class B>
  requires std::is_base_of_v<B, S>
  void int_list(std::string name, std::vector<int> B::*member, int lo, int hi, std::string help) {
    push(std::move(name), std::make_unique<IntList>(S{}.*member, lo, hi, std::move(help)), member);
  }
  /// A nested record (a YAML map with fixed keys), a member of S or of a base class of S.
  template <class R, class B>
  requires std::is_base_of_v<B, S> Record<R>
  &section(std::string name, R B::*member, std::string help) {
    auto rec = std::make_unique<Record<R>>(std::move(help));
    Record<R>& ref = *rec;
    push(std::move(name), std::move(rec), member);
    return ref;
  }
  /// A map from user-chosen ids (letters, digits, underscore) to records of type R.
  /// An entry set to null (`id: ~`) in a scenario removes it.
  template <class R, class B>
  requires std::is_base_of_v<B, S> Record<R>
  &map(std::string name, std::map<std::string, R> B::*member, std::string help);
  /// A list of records of type R.
  template <class R, class B>
  requires std::is_base_of_v<B, S> Record<R>
  &list(std::string name, std::vector<R> B::*member, std::string help);

  void reset(void* obj) const override {
    for (const auto& f : fields_) f.node->reset(f.access(obj));
  }

  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    if (!path.empty()) ctx.origins[path] = y.origin;
    if (y.kind == YamlNode::Kind::null) {
      report_missing(y, path, ctx);
      return;
    }
    if (y.kind != YamlNode::Kind::map) {
      ctx.diags.error(y.origin, path, fmt::format("expected a map, got {}", y.kind_name()));
      return;
    }
    for (const auto& [key, value] : y.entries) {
      const Field* f = find(key.text);
      const std::string sub = join_path(path, key.text);
      if (f == nullptr) {
        std::string msg = "unknown key";
        if (auto s = closest_match(key.text, names()); !s.empty())
          msg += fmt::format("; did you mean '{}'?", s);
        msg += fmt::format(" (keys allowed here: {})", fmt::join(names(), ", "));
        ctx.diags.error(key.origin, sub, msg);
        continue;
      }
      f->node->load(value, f->access(obj), sub, ctx);
    }
    report_missing(y, path, ctx);
  }

  [[nodiscard]] YamlNode save(const void* obj) const override {
    YamlNode out;
    out.kind = YamlNode::Kind::map;
    for (const auto& f : fields_) {
      out.entries.emplace_back(YamlKey{f.name, {}}, f.node->save(f.access(const_cast<void*>(obj))));
    }
    return out;
  }

  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    for (const auto& f : fields_) f.node->reference(join_path(path, f.name), out);
  }
  [[nodiscard]] std::string_view help_text() const override { return help_; }
  [[nodiscard]] std::string path_at(const void* obj, const void* target,
                                    const std::string& path) const override {
    for (const auto& f : fields_)
      if (auto p =
              f.node->path_at(f.access(const_cast<void*>(obj)), target, join_path(path, f.name));
          !p.empty())
        return p;
    return {};
  }
  /// A section is required when any of its fields is.
  [[nodiscard]] bool is_required() const override {
    for (const auto& f : fields_)
      if (f.node->is_required()) return true;
    return false;
  }
  /// An absent section: name each required key inside it.
  void report_absent(const std::string& path, const Origin& where,
                     LoadContext& ctx) const override {
    for (const auto& f : fields_) f.node->report_absent(join_path(path, f.name), where, ctx);
  }

  /// Typed conveniences.
  void reset(S& s) const { reset(static_cast<void*>(&s)); }
  [[nodiscard]] YamlNode save(const S& s) const { return save(static_cast<const void*>(&s)); }
  [[nodiscard]] std::vector<RefEntry> reference() const {
    std::vector<RefEntry> out;
    reference("", out);
    return out;
  }
  /// The key of the member of `s` at `member` (e.g. `&s.decisions.tariff_rate` gives
  /// "decisions.tariff_rate"), or "" when no key of this record stores it: how tables of the
  /// code name the parameters they point to without repeating their keys.
  [[nodiscard]] std::string key_of(const S& s, const void* member) const {
    return path_at(&s, member, "");
  }

 private:
  struct Field {
    std::string name;
    std::unique_ptr<Node> node;
    std::function<void*(void*)> access;
  };

  template <class M, class B>
  void push(std::string name, std::unique_ptr<Node> node, M B::*member) {
    fields_.push_back({std::move(name), std::move(node), [member](void* o) -> void* {
                         return &(static_cast<B*>(static_cast<S*>(o))->*member);
                       }});
    names_.push_back(fields_.back().name);
  }

  const Field* find(std::string_view name) const {
    for (const auto& f : fields_)
      if (f.name == name) return &f;
    return nullptr;
  }
  [[nodiscard]] const std::vector<std::string>& names() const { return names_; }

  void report_missing(const YamlNode& y, const std::string& path, LoadContext& ctx) const {
    for (const auto& f : fields_)
      if (y.find(f.name) == nullptr) f.node->report_absent(join_path(path, f.name), y.origin, ctx);
  }

  std::string help_;
  std::vector<Field> fields_;
  std::vector<std::string> names_;
};

/// Ids of map entries: letters, digits and underscores, starting with a letter.
bool valid_id(std::string_view id);

template <class R>
class MapOf final : public Node {
 public:
  explicit MapOf(std::string help) : entry_(std::move(help)) {}
  Record<R>& entry() { return entry_; }

  void reset(void* obj) const override { static_cast<std::map<std::string, R>*>(obj)->clear(); }

  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    ctx.origins[path] = y.origin;
    auto& m = *static_cast<std::map<std::string, R>*>(obj);
    m.clear();
    if (y.kind == YamlNode::Kind::null) return;
    if (y.kind != YamlNode::Kind::map) {
      ctx.diags.error(y.origin, path,
                      fmt::format("expected a map of entries by id, got {}", y.kind_name()));
      return;
    }
    for (const auto& [key, value] : y.entries) {
      const std::string sub = join_path(path, key.text);
      if (!valid_id(key.text)) {
        ctx.diags.error(key.origin, sub,
                        "ids are letters, digits and underscores, starting with a letter");
        continue;
      }
      if (value.kind == YamlNode::Kind::null) continue;  // removed by an override
      R r{};
      entry_.reset(r);
      if (key.origin.file.starts_with("--set ")) {
        // An id that only a --set names: a typo of an existing id is far likelier than a new
        // entry given key by key, so its errors (missing required keys) become one suggestion.
        Diagnostics mine;
        LoadContext sub_ctx{mine, ctx.origins};
        entry_.load(value, &r, sub, sub_ctx);
        if (!mine.empty()) {
          std::vector<std::string> ids;
          for (const auto& [k, v] : y.entries)
            if (!k.origin.file.starts_with("--set ")) ids.push_back(k.text);
          std::string msg = fmt::format("there is no '{}' in {}", key.text, path);
          std::string guess = closest_match(key.text, ids);
          // Ids are often abbreviations (mx for mexico): one whose letters appear in order in
          // the key, from its first letter on, is a good guess too.
          for (const auto& id : ids) {
            if (!guess.empty()) break;
            bool in_order = !id.empty() && key.text.front() == id.front();
            std::size_t at = 0;
            for (char c : id) {
              const auto found = in_order ? key.text.find(c, at) : std::string::npos;
              in_order = found != std::string::npos;
              at = found + 1;
            }
            if (in_order) guess = id;
          }
          if (!guess.empty()) msg += fmt::format("; did you mean '{}'?", guess);
          msg += fmt::format(" (ids: {}); a --set that adds an entry must give all of it ({})",
                             fmt::join(ids, ", "), mine.list().front().str());
          ctx.diags.error(key.origin, sub, msg);
          continue;
        }
      } else {
        entry_.load(value, &r, sub, ctx);
      }
      m.emplace(key.text, std::move(r));
    }
  }

  [[nodiscard]] YamlNode save(const void* obj) const override {
    const auto& m = *static_cast<const std::map<std::string, R>*>(obj);
    YamlNode out;
    out.kind = YamlNode::Kind::map;
    for (const auto& [id, r] : m) out.entries.emplace_back(YamlKey{id, {}}, entry_.save(r));
    return out;
  }

  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    entry_.reference(path + ".<id>", out);
  }
  [[nodiscard]] std::string_view help_text() const override { return entry_.help_text(); }

 private:
  Record<R> entry_;
};

template <class R>
class ListOf final : public Node {
 public:
  explicit ListOf(std::string help) : entry_(std::move(help)) {}
  Record<R>& entry() { return entry_; }

  void reset(void* obj) const override { static_cast<std::vector<R>*>(obj)->clear(); }

  void load(const YamlNode& y, void* obj, const std::string& path,
            LoadContext& ctx) const override {
    ctx.origins[path] = y.origin;
    auto& v = *static_cast<std::vector<R>*>(obj);
    v.clear();
    if (y.kind == YamlNode::Kind::null) return;
    if (y.kind != YamlNode::Kind::seq) {
      ctx.diags.error(y.origin, path, fmt::format("expected a list, got {}", y.kind_name()));
      return;
    }
    for (std::size_t i = 0; i < y.items.size(); ++i) {
      R r{};
      entry_.reset(r);
      entry_.load(y.items[i], &r, fmt::format("{}[{}]", path, i), ctx);
      v.push_back(std::move(r));
    }
  }

  [[nodiscard]] YamlNode save(const void* obj) const override {
    const auto& v = *static_cast<const std::vector<R>*>(obj);
    YamlNode out;
    out.kind = YamlNode::Kind::seq;
    for (const auto& r : v) out.items.push_back(entry_.save(r));
    return out;
  }

  void reference(const std::string& path, std::vector<RefEntry>& out) const override {
    entry_.reference(path + "[]", out);
  }
  [[nodiscard]] std::string_view help_text() const override { return entry_.help_text(); }

 private:
  Record<R> entry_;
};

template <class S>
template <class R, class B>
requires std::is_base_of_v<B, S> Record<R>
&Record<S>::map(std::string name, std::map<std::string, R> B::*member, std::string help) {
  auto node = std::make_unique<MapOf<R>>(std::move(help));
  Record<R>& ref = node->entry();
  push(std::move(name), std::move(node), member);
  return ref;
}

template <class S>
template <class R, class B>
requires std::is_base_of_v<B, S> Record<R>
&Record<S>::list(std::string name, std::vector<R> B::*member, std::string help) {
  auto node = std::make_unique<ListOf<R>>(std::move(help));
  Record<R>& ref = node->entry();
  push(std::move(name), std::move(node), member);
  return ref;
}

}  // namespace vecinos::schema
