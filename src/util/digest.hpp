#pragma once
// Digests of bytes.

#include <string>
#include <string_view>

namespace cyberframe::util {

// SHA-256 of `bytes` as 64 lower-case hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace cyberframe::util
