#include "util/yaml.hpp"

#include <yaml.h>

#include <climits>
#include <memory>

namespace cyberframe::util {

namespace {

TextPosition position_of(const yaml_mark_t& mark) {
  auto clamp = [](std::size_t v) { return static_cast<int>(v >= INT_MAX ? INT_MAX - 1 : v); };
  return TextPosition{clamp(mark.line) + 1, clamp(mark.column) + 1};
}

struct ParserFree {
  void operator()(yaml_parser_t* parser) const {
    yaml_parser_delete(parser);
    delete parser;
  }
};

struct EventFree {
  yaml_event_t* event;
  ~EventFree() { yaml_event_delete(event); }
};

bool is_null_text(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

}  // namespace

std::string to_string(TextPosition position) {
  return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
}

namespace {

class Ignore : public YamlHandler {
 public:
  Result<void> on(const YamlEvent&) override { return {}; }
};

std::expected<void, YamlError> parse_events(std::string_view text, Budget& budget,
                                            YamlHandler& handler);

}  // namespace

std::expected<void, YamlError> parse_yaml(std::string_view text, Budget& budget,
                                          YamlHandler& handler) {
  // A node takes at least one byte ("{a,b,c}" is four nodes), so a text no longer than the node
  // limit is within it. A longer one is first parsed keeping nothing, so that a text past the
  // limit is refused before the handler has built anything of it.
  if (budget.limits().nodes != 0 && text.size() > budget.limits().nodes) {
    Budget probe = budget;
    Ignore ignore;
    if (auto ok = parse_events(text, probe, ignore);
        !ok && ok.error().kind != YamlError::Kind::k_content)
      return ok;
  }
  return parse_events(text, budget, handler);
}

namespace {

std::expected<void, YamlError> parse_events(std::string_view text, Budget& budget,
                                            YamlHandler& handler) {
  auto fail = [](YamlError::Kind kind, TextPosition at, std::string message) {
    return std::unexpected(YamlError{kind, at, std::move(message)});
  };
  std::unique_ptr<yaml_parser_t, ParserFree> parser(new yaml_parser_t);
  if (yaml_parser_initialize(parser.get()) == 0) {
    delete parser.release();
    return fail(YamlError::Kind::k_syntax, {}, "out of memory");
  }
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  std::size_t depth = 0;
  for (;;) {
    yaml_event_t event;
    if (yaml_parser_parse(parser.get(), &event) == 0) {
      const auto& p = *parser;
      std::string message = p.problem ? p.problem : "not well-formed YAML";
      if (p.context) {
        message += std::string(" (") + p.context + " that starts at " +
                   to_string(position_of(p.context_mark)) + ")";
      }
      auto at = p.error == YAML_READER_ERROR
                    ? TextPosition{0, 0}
                    : position_of(p.problem ? p.problem_mark : p.context_mark);
      if (p.error == YAML_READER_ERROR) message += " at byte " + std::to_string(p.problem_offset);
      return fail(YamlError::Kind::k_syntax, at, std::move(message));
    }
    EventFree guard{&event};
    YamlEvent out;
    out.position = position_of(event.start_mark);
    bool counts = false;  // a node: charged against the node budget
    switch (event.type) {
      case YAML_STREAM_START_EVENT:
        continue;
      case YAML_STREAM_END_EVENT:
        return {};
      case YAML_NO_EVENT:
        continue;
      case YAML_DOCUMENT_START_EVENT:
        out.type = YamlEvent::Type::k_document_start;
        break;
      case YAML_DOCUMENT_END_EVENT:
        out.type = YamlEvent::Type::k_document_end;
        break;
      case YAML_ALIAS_EVENT:
        return fail(YamlError::Kind::k_alias, out.position,
                    "YAML aliases ('*name') are not allowed; write the content out");
      case YAML_SCALAR_EVENT: {
        counts = true;
        std::string_view value(reinterpret_cast<const char*>(event.data.scalar.value),
                               event.data.scalar.length);
        if (auto ok = budget.check(Limit::k_item_bytes, value.size(), ""); !ok)
          return fail(YamlError::Kind::k_limit, out.position, ok.error().message);
        bool plain = event.data.scalar.plain_implicit != 0 &&
                     event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
        bool tagged = event.data.scalar.tag != nullptr;
        out.type = plain && !tagged && is_null_text(value) ? YamlEvent::Type::k_null
                                                           : YamlEvent::Type::k_scalar;
        out.text = value;
        out.plain = plain;
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT:
        counts = true;
        out.type = event.type == YAML_SEQUENCE_START_EVENT ? YamlEvent::Type::k_sequence_start
                                                           : YamlEvent::Type::k_map_start;
        if (auto ok = budget.check(Limit::k_depth, ++depth, ""); !ok)
          return fail(YamlError::Kind::k_limit, out.position, ok.error().message);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        out.type = event.type == YAML_SEQUENCE_END_EVENT ? YamlEvent::Type::k_sequence_end
                                                         : YamlEvent::Type::k_map_end;
        --depth;
        break;
    }
    if (counts) {
      if (auto ok = budget.charge(Limit::k_nodes, 1, ""); !ok)
        return fail(YamlError::Kind::k_limit, out.position, ok.error().message);
    }
    if (auto ok = handler.on(out); !ok)
      return fail(YamlError::Kind::k_content, out.position, std::move(ok.error().message));
  }
}

}  // namespace

// ---- the tree ----------------------------------------------------------------------------------

YamlNode::Entries YamlNode::entries() const {
  if (m_kind != Kind::k_map) return Entries{EntryIterator(nullptr), EntryIterator(nullptr)};
  const YamlNode* first = m_children.data();
  return Entries{EntryIterator(first), EntryIterator(first + m_children.size())};
}

const YamlNode& YamlNode::operator[](std::string_view key) const {
  static const YamlNode k_undefined;
  if (m_kind != Kind::k_map) return k_undefined;
  for (std::size_t i = 0; i + 1 < m_children.size(); i += 2) {
    const auto& k = m_children[i];
    if (k.m_kind == Kind::k_scalar && k.m_text == key) return m_children[i + 1];
  }
  return k_undefined;
}

class YamlTreeBuilder : public YamlHandler {
 public:
  std::vector<YamlNode> documents;

  Result<void> on(const YamlEvent& event) override {
    using Type = YamlEvent::Type;
    switch (event.type) {
      case Type::k_document_start:
        m_open.clear();
        m_root = false;
        return {};
      case Type::k_document_end:
        if (!m_root) add(YamlNode::Kind::k_null, event);  // an empty document is null
        return {};
      case Type::k_scalar:
        add(YamlNode::Kind::k_scalar, event);
        return {};
      case Type::k_null:
        add(YamlNode::Kind::k_null, event);
        return {};
      case Type::k_sequence_start:
        m_open.push_back(add(YamlNode::Kind::k_sequence, event));
        return {};
      case Type::k_map_start:
        m_open.push_back(add(YamlNode::Kind::k_map, event));
        return {};
      case Type::k_sequence_end:
      case Type::k_map_end: {
        auto& children = m_open.back()->m_children;
        // Growth by doubling can leave half a large collection's storage unused.
        if (children.capacity() > children.size() + children.size() / 4 + 8)
          children.shrink_to_fit();
        m_open.pop_back();
        return {};
      }
    }
    return {};
  }

 private:
  // Appends a node to the open collection (or as the document's root); returns it. Only the
  // innermost open collection grows, so the pointers of m_open stay valid.
  YamlNode* add(YamlNode::Kind kind, const YamlEvent& event) {
    YamlNode node;
    node.m_kind = kind;
    node.m_line = static_cast<std::uint32_t>(event.position.line);
    node.m_column = static_cast<std::uint32_t>(event.position.column);
    if (kind == YamlNode::Kind::k_scalar) node.m_text.assign(event.text);
    if (m_open.empty()) {
      m_root = true;
      documents.push_back(std::move(node));
      return &documents.back();
    }
    auto& children = m_open.back()->m_children;
    children.push_back(std::move(node));
    return &children.back();
  }

  std::vector<YamlNode*> m_open;
  bool m_root = false;
};

std::expected<std::vector<YamlNode>, YamlError> read_yaml(std::string_view text, Budget& budget) {
  YamlTreeBuilder builder;
  if (auto ok = parse_yaml(text, budget, builder); !ok) return std::unexpected(ok.error());
  return std::move(builder.documents);
}

}  // namespace cyberframe::util
