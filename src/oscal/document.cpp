#include "oscal/document.hpp"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_set>

#include "oscal/markup.hpp"
#include "oscal/model.hpp"
#include "util/budget.hpp"
#include "util/json.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::oscal {

namespace {

using model::Child;
using model::DataType;
using model::Definition;
using model::InJson;
using model::InXml;
using model::Kind;

using model::escape_pointer;
using model::k_max_depth;

using markup::in_oscal_namespace;
using markup::k_namespace;
using markup::name_of;

util::Error invalid(std::string message) {
  return util::Error{util::ErrorCode::k_invalid_input, std::move(message)};
}

std::string model_list() {
  std::string s;
  for (const auto& r : model::roots()) {
    if (!s.empty()) s += ", ";
    s += r.name;
  }
  return s;
}

// ---- typed scalars ---------------------------------------------------------------------------

// A value read as text (XML, YAML) in the JSON type its datatype has: integers and decimals as
// numbers, booleans as booleans, when the text is one; otherwise the text (validate() reports it).
Json typed(std::string text, DataType type) {
  if (type == DataType::k_boolean) {
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    return text;
  }
  if (!model::is_number(type) || text.empty()) return text;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (type != DataType::k_decimal) {
    long long value = 0;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && ptr == last) return value;
    return text;
  }
  if (text.find_first_of(".eE") == std::string::npos) {
    long long value = 0;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && ptr == last) return value;
  }
  double value = 0;
  auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc() && ptr == last) return value;
  return text;
}

std::string scalar_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number_unsigned()) return std::to_string(value.get<unsigned long long>());
  if (value.is_null()) return {};
  return value.dump();
}

// ---- the OSCAL version -----------------------------------------------------------------------

util::Result<void> check_version(const std::string& version, std::string_view source,
                                 const std::string& where, const ReadOptions& options) {
  std::string_view v = version;
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  auto dot = v.find('.');
  auto major = v.substr(0, dot);
  bool digits = !major.empty() && std::all_of(major.begin(), major.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  if (!digits || dot == std::string_view::npos) {
    if (options.lenient_version) return {};
    return std::unexpected(invalid(std::string(source) + ": " + where + ": oscal-version '" +
                                   version + "' is not a version number (expected 1.x.y)"));
  }
  if (major != "1")
    return std::unexpected(invalid(std::string(source) + ": " + where + ": OSCAL version " +
                                   version + " is not supported (this reads OSCAL 1.x, up to " +
                                   std::string(model::k_metaschema_version) + ")"));
  return {};
}

util::Result<void> check_json_version(const Document& doc, const ReadOptions& options) {
  const auto& body = doc.root.at(doc.model);
  auto where = "/" + doc.model + "/metadata/oscal-version";
  if (!body.is_object() || !body.contains("metadata") || !body["metadata"].is_object() ||
      !body["metadata"].contains("oscal-version")) {
    if (options.lenient_version) return {};
    return std::unexpected(invalid(doc.source + ": " + where +
                                   ": missing; an OSCAL document must state its oscal-version"));
  }
  const auto& v = body["metadata"]["oscal-version"];
  if (!v.is_string())
    return std::unexpected(invalid(doc.source + ": " + where + ": must be a string"));
  return check_version(v.get<std::string>(), doc.source, where, options);
}

// ---- JSON and YAML: the model-driven check of structure --------------------------------------

// Checks the JSON form against the model: every property known, objects, arrays and scalars
// where the model has them. With `from_text` (YAML, whose scalars arrive as text), scalars are
// converted to their datatype's JSON type.
class Shape {
 public:
  Shape(std::string source, bool from_text) : m_source(std::move(source)), m_text(from_text) {}
  util::Error error() const { return m_error; }

  bool assembly(Json& value, const Definition& def, std::string& path, int depth) {
    if (value.is_null() && m_text) value = Json::object();
    if (!value.is_object()) return fail(path, "must be an object (" + std::string(def.name) + ")");
    if (depth > k_max_depth) return fail(path, "nested too deeply");
    for (auto& [key, item] : value.items()) {
      auto size = path.size();
      path += '/';
      path += escape_pointer(key);
      bool ok = true;
      if (const auto* flag = def.flag(key)) {
        ok = scalar(item, flag->type, path);
      } else if (const auto* child = def.child_by_json(key)) {
        ok = instance(item, *child, path, depth);
      } else if (!def.any) {
        path.resize(size);
        return fail(path,
                    "unknown property '" + std::string(key) + "' in " + std::string(def.name));
      }
      if (!ok) return false;
      path.resize(size);
    }
    return true;
  }

 private:
  bool fail(const std::string& path, std::string message) {
    m_error = invalid(m_source + ": " + (path.empty() ? "/" : path) + ": " + std::move(message));
    return false;
  }

  bool scalar(Json& value, DataType type, const std::string& path) {
    if (value.is_object() || value.is_array())
      return fail(path, "must be a single " + std::string(model::to_string(type)) + " value");
    if (value.is_null()) {
      if (!m_text) return fail(path, "must not be null");
      value = "";
    }
    if (m_text && value.is_string()) value = typed(value.get<std::string>(), type);
    return true;
  }

  bool item(Json& value, const Child& child, std::string& path, int depth) {
    const auto& def = model::definition(child.definition);
    if (def.kind == Kind::k_assembly) return assembly(value, def, path, depth + 1);
    return field(value, def, path);
  }

  bool instance(Json& value, const Child& child, std::string& path, int depth) {
    if (!child.repeats()) return item(value, child, path, depth);
    switch (child.in_json) {
      case InJson::k_array:
        if (!value.is_array()) return fail(path, "must be an array");
        break;
      case InJson::k_singleton_or_array:
        if (!value.is_array()) return item(value, child, path, depth);
        break;
      case InJson::k_by_key: {
        if (!value.is_object())
          return fail(path, "must be an object keyed by " +
                                std::string(model::definition(child.definition).json_key));
        for (auto& [key, entry] : value.items()) {
          auto size = path.size();
          path += '/' + escape_pointer(key);
          if (!item(entry, child, path, depth)) return false;
          path.resize(size);
        }
        return true;
      }
    }
    std::size_t index = 0;
    for (auto& entry : value) {
      auto size = path.size();
      path += '/' + std::to_string(index++);
      if (!item(entry, child, path, depth)) return false;
      path.resize(size);
    }
    return true;
  }

  bool field(Json& value, const Definition& def, std::string& path) {
    if (def.flag_count == 0) return scalar(value, def.type, path);
    if (!value.is_object())
      return fail(
          path,
          "must be an object (" + std::string(def.name) + " has flags; its value is '" +
              std::string(def.value_key().empty() ? "{" + std::string(def.json_value_key_flag) + "}"
                                                  : std::string(def.value_key())) +
              "')");
    bool has_value = false;
    for (auto& [key, item] : value.items()) {
      auto size = path.size();
      path += '/' + escape_pointer(key);
      bool ok = true;
      if (const auto* flag = def.flag(key); flag && key != def.json_value_key_flag) {
        ok = scalar(item, flag->type, path);
      } else if (key == def.value_key() || (!def.json_value_key_flag.empty() && !has_value)) {
        has_value = true;
        ok = scalar(item, def.type, path);
      } else {
        path.resize(size);
        return fail(path,
                    "unknown property '" + std::string(key) + "' in " + std::string(def.name));
      }
      if (!ok) return false;
      path.resize(size);
    }
    return true;
  }

  std::string m_source;
  bool m_text;
  util::Error m_error;
};

util::Result<Document> finish(Json root, Format format, std::string_view source, bool from_text,
                              const ReadOptions& options) {
  if (!root.is_object() || root.size() != 1)
    return std::unexpected(invalid(std::string(source) +
                                   ": an OSCAL document is an object with one property, the "
                                   "model (" +
                                   model_list() + ")"));
  auto name = root.begin().key();
  const auto* def = model::root(name);
  if (!def)
    return std::unexpected(invalid(std::string(source) + ": '" + name +
                                   "' is not an OSCAL model (expected one of " + model_list() +
                                   ")"));
  Document doc;
  doc.model = name;
  doc.format = format;
  doc.source = std::string(source);
  doc.root = std::move(root);
  // The version first: a document of another OSCAL major version fails on that, not on the
  // first property it does not know.
  auto& body = doc.root[name];
  if (body.is_object() && body.contains("metadata") && body["metadata"].is_object() &&
      body["metadata"].contains("oscal-version") && body["metadata"]["oscal-version"].is_null())
    body["metadata"]["oscal-version"] = "";
  if (auto v = check_json_version(doc, options); !v) return std::unexpected(v.error());
  Shape shape(doc.source, from_text);
  std::string path = "/" + name;
  if (!shape.assembly(body, *def, path, 0)) return std::unexpected(shape.error());
  return doc;
}

// What one OSCAL document may cost while it is read (util/budget.hpp); see k_max_nodes.
util::Budget oscal_budget(const ReadOptions& options) {
  return util::Budget(util::ParseLimits{.bytes = k_max_document_bytes,
                                        .nodes = std::min(options.max_nodes, k_max_nodes),
                                        .depth = static_cast<std::size_t>(k_max_depth),
                                        .item_bytes = k_max_document_bytes},
                      "an OSCAL document");
}

util::Result<Document> read_json(std::string_view text, std::string_view source,
                                 const ReadOptions& options) {
  auto budget = oscal_budget(options);
  auto root = util::parse_json<Json>(text, budget);
  if (!root) {
    const auto& e = root.error();
    auto [line, column] = util::line_column_of_byte(text, e.byte);
    std::string what;
    switch (e.kind) {
      case util::JsonError::Kind::k_syntax:
        what = "malformed JSON: " + e.message;
        break;
      case util::JsonError::Kind::k_number:
        what = e.message + " (at byte " + std::to_string(e.byte) + ")";
        break;
      default:
        what = e.message;
        break;
    }
    return std::unexpected(invalid(std::string(source) + ":" + std::to_string(line) + ":" +
                                   std::to_string(column) + ": " + what));
  }
  return finish(std::move(*root), Format::k_json, source, false, options);
}

// ---- YAML ------------------------------------------------------------------------------------

// Builds the JSON form straight from the YAML events (no YAML tree in between): scalars as text,
// plain nulls as null; keys must be text and unique.
class YamlToJson : public util::YamlHandler {
 public:
  Json root;

  util::Result<void> on(const util::YamlEvent& event) override {
    using Type = util::YamlEvent::Type;
    switch (event.type) {
      case Type::k_document_start:
        if (m_documents++ > 0)
          return fail(util::ErrorCode::k_invalid_input,
                      "a second YAML document; an OSCAL file holds one");
        return {};
      case Type::k_document_end:
        return {};
      case Type::k_scalar:
        return value(Json(std::string(event.text)));
      case Type::k_null:
        return value(Json(nullptr));
      case Type::k_sequence_start:
        return open(Json::array());
      case Type::k_map_start:
        return open(Json::object());
      case Type::k_sequence_end:
      case Type::k_map_end:
        m_open.pop_back();
        return {};
    }
    return {};
  }

 private:
  struct Frame {
    Json* value = nullptr;
    Json* slot = nullptr;  // a map's value for the key just read
    bool want_key = true;
    std::unique_ptr<std::unordered_set<std::string>> keys;  // a large map's keys
  };

  // A map's key: must be text, and new.
  util::Result<void> key(Frame& frame, const Json& v) {
    if (!v.is_string())
      return fail(util::ErrorCode::k_invalid_input, "a mapping key must be a plain name");
    const auto& k = v.get_ref<const std::string&>();
    auto& object = frame.value->get_ref<Json::object_t&>();
    bool duplicate = false;
    if (frame.keys) {
      duplicate = !frame.keys->insert(k).second;
    } else {
      duplicate = std::any_of(object.begin(), object.end(),
                              [&](const auto& entry) { return entry.first == k; });
      if (!duplicate && object.size() >= 16) {
        frame.keys = std::make_unique<std::unordered_set<std::string>>();
        for (const auto& entry : object) frame.keys->insert(entry.first);
        frame.keys->insert(k);
      }
    }
    if (duplicate) return fail(util::ErrorCode::k_invalid_input, "duplicate key '" + k + "'");
    // ordered_map is a vector of pairs; its own emplace searches it first.
    using Vector = std::vector<std::pair<const std::string, Json>>;
    auto& entries = static_cast<Vector&>(object);
    entries.emplace_back(k, Json());
    frame.slot = &entries.back().second;
    frame.want_key = false;
    return {};
  }

  // Where the next value goes; nullptr when it is a key (handled by key()).
  util::Result<Json*> place(Json&& v, bool collection) {
    if (m_open.empty()) {
      root = std::move(v);
      return &root;
    }
    auto& frame = m_open.back();
    if (frame.value->is_array()) {
      auto& array = frame.value->get_ref<Json::array_t&>();
      array.push_back(std::move(v));
      return &array.back();
    }
    if (frame.want_key) {
      if (collection)
        return fail(util::ErrorCode::k_invalid_input, "a mapping key must be a plain name");
      if (auto ok = key(frame, v); !ok) return std::unexpected(ok.error());
      return nullptr;
    }
    *frame.slot = std::move(v);
    frame.want_key = true;
    return frame.slot;
  }

  util::Result<void> value(Json&& v) {
    auto at = place(std::move(v), false);
    if (!at) return std::unexpected(at.error());
    return {};
  }
  util::Result<void> open(Json&& v) {
    auto at = place(std::move(v), true);
    if (!at) return std::unexpected(at.error());
    Frame frame;
    frame.value = *at;
    m_open.push_back(std::move(frame));
    return {};
  }

  std::vector<Frame> m_open;
  int m_documents = 0;
};

util::Result<Document> read_yaml(std::string_view text, std::string_view source,
                                 const ReadOptions& options) {
  auto budget = oscal_budget(options);
  YamlToJson builder;
  if (auto ok = util::parse_yaml(text, budget, builder); !ok) {
    const auto& e = ok.error();
    std::string where = std::string(source) + ":" + std::to_string(e.position.line) + ":" +
                        std::to_string(e.position.column) + ": ";
    switch (e.kind) {
      case util::YamlError::Kind::k_syntax:
        return std::unexpected(invalid(where + "malformed YAML: " + e.message));
      default:
        return std::unexpected(invalid(where + e.message));
    }
  }
  return finish(std::move(builder.root), Format::k_yaml, source, true, options);
}

// ---- XML -------------------------------------------------------------------------------------

std::string attribute_value(const xmlAttr* a) {
  std::string value;
  for (const xmlNode* c = a->children; c; c = c->next)
    if (c->content) value += reinterpret_cast<const char*>(c->content);
  return value;
}

class XmlReader {
 public:
  explicit XmlReader(std::string source) : m_source(std::move(source)) {}
  util::Error error() const { return m_error; }

  bool assembly(const xmlNode* element, const Definition& def, Json& out, std::string& path,
                int depth) {
    if (depth > k_max_depth) return fail(element, path, "nested too deeply");
    out = Json::object();
    if (!flags(element, def, out, path)) return false;
    auto children = def.children();
    std::vector<Json> buckets(children.size());
    std::vector<const xmlNode*> blocks;
    const Child* unwrapped = def.unwrapped_markup();
    for (const xmlNode* node = element->children; node; node = node->next) {
      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE) continue;
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content &&
            !markup::is_whitespace_only(reinterpret_cast<const char*>(node->content)))
          return fail(node, path,
                      "text is not allowed directly in <" + std::string(name_of(element)) + ">");
        continue;
      }
      if (node->type == XML_ENTITY_REF_NODE)
        return fail(node, path, "entity references are not allowed");
      if (node->type != XML_ELEMENT_NODE) continue;
      auto name = name_of(node);
      if (!in_oscal_namespace(node))
        return fail(
            node, path,
            "element <" + std::string(name) + "> is not in the OSCAL namespace " + k_namespace);
      const Child* child = def.child_by_xml(name);
      if (!child) {
        if (unwrapped && markup::is_block_element(name)) {
          blocks.push_back(node);
          continue;
        }
        if (def.any) continue;
        return fail(node, path,
                    "unknown element <" + std::string(name) + "> in <" +
                        std::string(name_of(element)) + ">");
      }
      auto index = static_cast<std::size_t>(child - children.data());
      auto& bucket = buckets[index];
      if (bucket.is_null()) bucket = Json::array();
      if (child->repeats() && child->in_xml == InXml::k_grouped) {
        for (const xmlNode* item = node->children; item; item = item->next) {
          if (item->type == XML_TEXT_NODE && item->content &&
              markup::is_whitespace_only(reinterpret_cast<const char*>(item->content)))
            continue;
          if (item->type == XML_COMMENT_NODE || item->type == XML_PI_NODE) continue;
          if (item->type != XML_ELEMENT_NODE || name_of(item) != child->xml_name ||
              !in_oscal_namespace(item))
            return fail(item, path,
                        "<" + std::string(child->json_name) + "> may hold only <" +
                            std::string(child->xml_name) + "> elements");
          Json value;
          if (!instance(item, *child, value, path, bucket.size(), depth)) return false;
          bucket.push_back(std::move(value));
        }
      } else {
        if (!child->repeats() && !bucket.empty())
          return fail(node, path,
                      "<" + std::string(name) + "> may appear only once in <" +
                          std::string(name_of(element)) + ">");
        Json value;
        if (!instance(node, *child, value, path, bucket.size(), depth)) return false;
        bucket.push_back(std::move(value));
      }
    }
    for (std::size_t i = 0; i < children.size(); ++i) {
      const auto& child = children[i];
      if (&child == unwrapped) {
        if (blocks.empty()) continue;
        auto text = markup::blocks_to_markdown(blocks);
        if (!text) return fail(blocks.front(), path, text.error().message);
        out[std::string(child.json_name)] = std::move(*text);
        continue;
      }
      auto& bucket = buckets[i];
      if (bucket.is_null()) continue;
      std::string key(child.json_name);
      if (!child.repeats()) {
        out[key] = std::move(bucket[0]);
      } else if (child.in_json == InJson::k_singleton_or_array && bucket.size() == 1) {
        out[key] = std::move(bucket[0]);
      } else if (child.in_json == InJson::k_by_key) {
        Json keyed = Json::object();
        auto flag = std::string(model::definition(child.definition).json_key);
        for (auto& entry : bucket) {
          if (!entry.is_object() || !entry.contains(flag))
            return fail(element, path,
                        "<" + std::string(child.xml_name) + "> needs its " + flag +
                            " (the key of " + key + ")");
          auto k = scalar_text(entry[flag]);
          entry.erase(flag);
          keyed[k] = std::move(entry);
        }
        out[key] = std::move(keyed);
      } else {
        out[key] = std::move(bucket);
      }
    }
    return true;
  }

  bool fail(const xmlNode* node, const std::string& path, std::string message) {
    m_error = invalid(m_source + ":" + std::to_string(xmlGetLineNo(node)) + ": " +
                      (path.empty() ? "/" : path) + ": " + std::move(message));
    return false;
  }

 private:
  bool instance(const xmlNode* node, const Child& child, Json& out, std::string& path,
                std::size_t index, int depth) {
    auto size = path.size();
    path += '/';
    path += child.json_name;
    if (child.repeats()) path += '/' + std::to_string(index);
    const auto& def = model::definition(child.definition);
    bool ok = def.kind == Kind::k_assembly ? assembly(node, def, out, path, depth + 1)
                                           : field(node, def, out, path);
    path.resize(size);
    return ok;
  }

  bool flags(const xmlNode* element, const Definition& def, Json& out, const std::string& path) {
    for (const xmlAttr* a = element->properties; a; a = a->next) {
      if (a->ns) continue;  // xsi:schemaLocation and the like
      auto name = std::string_view(reinterpret_cast<const char*>(a->name));
      if (!def.flag(name))
        return fail(element, path,
                    "unknown attribute '" + std::string(name) + "' on <" +
                        std::string(name_of(element)) + ">");
    }
    for (const auto& flag : def.flags()) {
      for (const xmlAttr* a = element->properties; a; a = a->next) {
        if (a->ns || name_of(reinterpret_cast<const xmlNode*>(a)) != flag.name) continue;
        out[std::string(flag.name)] = typed(attribute_value(a), flag.type);
        break;
      }
    }
    return true;
  }

  bool field(const xmlNode* element, const Definition& def, Json& out, const std::string& path) {
    Json value;
    if (def.type == DataType::k_markup_line) {
      auto text = markup::inline_to_markdown(element);
      if (!text) return fail(element, path, text.error().message);
      value = std::move(*text);
    } else if (def.type == DataType::k_markup_multiline) {
      auto text = markup::multiline_to_markdown(element);
      if (!text) return fail(element, path, text.error().message);
      value = std::move(*text);
    } else {
      std::string text;
      for (const xmlNode* c = element->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
          if (c->content) text += reinterpret_cast<const char*>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
          return fail(c, path,
                      "element <" + std::string(name_of(c)) + "> is not allowed in <" +
                          std::string(name_of(element)) + "> (a " +
                          std::string(model::to_string(def.type)) + " value)");
        } else if (c->type == XML_ENTITY_REF_NODE) {
          return fail(c, path, "entity references are not allowed");
        }
      }
      value = typed(std::move(text), def.type);
    }
    if (def.flag_count == 0) {
      for (const xmlAttr* a = element->properties; a; a = a->next)
        if (!a->ns)
          return fail(element, path,
                      "unknown attribute '" + std::string(reinterpret_cast<const char*>(a->name)) +
                          "' on <" + std::string(name_of(element)) + ">");
      out = std::move(value);
      return true;
    }
    Json object = Json::object();
    if (!flags(element, def, object, path)) return false;
    if (!def.json_value_key_flag.empty()) {
      std::string flag(def.json_value_key_flag);
      if (!object.contains(flag))
        return fail(element, path, "<" + std::string(name_of(element)) + "> needs its " + flag);
      auto key = scalar_text(object[flag]);
      object.erase(flag);
      object[key] = std::move(value);
    } else {
      object[std::string(def.value_key())] = std::move(value);
    }
    out = std::move(object);
    return true;
  }

  std::string m_source;
  util::Error m_error;
};

// The oscal-version element of an XML document, before converting the rest.
std::optional<std::string> xml_version(const xmlNode* root) {
  for (const xmlNode* c = root->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || name_of(c) != "metadata") continue;
    for (const xmlNode* m = c->children; m; m = m->next) {
      if (m->type != XML_ELEMENT_NODE || name_of(m) != "oscal-version") continue;
      std::string text;
      for (const xmlNode* t = m->children; t; t = t->next)
        if (t->content) text += reinterpret_cast<const char*>(t->content);
      return text;
    }
  }
  return std::nullopt;
}

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct ContextFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

// libxml2 builds its tree through these SAX callbacks; they charge every element, attribute and
// non-blank text run to the budget first, and stop the parser at the limit, before the tree grows
// past it.
struct XmlBudget {
  util::Budget budget;
  std::optional<util::Error> error;
};

void charge_xml(xmlParserCtxtPtr ctxt, std::size_t nodes) {
  auto* state = static_cast<XmlBudget*>(ctxt->_private);
  if (state->error) return;
  auto ok = state->budget.charge(util::Limit::k_nodes, nodes,
                                 "line " + std::to_string(xmlSAX2GetLineNumber(ctxt)));
  if (!ok) {
    state->error = ok.error();
    xmlStopParser(ctxt);
  }
}

void counted_start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar* uri,
                   int nb_namespaces, const xmlChar** namespaces, int nb_attributes,
                   int nb_defaulted, const xmlChar** attributes) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  charge_xml(ctxt, 1 + static_cast<std::size_t>(nb_attributes));
  if (static_cast<XmlBudget*>(ctxt->_private)->error) return;
  xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces, namespaces, nb_attributes,
                        nb_defaulted, attributes);
}

void counted_text(void* ctx, const xmlChar* text, int length) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  bool blank = true;
  for (int i = 0; i < length && blank; ++i)
    blank = text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r';
  if (!blank) charge_xml(ctxt, 1);
  if (static_cast<XmlBudget*>(ctxt->_private)->error) return;
  xmlSAX2Characters(ctx, text, length);
}

void counted_cdata(void* ctx, const xmlChar* text, int length) {
  auto ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  charge_xml(ctxt, 1);
  if (static_cast<XmlBudget*>(ctxt->_private)->error) return;
  xmlSAX2CDataBlock(ctx, text, length);
}

util::Result<Document> read_xml(std::string_view text, std::string_view source,
                                const ReadOptions& options) {
  const std::string src(source);
  // Entity declarations are refused before libxml2 sees them: no billion laughs, no external
  // entities, whatever the parser's own defences.
  if (auto doctype = text.find("<!DOCTYPE"); doctype != std::string_view::npos) {
    auto entity = text.find("<!ENTITY", doctype);
    auto subset_end = text.find("]>", doctype);
    if (entity != std::string_view::npos &&
        (subset_end == std::string_view::npos || entity < subset_end)) {
      auto [line, column] = util::line_column_of_byte(text, entity + 1);
      return std::unexpected(
          invalid(src + ":" + std::to_string(line) + ":" + std::to_string(column) +
                  ": entity declarations are not allowed (line " + std::to_string(line) + ")"));
    }
  }
  std::unique_ptr<xmlParserCtxt, ContextFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return std::unexpected(util::Error{util::ErrorCode::k_internal, "out of memory"});
  XmlBudget budget{oscal_budget(options), std::nullopt};
  ctxt->_private = &budget;
  ctxt->sax->startElementNs = counted_start;
  ctxt->sax->characters = counted_text;
  ctxt->sax->cdataBlock = counted_cdata;
  const int parse_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), text.data(), static_cast<int>(text.size()), src.c_str(), nullptr, parse_options));
  if (budget.error) return std::unexpected(invalid(src + ": " + budget.error->message));
  if (!doc) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string message = e && e->message ? e->message : "not well-formed";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    if (message.find("Excessive depth") != std::string::npos)
      message = "elements nested deeper than 256 levels";
    int line = e ? e->line : 0;
    int column = e ? e->int2 : 0;
    return std::unexpected(invalid(src + ":" + std::to_string(line) + ":" + std::to_string(column) +
                                   ": malformed XML: " + message));
  }
  if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) {
    auto doctype = std::min(text.find("<!DOCTYPE"), text.size());
    auto line = util::line_column_of_byte(text, doctype + 1).first;
    return std::unexpected(invalid(src + ":" + std::to_string(line) +
                                   ": entity declarations are not allowed (line " +
                                   std::to_string(line) + ")"));
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root) return std::unexpected(invalid(src + ": no root element"));
  auto name = std::string(name_of(root));
  const auto* def = model::root(name);
  if (!def)
    return std::unexpected(invalid(src + ":" + std::to_string(xmlGetLineNo(root)) + ": <" + name +
                                   "> is not an OSCAL model (expected one of " + model_list() +
                                   ")"));
  if (!in_oscal_namespace(root))
    return std::unexpected(
        invalid(src + ":" + std::to_string(xmlGetLineNo(root)) + ": <" + name +
                "> must be in the OSCAL namespace " + k_namespace + " (found " +
                (root->ns && root->ns->href ? reinterpret_cast<const char*>(root->ns->href)
                                            : "no namespace") +
                ")"));
  auto where = "/" + name + "/metadata/oscal-version";
  auto version = xml_version(root);
  if (!version && !options.lenient_version)
    return std::unexpected(
        invalid(src + ": " + where + ": missing; an OSCAL document must state its oscal-version"));
  if (version)
    if (auto v = check_version(*version, src, where, options); !v)
      return std::unexpected(v.error());
  XmlReader reader(src);
  Json body;
  std::string path = "/" + name;
  if (!reader.assembly(root, *def, body, path, 0)) return std::unexpected(reader.error());
  Document result;
  result.model = name;
  result.format = Format::k_xml;
  result.source = src;
  result.root = Json::object();
  result.root[name] = std::move(body);
  return result;
}

// ---- writing XML -----------------------------------------------------------------------------

class XmlWriter {
 public:
  std::string take() { return std::move(m_out); }

  void root(const Json& body, const Definition& def, std::string_view name) {
    m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    assembly(body, def, name, 0, true, nullptr);
  }

 private:
  void indent(int level) { m_out.append(static_cast<std::size_t>(level) * 2, ' '); }

  void attributes(const Json& object, const Definition& def, const std::string* skip) {
    for (const auto& flag : def.flags()) {
      auto key = std::string(flag.name);
      if (skip && *skip == key) continue;
      auto it = object.find(key);
      if (it == object.end()) continue;
      m_out += ' ';
      m_out += flag.name;
      m_out += "=\"";
      markup::append_xml_attribute(scalar_text(*it), m_out);
      m_out += '"';
    }
  }

  void assembly(const Json& object, const Definition& def, std::string_view name, int level,
                bool is_root, const std::pair<std::string, std::string>* key_flag) {
    indent(level);
    m_out += '<';
    m_out += name;
    if (is_root) {
      m_out += " xmlns=\"";
      m_out += k_namespace;
      m_out += '"';
    }
    if (key_flag) {
      m_out += ' ' + key_flag->first + "=\"";
      markup::append_xml_attribute(key_flag->second, m_out);
      m_out += '"';
    }
    if (object.is_object()) attributes(object, def, key_flag ? &key_flag->first : nullptr);
    bool any = false;
    if (object.is_object()) {
      for (const auto& child : def.children()) {
        auto it = object.find(std::string(child.json_name));
        if (it == object.end()) continue;
        if (!any) m_out += ">\n";
        any = true;
        children(*it, child, level + 1);
      }
    }
    if (!any) {
      m_out += "/>\n";
      return;
    }
    indent(level);
    m_out += "</";
    m_out += name;
    m_out += ">\n";
  }

  void children(const Json& value, const Child& child, int level) {
    const auto& def = model::definition(child.definition);
    if (!child.wrapped && def.type == DataType::k_markup_multiline) {
      indent(level);
      markup::blocks_to_xml(scalar_text(value), m_out);
      m_out += '\n';
      return;
    }
    bool grouped = child.repeats() && child.in_xml == InXml::k_grouped;
    if (grouped) {
      indent(level);
      m_out += '<';
      m_out += child.json_name;
      m_out += ">\n";
    }
    int item_level = grouped ? level + 1 : level;
    auto one = [&](const Json& item, const std::pair<std::string, std::string>* key_flag) {
      if (def.kind == Kind::k_assembly) {
        assembly(item, def, child.xml_name, item_level, false, key_flag);
      } else {
        field(item, def, child.xml_name, item_level);
      }
    };
    if (child.repeats() && child.in_json == InJson::k_by_key && value.is_object()) {
      for (const auto& [key, item] : value.items()) {
        std::pair<std::string, std::string> flag{std::string(def.json_key), key};
        one(item, &flag);
      }
    } else if (child.repeats() && value.is_array()) {
      for (const auto& item : value) one(item, nullptr);
    } else {
      one(value, nullptr);
    }
    if (grouped) {
      indent(level);
      m_out += "</";
      m_out += child.json_name;
      m_out += ">\n";
    }
  }

  void field(const Json& value, const Definition& def, std::string_view name, int level) {
    indent(level);
    m_out += '<';
    m_out += name;
    Json content;
    if (def.flag_count > 0 && value.is_object()) {
      if (!def.json_value_key_flag.empty()) {
        for (const auto& [key, item] : value.items()) {
          if (def.flag(key)) continue;
          m_out += ' ';
          m_out += def.json_value_key_flag;
          m_out += "=\"";
          markup::append_xml_attribute(key, m_out);
          m_out += '"';
          content = item;
          break;
        }
      } else {
        auto it = value.find(std::string(def.value_key()));
        if (it != value.end()) content = *it;
      }
      attributes(value, def, nullptr);
    } else {
      content = value;
    }
    auto text = scalar_text(content);
    if (text.empty() && def.type != DataType::k_markup_multiline) {
      m_out += "/>\n";
      return;
    }
    m_out += '>';
    if (def.type == DataType::k_markup_line) {
      markup::inline_to_xml(text, m_out);
    } else if (def.type == DataType::k_markup_multiline) {
      markup::blocks_to_xml(text, m_out);
    } else {
      markup::append_xml_text(text, m_out);
    }
    m_out += "</";
    m_out += name;
    m_out += ">\n";
  }

  std::string m_out;
};

// ---- writing YAML ----------------------------------------------------------------------------

bool plain_is_safe(const std::string& s) {
  if (s.empty() || s.find('\n') != std::string::npos) return false;
  if (s.front() == ' ' || s.back() == ' ') return false;
  static const char* const k_special[] = {
      "true", "false", "yes", "no",   "on",   "off",   "null", "~",  "True", "False", "Yes",
      "No",   "On",    "Off", "Null", "TRUE", "FALSE", "YES",  "NO", "ON",   "OFF",   "NULL"};
  for (const char* w : k_special)
    if (s == w) return false;
  // Anything that could read as a number.
  char c = s.front();
  if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') return false;
  return true;
}

void emit_yaml(YAML::Emitter& out, const Json& value) {
  if (value.is_object()) {
    out << YAML::BeginMap;
    for (const auto& [key, item] : value.items()) {
      out << YAML::Key << key << YAML::Value;
      emit_yaml(out, item);
    }
    out << YAML::EndMap;
  } else if (value.is_array()) {
    out << YAML::BeginSeq;
    for (const auto& item : value) emit_yaml(out, item);
    out << YAML::EndSeq;
  } else if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (plain_is_safe(s)) {
      out << s;
    } else {
      out << YAML::DoubleQuoted << s;
    }
  } else if (value.is_boolean()) {
    out << (value.get<bool>() ? "true" : "false");
  } else if (value.is_null()) {
    out << YAML::Null;
  } else {
    out << value.dump();
  }
}

util::Error too_large(std::string_view source, std::uintmax_t bytes) {
  return invalid(std::string(source) + ": the document is " + std::to_string(bytes) +
                 " bytes; the limit is " + std::to_string(k_max_document_bytes / (1024 * 1024)) +
                 " MiB");
}

}  // namespace

std::string_view to_string(Format format) {
  switch (format) {
    case Format::k_json:
      return "json";
    case Format::k_xml:
      return "xml";
    case Format::k_yaml:
      return "yaml";
  }
  return "json";
}

std::optional<Format> parse_format(std::string_view text) {
  auto lower = util::to_lower(text);
  if (lower == "json") return Format::k_json;
  if (lower == "xml") return Format::k_xml;
  if (lower == "yaml" || lower == "yml") return Format::k_yaml;
  return std::nullopt;
}

std::optional<Format> format_from_path(const std::filesystem::path& path) {
  auto ext = path.extension().string();
  if (ext.empty()) return std::nullopt;
  return parse_format(ext.substr(1));
}

bool is_model(std::string_view root_name) {
  return model::root(root_name) != nullptr;
}

util::Result<Document> read(std::string_view text, Format format, std::string_view source) {
  return read(text, format, source, ReadOptions{});
}

util::Result<Document> read_file(const std::filesystem::path& path) {
  return read_file(path, ReadOptions{});
}

util::Result<Document> read(std::string_view text, Format format, std::string_view source,
                            const ReadOptions& options) {
  if (text.size() > k_max_document_bytes) return std::unexpected(too_large(source, text.size()));
  switch (format) {
    case Format::k_json:
      return read_json(text, source, options);
    case Format::k_yaml:
      return read_yaml(text, source, options);
    case Format::k_xml:
      return read_xml(text, source, options);
  }
  return std::unexpected(invalid("unknown format"));
}

util::Result<Document> read_file(const std::filesystem::path& path, const ReadOptions& options) {
  std::error_code ec;
  auto label = path.string();
  if (!std::filesystem::exists(path, ec))
    return std::unexpected(util::Error{util::ErrorCode::k_not_found, label + ": no such file"});
  if (std::filesystem::is_directory(path, ec))
    return std::unexpected(invalid(label + ": is a directory, not an OSCAL document"));
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > k_max_document_bytes) return std::unexpected(too_large(label, size));
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(util::Error{util::ErrorCode::k_io, label + ": cannot be read"});
  std::string text;
  text.resize(static_cast<std::size_t>(ec ? 0 : size));
  if (!ec) in.read(text.data(), static_cast<std::streamsize>(size));
  if (ec || in.gcount() != static_cast<std::streamsize>(size)) {
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  auto format = format_from_path(path);
  if (!format) {
    auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    char c = first == std::string::npos ? '\0' : text[first];
    format = c == '<' ? Format::k_xml : c == '{' ? Format::k_json : Format::k_yaml;
  }
  return read(text, *format, label, options);
}

std::string write(const Document& document, Format format) {
  switch (format) {
    case Format::k_json:
      return document.root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    case Format::k_xml: {
      XmlWriter writer;
      const auto* def = model::root(document.model);
      if (!def) return {};
      writer.root(document.body(), *def, document.model);
      return writer.take();
    }
    case Format::k_yaml: {
      YAML::Emitter out;
      out.SetIndent(2);
      emit_yaml(out, document.root);
      return std::string(out.c_str()) + "\n";
    }
  }
  return {};
}

}  // namespace cyberframe::oscal
