// Helpers every handler shares: problem responses, strict JSON bodies, paging, role checks and
// the JSON of the core types.
#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/audit_changes.hpp"
#include "server/api.hpp"
#include "util/budget.hpp"
#include "util/json.hpp"
#include "util/text.hpp"

namespace cyberframe::server {

Route& Routes::add(std::string method, std::string pattern, Access access, Handler handler) {
  auto segments = util::split(std::string_view(pattern).substr(1), '/');
  auto body = method == "POST" || method == "PUT" || method == "PATCH"
                  ? (access == Access::k_public ? Body::k_small : Body::k_json)
                  : Body::k_none;
  bool changes_state = method != "GET" && method != "HEAD" && method != "OPTIONS";
  // A route open to requests without an account changes nothing on behalf of an account: no
  // CSRF check guards it.
  if (access == Access::k_optional && changes_state)
    throw std::logic_error("a route with an optional account only reads: " + pattern);
  Handler checked = handler;
  if (access == Access::k_user && changes_state) {
    // Read-only tokens are refused here, before any handler runs, so no state-changing route can
    // forget them (require() refuses them too, for the routes that check a role).
    checked = [inner = handler, method](Call& call) -> Response {
      if (auto denied = require_writable(call, method + " " + call.req.path)) return *denied;
      return inner(call);
    };
  }
  m_routes.push_back(Route{std::move(method), std::move(pattern), std::move(segments), access,
                           std::move(checked), body});
  m_routes.back().plain = std::move(handler);
  return m_routes.back();
}

WorkQueue::WorkQueue(std::size_t threads, std::size_t queue) : m_queue(queue) {
  for (std::size_t i = 0; i < std::max<std::size_t>(threads, 1); ++i)
    m_threads.emplace_back([this] { work(); });
}

WorkQueue::~WorkQueue() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_ready.notify_all();
  for (auto& t : m_threads) t.join();
}

bool WorkQueue::submit(std::function<void()> task) {
  {
    std::lock_guard lock(m_mutex);
    if (m_stopping || m_tasks.size() >= m_queue) return false;
    m_tasks.push_back(std::move(task));
  }
  m_ready.notify_one();
  return true;
}

void WorkQueue::work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(m_mutex);
      m_ready.wait(lock, [&] { return m_stopping || !m_tasks.empty(); });
      if (m_tasks.empty()) return;  // stopping, nothing left
      task = std::move(m_tasks.front());
      m_tasks.pop_front();
    }
    task();
  }
}

Response busy(const std::string& what, int seconds) {
  auto r = problem(503, "Busy",
                   "the server is " + what + " as many as it does at once; try again in " +
                       std::to_string(seconds) + (seconds == 1 ? " second" : " seconds"));
  r.headers.emplace_back("Retry-After", std::to_string(seconds));
  return r;
}

bool Route::matches(std::string_view path, std::map<std::string, std::string>* params) const {
  if (!path.starts_with('/')) return false;
  path.remove_prefix(1);
  for (std::size_t i = 0; i < segments.size(); ++i) {
    auto end = path.find('/');
    auto part = path.substr(0, end);
    const auto& want = segments[i];
    bool last = i + 1 == segments.size();
    if (last != (end == std::string_view::npos)) return false;
    if (want.starts_with('{')) {
      if (part.empty()) return false;
      if (params) (*params)[want.substr(1, want.size() - 2)] = std::string(part);
    } else if (part != want) {
      return false;
    }
    if (!last) path.remove_prefix(end + 1);
  }
  return true;
}

namespace {

std::int64_t nanoseconds(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

// Records below one organization: a change to them affects only that organization's answers.
// Every other entity (users and their roles, sessions, tokens, scales, organizations themselves,
// the trail's own rows) may show in any answer or change who may see what.
bool owned_by_one_organization(std::string_view entity) {
  return entity == "profile" || entity == "node" || entity == "evidence" || entity == "comment" ||
         entity == "snapshot" || entity == "action" || entity == "mapping-set" ||
         entity == "asset" || entity == "control" || entity == "risk" || entity == "decision" ||
         entity == "soa" || entity == "criteria" || entity == "baseline" || entity == "document" ||
         entity == "organization-settings" || entity == "isms-record" || entity == "isms-comment" ||
         entity == "measurement-value";
}

}  // namespace

std::optional<std::uint64_t> Cache::refresh(
    std::chrono::steady_clock::time_point now,
    const std::function<util::Result<std::int64_t>()>& counter) {
  if (m_recheck_ns == 0) return refresh_each_request(now, counter);
  auto stale = [&] {
    return m_writes.load() != m_writes_seen.load() ||
           nanoseconds(now) - m_checked_ns.load() > m_recheck_ns;
  };
  if (!stale()) return epoch();
  std::unique_lock check(m_check_mutex, std::try_to_lock);
  if (!check.owns_lock()) {
    // Another thread is reading the counter. When only the 2 ms have passed, its reading will
    // do; after a write of this process, or when every request reads the counter (a reading
    // begun before this request may miss what another server committed just before it), this
    // request waits for a reading of its own.
    if (m_recheck_ns != 0 && m_writes.load() == m_writes_seen.load()) return epoch();
    check.lock();
  }
  if (!stale()) return epoch();  // read by another thread meanwhile
  auto writes = m_writes.load();
  auto generation = counter();
  if (!generation) return std::nullopt;
  at(*generation, writes, now);
  return epoch();
}

// Every request needs a reading of the counter that began after it arrived (one begun before may
// miss what another server committed just before the request). Readings run one at a time; the
// requests that arrive while one runs all wait for the next, which one of them starts and every
// one of them uses: one round trip serves a whole queue of requests, however many there are.
std::optional<std::uint64_t> Cache::refresh_each_request(
    std::chrono::steady_clock::time_point now,
    const std::function<util::Result<std::int64_t>()>& counter) {
  std::unique_lock lock(m_reading_mutex);
  const auto needed = m_readings_started + 1;  // the first reading to start after this arrival
  while (m_readings_finished < needed) {
    if (m_reading) {
      m_reading_done.wait(lock);
      continue;
    }
    m_reading = true;
    ++m_readings_started;
    lock.unlock();
    auto writes = m_writes.load();
    auto generation = counter();
    if (generation) at(*generation, writes, now);
    lock.lock();
    m_reading = false;
    m_last_reading_failed = !generation;
    ++m_readings_finished;
    m_reading_done.notify_all();
  }
  // The reading this request waited for is the newest finished one or an older one; a failure of
  // the newest is told to every request that used it (the cache is then not used).
  if (m_last_reading_failed && m_readings_finished == needed) return std::nullopt;
  return epoch();
}

void Cache::at(std::int64_t generation, std::uint64_t writes,
               std::chrono::steady_clock::time_point now) {
  std::lock_guard lock(m_mutex);
  if (generation < m_generation && writes < m_writes_seen) return;  // read before a newer one
  m_writes_seen = std::max(m_writes_seen.load(), writes);
  m_checked_ns = nanoseconds(now);
  if (generation == m_generation) return;
  // Every row since the last reading must be one of this process's writes, to drop only the
  // organizations they touched; a row it did not write (another process's), or a counter that
  // went back, drops everything.
  std::set<std::int64_t> touched;
  bool everything = m_generation < 0 || generation < m_generation || follow(touched) < generation;
  move_to(generation, touched, everything);
}

std::int64_t Cache::generation() {
  std::lock_guard lock(m_mutex);
  return m_generation;
}

void Cache::wrote(const std::vector<core::AppendedRows>& rows, std::int64_t scope) {
  std::lock_guard lock(m_mutex);
  // Not pruned by move_to() only when no reading follows: bounded all the same (a row missing
  // from here drops everything, which is always right).
  if (m_written.size() > 10000) m_written.clear();
  std::int64_t last = 0;
  for (const auto& r : rows) {
    auto s = owned_by_one_organization(r.entity) ? scope : k_any_organization;
    m_written[r.first] = Written{r.last, s};
    last = std::max(last, r.last);
  }
  // Rows that follow on from the workspace as the cache knows it are applied now, without
  // reading the counter: they are this process's, and what another process wrote after them the
  // next reading finds (within 2 ms, as ever).
  std::set<std::int64_t> touched;
  auto reached = m_generation < 0 ? m_generation : follow(touched);
  if (reached > m_generation) move_to(reached, touched, false);
  auto writes = ++m_writes;
  if (!rows.empty() && reached >= last) m_writes_seen = writes;  // no reading needed
}

std::int64_t Cache::follow(std::set<std::int64_t>& touched) const {
  auto next = m_generation + 1;
  for (;;) {
    auto it = m_written.upper_bound(next);
    if (it == m_written.begin() || std::prev(it)->second.last < next) return next - 1;
    --it;
    touched.insert(it->second.scope);
    next = it->second.last + 1;
  }
}

void Cache::move_to(std::int64_t generation, const std::set<std::int64_t>& touched,
                    bool everything) {
  m_generation = generation;
  std::erase_if(m_written, [&](const auto& w) { return w.second.last <= generation; });
  if (everything || touched.contains(k_any_organization))
    drop_everything();
  else
    drop(touched);
}

void Cache::drop_everything() {
  m_accounts.clear();
  m_answers.clear();
  m_keys.clear();
  m_bytes = 0;
  m_dropped_all_at = ++m_epoch;
}

void Cache::drop(const std::set<std::int64_t>& organizations) {
  auto epoch = ++m_epoch;
  auto drop_scope = [&](std::int64_t scope) {
    auto keys = m_keys.find(scope);
    if (keys == m_keys.end()) return;
    for (const auto& key : keys->second) {
      auto it = m_answers.find(key);
      if (it == m_answers.end() || it->second.scope != scope) continue;
      m_bytes -= it->second.response->body.size();
      m_answers.erase(it);
    }
    m_keys.erase(keys);
  };
  drop_scope(k_any_organization);  // answers that read no single organization: any change
  for (auto org : organizations) {
    drop_scope(org);
    m_dropped_at[org] = epoch;
  }
}

std::optional<Cache::Signed> Cache::account(const std::string& key) {
  std::lock_guard lock(m_mutex);
  auto it = m_accounts.find(key);
  if (it == m_accounts.end()) return std::nullopt;
  return it->second;
}

void Cache::remember(const std::string& key, Signed entry, std::uint64_t epoch) {
  std::lock_guard lock(m_mutex);
  if (m_dropped_all_at > epoch) return;  // read before a change to accounts was dropped
  if (m_accounts.size() >= 10000) m_accounts.clear();
  m_accounts[key] = std::move(entry);
}

void Cache::forget_user(std::int64_t user) {
  std::lock_guard lock(m_mutex);
  std::erase_if(m_accounts, [&](const auto& e) { return e.second.principal.user.id == user; });
  auto prefix = std::to_string(user) + " ";
  std::erase_if(m_answers, [&](const auto& e) {
    if (!e.first.starts_with(prefix)) return false;
    m_bytes -= e.second.response->body.size();
    return true;
  });
}

void Cache::forget_everything() {
  std::lock_guard lock(m_mutex);
  drop_everything();
}

std::shared_ptr<const Response> Cache::answer(const std::string& key) {
  std::lock_guard lock(m_mutex);
  auto it = m_answers.find(key);
  return it == m_answers.end() ? nullptr : it->second.response;
}

void Cache::remember(const std::string& key, const Response& response, std::int64_t scope,
                     std::uint64_t epoch) {
  constexpr std::size_t k_max_bytes = 64u << 20;
  if (response.body.size() > (1u << 20)) return;  // large downloads are not kept
  auto entry = std::make_shared<const Response>(response);
  std::lock_guard lock(m_mutex);
  // Computed while a change it may have read around was dropped: not kept (the next request
  // computes it again from the workspace as it is then).
  if (m_dropped_all_at > epoch) return;
  if (scope == k_any_organization ? m_epoch.load() != epoch
                                  : m_dropped_at.contains(scope) && m_dropped_at[scope] > epoch)
    return;
  if (m_bytes + response.body.size() > k_max_bytes) {
    m_answers.clear();
    m_keys.clear();
    m_bytes = 0;
  }
  auto [it, inserted] = m_answers.emplace(key, Kept{entry, scope});
  if (!inserted) return;
  m_bytes += response.body.size();
  m_keys[scope].push_back(key);
}

Response problem(int status, const std::string& title, const std::string& detail) {
  return problem(status, title, detail, json::object());
}

Response problem(int status, const std::string& title, const std::string& detail,
                 const json& extra) {
  json body{{"type", "about:blank"}, {"title", title}, {"status", status}, {"detail", detail}};
  for (const auto& [k, v] : extra.items()) body[k] = v;
  return Response{status, "application/problem+json", body.dump(), {}};
}

Response problem_from(const util::Error& error) {
  switch (error.code) {
    case util::ErrorCode::k_not_found:
      return problem(404, "Not found", error.message);
    case util::ErrorCode::k_invalid_input:
      if (!error.field.empty())
        return problem(
            422, "Not accepted", error.message,
            json{{"errors",
                  json::array({json{{"field", error.field}, {"message", error.message}}})}});
      return problem(422, "Not accepted", error.message);
    case util::ErrorCode::k_conflict:
      return problem(409, "Conflict", error.message);
    default:
      return problem(500, "Internal error", "the server could not complete the request");
  }
}

Response ok(const json& body, int status) {
  return Response{status, "application/json", body.dump(), {}};
}

Response no_content() {
  return Response{204, "", "", {}};
}

namespace {

const char* type_name(FieldType t) {
  switch (t) {
    case FieldType::k_string:
      return "a string";
    case FieldType::k_integer:
      return "a whole number (at most 1000000000)";
    case FieldType::k_boolean:
      return "true or false";
    case FieldType::k_integer_or_null:
      return "a whole number or null";
    case FieldType::k_string_list:
      return "a list of strings";
    case FieldType::k_integer_list:
      return "a list of ids (whole numbers)";
    case FieldType::k_score:
      return "{\"likelihood\": N, \"consequence\": M} or null";
    case FieldType::k_object:
      return "an object";
    case FieldType::k_array:
      return "a list";
    case FieldType::k_number:
      return "a number";
  }
  return "";
}

bool type_matches(const json& v, FieldType t, std::size_t max_length, std::string& why) {
  auto check_string = [&](const json& s) {
    if (!s.is_string()) return false;
    const auto& text = s.get_ref<const std::string&>();
    if (text.size() > max_length) {
      why = "is longer than " + std::to_string(max_length) + " characters";
      return false;
    }
    if (util::find_invalid_utf8(text) != std::string::npos) {
      why = "is not valid text";
      return false;
    }
    return true;
  };
  switch (t) {
    case FieldType::k_string:
      return check_string(v);
    case FieldType::k_integer:
      return v.is_number_integer() && v.get<std::int64_t>() >= -1000000000 &&
             v.get<std::int64_t>() <= 1000000000;
    case FieldType::k_boolean:
      return v.is_boolean();
    case FieldType::k_integer_or_null:
      return v.is_null() || (v.is_number_integer() && v.get<std::int64_t>() >= -1000000000 &&
                             v.get<std::int64_t>() <= 1000000000);
    case FieldType::k_string_list:
      if (!v.is_array() || v.size() > 1000) return false;
      return std::all_of(v.begin(), v.end(), check_string);
    case FieldType::k_integer_list:
      if (!v.is_array() || v.size() > 1000) return false;
      return std::all_of(v.begin(), v.end(), [](const json& n) {
        return n.is_number_integer() && n.get<std::int64_t>() >= 1 &&
               n.get<std::int64_t>() <= 999999999999999999;
      });
    case FieldType::k_score: {
      if (v.is_null()) return true;
      if (!v.is_object() || v.size() != 2) return false;
      for (const char* k : {"likelihood", "consequence"}) {
        if (!v.contains(k) || !v[k].is_number_integer()) return false;
        auto n = v[k].get<std::int64_t>();
        if (n < 0 || n > 100) return false;
      }
      return true;
    }
    case FieldType::k_object:
      return v.is_object();
    case FieldType::k_array:
      return v.is_array() && v.size() <= 1000;
    case FieldType::k_number:
      return v.is_number() && std::isfinite(v.get<double>());
  }
  return false;
}

}  // namespace

std::optional<Response> read_body(const Call& call, const std::vector<Field>& fields, json& out) {
  const auto& req = call.req;
  auto type = util::to_lower(req.header("content-type"));
  if (!type.starts_with("application/json"))
    return problem(415, "Unsupported media type",
                   "send the body as JSON with the header Content-Type: application/json");
  if (req.body.size() > call.ctx.options.max_json_bytes)
    return problem(413, "Request too large",
                   "a JSON body may have at most " +
                       std::to_string(call.ctx.options.max_json_bytes) + " bytes");
  // Request bodies are small flat objects: a budget far above any of them bounds the rest.
  util::Budget budget(util::ParseLimits{.bytes = call.ctx.options.max_json_bytes,
                                        .nodes = 10000,
                                        .depth = 32,
                                        .item_bytes = call.ctx.options.max_json_bytes},
                      "a request body");
  auto parsed = util::parse_json<json>(req.body, budget);
  if (!parsed) {
    const auto& e = parsed.error();
    auto at = " at byte " + std::to_string(e.byte);
    switch (e.kind) {
      case util::JsonError::Kind::k_syntax:
        return problem(400, "Malformed JSON",
                       "the body is not valid JSON" + at + "; send one JSON object");
      case util::JsonError::Kind::k_number:
        return problem(400, "Malformed JSON",
                       e.message + at + "; a number must fit a 64-bit integer or a finite double");
      case util::JsonError::Kind::k_duplicate_key:
        return problem(400, "Malformed JSON", e.message + at + "; name each field once");
      case util::JsonError::Kind::k_limit:
        return problem(400, "Malformed JSON", e.message + at);
    }
  }
  out = std::move(*parsed);
  if (!out.is_object())
    return problem(400, "Invalid request body", "the body must be a JSON object");
  json errors = json::array();
  for (const auto& [key, value] : out.items()) {
    auto it =
        std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return f.name == key; });
    if (it == fields.end()) {
      std::string known;
      for (const auto& f : fields) known += (known.empty() ? "" : ", ") + f.name;
      errors.push_back(json{{"field", key}, {"message", "unknown field; known: " + known}});
      continue;
    }
    std::string why;
    if (!type_matches(value, it->type, it->max_length, why))
      errors.push_back(
          json{{"field", key},
               {"message", why.empty() ? std::string("must be ") + type_name(it->type) : why}});
  }
  for (const auto& f : fields) {
    if (f.required && !out.contains(f.name))
      errors.push_back(json{{"field", f.name}, {"message", "is required"}});
  }
  if (!errors.empty()) {
    std::string detail;
    for (const auto& e : errors)
      detail += (detail.empty() ? "" : "; ") + e["field"].get<std::string>() + " " +
                e["message"].get<std::string>();
    return problem(400, "Invalid request body", detail, json{{"errors", errors}});
  }
  return std::nullopt;
}

std::optional<Response> read_page(const Request& req, Page& page, std::size_t default_limit,
                                  std::size_t max_limit) {
  auto number = [&](const std::string& name, std::size_t fallback, std::size_t max,
                    std::size_t& out) {
    auto it = req.query.find(name);
    if (it == req.query.end()) {
      out = fallback;
      return true;
    }
    const auto& v = it->second;
    if (v.empty() || v.size() > 9 || v.find_first_not_of("0123456789") != std::string::npos)
      return false;
    out = static_cast<std::size_t>(std::stoul(v));
    return out <= max;
  };
  if (!number("limit", default_limit, max_limit, page.limit) ||
      !number("offset", 0, 100000000, page.offset))
    return problem(400, "Bad query parameter",
                   "limit must be a whole number from 0 to " + std::to_string(max_limit) +
                       " and offset a whole number 0 or more");
  return std::nullopt;
}

json page_json(json items, std::size_t total, const Page& page) {
  return json{{"items", std::move(items)},
              {"total", total},
              {"offset", page.offset},
              {"limit", page.limit}};
}

Response bad_parameter(const std::string& name, const std::string& detail) {
  return problem(400, "Bad query parameter", detail, json{{"parameter", name}});
}

std::optional<Response> only_parameters(const Request& req, std::set<std::string> known) {
  for (const auto& [name, value] : req.query) {
    if (known.contains(name)) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    return bad_parameter(name, "unknown query parameter '" + name + "'" +
                                   (list.empty() ? "; this route takes none" : "; known: " + list));
  }
  return std::nullopt;
}

std::optional<std::int64_t> whole_number(const std::string& text) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(text);
}

bool is_administrator(const Call& call) {
  return call.principal && call.principal->user.administrator;
}

std::optional<Response> require_writable(const Call& call, const std::string& what) {
  if (!call.principal || !call.principal->read_only) return std::nullopt;
  return problem(
      403, "Read-only token",
      "this API token is read-only: it cannot " + what + "; create a read-write token for changes");
}

std::optional<Response> require(const Call& call, std::int64_t organization, Need need) {
  if (std::find(call.organizations.begin(), call.organizations.end(), organization) ==
      call.organizations.end())
    call.organizations.push_back(organization);
  if (!call.principal) return problem(401, "Not signed in", "sign in first: POST /api/v1/session");
  const auto& roles = call.principal->user.roles;
  auto it = roles.find(organization);
  if (!call.principal->user.administrator && it == roles.end())
    return problem(404, "Not found",
                   "no organization " + std::to_string(organization) + " that you can see");
  if (need != Need::k_read && call.principal->read_only)
    return problem(403, "Read-only token",
                   "this API token is read-only; create a read-write token for changes");
  if (call.principal->user.administrator) return std::nullopt;
  auto role = it->second;
  bool allowed = false;
  const char* needs = "";
  switch (need) {
    case Need::k_read:
      allowed = true;
      break;
    case Need::k_comment:
      allowed = role != core::Role::k_viewer;
      needs = "admin, editor or auditor";
      break;
    case Need::k_write:
      allowed = role == core::Role::k_admin || role == core::Role::k_editor;
      needs = "admin or editor";
      break;
    case Need::k_manage:
      allowed = role == core::Role::k_admin;
      needs = "admin";
      break;
  }
  if (allowed) return std::nullopt;
  return problem(403, "Not allowed",
                 "your role in this organization is " + std::string(core::to_string(role)) +
                     "; this needs " + needs);
}

Answer<core::Profile> profile_for(Call& call, Need need) {
  const auto& id = call.req.params.at("id");
  auto hidden = [&] {
    return std::unexpected(problem(404, "Not found", "no profile " + id + " that you can see"));
  };
  if (!whole_number(id))
    return std::unexpected(
        problem(400, "Bad profile id", "a profile id is a whole number, not '" + id + "'"));
  auto p = call.ctx.workspace.profile(id);
  if (!p) return hidden();
  if (auto denied = require(call, p->organization, need)) {
    // Hide the profile itself from accounts without a role in its organization.
    if (denied->status == 404) return hidden();
    return std::unexpected(*denied);
  }
  if (call.ctx.catalog().framework(p->framework) == nullptr)
    return std::unexpected(problem(409, "Framework not loaded",
                                   "profile " + id + " is on framework " + p->framework +
                                       ", which the server's catalog does not hold; start the "
                                       "server with the catalog that has it"));
  return *p;
}

Answer<core::Organization> organization_for(Call& call, Need need) {
  const auto& text = call.req.params.at("org");
  auto id = whole_number(text);
  if (!id)
    return std::unexpected(problem(400, "Bad organization id",
                                   "an organization id is a whole number, not '" + text + "'"));
  if (auto denied = require(call, *id, need)) return std::unexpected(*denied);
  auto org = call.ctx.workspace.organization(text);
  if (!org)
    return std::unexpected(
        problem(404, "Not found", "no organization " + text + " that you can see"));
  return *org;
}

Answer<core::WorkspaceMappingSet> mapping_set_for(Call& call, Need need) {
  const auto& text = call.req.params.at("set");
  auto id = whole_number(text);
  if (!id)
    return std::unexpected(problem(400, "Bad mapping set id",
                                   "a mapping set id is a whole number, not '" + text + "'"));
  auto not_found = problem(404, "Not found", "no mapping set " + text + " that you can see");
  auto s = call.ctx.workspace.mapping_set(text);
  if (!s || s->id != *id) return std::unexpected(not_found);
  if (auto denied = require(call, s->organization, need)) {
    if (denied->status == 404) return std::unexpected(not_found);
    return std::unexpected(*denied);
  }
  return *s;
}

const std::string& actor(const Call& call) {
  return call.principal->user.name;
}

Answer<std::map<std::int64_t, std::string>> organization_names(
    Call& call, const std::vector<core::User>& users) {
  core::OrganizationQuery query{std::vector<std::int64_t>{}, util::Slice::all()};
  for (const auto& u : users)
    for (const auto& [org, role] : u.roles) query.only->push_back(org);
  std::map<std::int64_t, std::string> names;
  if (query.only->empty()) return names;
  auto found = call.ctx.workspace.organizations(query);
  if (!found) return std::unexpected(problem_from(found.error()));
  for (const auto& o : found->items) names[o.id] = o.name;
  return names;
}

json to_json(const core::User& u, const std::map<std::int64_t, std::string>& names) {
  json roles = json::array();
  for (const auto& [org, role] : u.roles) {
    auto o = names.find(org);
    roles.push_back(json{{"organization", org},
                         {"organization_name", o != names.end() ? o->second : ""},
                         {"role", std::string(core::to_string(role))}});
  }
  return json{{"name", u.name},
              {"administrator", u.administrator},
              {"roles", roles},
              {"created_at", u.created_at},
              {"disabled", u.disabled()},
              {"disabled_at", u.disabled() ? json(u.disabled_at) : json(nullptr)}};
}

json changes_json(const core::AuditRecord& r) {
  auto value = [](const std::optional<std::string>& text) {
    if (!text) return json(nullptr);
    auto j = json::parse(*text, nullptr, false);
    return j.is_discarded() ? json(*text) : j;
  };
  json out = json::array();
  for (const auto& c : core::field_changes(r.before, r.after)) {
    json change{{"field", c.field}, {"before", value(c.before)}, {"after", value(c.after)}};
    if (!c.before) change["added"] = true;
    if (!c.after) change["removed"] = true;
    out.push_back(std::move(change));
  }
  return out;
}

json audit_json(const core::AuditRecord& r) {
  auto parse = [](const std::string& text) {
    auto j = json::parse(text, nullptr, false);
    return j.is_discarded() ? json(text) : j;
  };
  return json{{"id", r.id},
              {"at", r.at},
              {"actor", r.actor},
              {"entity", r.entity},
              {"entity_id", r.entity_id},
              {"action", r.action},
              {"before", parse(r.before)},
              {"after", parse(r.after)},
              {"changes", changes_json(r)},
              {"hash", r.hash}};
}

std::string etag(std::int64_t version) {
  return "\"" + std::to_string(version) + "\"";
}

std::optional<std::int64_t> if_match(const Request& req, bool& present) {
  auto v = util::trim(req.header("if-match"));
  present = !v.empty();
  if (v.starts_with("W/")) v = v.substr(2);
  if (v.size() < 3 || v.size() > 20 || v.front() != '"' || v.back() != '"') return std::nullopt;
  auto digits = v.substr(1, v.size() - 2);
  if (digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(digits);
}

Answer<std::int64_t> required_if_match(const Call& call, const std::string& hint) {
  bool present = false;
  auto expected = if_match(call.req, present);
  if (!present)
    return std::unexpected(problem(428, "Precondition required",
                                   "send If-Match with the ETag of the version you read" + hint));
  if (!expected)
    return std::unexpected(problem(400, "Bad If-Match", "If-Match must be an ETag such as \"3\""));
  return *expected;
}

Response with_etag(Response response, std::int64_t version) {
  response.headers.emplace_back("ETag", etag(version));
  return response;
}

Response changed_since(const std::string& detail, const json& current, std::int64_t version) {
  return with_etag(problem(412, "Changed since you read it", detail,
                           current.is_null() ? json::object() : json{{"current", current}}),
                   version);
}

std::string secret_hash(const std::string& secret) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  static const char* const k_hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out += k_hex[b >> 4];
    out += k_hex[b & 15];
  }
  return out;
}

std::string random_secret(std::size_t bytes) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

}  // namespace cyberframe::server
