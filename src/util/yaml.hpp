#pragma once
// YAML helpers that know nothing of the product.

#include <optional>
#include <string_view>

namespace cyberframe::util {

struct TextPosition {
  int line = 0;    // 1-based
  int column = 0;  // 1-based
};

// Where the first YAML alias (`*name`) of `text` is, or nullopt. Files from users may not use
// aliases: a few of them can stand for an exponential tree ("billion laughs"). Syntax errors are
// not reported here (the caller's parser reports them).
std::optional<TextPosition> find_yaml_alias(std::string_view text);

}  // namespace cyberframe::util
