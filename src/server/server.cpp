#include "server/server.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <mutex>
#include <ostream>
#include <regex>
#include <thread>

#include "catalog/builtin.hpp"
#include "catalog/writer.hpp"
#include "core/lookup.hpp"
#include "store/store.hpp"

namespace cyberframe::server {

using nlohmann::json;

namespace {

Response problem(int status, const std::string& title, const std::string& detail) {
  json body{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  return Response{status, "application/problem+json", body.dump()};
}

Response ok(const json& body) {
  return Response{200, "application/json", body.dump()};
}

// A non-negative integer query parameter, or the default; nullopt when malformed.
std::optional<std::size_t> count_param(const Request& r, const std::string& name,
                                       std::size_t fallback, std::size_t max) {
  auto it = r.query.find(name);
  if (it == r.query.end()) return fallback;
  const auto& v = it->second;
  if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  auto n = static_cast<std::size_t>(std::stoul(v));
  return n > max ? std::nullopt : std::optional<std::size_t>(n);
}

json page(const json& items, std::size_t total, std::size_t offset, std::size_t limit) {
  return json{{"items", items}, {"total", total}, {"offset", offset}, {"limit", limit}};
}

Response list_frameworks(const core::Catalog& cat, const Request& r) {
  auto limit = count_param(r, "limit", 50, 500);
  auto offset = count_param(r, "offset", 0, 1000000);
  if (!limit || !offset)
    return problem(400, "Bad query parameter",
                   "limit must be a whole number from 0 to 500 and offset 0 or more");
  auto sort = r.query.contains("sort") ? r.query.at("sort") : "id";
  if (sort != "id" && sort != "title")
    return problem(400, "Bad query parameter", "sort must be id or title");
  std::vector<const core::Framework*> all;
  for (const auto& [id, fw] : cat.frameworks()) all.push_back(&fw);
  if (sort == "title")
    std::stable_sort(all.begin(), all.end(), [](auto* a, auto* b) { return a->title < b->title; });
  json items = json::array();
  for (std::size_t i = *offset; i < all.size() && i < *offset + *limit; ++i) {
    const auto& fw = *all[i];
    std::map<std::string, int> counts;
    for (const auto* n : cat.nodes_in_order(fw.id))
      ++counts[std::string(core::to_string(n->level))];
    items.push_back(
        json{{"id", fw.id},
             {"title", fw.title},
             {"method", std::string(core::to_string(fw.provenance.method))},
             {"counts", counts},
             {"derived_from", fw.derivation ? json(fw.derivation->from) : json(nullptr)}});
  }
  return ok(page(items, all.size(), *offset, *limit));
}

Response get_framework(const core::Catalog& cat, const Request& r) {
  const auto* fw = cat.framework(r.params.at("id"));
  if (fw == nullptr)
    return problem(
        404, "No such framework",
        "there is no framework '" + r.params.at("id") + "'; GET /api/v1/frameworks lists them");
  return ok(catalog::framework_to_json(cat, *fw));
}

Response get_node(const core::Catalog& cat, const Request& r) {
  const auto& id = r.params.at("id");
  const auto* fw = cat.framework(id);
  if (fw == nullptr)
    return problem(404, "No such framework",
                   "there is no framework '" + id + "'; GET /api/v1/frameworks lists them");
  const auto* node = cat.node(id, r.params.at("node"));
  if (node == nullptr)
    return problem(404, "No such node",
                   "framework " + id + " has no node '" + r.params.at("node") + "'");
  auto body = catalog::node_to_json(cat, *node, false);
  const auto* parent = cat.parent(id, node->id);
  body["framework"] = id;
  body["parent"] = parent ? json(parent->id) : json(nullptr);
  json children = json::array();
  for (const auto& c : node->children) children.push_back(c.id);
  body["children"] = children;
  return ok(body);
}

Response references(const core::Catalog& cat, const Request& r) {
  auto it = r.query.find("standard");
  if (it == r.query.end() || it->second.empty())
    return problem(
        400, "Missing query parameter",
        "give standard (a designation such as ISO/IEC 27002:2022, or an id) and optionally clause");
  const auto* s = cat.find_standard(it->second);
  if (s == nullptr)
    return problem(404, "No such standard", "the catalog has no standard '" + it->second + "'");
  std::string clause = r.query.contains("clause") ? r.query.at("clause") : "";
  if (!clause.empty() && s->has_clause_list && s->find_clause(clause) == nullptr)
    return problem(404, "No such clause", s->designation + " has no clause '" + clause + "'");
  json items = json::array();
  for (const auto& c : core::find_citations(cat, *s, clause)) {
    items.push_back(json{{"framework", c.framework->id},
                         {"node", c.node->id},
                         {"level", std::string(core::to_string(c.node->level))},
                         {"cites", catalog::reference_to_json(cat, c.reference)},
                         {"match", std::string(core::to_string(c.match))},
                         {"via", c.via}});
  }
  return ok(json{{"standard", s->designation},
                 {"clause", clause.empty() ? json(nullptr) : json(clause)},
                 {"citations", items}});
}

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/frameworks/{id}"
  std::regex regex;
  std::vector<std::string> names;
  std::function<Response(const core::Catalog&, const Request&)> handler;
};

std::vector<Route> make_routes() {
  std::vector<Route> routes;
  auto add = [&](std::string method, std::string pattern, auto handler) {
    std::string re = "^";
    std::vector<std::string> names;
    for (std::size_t i = 0; i < pattern.size();) {
      if (pattern[i] == '{') {
        auto end = pattern.find('}', i);
        names.push_back(pattern.substr(i + 1, end - i - 1));
        re += "([^/]+)";
        i = end + 1;
      } else {
        if (std::string(".+*?()[]^$|\\").find(pattern[i]) != std::string::npos) re += '\\';
        re += pattern[i++];
      }
    }
    re += "$";
    routes.push_back(Route{std::move(method), pattern, std::regex(re), std::move(names), handler});
  };
  add("GET", "/healthz", [](const core::Catalog&, const Request&) {
    return ok(json{{"status", "ok"}});
  });
  add("GET", "/api/v1/openapi.json", [](const core::Catalog&, const Request&) {
    return Response{200, "application/json", openapi_document()};
  });
  add("GET", "/api/v1/frameworks", list_frameworks);
  add("GET", "/api/v1/frameworks/{id}", get_framework);
  add("GET", "/api/v1/frameworks/{id}/nodes/{node}", get_node);
  add("GET", "/api/v1/references", references);
  return routes;
}

const std::vector<Route>& routes() {
  static const std::vector<Route> k_routes = make_routes();
  return k_routes;
}

// Metrics: requests by route pattern and status, and their total duration.
struct Metrics {
  std::mutex mutex;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests;
  std::map<std::string, double> seconds;
};

Metrics& metrics() {
  static Metrics m;
  return m;
}

std::string render_metrics(const core::Catalog& cat) {
  auto& m = metrics();
  std::lock_guard lock(m.mutex);
  std::string out =
      "# HELP cyberframe_http_requests_total HTTP requests by method, route and status.\n"
      "# TYPE cyberframe_http_requests_total counter\n";
  for (const auto& [key, n] : m.requests) {
    const auto& [method, route, status] = key;
    out += "cyberframe_http_requests_total{method=\"" + method + "\",route=\"" + route +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
  }
  out +=
      "# HELP cyberframe_http_request_seconds_total Time spent answering requests, by route.\n"
      "# TYPE cyberframe_http_request_seconds_total counter\n";
  for (const auto& [route, s] : m.seconds)
    out += "cyberframe_http_request_seconds_total{route=\"" + route + "\"} " + std::to_string(s) +
           "\n";
  out +=
      "# HELP cyberframe_catalog_frameworks Frameworks in the loaded catalog.\n"
      "# TYPE cyberframe_catalog_frameworks gauge\n"
      "cyberframe_catalog_frameworks " +
      std::to_string(cat.frameworks().size()) + "\n";
  return out;
}

std::atomic<bool> g_signalled{false};
extern "C" void on_signal(int) {
  g_signalled = true;
}

}  // namespace

const std::string& openapi_document() {
  static const std::string k_doc(catalog::embedded_resource("docs/openapi.json"));
  return k_doc;
}

std::vector<std::string> route_list() {
  std::vector<std::string> out{"GET /metrics"};
  for (const auto& r : routes()) out.push_back(r.method + " " + r.pattern);
  return out;
}

Response handle(const core::Catalog& catalog, const Request& request) {
  if (request.path == "/metrics") {
    if (request.method != "GET")
      return problem(405, "Method not allowed", "/metrics answers GET only");
    return Response{200, "text/plain; version=0.0.4", render_metrics(catalog)};
  }
  bool path_known = false;
  for (const auto& route : routes()) {
    std::smatch m;
    if (!std::regex_match(request.path, m, route.regex)) continue;
    path_known = true;
    if (route.method != request.method) continue;
    Request r = request;
    for (std::size_t i = 0; i < route.names.size(); ++i) r.params[route.names[i]] = m[i + 1].str();
    try {
      return route.handler(catalog, r);
    } catch (const std::exception&) {
      return problem(500, "Internal error", "the server could not answer; the request was logged");
    }
  }
  if (path_known)
    return problem(405, "Method not allowed",
                   request.method + " is not allowed on " + request.path);
  return problem(404, "Not found",
                 "no resource at " + request.path + "; GET /api/v1/openapi.json describes the API");
}

int serve(const core::Catalog& catalog, const Options& options, std::ostream& out,
          std::ostream& log) {
  httplib::Server server;
  server.set_payload_max_length(options.max_body_bytes);
  server.set_read_timeout(options.read_timeout_seconds, 0);
  server.set_write_timeout(options.read_timeout_seconds, 0);
  std::mutex log_mutex;
  auto answer = [&](const httplib::Request& req, httplib::Response& res) {
    auto start = std::chrono::steady_clock::now();
    Request r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query[k] = v;
    auto response = handle(catalog, r);
    res.status = response.status;
    res.set_content(response.body, response.content_type.c_str());
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Cache-Control", "no-store");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string route = "unmatched";
    if (r.path == "/metrics") route = "/metrics";
    for (const auto& rt : routes()) {
      if (std::regex_match(r.path, rt.regex)) route = rt.pattern;
    }
    {
      auto& m = metrics();
      std::lock_guard lock(m.mutex);
      ++m.requests[{r.method, route, response.status}];
      m.seconds[route] += seconds;
    }
    json line{{"at", store::now_utc()},    {"method", r.method},     {"path", r.path},
              {"status", response.status}, {"ms", seconds * 1000.0}, {"remote", req.remote_addr}};
    std::lock_guard lock(log_mutex);
    log << line.dump() << '\n' << std::flush;
  };
  server.Get(".*", answer);
  server.Post(".*", answer);
  server.Put(".*", answer);
  server.Patch(".*", answer);
  server.Delete(".*", answer);
  // Errors the HTTP library answers itself (a body too large, a malformed request) get a
  // problem+json body too.
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    Response p =
        res.status == 413
            ? problem(413, "Request too large",
                      "the request body is larger than the server accepts (1 MiB)")
            : problem(res.status, "Bad request",
                      "the request could not be read as HTTP (a body needs a Content-Length)");
    res.set_content(p.body, p.content_type.c_str());
  });
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
  } else if (!server.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    out << "cyberframe: error: cannot listen on " << options.host << ':' << options.port << '\n';
    return 3;
  }
  out << "listening on http://" << options.host << ':' << port << '\n' << std::flush;
  g_signalled = false;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::thread watcher([&] {
    while (!g_signalled) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server.stop();
  });
  server.listen_after_bind();
  g_signalled = true;
  watcher.join();
  out << "stopped\n" << std::flush;
  return 0;
}

}  // namespace cyberframe::server
