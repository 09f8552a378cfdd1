#include <set>

#include "exchange/profile_table.hpp"
#include "util/text.hpp"
#include "util/yaml.hpp"

namespace cyberframe::exchange {

namespace {

using util::YamlNode;

// A scale has a handful of levels: these limits are far above any real scale file.
constexpr util::ParseLimits k_scale_limits{
    .bytes = 1u << 20, .nodes = 10000, .depth = 16, .item_bytes = 64u << 10};

std::string at(const YamlNode& n) {
  return "line " + std::to_string(n.position().line);
}

bool is_text(const YamlNode& n) {
  return n.is_scalar();
}

}  // namespace

util::Result<core::Scale> parse_scale_yaml(std::string_view text) {
  using util::ErrorCode;
  if (text.size() > k_scale_limits.bytes)
    return util::fail(ErrorCode::k_invalid_input, "the file is " + std::to_string(text.size()) +
                                                      " bytes; a scale file may hold at most " +
                                                      util::with_separators(k_scale_limits.bytes) +
                                                      " bytes");
  if (util::find_invalid_utf8(text) != std::string_view::npos)
    return util::fail(ErrorCode::k_invalid_input, "not UTF-8 text");
  util::Budget budget(k_scale_limits, "a scale file");
  auto docs = util::read_yaml(text, budget);
  if (!docs) {
    const auto& e = docs.error();
    if (e.kind == util::YamlError::Kind::k_alias)
      return util::fail(ErrorCode::k_invalid_input,
                        "line " + std::to_string(e.position.line) +
                            ": YAML aliases ('*name') are not allowed in a scale file");
    return util::fail(
        ErrorCode::k_invalid_input,
        "line " + std::to_string(e.position.line) +
            (e.kind == util::YamlError::Kind::k_syntax ? ": YAML syntax error: " : ": ") +
            e.message);
  }
  if (docs->empty() || !(*docs)[0].is_map())
    return util::fail(ErrorCode::k_invalid_input, "expected a mapping with id, name and levels");
  const YamlNode& root = (*docs)[0];
  static const std::set<std::string> k_keys{"id", "name", "levels"};
  for (const auto& [key, value] : root.entries()) {
    if (!k_keys.contains(key.scalar()))
      return util::fail(ErrorCode::k_invalid_input, at(key) + ": unknown key '" + key.scalar() +
                                                        "' (expected id, name, levels)");
  }
  core::Scale s;
  if (!is_text(root["id"]) || !is_text(root["name"]))
    return util::fail(ErrorCode::k_invalid_input, "'id' and 'name' are required text");
  s.id = util::trim(root["id"].scalar());
  s.name = util::trim(root["name"].scalar());
  const auto& levels = root["levels"];
  if (!levels.is_sequence())
    return util::fail(ErrorCode::k_invalid_input, "'levels' must be a list");
  for (const auto& l : levels) {
    if (!l.is_map() || !is_text(l["value"]) || !is_text(l["name"]))
      return util::fail(ErrorCode::k_invalid_input,
                        at(l) + ": a level needs 'value' (a whole number) and 'name'");
    core::ScaleLevel level;
    const auto& v = l["value"].scalar();
    std::size_t used = 0;
    try {
      level.value = std::stoi(v, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != v.size())
      return util::fail(ErrorCode::k_invalid_input,
                        at(l["value"]) + ": level value '" + v + "' is not a whole number");
    level.name = util::trim(l["name"].scalar());
    if (is_text(l["meaning"])) level.meaning = util::trim(l["meaning"].scalar());
    s.levels.push_back(std::move(level));
  }
  if (auto v = core::validate(s); !v) return std::unexpected(v.error());
  return s;
}

}  // namespace cyberframe::exchange
