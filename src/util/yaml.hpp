#pragma once
// The one YAML reader for untrusted text: catalog files, profile files, scale files and OSCAL
// documents all go through it.
//
// It parses with libyaml's event parser, whose look-ahead is bounded (a potential key is given up
// 1,024 characters on; yaml-cpp's scanner instead keeps every token of a flow collection queued
// until the collection closes, about 270 bytes of memory per byte of `[a,a,...]`), and charges a
// util::Budget on every event, before the event is kept: nodes, nesting depth and the bytes of
// each scalar. Aliases (`*name`) are refused (a few of them can stand for an exponential tree);
// anchors alone are harmless and allowed. Scalars stay text: the reader resolves no types, so
// `yes`, `1.0` and `2026-01-01` reach the caller as written. A plain (unquoted) empty, `~` or
// `null` scalar is null.
//
// Cost: read_yaml's tree takes about 72 bytes a node plus the text of scalars longer than 15
// bytes, so at most about 72 x limits.nodes + the input's size; parse_yaml keeps nothing but
// libyaml's state (the look-ahead and one entry per open collection).
//
// Threading: no shared state; any number of threads may parse at once.

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "util/budget.hpp"
#include "util/result.hpp"

namespace cyberframe::util {

struct TextPosition {
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
};

// "line 3, column 7"
std::string to_string(TextPosition position);

// Why a YAML text was not read. `message` does not repeat the position.
struct YamlError {
  enum class Kind {
    k_syntax,   // not well-formed YAML (libyaml's message)
    k_alias,    // an alias, refused
    k_limit,    // a limit of the budget (the message names it and its value)
    k_content,  // refused by the caller's event handler
  };
  Kind kind = Kind::k_syntax;
  TextPosition position;
  std::string message;
};

// One event of the parse, in document order.
struct YamlEvent {
  enum class Type {
    k_document_start,
    k_document_end,
    k_scalar,
    k_null,
    k_sequence_start,
    k_sequence_end,
    k_map_start,
    k_map_end,
  };
  Type type = Type::k_scalar;
  TextPosition position;  // where the node starts (ends have the position of their end)
  std::string_view text;  // a scalar's text
  bool plain = false;     // a scalar written without quotes or block indicator
};

// Receives the events of parse_yaml; an error ends the parse (YamlError::Kind::k_content, with
// the event's position).
class YamlHandler {
 public:
  virtual ~YamlHandler() = default;
  virtual Result<void> on(const YamlEvent& event) = 0;
};

// Parses every document of `text`, charging `budget` (Limit::k_nodes per node, k_depth for
// nesting, k_item_bytes per scalar; a zero limit is not checked) before each event is handed on.
std::expected<void, YamlError> parse_yaml(std::string_view text, Budget& budget,
                                          YamlHandler& handler);

// A node of a document read by read_yaml: null, a scalar (text), a sequence or a map; or
// undefined, the answer of a map lookup that found nothing.
class YamlNode {
 public:
  enum class Kind : std::uint8_t { k_undefined, k_null, k_scalar, k_sequence, k_map };

  struct Entry {
    const YamlNode& key;
    const YamlNode& value;
  };
  // The entries of a map, in document order.
  class EntryIterator {
   public:
    explicit EntryIterator(const YamlNode* at) : m_at(at) {}
    Entry operator*() const { return Entry{m_at[0], m_at[1]}; }
    EntryIterator& operator++() {
      m_at += 2;
      return *this;
    }
    bool operator==(const EntryIterator& other) const = default;

   private:
    const YamlNode* m_at;
  };
  struct Entries {
    EntryIterator first;
    EntryIterator last;
    EntryIterator begin() const { return first; }
    EntryIterator end() const { return last; }
  };

  YamlNode() = default;

  Kind kind() const { return m_kind; }
  bool is_defined() const { return m_kind != Kind::k_undefined; }
  bool is_null() const { return m_kind == Kind::k_null; }
  bool is_scalar() const { return m_kind == Kind::k_scalar; }
  bool is_sequence() const { return m_kind == Kind::k_sequence; }
  bool is_map() const { return m_kind == Kind::k_map; }
  // The text of a scalar (empty for anything else).
  const std::string& scalar() const { return m_text; }
  // Where the node starts; {0, 0} for an undefined node.
  TextPosition position() const {
    return TextPosition{static_cast<int>(m_line), static_cast<int>(m_column)};
  }
  // Items of a sequence, entries of a map, 0 otherwise.
  std::size_t size() const {
    return m_kind == Kind::k_map ? m_children.size() / 2
                                 : (m_kind == Kind::k_sequence ? m_children.size() : 0);
  }
  // The items of a sequence (empty for anything else); `for (const auto& item : node)` walks them.
  std::span<const YamlNode> items() const {
    return m_kind == Kind::k_sequence ? std::span<const YamlNode>(m_children)
                                      : std::span<const YamlNode>();
  }
  auto begin() const { return items().begin(); }
  auto end() const { return items().end(); }
  // The entries of a map (none for anything else): `for (const auto& [key, value] :
  // node.entries())`.
  Entries entries() const;
  // The value of the first entry whose key is the scalar `key`; an undefined node when there is
  // none or this is not a map. Linear in the map's size.
  const YamlNode& operator[](std::string_view key) const;

 private:
  friend class YamlTreeBuilder;
  std::string m_text;
  std::vector<YamlNode> m_children;  // a map's keys and values alternate
  std::uint32_t m_line = 0;
  std::uint32_t m_column = 0;
  Kind m_kind = Kind::k_undefined;
};

// Reads every document of `text` into trees, charging `budget` as parse_yaml does. A text with no
// document (empty, or only comments) gives an empty vector.
std::expected<std::vector<YamlNode>, YamlError> read_yaml(std::string_view text, Budget& budget);

}  // namespace cyberframe::util
