#pragma once
// The HTTP server: the JSON API under /api/v1, /healthz and /metrics.
//
// This first slice serves the catalog (read-only reference data: frameworks, nodes, reverse
// look-up) with the API's conventions: application/problem+json errors, pagination, request size
// and time limits, a structured access log, graceful shutdown. Accounts, roles, the workspace
// endpoints and the web UI come with the rest of the server (see docs/api.md).
//
// The HTTP library (cpp-httplib) stays inside server.cpp: routes are plain functions from a
// Request to a Response, so the library can be swapped.

#include <atomic>
#include <functional>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::server {

struct Request {
  std::string method;
  std::string path;                           // without the query
  std::map<std::string, std::string> query;   // decoded
  std::map<std::string, std::string> params;  // from the route pattern
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  std::size_t max_body_bytes = 1 << 20;
  int read_timeout_seconds = 10;
};

// Answers one request (the router, without sockets): what the tests call directly.
Response handle(const core::Catalog& catalog, const Request& request);

// "METHOD /path/{param}" of every route the router answers (for checking the OpenAPI document).
std::vector<std::string> route_list();

// The OpenAPI 3.1 document of the API.
const std::string& openapi_document();

// Serves until `stop` becomes true (checked a few times a second) or SIGTERM/SIGINT arrives.
// Prints "listening on http://HOST:PORT" to `out` once the socket is bound, and one JSON line per
// request to `log`. Returns 0 after a clean shutdown, 3 when the address cannot be bound.
int serve(const core::Catalog& catalog, const Options& options, std::ostream& out,
          std::ostream& log);

}  // namespace cyberframe::server
