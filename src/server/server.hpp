#pragma once
// The HTTP server: the JSON API under /api/v1, the web UI at /, /healthz and /metrics.
//
// The HTTP library (Boost.Beast) stays inside http.cpp, with the connection limits (http.hpp):
// routes are plain functions from a Request to a Response over a Context (the catalog, one Store,
// the login throttle), so the tests call handle() without sockets. docs/api.md describes the API;
// docs/openapi.json is its OpenAPI 3.1 document; docs/security.md the limits.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "catalog/loader.hpp"
#include "core/catalog.hpp"
#include "core/login_throttle.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::server {

struct Request {
  std::string method;
  std::string path;                            // without the query
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> params;   // from the route pattern
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote;  // the peer's address, for the login throttle
  int listener = 0;    // 0: the main listener; 1: the metrics listener (--metrics-listen)

  // The header's value, or "" (`name` in lower case).
  const std::string& header(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route;  // the route pattern that answered, for the access log and metrics (not sent)
};

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port
  // A second listener that serves GET /metrics (and /healthz) without an account, for a scraper
  // on a private network; empty: none (on the main listener /metrics needs an administrator).
  std::string metrics_host;
  int metrics_port = -1;
  std::size_t max_small_bytes = 16u << 10;  // bodies of routes open without an account (sign-in)
  std::size_t max_json_bytes = 1 << 20;     // JSON bodies
  std::size_t max_upload_bytes = 8u << 20;  // evidence files, imports and OSCAL documents
  // Connections (http.hpp): timeouts and caps.
  int idle_timeout_ms = 5000;   // a connection that sends nothing, between requests too
  int head_timeout_ms = 10000;  // a whole request head, from its first byte
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;
  std::size_t threads = 16;  // threads of the event loop, each with its own workspace connection
  // Imports, conversions and validations of uploaded documents run on `import_slots` threads of
  // their own; up to `import_queue` more wait, others get 503 with Retry-After.
  std::size_t import_slots = 2;
  std::size_t import_queue = 8;
  std::string tls_cert;  // PEM files; both set: HTTPS, Secure cookies and HSTS
  std::string tls_key;
  bool secure_cookies = false;  // set by serve() under TLS: the cookie is __Host-cf_session
  // Password verifications and hashes (argon2id, 64 MiB and about 0.1 s each) running at once:
  // the routes that check or set a password run on that many threads of their own, with up to
  // `password_queue` waiting (503 with Retry-After beyond). Anything else that hashes waits up to
  // `password_check_wait_ms` for one of the same slots.
  std::size_t max_password_checks = 2;
  std::size_t password_queue = 32;
  int password_check_wait_ms = 1000;
  // The audit key and anchor (empty: beside the workspace).
  std::filesystem::path audit_key;
  std::filesystem::path audit_anchor;
};

// Slows password guessing down without locking anyone out (docs/security.md). Every check of a
// password (a sign-in, the current password of a password change) first reserves an attempt for
// three keys: the account name (lower case), the caller's address (an IPv6 address by its /64),
// and the pair of both. Each key lets a few failures through freely, then makes the next attempt
// wait a delay that doubles with every further failure, up to a cap:
//
//   key                 free failures   first delay   cap
//   name and address    3               5 s           15 min
//   address             20              2 s           5 min
//   name                10              2 s           60 s
//
// so a guesser on one address gets a handful of guesses an hour, one spread over many addresses
// one a minute per name, and the right password from a fresh address waits at most a minute.
// Beyond the free failures only one attempt per key is checked at a time: the reservation is
// counted before the password is verified, so parallel attempts cannot all get through. A success
// clears the pair; counts are forgotten an hour after their last failure. Bounded: at most
// 50,000 keys (the stalest are dropped first).
//
// The rule is core/login_throttle.hpp; the counts are kept in the workspace (one short write
// transaction per call, through workspace::Workspace::reserve_attempt and the others), so every
// server process of a workspace shares them: failures through one server delay attempts through
// another, and parallel attempts through several cannot all get through. A reservation whose
// process died stops counting after core::throttle::k_reservation_lifetime (30 s). What stays in
// this process: at most `max` argon2id verifications (64 MiB each) at once across the server's
// threads (verification_slot), which protects this process's memory.
class LoginThrottle {
 public:
  // The wall clock: times are compared across processes (keep the servers' clocks in step).
  using Clock = std::chrono::system_clock;

  // A reserved attempt: when `granted` is false, `retry_after` says how many seconds to wait.
  // A granted attempt is finished with failed(), succeeded() or abandoned(), exactly once.
  using Attempt = core::throttle::Attempt;
  // What the audit trail should get after a failure or a success: `failures` of this name and
  // address not yet recorded (0: nothing to write now). A row is due at the pair's first failure,
  // then at most once a minute, and whenever a failure starts or lengthens the pair's delay.
  using Outcome = core::throttle::Outcome;
  // Each is one call of `workspace` (the calling thread's): an error when the workspace could
  // not be read or written.
  util::Result<Attempt> reserve(workspace::Workspace& workspace, const std::string& name,
                                const std::string& address, Clock::time_point now);
  util::Result<Outcome> failed(workspace::Workspace& workspace, const Attempt& attempt,
                               Clock::time_point now);
  util::Result<Outcome> succeeded(workspace::Workspace& workspace, const Attempt& attempt,
                                  Clock::time_point now);
  // The password was not checked (the server was too busy): nothing is counted.
  util::Result<void> abandoned(workspace::Workspace& workspace, const Attempt& attempt,
                               Clock::time_point now = Clock::now());

  // One of at most `max` concurrent password verifications (or hashes); released when destroyed.
  class Slot {
   public:
    explicit Slot(LoginThrottle* owner) : m_owner(owner) {}
    Slot(Slot&& other) noexcept : m_owner(std::exchange(other.m_owner, nullptr)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot();

   private:
    LoginThrottle* m_owner;
  };
  // Waits up to `wait` for a free slot; nullopt when none freed up (answer 503 then).
  std::optional<Slot> verification_slot(std::size_t max, std::chrono::milliseconds wait);

  // How many keys the workspace keeps (for tests of the bound; 0 when it cannot be read).
  std::size_t size(workspace::Workspace& workspace);

 private:
  std::mutex m_slot_mutex;
  std::condition_variable m_slot_freed;
  std::size_t m_slots_used = 0;
};

class Cache;  // api.hpp: signed-in accounts and answers of reads, per workspace change

// The catalog the requests of this process read: the catalog files read at the start (`base`)
// with the frameworks the workspace stores on top (workspace/frameworks.hpp), loaded again when a
// stored framework changed, through this process or another. Whether one did is looked up
// (Workspace::frameworks_revision) whenever the workspace's change counter has moved since the
// last look, so a framework saved through one server is in the catalog of the next request to
// any server. Requests read the catalog and the revision without a lock; one load at a time,
// and requests that need the new catalog wait for it.
class Catalogs {
 public:
  Catalogs(catalog::Sources base, std::shared_ptr<const core::Catalog> first, std::int64_t revision,
           std::ostream* log = nullptr);
  const catalog::Sources& base() const { return m_base; }
  // The catalog for a request that found the workspace at `generation` (Cache's reading of the
  // change counter; negative: unknown, look every time). A failed look keeps the catalog it has.
  std::shared_ptr<const core::Catalog> at(workspace::Workspace& ws, std::int64_t generation);

 private:
  catalog::Sources m_base;
  std::ostream* m_log;
  std::mutex m_mutex;  // one load at a time
  std::atomic<std::shared_ptr<const core::Catalog>> m_current;
  std::atomic<std::int64_t> m_revision{0};
  std::atomic<std::int64_t> m_checked{-1};
};

// What a request is answered with: the catalog, the workspace, the server's settings, and the
// cache the server's threads share (none in tests that do not ask for one).
struct Context {
  Context(const core::Catalog& catalog, workspace::Workspace& workspace, const Options& options,
          LoginThrottle& throttle, Cache* cache = nullptr, Catalogs* catalogs = nullptr)
      : fixed_catalog(catalog),
        workspace(workspace),
        options(options),
        throttle(throttle),
        cache(cache),
        catalogs(catalogs) {}
  // The catalog of this request: the one `catalogs` gave it, else the fixed one.
  const core::Catalog& catalog() const { return current ? *current : fixed_catalog; }

  const core::Catalog& fixed_catalog;
  workspace::Workspace& workspace;
  const Options& options;
  LoginThrottle& throttle;
  Cache* cache = nullptr;
  Catalogs* catalogs = nullptr;  // none: the fixed catalog, and no stored frameworks
  std::shared_ptr<const core::Catalog> current;  // set by handle() from `catalogs`
};

// Answers one request (the router, without sockets): what the tests call directly. Sets
// `route_pattern` (when given) to the pattern of the route that answered, for metrics and logs.
Response handle(Context& context, Request request, std::string* route_pattern = nullptr);

// "METHOD /path/{param}" of every route the router answers (for checking the OpenAPI document).
std::vector<std::string> route_list();

// The OpenAPI 3.1 document of the API.
const std::string& openapi_document();

// The largest body the route of `head` takes (0 when it takes none), or the answer to give before
// the body is read: no such route (404, 405), or not signed in for a route that needs an account
// (401), so that bodies are read only for routes that take them and from accounts that may.
std::variant<std::size_t, Response> preflight(Context& context, const Request& head, bool has_body);

// Serves the (existing) workspace at `workspace` (a path or sqlite:PATH, workspace::open)
// until SIGTERM/SIGINT arrives. Prints "listening on http[s]://HOST:PORT" to `out` once the socket
// is bound (and "metrics on http[s]://HOST:PORT/metrics" for a metrics listener), and one JSON line
// per request to `log` (where errors that stop the start go too, as "cyberframe: error: ...").
// Returns 0 after a clean shutdown, 3 when the address cannot be bound or the workspace or the TLS
// files cannot be opened.
// `base` is the catalog files (catalog::read_sources), which load cleanly; the workspace's stored
// frameworks come on top.
int serve(const catalog::Sources& base, const std::string& workspace, const Options& options,
          std::ostream& out, std::ostream& log);

}  // namespace cyberframe::server
