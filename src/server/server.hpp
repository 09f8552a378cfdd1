#pragma once
// The HTTP server: the JSON API under /api/v1, the web UI at /, /healthz and /metrics.
//
// The HTTP library (cpp-httplib) stays inside server.cpp: routes are plain functions from a
// Request to a Response over a Context (the catalog, one Store, the login throttle), so the
// library can be swapped and the tests call handle() without sockets. docs/api.md describes the
// API; docs/openapi.json is its OpenAPI 3.1 document.

#include <chrono>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.hpp"
#include "store/store.hpp"

namespace cyberframe::server {

struct Request {
  std::string method;
  std::string path;                            // without the query
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> params;   // from the route pattern
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote;  // the peer's address, for the login throttle

  // The header's value, or "" (`name` in lower case).
  const std::string& header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0: any free port
  std::size_t max_json_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 8u << 20;  // evidence files and imports
  int read_timeout_seconds = 10;
  std::size_t threads = 32;  // worker threads, each with its own workspace connection
  std::string tls_cert;      // PEM files; both set: HTTPS, and session cookies are Secure
  std::string tls_key;
  bool secure_cookies = false;    // set by serve() under TLS
  store::AuditFiles audit_files;  // the audit key and anchor (empty: beside the workspace)
};

// Refuses logins after too many failures: 5 failures of one account name, or 20 from one
// address, within 15 minutes. Shared by every thread of the server.
class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  // Seconds to wait before the next attempt, or 0 when one is allowed now.
  long retry_after(const std::string& name, const std::string& remote, Clock::time_point now);
  void failed(const std::string& name, const std::string& remote, Clock::time_point now);
  void succeeded(const std::string& name);

 private:
  std::mutex m_mutex;
  std::map<std::string, std::vector<Clock::time_point>> m_failures;  // key -> recent failures
};

class Cache;  // api.hpp: signed-in accounts and answers of reads, per workspace change

// What a request is answered with: the catalog, the workspace, the server's settings, and the
// cache the server's threads share (none in tests that do not ask for one).
struct Context {
  const core::Catalog& catalog;
  store::Store& store;
  const Options& options;
  LoginThrottle& throttle;
  Cache* cache = nullptr;
};

// Answers one request (the router, without sockets): what the tests call directly. Sets
// `route_pattern` (when given) to the pattern of the route that answered, for metrics and logs.
Response handle(Context& context, Request request, std::string* route_pattern = nullptr);

// "METHOD /path/{param}" of every route the router answers (for checking the OpenAPI document).
std::vector<std::string> route_list();

// The OpenAPI 3.1 document of the API.
const std::string& openapi_document();

// Serves the workspace at `db` until SIGTERM/SIGINT arrives. Prints "listening on
// http[s]://HOST:PORT" to `out` once the socket is bound, and one JSON line per request to `log`
// (where errors that stop the start go too, as "cyberframe: error: ...").
// Returns 0 after a clean shutdown, 3 when the address cannot be bound or the workspace or the TLS
// files cannot be opened.
int serve(const core::Catalog& catalog, const std::filesystem::path& db, const Options& options,
          std::ostream& out, std::ostream& log);

}  // namespace cyberframe::server
