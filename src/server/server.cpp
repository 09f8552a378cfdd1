#include "server/server.hpp"

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "catalog/builtin.hpp"
#include "server/api.hpp"
#include "server/web_assets.hpp"

namespace cyberframe::server {

namespace {

const Routes& routes() {
  static const Routes k_routes = [] {
    Routes r;
    r.add("GET", "/healthz", Access::k_public, [](Call&) { return ok(json{{"status", "ok"}}); });
    r.add("GET", "/api/v1/openapi.json", Access::k_public, [](Call&) {
      return Response{200, "application/json", openapi_document(), {}};
    });
    add_auth_routes(r);
    add_catalog_routes(r);
    add_workspace_routes(r);
    add_crosswalk_routes(r);
    add_oscal_routes(r);
    return r;
  }();
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

bool changes_state(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

// The web UI: a GET of a path outside /api/ answers with the built file ("/" is index.html; the
// UI routes with the URL's #fragment, so no other path needs index.html).
std::optional<Response> web(const Request& request) {
  if (request.method != "GET" || request.path.starts_with("/api/")) return std::nullopt;
  auto asset = web_asset(request.path);
  if (!asset) return std::nullopt;
  Response r{200, std::string(asset->content_type), std::string(asset->bytes), {}};
  r.headers.emplace_back("Cache-Control",
                         asset->immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
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
  for (const auto& r : routes().all()) out.push_back(r.method + " " + r.pattern);
  return out;
}

Response handle(Context& context, Request request, std::string* route_pattern) {
  if (request.path == "/metrics") {
    if (request.method != "GET")
      return problem(405, "Method not allowed", "/metrics answers GET only");
    return Response{200, "text/plain; version=0.0.4", render_metrics(context.catalog), {}};
  }
  bool path_known = false;
  for (const auto& route : routes().all()) {
    if (!route.matches(request.path, nullptr)) continue;
    path_known = true;
    if (route.method != request.method) continue;
    if (route_pattern) *route_pattern = route.pattern;
    Request& r = request;
    route.matches(r.path, &r.params);
    Call call{context, r, std::nullopt, {}};
    bool cached = false;
    if (context.cache && route.access == Access::k_user) {
      // Everything cached belongs to the workspace as it is now: after a write of this process
      // the change counter is read again at once, after other processes' within 2 ms.
      auto now = std::chrono::steady_clock::now();
      std::uint64_t writes = 0;
      if (!context.cache->needs_check(now, writes)) {
        cached = true;
      } else if (auto generation = context.store.change_counter()) {
        context.cache->at(*generation, writes, now);
        cached = true;
      }
    }
    if (route.access == Access::k_user) {
      call.principal = authenticate(context, r);
      if (!call.principal)
        return problem(401, "Not signed in",
                       "sign in first (POST /api/v1/session), or send an API token as "
                       "Authorization: Bearer; a session ends after 12 idle hours");
      if (changes_state(r.method) && !csrf_matches(*call.principal, r))
        return problem(403, "CSRF token missing or wrong",
                       "send the X-CSRF-Token header with the csrf_token of GET /api/v1/session");
      context.store.set_actor(call.principal->user.name);
    }
    // Reads are answered again from the cache while the workspace has not changed; not the
    // session (it carries the session's CSRF token) nor the tokens (their last use).
    std::string key;
    // Nor a conditional GET: the handler answers If-None-Match with 304, the cache would not.
    if (cached && r.method == "GET" && route.pattern != "/api/v1/session" &&
        route.pattern != "/api/v1/tokens" && r.header("if-none-match").empty()) {
      key = std::to_string(call.principal->user.id) + " " + r.path;
      for (const auto& [k, v] : r.query) key += "\n" + k + "=" + v;
      if (auto hit = context.cache->answer(key)) return *hit;
    }
    try {
      auto response = route.handler(call);
      if (context.cache && changes_state(r.method)) context.cache->wrote();
      if (!key.empty() && response.status == 200) context.cache->remember(key, response);
      for (auto& h : call.extra_headers) response.headers.push_back(std::move(h));
      return response;
    } catch (const std::exception&) {
      if (context.cache && changes_state(r.method)) context.cache->wrote();
      return problem(500, "Internal error", "the server could not answer; the request was logged");
    }
  }
  if (path_known)
    return problem(405, "Method not allowed",
                   request.method + " is not allowed on " + request.path);
  if (auto w = web(request)) return *w;
  return problem(404, "Not found",
                 "no resource at " + request.path + "; GET /api/v1/openapi.json describes the API");
}

int serve(const core::Catalog& catalog, const std::filesystem::path& db, const Options& options,
          std::ostream& out, std::ostream& log) {
  // Opened once here, so that migrations run before any request and a bad file stops the start.
  {
    auto check = store::open_sqlite(db, options.audit_files);
    if (!check) {
      log << "cyberframe: error: " << check.error().message << '\n';
      return 3;
    }
    // Without the audit key nobody could even sign in (signing in is recorded).
    if (auto ready = (*check)->can_record(); !ready) {
      log << "cyberframe: error: " << ready.error().message << '\n';
      return 3;
    }
  }
  Options opts = options;
  std::unique_ptr<httplib::Server> server;
  if (!opts.tls_cert.empty() || !opts.tls_key.empty()) {
    if (opts.tls_cert.empty() || opts.tls_key.empty() || !std::ifstream(opts.tls_cert) ||
        !std::ifstream(opts.tls_key)) {
      log << "cyberframe: error: give both --tls-cert and --tls-key as readable PEM files\n";
      return 3;
    }
    auto tls = std::make_unique<httplib::SSLServer>(opts.tls_cert.c_str(), opts.tls_key.c_str());
    if (!tls->is_valid()) {
      log << "cyberframe: error: cannot use the certificate " << opts.tls_cert << " and key "
          << opts.tls_key << " (not PEM, or they do not match)\n";
      return 3;
    }
    server = std::move(tls);
    opts.secure_cookies = true;
  } else {
    server = std::make_unique<httplib::Server>();
  }
  LoginThrottle throttle;
  Cache cache;
  server->set_payload_max_length(std::max(opts.max_json_bytes, opts.max_upload_bytes));
  // Answers go out at once (no Nagle delay waiting for the client's ACK of the headers), a
  // kept-alive connection serves many requests, and enough workers serve the connections a
  // browser and a few scripts keep open.
  server->set_tcp_nodelay(true);
  server->set_keep_alive_max_count(1000);
  server->set_keep_alive_timeout(30);
  const auto workers = opts.threads;
  server->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  server->set_read_timeout(opts.read_timeout_seconds, 0);
  server->set_write_timeout(opts.read_timeout_seconds, 0);
  std::mutex log_mutex;
  auto answer = [&](const httplib::Request& req, httplib::Response& res) {
    auto start = std::chrono::steady_clock::now();
    // One workspace connection per worker thread (docs/ARCHITECTURE.md: a Store per thread).
    thread_local std::unique_ptr<store::Store> t_store;
    if (!t_store) {
      auto opened = store::open_sqlite(db, opts.audit_files);
      if (opened) t_store = std::move(*opened);
    }
    Request r;
    r.method = req.method;
    r.path = req.path;
    for (const auto& [k, v] : req.params) r.query[k] = v;
    for (const auto& [k, v] : req.headers) {
      std::string name = k;
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      r.headers[name] = v;
    }
    r.body = req.body;
    r.remote = req.remote_addr;
    Response response;
    std::string route = r.path == "/metrics"          ? "/metrics"
                        : r.path.starts_with("/api/") ? "unmatched"
                                                      : "web";
    if (!t_store) {
      response = problem(503, "Workspace unavailable", "the workspace database cannot be opened");
    } else {
      Context ctx{catalog, *t_store, opts, throttle, &cache};
      response = handle(ctx, std::move(r), &route);
    }
    res.status = response.status;
    if (!response.body.empty() || !response.content_type.empty()) {
      res.body = std::move(response.body);
      res.set_header("Content-Type", response.content_type);
    }
    bool cache_set = false;
    for (const auto& [k, v] : response.headers) {
      res.set_header(k.c_str(), v);
      cache_set = cache_set || k == "Cache-Control";
    }
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                   "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'");
    if (!cache_set) res.set_header("Cache-Control", "no-store");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    {
      auto& m = metrics();
      std::lock_guard lock(m.mutex);
      ++m.requests[{req.method, route, response.status}];
      m.seconds[route] += seconds;
    }
    // One JSON line; the method and the address need no escaping, the path may.
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.3f", seconds * 1000.0);
    std::string line =
        "{\"at\":\"" + store::now_utc() + "\",\"method\":\"" + req.method +
        "\",\"path\":" + json(req.path).dump(-1, ' ', false, json::error_handler_t::replace) +
        ",\"status\":" + std::to_string(response.status) + ",\"ms\":" + ms + ",\"remote\":\"" +
        req.remote_addr + "\"}\n";
    std::lock_guard lock(log_mutex);
    log << line << std::flush;
  };
  server->Get(".*", answer);
  server->Post(".*", answer);
  server->Put(".*", answer);
  server->Patch(".*", answer);
  server->Delete(".*", answer);
  // Errors the HTTP library answers itself (a body too large, a malformed request) get a
  // problem+json body too.
  server->set_error_handler([&opts](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    Response p = res.status == 413
                     ? problem(413, "Request too large",
                               "the request body is larger than the server accepts (" +
                                   std::to_string(opts.max_upload_bytes >> 20) + " MiB)")
                     : problem(res.status, "Bad request",
                               "the request could not be read as HTTP (a body needs a "
                               "Content-Length)");
    res.set_content(p.body, p.content_type.c_str());
  });
  int port = opts.port;
  if (port == 0) {
    port = server->bind_to_any_port(opts.host);
  } else if (!server->bind_to_port(opts.host, port)) {
    port = -1;
  }
  if (port < 0) {
    log << "cyberframe: error: cannot listen on " << opts.host << ':' << opts.port << '\n';
    return 3;
  }
  out << "listening on " << (opts.secure_cookies ? "https" : "http") << "://" << opts.host << ':'
      << port << '\n'
      << std::flush;
  g_signalled = false;
  std::signal(SIGTERM, on_signal);
  std::signal(SIGINT, on_signal);
  std::thread watcher([&] {
    while (!g_signalled) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    server->stop();
  });
  server->listen_after_bind();
  g_signalled = true;
  watcher.join();
  out << "stopped\n" << std::flush;
  return 0;
}

}  // namespace cyberframe::server
