#pragma once
// The built web UI, embedded in the binary (cmake/EmbedWeb.cmake packs web/'s build output into
// one blob). The server answers GET / and /assets/* from here; the UI routes with the URL's
// hash, so no other path needs index.html.

#include <optional>
#include <string_view>

namespace cyberframe::server {

struct WebAsset {
  std::string_view content_type;  // e.g. "text/javascript; charset=utf-8"
  std::string_view bytes;         // points into the binary; valid for the whole run
  bool immutable;                 // a content-hashed file under /assets/: cache it for good
};

// The built web UI file at `path` ("/" and "/index.html" give index.html); nullopt when there is
// none. Paths are matched exactly (no decoding, no "..", no query). Thread-safe.
std::optional<WebAsset> web_asset(std::string_view path);

// The Content-Type for a file name by its extension; "application/octet-stream" when unknown.
std::string_view content_type_for(std::string_view path);

}  // namespace cyberframe::server
