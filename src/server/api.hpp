#pragma once
// Inside the server: the route table, the signed-in principal, and the helpers every handler
// shares (problem responses, strict JSON bodies, role checks, JSON of the core types).

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "codec/json.hpp"
#include "server/server.hpp"

namespace cyberframe::workspace {
struct FrameworkSave;
}

namespace cyberframe::server {

using nlohmann::json;

// Who is asking: an account signed in through a session cookie or an API token. A token limited
// to one organization carries only its role there in `user` (an administrator's: admin), and
// `user.administrator` false: everything that checks roles sees the token's reach, not the
// account's.
struct Principal {
  core::User user;
  std::string session_hash;  // empty for a token
  std::string csrf;
  bool via_token = false;
  bool read_only = false;               // a read-only token: nothing that changes state
  std::int64_t token_organization = 0;  // a token limited to this organization (0: not limited)
  std::string token_expires_at;
};

// The part of the workspace an answer depends on or a change touched, for the Cache: one
// organization's records (its id), or this: anything (several organizations, none, or records no
// organization owns). Organization ids start at 1.
inline constexpr std::int64_t k_any_organization = 0;

// One request being answered.
struct Call {
  Context& ctx;
  const Request& req;
  std::optional<Principal> principal;
  std::vector<std::pair<std::string, std::string>> extra_headers;  // Set-Cookie of sign-in
  // Every organization require() was asked about: a handler reaches an organization's records
  // only through it, so a request that asked about one organization read or changed that one's.
  mutable std::vector<std::int64_t> organizations;
  std::int64_t scope() const {
    return organizations.size() == 1 ? organizations.front() : k_any_organization;
  }
};

using Handler = std::function<Response(Call&)>;

// What the server's threads share between requests: the accounts behind session cookies and
// tokens, and the answers of reads, valid for the workspace as it is now. The workspace's change
// counter (Store::change_counter, the newest audit row) says when it changed. Each answer is kept
// with the organization it read (Call::scope()), and this process's writes are recorded with the
// audit rows they appended (Store::take_appended) and the organization they touched, so that a
// change drops only what it can affect:
// - rows this process wrote under one organization, of records that organization owns (profiles,
//   nodes, evidence, comments, assessments, actions, mapping sets): that organization's answers
//   and the answers that read no single organization;
// - anything else (accounts, roles, sessions, tokens, scales, organizations themselves, a write
//   that reached several organizations or none, and every row of another process, which the
//   counter moves past without this process having written it): everything, accounts included.
// So an account's roles and sessions are read again after any change to them, and a write by the
// CLI or another server drops all. Answers are kept per account, because what an answer holds
// depends on who asks. Bounded: at most 64 MiB of answers and 10,000 accounts.
class Cache {
 public:
  struct Signed {
    Principal principal;
    std::string expires_at;    // sessions: the absolute end
    std::string last_seen_at;  // sessions: the last request recorded
    std::string token_day;     // tokens: the day its last use was recorded
  };
  // Brings the cache to the workspace as it is now when it may have changed: when a write of
  // this process could not be applied without a reading (wrote()), or the last reading is older
  // than 2 ms (what other processes change is seen within that). `counter` reads
  // Store::change_counter; one thread reads it at a time, and the others use its reading (waiting
  // for it only after a write of this process). Returns the epoch to give remember(), or nullopt
  // when the counter could not be read (the cache is then not used).
  // How long a reading of the counter serves the requests after it: 2 ms on a workspace file
  // (what another process changes is seen within that), none on a database several servers
  // share (every request uses a reading begun after it arrived: a write through one server is
  // seen by the next request to any other, however soon it comes; requests arriving together
  // share one reading).
  explicit Cache(std::chrono::nanoseconds recheck = std::chrono::milliseconds(2))
      : m_recheck_ns(recheck.count()) {}
  std::optional<std::uint64_t> refresh(std::chrono::steady_clock::time_point now,
                                       const std::function<util::Result<std::int64_t>()>& counter);
  // Moves the cache to `generation`, read after this process had made `writes` writes, dropping
  // what the changes since the last reading can affect (everything when it went back; a reading
  // older than one already applied is left out).
  void at(std::int64_t generation, std::uint64_t writes, std::chrono::steady_clock::time_point now);
  // A request of this process finished that changed state or appended audit rows: `rows` are
  // what its writes appended (Store::take_appended), `scope` the organization it reached. Rows
  // that follow on from the last state the cache knows are applied at once; otherwise the next
  // request reads the counter.
  void wrote(const std::vector<core::AppendedRows>& rows, std::int64_t scope);
  // Increases whenever something is dropped: a value read before reading the store goes to
  // remember(), which keeps nothing that a drop since may have concerned.
  std::uint64_t epoch() const { return m_epoch.load(); }
  // The change counter's value the cache is at (-1 before the first reading).
  std::int64_t generation();
  std::optional<Signed> account(const std::string& key);
  void remember(const std::string& key, Signed entry, std::uint64_t epoch);
  void forget_user(std::int64_t user);
  // Drops everything: for a change the audit trail does not announce (an operator editing the
  // file; the tests).
  void forget_everything();
  std::shared_ptr<const Response> answer(const std::string& key);
  // Keeps the answer of a read of `scope` that began at `epoch`.
  void remember(const std::string& key, const Response& response, std::int64_t scope,
                std::uint64_t epoch);

 private:
  struct Kept {
    std::shared_ptr<const Response> response;
    std::int64_t scope = k_any_organization;
  };
  struct Written {
    std::int64_t last = 0;  // the rows first..last (the key)
    std::int64_t scope = k_any_organization;
  };
  // This process's rows from m_generation on, as far as they go without a gap: the scopes they
  // touched go to `touched`; returns the last row followed.
  std::int64_t follow(std::set<std::int64_t>& touched) const;
  void move_to(std::int64_t generation, const std::set<std::int64_t>& touched, bool everything);
  void drop_everything();
  void drop(const std::set<std::int64_t>& organizations);

  std::optional<std::uint64_t> refresh_each_request(
      std::chrono::steady_clock::time_point now,
      const std::function<util::Result<std::int64_t>()>& counter);

  std::int64_t m_recheck_ns;
  std::mutex m_check_mutex;  // one reading of the counter at a time
  // refresh_each_request(): the readings started and finished, one running at a time.
  std::mutex m_reading_mutex;
  std::condition_variable m_reading_done;
  std::uint64_t m_readings_started = 0;
  std::uint64_t m_readings_finished = 0;
  bool m_reading = false;
  bool m_last_reading_failed = false;
  std::mutex m_mutex;
  std::int64_t m_generation = -1;
  std::atomic<std::uint64_t> m_writes{0};
  std::atomic<std::uint64_t> m_writes_seen{~std::uint64_t{0}};
  std::atomic<std::int64_t> m_checked_ns{0};
  std::atomic<std::uint64_t> m_epoch{0};
  std::uint64_t m_dropped_all_at = 0;                  // the epoch of the last drop of everything
  std::map<std::int64_t, std::uint64_t> m_dropped_at;  // organization -> the epoch it was dropped
  std::map<std::int64_t, Written> m_written;           // this process's rows past m_generation
  std::map<std::string, Signed> m_accounts;
  std::unordered_map<std::string, Kept> m_answers;
  std::unordered_map<std::int64_t, std::vector<std::string>> m_keys;  // scope -> answers' keys
  std::size_t m_bytes = 0;
};

enum class Access {
  k_public,    // no account needed
  k_user,      // a signed-in account (each handler checks the role it needs)
  k_optional,  // GET only: the principal when the request is signed in, none (not 401) when not
};

// The body a route takes: its size limit (Options) is enforced by the HTTP layer while the body
// arrives, before the handler runs.
enum class Body {
  k_none,    // GET, DELETE: no body (413 for one)
  k_small,   // routes open without an account: Options::max_small_bytes
  k_json,    // POST, PUT, PATCH: Options::max_json_bytes
  k_upload,  // files and documents: Options::max_upload_bytes
};

struct Route {
  std::string method;
  std::string pattern;                // "/api/v1/frameworks/{id}"
  std::vector<std::string> segments;  // "api", "v1", "frameworks", "{id}"
  Access access = Access::k_user;
  Handler handler;
  Body body = Body::k_none;  // from the method, unless set with upload()
  // Where the handler runs: on the event loop of its connection, or, for work that takes long
  // (argon2id password checks, parsing whole documents), on a small pool of its own with a
  // bounded queue (503 beyond), so that no event loop waits for it (serve(); docs/security.md).
  enum class Pool { k_loop, k_imports, k_passwords } pool = Pool::k_loop;
  // Whether a route changes state: by its method (POST, PUT, PATCH, DELETE do), unless it only
  // computes an answer from the request (changes_nothing()). add() puts a check around the
  // handler of every state-changing route that refuses read-only API tokens before it runs.
  bool computes_only = false;
  Handler plain;  // the handler as given, without that check

  // Whether `path` has this route's shape; fills `params` with the {name} segments when it has.
  bool matches(std::string_view path, std::map<std::string, std::string>* params) const;

  // The route takes files or documents (Options::max_upload_bytes).
  Route& upload() {
    body = Body::k_upload;
    return *this;
  }
  // The route parses a whole uploaded document: at most Options::import_slots at a time.
  Route& gated() {
    pool = Pool::k_imports;
    return *this;
  }
  // The route hashes or checks a password: at most Options::max_password_checks at a time.
  Route& hashes_passwords() {
    pool = Pool::k_passwords;
    return *this;
  }
  // The route only computes an answer from the request (OSCAL validation and conversion): a
  // read-only token may call it although its method is POST.
  Route& changes_nothing() {
    computes_only = true;
    handler = plain;
    return *this;
  }
};

// Threads that run one kind of slow work, with a bounded queue: submit() is refused when
// `queue` tasks already wait. Shared by every event loop of the server; the destructor finishes
// the tasks that were accepted.
class WorkQueue {
 public:
  WorkQueue(std::size_t threads, std::size_t queue);
  ~WorkQueue();
  WorkQueue(const WorkQueue&) = delete;
  WorkQueue& operator=(const WorkQueue&) = delete;
  bool submit(std::function<void()> task);

 private:
  void work();
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::deque<std::function<void()>> m_tasks;
  std::size_t m_queue;
  bool m_stopping = false;
  std::vector<std::thread> m_threads;
};

// The 503 for a full WorkQueue: `what` is busy, try again after `seconds`.
Response busy(const std::string& what, int seconds);

class Routes {
 public:
  Route& add(std::string method, std::string pattern, Access access, Handler handler);
  const std::vector<Route>& all() const { return m_routes; }

 private:
  std::vector<Route> m_routes;
};

void add_auth_routes(Routes& routes);
void add_catalog_routes(Routes& routes);
void add_workspace_routes(Routes& routes);
void add_crosswalk_routes(Routes& routes);
void add_oscal_routes(Routes& routes);
void add_framework_routes(Routes& routes);

// Resolves the session cookie or bearer token of a request; nullopt when there is none or it is
// no longer valid.
std::optional<Principal> authenticate(Context& ctx, const Request& req);
// Whether a state-changing request carries the session's CSRF token (always true for tokens).
bool csrf_matches(const Principal& principal, const Request& req);

// --- responses ---
Response problem(int status, const std::string& title, const std::string& detail);
Response problem(int status, const std::string& title, const std::string& detail,
                 const json& extra);
// A store error as a response: not found 404, invalid input 422, conflict 409, else 500.
Response problem_from(const util::Error& error);
Response ok(const json& body, int status = 200);
Response no_content();

// --- frameworks stored in the workspace (api_frameworks.cpp) ---
// The answer to a save: 201/200 with the stored framework (ETag its version), or 422 with the
// check's errors when it found any.
Response framework_saved(Call& call, const workspace::FrameworkSave& save, int status);

// --- request bodies ---
enum class FieldType {
  k_string,
  k_integer,
  k_boolean,
  k_integer_or_null,
  k_string_list,
  k_integer_list,  // ids: whole numbers from 1
  k_score,         // {"likelihood": N, "consequence": M} (0-100 each) or null
  k_object,        // a JSON object (its members are the handler's to check)
  k_array,         // a JSON array of at most 1000 items (the handler checks them)
  k_number,        // a finite JSON number, whole or not
};
struct Field {
  std::string name;
  FieldType type;
  bool required = false;
  std::size_t max_length = 10000;  // strings and list items
};
// Parses a JSON object body: Content-Type application/json, at most the JSON size limit, every
// member known and of its type. On success `out` holds the object; otherwise the 4xx to return.
std::optional<Response> read_body(const Call& call, const std::vector<Field>& fields, json& out);

// --- paging ---
struct Page {
  std::size_t limit = 50;
  std::size_t offset = 0;
};
std::optional<Response> read_page(const Request& req, Page& page, std::size_t default_limit = 50,
                                  std::size_t max_limit = 1000);
json page_json(json items, std::size_t total, const Page& page);
// The page of `all` that `page` asks for, each element turned into JSON by `to_item`.
template <typename List, typename F>
json page_of(const List& all, const Page& page, F&& to_item) {
  json items = json::array();
  for (std::size_t i = page.offset; i < all.size() && i < page.offset + page.limit; ++i)
    items.push_back(to_item(all[i]));
  return page_json(std::move(items), all.size(), page);
}

// The page asked for, as the storage reads it.
inline util::Slice slice_of(const Page& page) {
  return util::Slice{page.limit, page.offset};
}
// A page the storage read, each item turned into JSON by `to_item`.
template <typename T, typename F>
json paged_json(const util::Paged<T>& paged, const Page& page, F&& to_item) {
  json items = json::array();
  for (const auto& item : paged.items) items.push_back(to_item(item));
  return page_json(std::move(items), paged.total, page);
}

// A non-negative whole number of at most 18 digits (ids in paths and queries), or nullopt.
std::optional<std::int64_t> whole_number(const std::string& text);

// 400 "Bad query parameter" naming the parameter (`parameter` in the problem).
Response bad_parameter(const std::string& name, const std::string& detail);
// Refuses query parameters the route does not know (a misspelt one would otherwise be ignored).
std::optional<Response> only_parameters(const Request& req, std::set<std::string> known);

// --- access ---
enum class Need { k_read, k_comment, k_write, k_manage };
// Checks that the principal may do `need` in the organization: administrators everything;
// admin manage/write/comment/read; editor write/comment/read; auditor comment/read; viewer read.
// An account without a role in the organization gets 404, as if it did not exist (so does a
// token limited to another organization); a read-only token may only read (403).
std::optional<Response> require(const Call& call, std::int64_t organization, Need need);
// 403 for a read-only token (`what` says what it tried), for writes that no organization owns.
std::optional<Response> require_writable(const Call& call, const std::string& what);
// A value, or the error response to answer with instead.
template <typename T>
using Answer = std::expected<T, Response>;

// The profile named by the route's {id}, after require().
Answer<core::Profile> profile_for(Call& call, Need need);
// The organization named by the route's {org}, after require().
Answer<core::Organization> organization_for(Call& call, Need need);
// The workspace mapping set named by the route's {set}, after require().
Answer<core::WorkspaceMappingSet> mapping_set_for(Call& call, Need need);
bool is_administrator(const Call& call);
// Who the changes of a signed-in call are recorded as: the account's name.
const std::string& actor(const Call& call);

// --- JSON of the core types ---
// The JSON of core types is the codec's (codec/json.hpp), shared with the CLI.
using codec::score_json;
using codec::to_json;
// A user with the names of the organizations of its roles (`names`: id -> name).
json to_json(const core::User& user, const std::map<std::int64_t, std::string>& names);
// The names of the organizations the users hold roles in, by id, for to_json(User): one query.
Answer<std::map<std::int64_t, std::string>> organization_names(
    Call& call, const std::vector<core::User>& users);
// An audit row with its changes field by field (core::field_changes).
json audit_json(const core::AuditRecord& record);

// The ETag of a record version: "\"N\"".
std::string etag(std::int64_t version);
// The version an If-Match header names; nullopt when absent (`present` false) or malformed.
std::optional<std::int64_t> if_match(const Request& req, bool& present);
// If-Match as a version, required: the version, or the 428 (absent: "send If-Match with the ETag
// of the version you read" and `hint`) or 400 (malformed) to answer with.
Answer<std::int64_t> required_if_match(const Call& call, const std::string& hint = "");
// `response` with the ETag of `version`.
Response with_etag(Response response, std::int64_t version);
// 412 "Changed since you read it": `detail`, the record as it is now in `current` (left out when
// null) and its ETag.
Response changed_since(const std::string& detail, const json& current, std::int64_t version);

// A versioned record as it is now, for a 412: its JSON and version (nullopt: it is gone).
struct Current {
  json body;
  std::int64_t version = 0;
};

// The one flow of every change to a versioned record (If-Match, compare, write, 412 with the
// record as it is now), used by every handler that changes one. `expected` is the version
// If-Match named (required_if_match()), `read` the version of the record as the handler read it,
// `what` names the record ("mapping set"). `write()` returns a util::Result (k_conflict when
// someone changed the record between the read and the write; a k_conflict naming a field is
// not that but a rule about other records holding on to this one, answered by `on_error`);
// `current()` reads the record as it is now (std::optional<Current>). Returns what the write
// returned, or the response to answer with: 412 with the current record and its ETag when the
// version was stale before or during the write, else `on_error` of the write's error (problem_from
// unless given).
template <typename Write, typename Now, typename OnError = Response (*)(const util::Error&)>
auto versioned_write(std::int64_t expected, std::int64_t read, const std::string& what,
                     Write&& write, Now&& current, OnError on_error = &problem_from)
    -> Answer<typename std::invoke_result_t<Write>::value_type> {
  auto stale = [&](const std::string& message) {
    std::optional<Current> now = current();
    return now ? changed_since(message, now->body, now->version)
               : changed_since(message, json(), 0);
  };
  if (read != expected)
    return std::unexpected(stale("this " + what + " is at version " + std::to_string(read) +
                                 "; you read version " + std::to_string(expected)));
  auto written = write();
  if (!written) {
    if (written.error().code == util::ErrorCode::k_conflict && written.error().field.empty())
      return std::unexpected(stale(written.error().message));
    return std::unexpected(on_error(written.error()));
  }
  if constexpr (std::is_void_v<typename std::invoke_result_t<Write>::value_type>)
    return {};
  else
    return std::move(*written);
}

// Hex SHA-256 of a secret (sessions and tokens are stored by it), and a fresh random secret.
std::string secret_hash(const std::string& secret);
std::string random_secret(std::size_t bytes = 32);

}  // namespace cyberframe::server
