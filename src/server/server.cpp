#include "server/server.hpp"

#include <malloc.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "catalog/builtin.hpp"
#include "server/api.hpp"
#include "server/http.hpp"
#include "server/web_assets.hpp"
#include "util/clock.hpp"
#include "workspace/frameworks.hpp"

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
    add_framework_routes(r);
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

// The route answering METHOD on `path` (HEAD is answered by the GET route); `path_known` is set
// when some route has the path's shape.
const Route* find_route(const std::string& method, const std::string& path, bool& path_known) {
  const auto& wanted = method == "HEAD" ? std::string("GET") : method;
  path_known = false;
  for (const auto& route : routes().all()) {
    if (!route.matches(path, nullptr)) continue;
    path_known = true;
    if (route.method == wanted) return &route;
  }
  return nullptr;
}

// The methods `path` answers, for Allow (405 and OPTIONS).
std::string allowed_methods(const std::string& path) {
  std::vector<std::string> methods;
  for (const auto& route : routes().all()) {
    if (!route.matches(path, nullptr)) continue;
    if (std::find(methods.begin(), methods.end(), route.method) == methods.end())
      methods.push_back(route.method);
    if (route.method == "GET") methods.push_back("HEAD");
  }
  std::string out;
  for (const auto& m : methods) out += m + ", ";
  return out + "OPTIONS";
}

Response not_signed_in() {
  return problem(401, "Not signed in",
                 "sign in first (POST /api/v1/session), or send an API token as "
                 "Authorization: Bearer; a session ends after 12 idle hours");
}

// Whether /metrics may be answered: nullopt, or the 401/403 to answer with.
std::optional<Response> metrics_refusal(Context& context, const Request& request) {
  auto principal = authenticate(context, request);
  if (!principal)
    return problem(401, "Not signed in",
                   "/metrics needs an administrator's session or API token (Authorization: "
                   "Bearer), or a separate listener: serve --metrics-listen HOST:PORT");
  if (!principal->user.administrator)
    return problem(403, "Not allowed", "/metrics needs an administrator");
  return std::nullopt;
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
  auto label = [&](const char* r) {
    if (route_pattern) *route_pattern = r;
  };
  // The metrics listener answers /metrics and /healthz only, without an account.
  if (request.listener == 1) {
    label("/metrics");
    if (request.path == "/healthz" && (request.method == "GET" || request.method == "HEAD"))
      return ok(json{{"status", "ok"}});
    if (request.path != "/metrics")
      return problem(404, "Not found", "this listener serves /metrics and /healthz only");
    if (request.method != "GET" && request.method != "HEAD")
      return problem(405, "Method not allowed", "/metrics answers GET only");
    return Response{200, "text/plain; version=0.0.4", render_metrics(context.catalog()), {}};
  }
  if (request.path == "/metrics") {
    label("/metrics");
    if (request.method == "OPTIONS") {
      Response r{204, "", "", {{"Allow", "GET, HEAD, OPTIONS"}}};
      return r;
    }
    if (request.method != "GET" && request.method != "HEAD") {
      auto r = problem(405, "Method not allowed", "/metrics answers GET only");
      r.headers.emplace_back("Allow", "GET, HEAD, OPTIONS");
      return r;
    }
    // Metrics name routes and counts: an administrator's (a scraper's token), or a separate
    // listener (serve --metrics-listen).
    if (auto refused = metrics_refusal(context, request)) return *refused;
    return Response{200, "text/plain; version=0.0.4", render_metrics(context.catalog()), {}};
  }
  if (request.method == "OPTIONS") {
    label("OPTIONS");
    if (request.path == "*")
      return Response{204, "", "", {{"Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"}}};
    bool known = false;
    find_route("GET", request.path, known);
    if (known) return Response{204, "", "", {{"Allow", allowed_methods(request.path)}}};
    if (!request.path.starts_with("/api/") && web_asset(request.path))
      return Response{204, "", "", {{"Allow", "GET, HEAD, OPTIONS"}}};
    return problem(404, "Not found", "no resource at " + request.path);
  }
  bool path_known = false;
  const Route* found = find_route(request.method, request.path, path_known);
  if (found) {
    const auto& route = *found;
    label(route.pattern.c_str());
    Request& r = request;
    route.matches(r.path, &r.params);
    Call call{context, r, std::nullopt, {}};
    // Audit rows this thread's Store appended outside a request are no request's: left out of
    // what this process wrote, they drop everything when the cache sees them.
    (void)context.workspace.take_appended();
    // Everything cached belongs to the workspace as it is now: after a write of this process the
    // change counter is read again at once, after other processes' within 2 ms.
    std::optional<std::uint64_t> epoch;
    if (context.cache && route.access != Access::k_public)
      epoch = context.cache->refresh(std::chrono::steady_clock::now(),
                                     [&] { return context.workspace.change_counter(); });
    // The catalog as the workspace has it now: its stored frameworks at this reading.
    if (context.catalogs && route.access != Access::k_public)
      context.current =
          context.catalogs->at(context.workspace, epoch ? context.cache->generation() : -1);
    if (route.access == Access::k_user) {
      call.principal = authenticate(context, r);
      if (!call.principal) return not_signed_in();
      if (changes_state(r.method) && !csrf_matches(*call.principal, r))
        return problem(403, "CSRF token missing or wrong",
                       "send the X-CSRF-Token header with the csrf_token of GET /api/v1/session");
    }
    if (route.access == Access::k_optional) call.principal = authenticate(context, r);
    // Reads are answered again from the cache while what they read has not changed; not the
    // session (it carries the session's CSRF token) nor the tokens (their last use).
    std::string key;
    // Nor a conditional GET: the handler answers If-None-Match with 304, the cache would not.
    if (epoch && route.access == Access::k_user && route.method == "GET" &&
        route.pattern != "/api/v1/session" && route.pattern != "/api/v1/tokens" &&
        r.header("if-none-match").empty()) {
      key = std::to_string(call.principal->user.id) + " " + r.path;
      for (const auto& [k, v] : r.query) key += "\n" + k + "=" + v;
      if (auto hit = context.cache->answer(key)) return *hit;
    }
    // What this request wrote, and the organization it reached, before its answer goes out: the
    // next request drops what that can affect.
    auto wrote = [&] {
      auto rows = context.workspace.take_appended();
      if (context.cache && (changes_state(r.method) || !rows.empty()))
        context.cache->wrote(rows, call.scope());
    };
    try {
      auto response = route.handler(call);
      wrote();
      if (!key.empty() && response.status == 200)
        context.cache->remember(key, response, call.scope(), *epoch);
      for (auto& h : call.extra_headers) response.headers.push_back(std::move(h));
      return response;
    } catch (const std::exception&) {
      wrote();
      return problem(500, "Internal error", "the server could not answer; the request was logged");
    }
  }
  if (path_known) {
    label("unmatched");
    auto r =
        problem(405, "Method not allowed", request.method + " is not allowed on " + request.path);
    r.headers.emplace_back("Allow", allowed_methods(request.path));
    return r;
  }
  if (request.method == "GET" || request.method == "HEAD") {
    auto get = request;
    get.method = "GET";
    if (auto w = web(get)) {
      label("web");
      return *w;
    }
  }
  label(request.path.starts_with("/api/") ? "unmatched" : "web");
  return problem(404, "Not found",
                 "no resource at " + request.path + "; GET /api/v1/openapi.json describes the API");
}

std::variant<std::size_t, Response> preflight(Context& context, const Request& head,
                                              bool has_body) {
  if (!has_body) return std::size_t{0};
  bool path_known = false;
  const Route* route = head.listener == 0 && head.path != "/metrics" && head.method != "OPTIONS"
                           ? find_route(head.method, head.path, path_known)
                           : nullptr;
  // No route takes this body: the answer (404, 405, or what /metrics and OPTIONS say) is the
  // same without it.
  if (route == nullptr) return handle(context, head);
  if (route->access == Access::k_user && !authenticate(context, head)) return not_signed_in();
  switch (route->body) {
    case Body::k_none:
      return std::size_t{0};
    case Body::k_small:
      return context.options.max_small_bytes;
    case Body::k_json:
      return context.options.max_json_bytes;
    case Body::k_upload:
      return context.options.max_upload_bytes;
  }
  return std::size_t{0};
}

Catalogs::Catalogs(catalog::Sources base, std::shared_ptr<const core::Catalog> first,
                   std::int64_t revision, std::ostream* log)
    : m_base(std::move(base)), m_log(log), m_current(std::move(first)), m_revision(revision) {}

std::shared_ptr<const core::Catalog> Catalogs::at(workspace::Workspace& ws,
                                                  std::int64_t generation) {
  // Looked at already at this reading of the change counter: the catalog as it is.
  if (generation >= 0 && generation == m_checked.load()) return m_current.load();
  // The revision is read on the thread's own connection, by as many threads as need it at once;
  // only a load of the catalog is done by one thread while the others wait for it.
  auto revision = ws.frameworks_revision();
  if (!revision) return m_current.load();  // looked at again by the next request
  if (*revision != m_revision.load()) {
    std::lock_guard lock(m_mutex);
    if (*revision != m_revision.load()) {
      auto loaded = workspace::load_catalog(ws, m_base);
      if (!loaded) {
        if (m_log)
          *m_log << "cyberframe: error: the workspace's frameworks could not be read: "
                 << loaded.error().message << '\n'
                 << std::flush;
        return m_current.load();
      }
      if (m_log)
        for (const auto& d : loaded->problems)
          *m_log << "cyberframe: warning: a stored framework is left out: " << d.to_string() << '\n'
                 << std::flush;
      // The catalog before its revision: whoever sees the revision finds its catalog.
      m_current.store(std::make_shared<const core::Catalog>(std::move(loaded->result.catalog)));
      m_revision.store(loaded->revision);
    }
  }
  if (generation >= 0) m_checked.store(generation);
  return m_current.load();
}

namespace {

// The workspace of the calling thread (docs/ARCHITECTURE.md: a connection per thread), or
// null when the database cannot be opened.
workspace::Workspace* thread_workspace(const workspace::Location& where) {
  thread_local std::unique_ptr<workspace::Workspace> t_store;
  thread_local std::string t_db;
  const auto& db = where.location;
  if (!t_store || t_db != db) {
    auto opened = workspace::open(where, workspace::OpenMode::k_existing);
    if (!opened) return nullptr;
    t_store = std::move(*opened);
    t_db = db;
  }
  return t_store.get();
}

Response unavailable() {
  return problem(503, "Workspace unavailable", "the workspace database cannot be opened");
}

}  // namespace

int serve(const catalog::Sources& base, const std::string& db, const Options& options,
          std::ostream& out, std::ostream& log) {
  const workspace::Location where{db, options.audit_key, options.audit_anchor};
  std::optional<Catalogs> catalogs;
  std::shared_ptr<const core::Catalog> first_catalog;  // for a request before any reading
  // Opened once here, so that migrations run before any request and a bad file stops the start.
  {
    auto check = workspace::open(where, workspace::OpenMode::k_existing);
    if (!check) {
      log << "cyberframe: error: " << check.error().message << '\n';
      return 3;
    }
    // Without the audit key nobody could even sign in (signing in is recorded).
    if (auto ready = (*check)->can_record(); !ready) {
      log << "cyberframe: error: " << ready.error().message << '\n';
      return 3;
    }
    // The catalog files with the frameworks the workspace stores on top.
    auto loaded = workspace::load_catalog(**check, base);
    if (!loaded) {
      log << "cyberframe: error: " << loaded.error().message << '\n';
      return 3;
    }
    for (const auto& d : loaded->problems)
      log << "cyberframe: warning: a stored framework is left out: " << d.to_string() << '\n';
    first_catalog = std::make_shared<const core::Catalog>(std::move(loaded->result.catalog));
    catalogs.emplace(base, first_catalog, loaded->revision, &log);
  }
  Options opts = options;
  bool tls = !opts.tls_cert.empty() || !opts.tls_key.empty();
  if (tls && (opts.tls_cert.empty() || opts.tls_key.empty() || !std::ifstream(opts.tls_cert) ||
              !std::ifstream(opts.tls_key))) {
    log << "cyberframe: error: give both --tls-cert and --tls-key as readable PEM files\n";
    return 3;
  }
  opts.secure_cookies = tls;
  // glibc's allocator: few arenas, so that memory one thread freed serves the others instead of
  // staying in sixteen per-thread arenas; buffers over 512 KiB from mmap, so that a large body or
  // document goes back to the system when it is freed. What an attack costs is then what it
  // holds, not the sum of every thread's high-water mark.
  mallopt(M_ARENA_MAX, 4);
  mallopt(M_MMAP_THRESHOLD, 512 * 1024);
  mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
  LoginThrottle throttle;
  Cache cache(workspace::is_shared_database(db) ? std::chrono::nanoseconds(0)
                                                : std::chrono::milliseconds(2));
  // Slow work off the event loops: imports and conversions, password checks (Route::pool).
  // Emptied (their accepted tasks finished) right after the server stops, while everything their
  // tasks use is still there.
  std::optional<WorkQueue> imports(std::in_place, opts.import_slots, opts.import_queue);
  std::optional<WorkQueue> passwords(std::in_place, opts.max_password_checks, opts.password_queue);
  std::mutex log_mutex;

  http::Limits limits;
  limits.idle = std::chrono::milliseconds(opts.idle_timeout_ms);
  limits.head = std::chrono::milliseconds(opts.head_timeout_ms);
  limits.max_connections = opts.max_connections;
  limits.max_connections_per_address = opts.max_connections_per_address;
  limits.threads = opts.threads;

  auto context_for = [&](workspace::Workspace& ws) {
    return Context{*first_catalog, ws, opts, throttle, &cache, &*catalogs};
  };
  http::Application app;
  app.on_head = [&](const Request& head, bool has_body) -> std::variant<std::size_t, Response> {
    if (!has_body) return std::size_t{0};
    auto* store = thread_workspace(where);
    if (!store) return unavailable();
    auto ctx = context_for(*store);
    return preflight(ctx, head, has_body);
  };
  auto answer = [&](Request request) {
    auto* store = thread_workspace(where);
    std::string route = request.path == "/metrics"          ? "/metrics"
                        : request.path.starts_with("/api/") ? "unmatched"
                                                            : "web";
    Response response;
    if (!store) {
      response = unavailable();
    } else {
      auto ctx = context_for(*store);
      response = handle(ctx, std::move(request), &route);
    }
    response.route = route;
    return response;
  };
  app.on_request = [&](Request& request, http::Reply reply) {
    bool known = false;
    const Route* route =
        request.listener == 0 ? find_route(request.method, request.path, known) : nullptr;
    auto pool = route ? route->pool : Route::Pool::k_loop;
    if (pool == Route::Pool::k_loop) return reply(answer(std::move(request)));
    auto& queue = pool == Route::Pool::k_imports ? *imports : *passwords;
    auto task = [&answer, pool, reply, request = std::move(request)]() mutable {
      auto response = answer(std::move(request));
      // A document's parse leaves many freed pieces behind: give them back to the system, so
      // that the next import starts from the same size.
      if (pool == Route::Pool::k_imports) malloc_trim(0);
      reply(std::move(response));
    };
    if (!queue.submit(std::move(task))) {
      auto r = pool == Route::Pool::k_imports ? busy("importing or converting documents", 5)
                                              : busy("checking passwords", 1);
      r.route = route->pattern;
      reply(std::move(r));
    }
  };
  app.problem = [](int status, const std::string& title, const std::string& detail) {
    return problem(status, title, detail);
  };
  app.default_headers = {
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
       "form-action 'self'"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  };
  if (tls) app.default_headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
  app.on_done = [&](const http::Exchange& e) {
    {
      auto& m = metrics();
      std::lock_guard lock(m.mutex);
      ++m.requests[{e.method, e.route, e.status}];
      m.seconds[e.route] += e.seconds;
    }
    // One JSON line; the method and the address need no escaping, the path may.
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.3f", e.seconds * 1000.0);
    std::string line =
        "{\"at\":\"" + util::now_utc() +
        "\",\"method\":" + json(e.method).dump(-1, ' ', false, json::error_handler_t::replace) +
        ",\"path\":" + json(e.path).dump(-1, ' ', false, json::error_handler_t::replace) +
        ",\"status\":" + std::to_string(e.status) + ",\"ms\":" + ms + ",\"remote\":\"" + e.remote +
        "\"}\n";
    std::lock_guard lock(log_mutex);
    log << line << std::flush;
  };

  http::Server server(std::move(app), limits);
  if (tls) {
    if (auto r = server.use_tls({opts.tls_cert, opts.tls_key}); !r) {
      log << "cyberframe: error: " << r.error().message << '\n';
      return 3;
    }
  }
  auto port = server.listen(opts.host, opts.port, 0);
  if (!port) {
    log << "cyberframe: error: " << port.error().message << '\n';
    return 3;
  }
  int metrics_port = -1;
  if (!opts.metrics_host.empty()) {
    // Over TLS when the server has TLS; it belongs on a private network or the loopback.
    auto bound = server.listen(opts.metrics_host, opts.metrics_port, 1);
    if (!bound) {
      log << "cyberframe: error: " << bound.error().message << '\n';
      return 3;
    }
    metrics_port = *bound;
  }
  out << "listening on " << (tls ? "https" : "http") << "://" << opts.host << ':' << *port << '\n';
  if (metrics_port >= 0)
    out << "metrics on " << (tls ? "https" : "http") << "://" << opts.metrics_host << ':'
        << metrics_port << "/metrics\n";
  out << std::flush;
  server.run(true);
  imports.reset();
  passwords.reset();
  out << "stopped\n" << std::flush;
  return 0;
}

}  // namespace cyberframe::server
