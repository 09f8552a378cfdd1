// Signing in and out, sessions, API tokens, accounts and roles.
//
// A session is a random 256-bit secret in the cookie cf_session (HttpOnly, SameSite=Strict, Path=/,
// Secure under TLS); the database keeps only its SHA-256. It ends 7 days after sign-in, or after
// 12 hours without a request. Each session has a CSRF token that every state-changing request
// made with the cookie must echo in the X-CSRF-Token header. API tokens ("cf_" + a random secret,
// also stored as SHA-256) go in "Authorization: Bearer"; they need no CSRF token because browsers
// never send them on their own.
#include <sodium.h>

#include <chrono>
#include <ctime>

#include "server/api.hpp"
#include "util/text.hpp"

namespace cyberframe::server {

namespace {

constexpr auto k_session_lifetime = std::chrono::hours(24 * 7);
constexpr auto k_idle_timeout = std::chrono::hours(12);
constexpr auto k_touch_interval = std::chrono::minutes(1);
const char* const k_cookie = "cf_session";

std::string utc(std::chrono::system_clock::time_point t) {
  auto seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string cookie_value(const Request& req, const std::string& name) {
  for (const auto& part : util::split(req.header("cookie"), ';')) {
    auto p = util::trim(part);
    if (p.size() > name.size() && p.starts_with(name) && p[name.size()] == '=')
      return p.substr(name.size() + 1);
  }
  return "";
}

std::string session_cookie(const Call& call, const std::string& value, long max_age) {
  std::string c = std::string(k_cookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict; " +
                  "Max-Age=" + std::to_string(max_age);
  if (call.ctx.options.secure_cookies) c += "; Secure";
  return c;
}

json session_json(const Call& call, const store::User& user, const std::string& csrf) {
  return json{{"user", to_json(user, call.ctx.store)}, {"csrf_token", csrf}};
}

// 429 with Retry-After while the throttle refuses the account name or the caller's address.
std::optional<Response> throttled(const Call& call, const std::string& name,
                                  LoginThrottle::Clock::time_point now, const std::string& what) {
  auto wait = call.ctx.throttle.retry_after(name, call.req.remote, now);
  if (wait <= 0) return std::nullopt;
  auto r = problem(429, "Too many attempts",
                   "too many " + what + "; try again in " + std::to_string(wait) + " seconds");
  r.headers.emplace_back("Retry-After", std::to_string(wait));
  return r;
}

// A new session for `user`: the answer carries the cookie and the session's CSRF token.
Response start_session(Call& call, const store::User& user) {
  auto secret = random_secret();
  auto t = std::chrono::system_clock::now();
  store::Session s{secret_hash(secret),         user.id, user.name, random_secret(), utc(t),
                   utc(t + k_session_lifetime), utc(t)};
  if (auto r = call.ctx.store.create_session(s); !r) return problem_from(r.error());
  auto response = ok(session_json(call, user, s.csrf));
  response.headers.emplace_back(
      "Set-Cookie",
      session_cookie(call, secret,
                     std::chrono::duration_cast<std::chrono::seconds>(k_session_lifetime).count()));
  return response;
}

Response sign_in(Call& call) {
  json body;
  if (auto bad = read_body(
          call,
          {{"name", FieldType::k_string, true, 64}, {"password", FieldType::k_string, true, 1024}},
          body))
    return *bad;
  auto name = body["name"].get<std::string>();
  auto now = LoginThrottle::Clock::now();
  if (auto refused = throttled(call, name, now, "failed sign-ins")) return *refused;
  auto user = call.ctx.store.authenticate(name, body["password"].get<std::string>());
  if (!user) {
    call.ctx.throttle.failed(name, call.req.remote, now);
    return problem(401, "Sign-in failed", "unknown user or wrong password");
  }
  call.ctx.throttle.succeeded(name);
  return start_session(call, *user);
}

Response current_session(Call& call) {
  return ok(session_json(call, call.principal->user, call.principal->csrf));
}

Response sign_out(Call& call) {
  auto& p = *call.principal;
  if (call.ctx.cache) call.ctx.cache->forget_user(p.user.id);
  if (!p.via_token) {
    if (auto r = call.ctx.store.end_sessions(p.user.id, p.session_hash); !r)
      return problem_from(r.error());
  }
  auto response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call, "", 0));
  return response;
}

Response sign_out_everywhere(Call& call) {
  if (call.ctx.cache) call.ctx.cache->forget_user(call.principal->user.id);
  if (auto r = call.ctx.store.end_sessions(call.principal->user.id, ""); !r)
    return problem_from(r.error());
  auto response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call, "", 0));
  return response;
}

// Changes the signed-in account's password: every session ends, and this one starts anew.
Response change_password(Call& call) {
  json body;
  if (auto bad = read_body(call,
                           {{"current_password", FieldType::k_string, true, 1024},
                            {"new_password", FieldType::k_string, true, 1024}},
                           body))
    return *bad;
  const auto& name = call.principal->user.name;
  auto now = LoginThrottle::Clock::now();
  if (auto refused = throttled(call, name, now, "wrong passwords")) return *refused;
  if (!call.ctx.store.authenticate(name, body["current_password"].get<std::string>())) {
    call.ctx.throttle.failed(name, call.req.remote, now);
    return problem(403, "Wrong password", "the current password is not right; nothing changed");
  }
  if (auto r = call.ctx.store.set_password(name, body["new_password"].get<std::string>()); !r)
    return problem_from(r.error());
  if (call.ctx.cache) call.ctx.cache->forget_user(call.principal->user.id);
  if (call.principal->via_token) return no_content();
  return start_session(call, call.principal->user);
}

json token_json(const store::ApiToken& t) {
  return json{{"id", t.id},
              {"name", t.name},
              {"created_at", t.created_at},
              {"last_used_at", t.last_used_at}};
}

Response list_tokens(Call& call) {
  auto list = call.ctx.store.tokens(call.principal->user.id);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& t : *list) items.push_back(token_json(t));
  return ok(page_json(items, items.size(), Page{items.size(), 0}));
}

Response create_token(Call& call) {
  json body;
  if (auto bad = read_body(call, {{"name", FieldType::k_string, true, 100}}, body)) return *bad;
  auto secret = "cf_" + random_secret();
  auto t = call.ctx.store.create_token(call.principal->user.id, body["name"].get<std::string>(),
                                       secret_hash(secret));
  if (!t) return problem_from(t.error());
  auto j = token_json(*t);
  j["token"] = secret;
  return ok(j, 201);
}

Response revoke_token(Call& call) {
  auto id = whole_number(call.req.params.at("token"));
  if (!id) return problem(400, "Bad token id", "a token id is a whole number");
  if (auto r = call.ctx.store.revoke_token(call.principal->user.id, *id); !r)
    return problem_from(r.error());
  return no_content();
}

// Administrators, and the admins of at least one organization (who grant roles in it).
bool manages_users(const Call& call) {
  if (is_administrator(call)) return true;
  for (const auto& [org, role] : call.principal->user.roles)
    if (role == store::Role::k_admin) return true;
  return false;
}

Response list_users(Call& call) {
  if (!manages_users(call))
    return problem(403, "Not allowed", "listing accounts needs an administrator or an admin role");
  Page page;
  if (auto bad = read_page(call.req, page)) return *bad;
  auto users = call.ctx.store.users();
  if (!users) return problem_from(users.error());
  // An organization's admin sees the accounts' roles in the organizations it administers only.
  const auto& me = call.principal->user;
  return ok(page_of(*users, page, [&](store::User u) {
    if (!me.administrator) {
      std::erase_if(u.roles, [&](const auto& role) {
        auto mine = me.roles.find(role.first);
        return mine == me.roles.end() || mine->second != store::Role::k_admin;
      });
    }
    return to_json(u, call.ctx.store);
  }));
}

Response create_user(Call& call) {
  if (!is_administrator(call))
    return problem(403, "Not allowed", "creating accounts needs an administrator");
  json body;
  if (auto bad = read_body(call,
                           {{"name", FieldType::k_string, true, 64},
                            {"password", FieldType::k_string, true, 1024},
                            {"administrator", FieldType::k_boolean}},
                           body))
    return *bad;
  auto u =
      call.ctx.store.add_user(body["name"].get<std::string>(), body["password"].get<std::string>(),
                              body.value("administrator", false));
  if (!u) return problem_from(u.error());
  return ok(to_json(*u, call.ctx.store), 201);
}

Response set_role(Call& call, bool grant) {
  auto org = whole_number(call.req.params.at("org"));
  if (!org) return problem(400, "Bad organization id", "an organization id is a whole number");
  if (auto denied = require(call, *org, Need::k_manage)) return *denied;
  const auto& name = call.req.params.at("name");
  if (!grant) {
    auto u = call.ctx.store.revoke(name, *org);
    if (!u) return problem_from(u.error());
    return ok(to_json(*u, call.ctx.store));
  }
  json body;
  if (auto bad = read_body(call, {{"role", FieldType::k_string, true, 20}}, body)) return *bad;
  auto role = store::parse_role(body["role"].get<std::string>());
  if (!role) return problem(422, "Not accepted", "role must be admin, editor, auditor or viewer");
  auto u = call.ctx.store.grant(name, *org, *role);
  if (!u) return problem_from(u.error());
  return ok(to_json(*u, call.ctx.store));
}

}  // namespace

// The account behind a request, read from the store (no cache).
std::optional<Cache::Signed> authenticate_uncached(Context& ctx, const std::string& bearer,
                                                   const std::string& hash) {
  if (!bearer.empty()) {
    auto found = ctx.store.token_user(hash);
    if (!found) return std::nullopt;
    return Cache::Signed{Principal{found->second, "", "", true}, "", "",
                         store::now_utc().substr(0, 10)};
  }
  auto s = ctx.store.session(hash);
  if (!s) return std::nullopt;
  auto user = ctx.store.user(s->user_name);
  if (!user) return std::nullopt;
  return Cache::Signed{Principal{*user, hash, s->csrf, false}, s->expires_at, s->last_seen_at, ""};
}

std::optional<Principal> authenticate(Context& ctx, const Request& req) {
  const auto& authorization = req.header("authorization");
  std::string bearer, secret;
  if (util::starts_with_ci(authorization, "bearer ")) {
    bearer = util::trim(authorization.substr(7));
    if (bearer.empty() || bearer.size() > 200) return std::nullopt;
  } else {
    secret = cookie_value(req, k_cookie);
    if (secret.empty() || secret.size() > 200) return std::nullopt;
  }
  auto hash = secret_hash(bearer.empty() ? secret : bearer);
  auto key = (bearer.empty() ? "session " : "token ") + hash;
  std::optional<Cache::Signed> signed_in;
  if (ctx.cache) signed_in = ctx.cache->account(key);
  auto now = std::chrono::system_clock::now();
  auto now_text = utc(now);
  // A token's last use is recorded once a day: past midnight the store is asked again.
  if (signed_in && !bearer.empty() && signed_in->token_day != now_text.substr(0, 10))
    signed_in.reset();
  if (!signed_in) {
    signed_in = authenticate_uncached(ctx, bearer, hash);
    if (!signed_in) return std::nullopt;
    if (ctx.cache) ctx.cache->remember(key, *signed_in);
  }
  if (!bearer.empty()) return signed_in->principal;
  const auto& p = signed_in->principal;
  if (signed_in->expires_at <= now_text || signed_in->last_seen_at < utc(now - k_idle_timeout)) {
    (void)ctx.store.end_sessions(p.user.id, hash);
    if (ctx.cache) ctx.cache->forget_user(p.user.id);
    return std::nullopt;
  }
  if (signed_in->last_seen_at < utc(now - k_touch_interval)) {
    (void)ctx.store.touch_session(hash, now_text);
    signed_in->last_seen_at = now_text;
    if (ctx.cache) ctx.cache->remember(key, *signed_in);
  }
  return p;
}

bool csrf_matches(const Principal& p, const Request& req) {
  if (p.via_token) return true;
  const auto& sent = req.header("x-csrf-token");
  return sent.size() == p.csrf.size() && !sent.empty() &&
         sodium_memcmp(sent.data(), p.csrf.data(), sent.size()) == 0;
}

long LoginThrottle::retry_after(const std::string& name, const std::string& remote,
                                Clock::time_point now) {
  constexpr auto k_window = std::chrono::minutes(15);
  std::lock_guard lock(m_mutex);
  long wait = 0;
  auto check = [&](const std::string& key, std::size_t limit) {
    auto it = m_failures.find(key);
    if (it == m_failures.end()) return;
    auto& times = it->second;
    std::erase_if(times, [&](auto t) { return now - t > k_window; });
    if (times.size() >= limit) {
      auto until = times[times.size() - limit] + k_window;
      wait = std::max<long>(
          wait, std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1);
    }
  };
  check("name:" + util::to_lower(name), 5);
  check("addr:" + remote, 20);
  return wait;
}

void LoginThrottle::failed(const std::string& name, const std::string& remote,
                           Clock::time_point now) {
  std::lock_guard lock(m_mutex);
  if (m_failures.size() > 100000) {
    // Bounded memory under a flood: forget the keys whose failures are all out of the window,
    // never the ones still counting.
    std::erase_if(m_failures, [&](const auto& entry) {
      return entry.second.empty() || now - entry.second.back() > std::chrono::minutes(15);
    });
  }
  m_failures["name:" + util::to_lower(name)].push_back(now);
  m_failures["addr:" + remote].push_back(now);
}

void LoginThrottle::succeeded(const std::string& name) {
  std::lock_guard lock(m_mutex);
  m_failures.erase("name:" + util::to_lower(name));
}

void add_auth_routes(Routes& routes) {
  routes.add("POST", "/api/v1/session", Access::k_public, sign_in);
  routes.add("GET", "/api/v1/session", Access::k_user, current_session);
  routes.add("DELETE", "/api/v1/session", Access::k_user, sign_out);
  routes.add("DELETE", "/api/v1/sessions", Access::k_user, sign_out_everywhere);
  routes.add("POST", "/api/v1/session/password", Access::k_user, change_password);
  routes.add("GET", "/api/v1/tokens", Access::k_user, list_tokens);
  routes.add("POST", "/api/v1/tokens", Access::k_user, create_token);
  routes.add("DELETE", "/api/v1/tokens/{token}", Access::k_user, revoke_token);
  routes.add("GET", "/api/v1/users", Access::k_user, list_users);
  routes.add("POST", "/api/v1/users", Access::k_user, create_user);
  routes.add("PUT", "/api/v1/users/{name}/roles/{org}", Access::k_user,
             [](Call& c) { return set_role(c, true); });
  routes.add("DELETE", "/api/v1/users/{name}/roles/{org}", Access::k_user,
             [](Call& c) { return set_role(c, false); });
}

}  // namespace cyberframe::server
