#include "server/web_assets.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>

// The blob written by scripts/pack-web-assets, pulled in by the generated web_assets_blob.cpp.
extern "C" const char cf_web_blob[];
extern "C" const char cf_web_blob_end[];

namespace cyberframe::server {

namespace {

using Files = std::map<std::string_view, std::string_view, std::less<>>;

// Reads `n` bytes at `at` as a view, or nothing when the blob ends first.
std::optional<std::string_view> take(std::string_view blob, std::size_t& at, std::size_t n) {
  if (n > blob.size() - at) return std::nullopt;
  auto v = blob.substr(at, n);
  at += n;
  return v;
}

std::optional<std::uint32_t> take_u32(std::string_view blob, std::size_t& at) {
  auto b = take(blob, at, 4);
  if (!b) return std::nullopt;
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>((*b)[i]);
  return v;
}

// The blob's files by path. The blob is written by the build, so a malformed one is a build bug:
// it gives no files (the unit test catches it) rather than reading out of bounds.
Files parse(std::string_view blob) {
  Files files;
  std::size_t at = 0;
  auto magic = take(blob, at, 8);
  auto count = take_u32(blob, at);
  if (!magic || *magic != "CFWEB001" || !count) return {};
  for (std::uint32_t i = 0; i < *count; ++i) {
    auto path_size = take_u32(blob, at);
    auto path = path_size ? take(blob, at, *path_size) : std::nullopt;
    auto size = path ? take_u32(blob, at) : std::nullopt;
    auto content = size ? take(blob, at, *size) : std::nullopt;
    if (!content) return {};
    files.emplace(*path, *content);
  }
  return files;
}

const Files& files() {
  static const Files k_files =
      parse(std::string_view(cf_web_blob, static_cast<std::size_t>(cf_web_blob_end - cf_web_blob)));
  return k_files;
}

}  // namespace

std::string_view content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> k_types{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  }};
  auto slash = path.rfind('/');
  auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  auto dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    auto ext = name.substr(dot);
    for (const auto& [e, type] : k_types) {
      if (e.size() == ext.size() && std::equal(e.begin(), e.end(), ext.begin(), [](char a, char b) {
            return a == (b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : b);
          }))
        return type;
    }
  }
  return "application/octet-stream";
}

std::optional<WebAsset> web_asset(std::string_view path) {
  if (path.empty() || path == "/") path = "/index.html";
  const auto& all = files();
  auto it = all.find(path);
  if (it == all.end()) return std::nullopt;
  return WebAsset{content_type_for(path), it->second, path.starts_with("/assets/")};
}

}  // namespace cyberframe::server
