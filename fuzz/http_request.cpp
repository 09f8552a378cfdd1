// Fuzz target: the HTTP layer's request parsing (server::http::parse_request: Beast's parser with
// the layer's own checks of the head, target decoding and body limits), over one buffer of
// pipelined requests. The first byte picks the body limit a route would give (none, 16 KiB, 1 MiB).
// seeds: 00@fuzz/seeds/http_request/* 01@fuzz/seeds/http_request/* 02@fuzz/seeds/http_request/*

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "server/http.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cyberframe::server;
  if (size == 0) return 0;
  static const std::size_t k_limits[] = {0, 16 * 1024, 1 << 20};
  auto limit = k_limits[data[0] % 3];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  http::Limits limits;
  for (int i = 0; i < 16 && !bytes.empty(); ++i) {
    auto parsed = http::parse_request(bytes, limits, limit);
    if (!parsed.request) break;  // refused, or the bytes end before the request
    // A request that was accepted is whole: its body within the limit, its path decoded.
    if (parsed.request->body.size() > limit) __builtin_trap();
    if (parsed.consumed == 0 || parsed.consumed > bytes.size()) __builtin_trap();
    bytes.remove_prefix(parsed.consumed);
  }
  return 0;
}
