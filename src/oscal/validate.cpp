// validate(): the model's structure (required flags and fields, cardinalities, choices, unknown
// properties, datatypes with the Metaschema's lexical rules) and the references inside one
// document that no schema can check (unique ids and uuids, parameter insertions, "#..." links).

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "oscal/document.hpp"
#include "oscal/model.hpp"

namespace cyberframe::oscal {

namespace {

using model::Child;
using model::DataType;
using model::Definition;
using model::escape_pointer;
using model::InJson;
using model::Kind;

constexpr std::size_t k_max_problems = 1000;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Metaschema's string: no leading or trailing whitespace, not empty.
bool valid_string(std::string_view s) {
  return !s.empty() && !is_space(s.front()) && !is_space(s.back());
}

// token / NCName: a letter or '_' first, then letters, digits, '.', '-', '_'. Non-ASCII bytes
// count as letters (Unicode letters are allowed).
bool valid_token(std::string_view s) {
  if (s.empty()) return false;
  auto letter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  if (!letter(s.front())) return false;
  return std::all_of(s.begin() + 1, s.end(),
                     [&](char c) { return letter(c) || is_digit(c) || c == '.' || c == '-'; });
}

// OSCAL's uuid: version 4 or 5, RFC 4122 variant.
bool valid_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (!is_hex(s[i])) {
      return false;
    }
  }
  if (s[14] != '4' && s[14] != '5') return false;
  char variant = static_cast<char>(std::tolower(static_cast<unsigned char>(s[19])));
  return variant == '8' || variant == '9' || variant == 'a' || variant == 'b';
}

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (!is_digit(s[i])) return false;
  return true;
}

int number(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// YYYY-MM-DD with a real month and day; returns the length consumed or 0.
std::size_t date_part(std::string_view s) {
  if (!digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' ||
      !digits(s, 8, 2))
    return 0;
  int year = number(s, 0, 4), month = number(s, 5, 2), day = number(s, 8, 2);
  static constexpr int k_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > k_days[month - 1]) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return 0;
  return 10;
}

// Z or +hh:mm / -hh:mm; returns the length consumed or 0.
std::size_t zone_part(std::string_view s) {
  if (s.starts_with("Z")) return 1;
  if (s.size() >= 6 && (s[0] == '+' || s[0] == '-') && digits(s, 1, 2) && s[3] == ':' &&
      digits(s, 4, 2) && number(s, 1, 2) <= 14 && number(s, 4, 2) < 60)
    return 6;
  return 0;
}

bool valid_date(std::string_view s, bool zone_required) {
  auto n = date_part(s);
  if (!n) return false;
  auto rest = s.substr(n);
  if (rest.empty()) return !zone_required;
  return zone_part(rest) == rest.size();
}

bool valid_date_time(std::string_view s, bool zone_required) {
  auto n = date_part(s);
  if (!n || n >= s.size() || s[n] != 'T') return false;
  auto t = s.substr(n + 1);
  if (t.size() < 8 || !digits(t, 0, 2) || t[2] != ':' || !digits(t, 3, 2) || t[5] != ':' ||
      !digits(t, 6, 2))
    return false;
  if (number(t, 0, 2) > 23 || number(t, 3, 2) > 59 || number(t, 6, 2) > 60) return false;
  std::size_t i = 8;
  if (i < t.size() && t[i] == '.') {
    ++i;
    std::size_t start = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == start) return false;
  }
  auto rest = t.substr(i);
  if (rest.empty()) return !zone_required;
  return zone_part(rest) == rest.size();
}

// An absolute URI: scheme ":" something, no whitespace at the ends.
bool valid_uri(std::string_view s) {
  auto colon = s.find(':');
  if (colon == std::string_view::npos || colon < 2 || !valid_string(s)) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return true;
}

bool valid_base64(std::string_view s) {
  if (s.empty()) return false;
  std::size_t pad = 0;
  for (char c : s) {
    if (c == '=') {
      ++pad;
    } else if (pad || !(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/')) {
      return false;
    }
  }
  return pad <= 2;
}

std::string_view scalar_kind(const Json& v) {
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_number()) return "a number";
  if (v.is_null()) return "null";
  if (v.is_array()) return "an array";
  return "an object";
}

// Where a referential check found an identifier.
struct Site {
  std::string path;
};

class Validator {
 public:
  explicit Validator(std::string model) : m_model(std::move(model)) {}

  std::vector<Problem> run(const Json& body, const Definition& def) {
    std::string path = "/" + m_model;
    m_resolved = m_model == "catalog" && is_resolved_profile(body);
    assembly(body, def, path, 0);
    references();
    return std::move(m_problems);
  }

 private:
  void problem(const std::string& path, std::string message) {
    if (m_problems.size() < k_max_problems) m_problems.push_back({path, std::move(message)});
  }

  void assembly(const Json& value, const Definition& def, std::string& path, int depth) {
    if (!value.is_object()) {
      problem(path, "must be an object (" + std::string(def.name) + "), not " +
                        std::string(scalar_kind(value)));
      return;
    }
    if (depth > model::k_max_depth) {
      problem(path, "nested too deeply");
      return;
    }
    for (const auto& flag : def.flags()) {
      auto it = value.find(std::string(flag.name));
      if (it == value.end()) {
        if (flag.required)
          problem(path, "missing required " + std::string(flag.name) + " (" +
                            std::string(def.name) + ")");
        continue;
      }
      auto size = path.size();
      path += '/';
      path += flag.name;
      scalar(*it, flag.type, path);
      record(flag.name, flag.type, *it, path);
      path.resize(size);
    }
    // Choices: at most one alternative present, and one when the choice is required.
    std::map<int, std::pair<int, bool>> choices;  // choice -> (present, required)
    for (const auto& child : def.children()) {
      bool present = value.contains(std::string(child.json_name));
      if (child.choice) {
        auto& c = choices[child.choice];
        c.first += present ? 1 : 0;
        c.second = c.second || child.min_occurs > 0;
      } else if (!present && child.min_occurs > 0) {
        problem(path, "missing required " + std::string(child.json_name) + " (" +
                          std::string(def.name) + ")");
      }
    }
    for (const auto& [choice, state] : choices) {
      std::string names;
      for (const auto& child : def.children())
        if (child.choice == choice)
          names += (names.empty() ? "" : ", ") + std::string(child.json_name);
      if (state.first > 1) problem(path, "only one of " + names + " may be given");
      if (state.first == 0 && state.second) problem(path, "one of " + names + " is required");
    }
    for (const auto& [key, item] : value.items()) {
      if (def.flag(key)) continue;
      const auto* child = def.child_by_json(key);
      auto size = path.size();
      path += '/';
      path += escape_pointer(key);
      if (!child) {
        if (!def.any) problem(path, "unknown property '" + key + "' in " + std::string(def.name));
      } else {
        instance(item, *child, path, depth);
      }
      path.resize(size);
    }
  }

  void instance(const Json& value, const Child& child, std::string& path, int depth) {
    if (!child.repeats()) {
      item(value, child, path, depth);
      return;
    }
    if (child.in_json == InJson::k_by_key) {
      if (!value.is_object()) {
        problem(path, "must be an object keyed by " +
                          std::string(model::definition(child.definition).json_key));
        return;
      }
      for (const auto& [key, entry] : value.items()) {
        auto size = path.size();
        path += '/' + escape_pointer(key);
        item(entry, child, path, depth);
        path.resize(size);
      }
      return;
    }
    if (!value.is_array()) {
      if (child.in_json == InJson::k_singleton_or_array) {
        item(value, child, path, depth);
      } else {
        problem(path, "must be an array");
      }
      return;
    }
    if (value.empty()) problem(path, "must not be empty (leave it out instead)");
    if (value.size() < child.min_occurs)
      problem(path, "needs at least " + std::to_string(child.min_occurs) + " item(s)");
    if (child.max_occurs && value.size() > child.max_occurs)
      problem(path, "allows at most " + std::to_string(child.max_occurs) + " item(s)");
    std::size_t index = 0;
    for (const auto& entry : value) {
      auto size = path.size();
      path += '/' + std::to_string(index++);
      item(entry, child, path, depth);
      path.resize(size);
    }
  }

  void item(const Json& value, const Child& child, std::string& path, int depth) {
    const auto& def = model::definition(child.definition);
    if (def.kind == Kind::k_assembly) {
      assembly(value, def, path, depth + 1);
      return;
    }
    if (def.flag_count == 0) {
      scalar(value, def.type, path);
      markup(value, def.type, path);
      return;
    }
    if (!value.is_object()) {
      problem(path, "must be an object (" + std::string(def.name) + " has flags)");
      return;
    }
    bool has_value = false;
    for (const auto& [key, entry] : value.items()) {
      auto size = path.size();
      path += '/' + escape_pointer(key);
      const auto* flag = def.flag(key);
      if (flag && key != def.json_value_key_flag) {
        scalar(entry, flag->type, path);
        record(flag->name, flag->type, entry, path);
      } else if (key == def.value_key() || (!def.json_value_key_flag.empty() && !has_value)) {
        has_value = true;
        scalar(entry, def.type, path);
        markup(entry, def.type, path);
      } else {
        problem(path, "unknown property '" + key + "' in " + std::string(def.name));
      }
      path.resize(size);
    }
    for (const auto& flag : def.flags())
      if (flag.required && flag.name != def.json_value_key_flag &&
          !value.contains(std::string(flag.name)))
        problem(path,
                "missing required " + std::string(flag.name) + " (" + std::string(def.name) + ")");
    if (!has_value) {
      auto key = def.value_key();
      problem(path, "missing the value" +
                        (key.empty() ? std::string() : " '" + std::string(key) + "'") + " (" +
                        std::string(def.name) + ")");
    }
  }

  void scalar(const Json& value, DataType type, const std::string& path) {
    auto name = std::string(model::to_string(type));
    if (type == DataType::k_boolean) {
      if (!value.is_boolean())
        problem(path, "must be a boolean, not " + std::string(scalar_kind(value)));
      return;
    }
    if (type == DataType::k_decimal) {
      if (!value.is_number())
        problem(path, "must be a number, not " + std::string(scalar_kind(value)));
      return;
    }
    if (model::is_number(type)) {
      if (!value.is_number_integer()) {
        problem(path, "must be an integer (" + name + "), not " + std::string(scalar_kind(value)));
        return;
      }
      auto v = value.get<long long>();
      if (type == DataType::k_positive_integer && v < 1) problem(path, "must be 1 or more");
      if (type == DataType::k_non_negative_integer && v < 0) problem(path, "must be 0 or more");
      return;
    }
    if (!value.is_string()) {
      problem(path, "must be a string (" + name + "), not " + std::string(scalar_kind(value)));
      return;
    }
    const auto& s = value.get_ref<const std::string&>();
    bool ok = true;
    switch (type) {
      case DataType::k_markup_line:
      case DataType::k_markup_multiline:
        return;
      case DataType::k_token:
      case DataType::k_ncname:
        ok = valid_token(s);
        break;
      case DataType::k_uuid:
        ok = valid_uuid(s);
        break;
      case DataType::k_uri:
        ok = valid_uri(s);
        break;
      case DataType::k_date:
        ok = valid_date(s, false);
        break;
      case DataType::k_date_with_timezone:
        ok = valid_date(s, true);
        break;
      case DataType::k_date_time:
        ok = valid_date_time(s, false);
        break;
      case DataType::k_date_time_with_timezone:
        ok = valid_date_time(s, true);
        break;
      case DataType::k_email_address:
        ok = valid_string(s) && s.find('@') != std::string::npos && s.front() != '@' &&
             s.back() != '@';
        break;
      case DataType::k_base64:
        ok = valid_base64(s);
        break;
      default:
        ok = valid_string(s);
    }
    if (!ok) problem(path, "'" + s.substr(0, 80) + "' is not a valid " + name);
  }

  // Identifiers and references, for the checks after the walk.
  void record(std::string_view flag, DataType type, const Json& value, const std::string& path) {
    if (!value.is_string()) return;
    const auto& s = value.get_ref<const std::string&>();
    if (flag == "id" && type == DataType::k_token) {
      auto [it, fresh] = m_ids.emplace(s, path);
      if (!fresh) problem(path, "duplicate id '" + s + "' (first at " + it->second + ")");
      // A parameter: .../params/N/id
      if (auto at = path.rfind("/params/"); at != std::string::npos) {
        auto rest = std::string_view(path).substr(at + 8);
        auto slash = rest.find('/');
        if (slash != std::string_view::npos && rest.substr(slash) == "/id") m_params.insert(s);
      }
    } else if (flag == "uuid" && type == DataType::k_uuid) {
      auto [it, fresh] = m_uuids.emplace(s, path);
      if (!fresh) problem(path, "duplicate uuid " + s + " (first at " + it->second + ")");
    } else if (type == DataType::k_uri_reference && s.size() > 1 && s.front() == '#') {
      m_links.push_back({s.substr(1), path});
    }
  }

  // Parameter insertions and "#..." links in markup.
  void markup(const Json& value, DataType type, const std::string& path) {
    if (!model::is_markup(type) || !value.is_string()) return;
    const auto& s = value.get_ref<const std::string&>();
    for (auto at = s.find("{{"); at != std::string::npos; at = s.find("{{", at + 2)) {
      if (at > 0 && s[at - 1] == '\\') continue;
      auto end = s.find("}}", at);
      if (end == std::string::npos) break;
      auto inner = std::string_view(s).substr(at + 2, end - at - 2);
      auto colon = inner.find(':');
      auto comma = inner.find(',');
      if (colon == std::string_view::npos || comma == std::string_view::npos) continue;
      auto trim = [](std::string_view v) {
        while (!v.empty() && is_space(v.front())) v.remove_prefix(1);
        while (!v.empty() && is_space(v.back())) v.remove_suffix(1);
        return v;
      };
      auto kind = trim(inner.substr(colon + 1, comma - colon - 1));
      auto id = trim(inner.substr(comma + 1));
      if (kind == "param") m_inserts.push_back({std::string(id), path});
    }
    for (auto at = s.find("](#"); at != std::string::npos; at = s.find("](#", at + 3)) {
      auto end = s.find(')', at);
      if (end == std::string::npos) break;
      m_links.push_back({s.substr(at + 3, end - at - 3), path});
    }
  }

  void references() {
    // Parameter insertions can be checked where the parameters live: in a catalog.
    if (m_model == "catalog")
      for (const auto& [id, path] : m_inserts)
        if (!m_params.contains(id))
          problem(path, "inserts parameter '" + id + "', which this catalog does not define");
    // Profile resolution keeps the links of a control to controls it did not select (NIST's
    // resolved baselines link to #pm-9 ...): in a resolved catalog they are not problems.
    if (m_resolved) return;
    for (const auto& [fragment, path] : m_links)
      if (!m_ids.contains(fragment) && !m_uuids.contains(fragment))
        problem(path, "links to #" + fragment + ", which is no id or uuid in this document");
  }

  // A catalog produced by profile resolution says so in its metadata: a link rel="source-profile"
  // (NIST's resolved baselines) or rel="resolution-source" (NIST's resolution tests, and
  // `oscal resolve`), or a prop resolution-tool / source-profile-uuid.
  static bool is_resolved_profile(const Json& body) {
    if (!body.is_object() || !body.contains("metadata") || !body["metadata"].is_object())
      return false;
    const auto& metadata = body["metadata"];
    if (auto links = metadata.find("links"); links != metadata.end() && links->is_array())
      for (const auto& link : *links)
        if (link.is_object() && (link.value("rel", "") == "source-profile" ||
                                 link.value("rel", "") == "resolution-source"))
          return true;
    if (auto props = metadata.find("props"); props != metadata.end() && props->is_array())
      for (const auto& prop : *props)
        if (prop.is_object() && (prop.value("name", "") == "resolution-tool" ||
                                 prop.value("name", "") == "source-profile-uuid"))
          return true;
    return false;
  }

  std::string m_model;
  bool m_resolved = false;
  std::vector<Problem> m_problems;
  std::unordered_map<std::string, std::string> m_ids;
  std::unordered_map<std::string, std::string> m_uuids;
  std::set<std::string> m_params;
  std::vector<std::pair<std::string, std::string>> m_inserts;
  std::vector<std::pair<std::string, std::string>> m_links;
};

}  // namespace

std::vector<Problem> validate(const Document& document) {
  const auto* def = model::root(document.model);
  if (!def) return {{"/", "'" + document.model + "' is not an OSCAL model"}};
  if (!document.root.is_object() || !document.root.contains(document.model))
    return {{"/", "the document has no " + document.model}};
  Validator validator(document.model);
  return validator.run(document.body(), *def);
}

}  // namespace cyberframe::oscal
