#include <yaml-cpp/yaml.h>

#include <set>

#include "exchange/profile_table.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::exchange {

namespace {

std::string at(const YAML::Node& n) {
  return "line " + std::to_string(n.Mark().line + 1);
}

bool is_text(const YAML::Node& n) {
  return n.IsDefined() && n.IsScalar();
}

}  // namespace

util::Result<core::Scale> parse_scale_yaml(std::string_view text) {
  using util::ErrorCode;
  if (util::find_invalid_utf8(text) != std::string_view::npos)
    return util::fail(ErrorCode::k_invalid_input, "not UTF-8 text");
  if (auto alias = util::find_yaml_alias(text))
    return util::fail(ErrorCode::k_invalid_input,
                      "line " + std::to_string(alias->line) +
                          ": YAML aliases ('*name') are not allowed in a scale file");
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return util::fail(ErrorCode::k_invalid_input,
                      "line " + std::to_string(e.mark.line + 1) + ": YAML syntax error: " + e.msg);
  }
  if (!root.IsMap())
    return util::fail(ErrorCode::k_invalid_input, "expected a mapping with id, name and levels");
  static const std::set<std::string> k_keys{"id", "name", "levels"};
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (!k_keys.contains(it->first.as<std::string>()))
      return util::fail(ErrorCode::k_invalid_input, at(it->first) + ": unknown key '" +
                                                        it->first.as<std::string>() +
                                                        "' (expected id, name, levels)");
  }
  core::Scale s;
  if (!is_text(root["id"]) || !is_text(root["name"]))
    return util::fail(ErrorCode::k_invalid_input, "'id' and 'name' are required text");
  s.id = util::trim(root["id"].Scalar());
  s.name = util::trim(root["name"].Scalar());
  auto levels = root["levels"];
  if (!levels.IsDefined() || !levels.IsSequence())
    return util::fail(ErrorCode::k_invalid_input, "'levels' must be a list");
  for (const auto& l : levels) {
    if (!l.IsMap() || !is_text(l["value"]) || !is_text(l["name"]))
      return util::fail(ErrorCode::k_invalid_input,
                        at(l) + ": a level needs 'value' (a whole number) and 'name'");
    core::ScaleLevel level;
    const auto& v = l["value"].Scalar();
    std::size_t used = 0;
    try {
      level.value = std::stoi(v, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != v.size())
      return util::fail(ErrorCode::k_invalid_input,
                        at(l["value"]) + ": level value '" + v + "' is not a whole number");
    level.name = util::trim(l["name"].Scalar());
    if (is_text(l["meaning"])) level.meaning = util::trim(l["meaning"].Scalar());
    s.levels.push_back(std::move(level));
  }
  if (auto v = core::validate(s); !v) return std::unexpected(v.error());
  return s;
}

}  // namespace cyberframe::exchange
