// Signing in and out, sessions, API tokens, accounts and roles.
//
// A session is a random 256-bit secret in the cookie cf_session (HttpOnly, SameSite=Strict, Path=/;
// under TLS it is __Host-cf_session and Secure, which a browser keeps only from this host, for
// every path, with no Domain); the database keeps only its SHA-256. It ends 7 days after sign-in,
// or after 12 hours without a request. Each session has a CSRF token that every state-changing
// request made with the cookie must echo in the X-CSRF-Token header. API tokens ("cf_" + a random
// secret, also stored as SHA-256) go in "Authorization: Bearer"; they need no CSRF token because
// browsers never send them on their own. A token ends at its expiry (90 days by default, at most
// 365), reads only or reads and writes (its scope), may be limited to one organization, and is
// created only from a signed-in session: a token never makes another one, so none outlives or
// exceeds what a password gave.
//
// Password checks go through the LoginThrottle (server.hpp): an attempt is reserved before the
// password is verified, delays grow with failures instead of locking anyone out, and at most
// Options::max_password_checks argon2id verifications run at once.
#include <arpa/inet.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <ctime>

#include "core/password.hpp"
#include "server/api.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"

namespace cyberframe::server {

namespace {

constexpr auto k_session_lifetime = std::chrono::hours(24 * 7);
constexpr auto k_idle_timeout = std::chrono::hours(12);
constexpr auto k_touch_interval = std::chrono::minutes(1);

std::string utc(std::chrono::system_clock::time_point t) {
  auto seconds = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// The session cookie's name: with the __Host- prefix under TLS, so that only this host (not a
// sibling domain, not plain HTTP) can have set it.
std::string cookie_name(const Options& options) {
  return options.secure_cookies ? "__Host-cf_session" : "cf_session";
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
  std::string c = cookie_name(call.ctx.options) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (call.ctx.options.secure_cookies) c += "; Secure";
  return c;
}

// A user as JSON with its organizations' names, or the error to answer with.
Answer<json> user_json(Call& call, const core::User& u) {
  auto names = organization_names(call, {u});
  if (!names) return std::unexpected(names.error());
  return to_json(u, *names);
}

Response user_reply(Call& call, const core::User& u, int status = 200) {
  auto j = user_json(call, u);
  if (!j) return j.error();
  return ok(*j, status);
}

Answer<json> session_json(Call& call, const Principal& p) {
  auto user = user_json(call, p.user);
  if (!user) return user;
  json j{{"user", *user}, {"csrf_token", p.csrf}};
  if (p.via_token)
    j["token"] = json{
        {"scope", p.read_only ? "read-only" : "read-write"},
        {"organization", p.token_organization == 0 ? json(nullptr) : json(p.token_organization)},
        {"expires_at", p.token_expires_at}};
  return j;
}

// The address the throttle counts: an IPv4 address as it is, an IPv6 address by its /64 (one
// host usually holds a whole /64, and would otherwise have 2^64 fresh addresses).
std::string throttle_address(const std::string& remote) {
  unsigned char bytes[16];
  if (remote.find(':') == std::string::npos || inet_pton(AF_INET6, remote.c_str(), bytes) != 1)
    return remote;
  static const unsigned char k_v4_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(bytes, bytes + 12, k_v4_mapped))
    return std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." +
           std::to_string(bytes[14]) + "." + std::to_string(bytes[15]);
  static const char* const k_hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    out += k_hex[bytes[i] >> 4];
    out += k_hex[bytes[i] & 15];
    if (i % 2 == 1) out += ':';
  }
  return out + ":/64";
}

Response too_many(long wait, const std::string& what) {
  auto r = problem(429, "Too many attempts",
                   "too many " + what + "; try again in " + std::to_string(wait) + " seconds");
  r.headers.emplace_back("Retry-After", std::to_string(wait));
  return r;
}

std::chrono::milliseconds slot_wait(const Call& call) {
  return std::chrono::milliseconds(std::max(0, call.ctx.options.password_check_wait_ms));
}

Response busy() {
  auto r = problem(503, "Busy",
                   "the server is checking as many passwords as it can at once; try again in a "
                   "second");
  r.headers.emplace_back("Retry-After", "1");
  return r;
}

// A token limited to one organization reaches nothing beyond it, the account's other sessions and
// tokens included: it cannot sign the account out everywhere or change its password.
std::optional<Response> account_wide_denied(const Call& call, const std::string& what) {
  if (call.principal->token_organization == 0) return std::nullopt;
  return problem(403, "Not allowed",
                 "this API token is limited to organization " +
                     std::to_string(call.principal->token_organization) + " and cannot " + what);
}

// Writes the audit row the throttle asks for (failed sign-ins of a name and address, at most one
// a minute). A failure to write it does not change the answer: the attempt was still refused.
void record(Call& call, const std::string& name, const LoginThrottle::Outcome& outcome) {
  if (outcome.failures == 0) return;
  (void)call.ctx.workspace.record_failed_sign_in(name, call.req.remote, outcome.failures,
                                                 outcome.delay_seconds);
}

// Checks `password` of `name` through the throttle: the user, or the response to answer with.
// `wrong` is the answer to a wrong password (401 at sign-in, 403 for a password change). The
// throttle's counts are the workspace's: when they cannot be read the password is not checked.
Answer<core::User> check_password(Call& call, const std::string& name, const std::string& password,
                                  const Response& wrong, const std::string& what) {
  auto& throttle = call.ctx.throttle;
  auto& ws = call.ctx.workspace;
  auto address = throttle_address(call.req.remote);
  auto attempt = throttle.reserve(ws, name, address, LoginThrottle::Clock::now());
  if (!attempt) return std::unexpected(problem_from(attempt.error()));
  if (!attempt->granted) return std::unexpected(too_many(attempt->retry_after, what));
  auto slot = throttle.verification_slot(call.ctx.options.max_password_checks, slot_wait(call));
  if (!slot) {
    (void)throttle.abandoned(ws, *attempt);
    return std::unexpected(busy());
  }
  auto user = ws.authenticate(name, password);
  slot.reset();
  if (user) {
    // A success that cannot be recorded still signs in: the pair's failures stay until the next
    // success or until they are forgotten.
    if (auto outcome = throttle.succeeded(ws, *attempt, LoginThrottle::Clock::now()))
      record(call, name, *outcome);
    return *user;
  }
  if (user.error().code != util::ErrorCode::k_not_found) {  // disabled, or the database failed
    (void)throttle.abandoned(ws, *attempt);
    if (user.error().code == util::ErrorCode::k_invalid_input)
      return std::unexpected(problem(403, "Account disabled", user.error().message));
    return std::unexpected(problem_from(user.error()));
  }
  // A failure that cannot be counted is still refused; its reservation goes on counting until it
  // expires (core::throttle::k_reservation_lifetime).
  auto outcome = throttle.failed(ws, *attempt, LoginThrottle::Clock::now());
  if (outcome) record(call, name, *outcome);
  auto answer = wrong;
  if (outcome && outcome->delay_seconds > 0)
    answer.headers.emplace_back("Retry-After", std::to_string(outcome->delay_seconds));
  return std::unexpected(answer);
}

// A new session for `user`: the answer carries the cookie and the session's CSRF token.
Response start_session(Call& call, const core::User& user) {
  auto secret = random_secret();
  auto t = std::chrono::system_clock::now();
  core::Session s{secret_hash(secret),         user.id, user.name, random_secret(), utc(t),
                  utc(t + k_session_lifetime), utc(t)};
  if (auto r = call.ctx.workspace.create_session(s); !r) {
    if (r.error().code == util::ErrorCode::k_invalid_input)
      return problem(403, "Account disabled", r.error().message);
    return problem_from(r.error());
  }
  auto body = session_json(call, Principal{user, s.token_hash, s.csrf, false});
  if (!body) return body.error();
  auto response = ok(*body);
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
  auto user = check_password(call, name, body["password"].get<std::string>(),
                             problem(401, "Sign-in failed", "unknown user or wrong password"),
                             "failed sign-ins");
  if (!user) return user.error();
  return start_session(call, *user);
}

Response current_session(Call& call) {
  auto body = session_json(call, *call.principal);
  if (!body) return body.error();
  return ok(*body);
}

// Whether the request is signed in, always 200: the web UI asks this when a page loads, when
// nobody may be signed in yet (GET /api/v1/session answers 401 then, as every other route does).
Response session_status(Call& call) {
  if (!call.principal) return ok(json{{"signed_in", false}});
  auto body = session_json(call, *call.principal);
  if (!body) return body.error();
  (*body)["signed_in"] = true;
  return ok(*body);
}

Response sign_out(Call& call) {
  auto& p = *call.principal;
  if (call.ctx.cache) call.ctx.cache->forget_user(p.user.id);
  if (!p.via_token) {
    if (auto r = call.ctx.workspace.end_sessions(actor(call), p.user.id, p.session_hash); !r)
      return problem_from(r.error());
  }
  auto response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call, "", 0));
  return response;
}

// Every session ends and every API token of the account is revoked.
Response sign_out_everywhere(Call& call) {
  if (auto denied = account_wide_denied(call, "sign the account out everywhere")) return *denied;
  if (call.ctx.cache) call.ctx.cache->forget_user(call.principal->user.id);
  if (auto r = call.ctx.workspace.end_sessions(actor(call), call.principal->user.id, ""); !r)
    return problem_from(r.error());
  auto response = no_content();
  response.headers.emplace_back("Set-Cookie", session_cookie(call, "", 0));
  return response;
}

// Changes the signed-in account's password: every session ends and every token is revoked, and
// this session (when it is one) starts anew.
Response change_password(Call& call) {
  json body;
  if (auto bad = read_body(call,
                           {{"current_password", FieldType::k_string, true, 1024},
                            {"new_password", FieldType::k_string, true, 1024}},
                           body))
    return *bad;
  if (auto denied = account_wide_denied(call, "change the account's password")) return *denied;
  const auto& name = call.principal->user.name;
  auto checked = check_password(
      call, name, body["current_password"].get<std::string>(),
      problem(403, "Wrong password", "the current password is not right; nothing changed"),
      "wrong passwords");
  if (!checked) return checked.error();
  {
    auto slot =
        call.ctx.throttle.verification_slot(call.ctx.options.max_password_checks, slot_wait(call));
    if (!slot) return busy();
    if (auto r = call.ctx.workspace.set_password(actor(call), name,
                                                 body["new_password"].get<std::string>());
        !r) {
      auto error = r.error();
      if (error.field == "password") error.field = "new_password";  // this body's name for it
      return problem_from(error);
    }
  }
  if (call.ctx.cache) call.ctx.cache->forget_user(call.principal->user.id);
  if (call.principal->via_token) return no_content();
  return start_session(call, call.principal->user);
}

json token_json(const core::ApiToken& t) {
  return json{{"id", t.id},
              {"name", t.name},
              {"created_at", t.created_at},
              {"last_used_at", t.last_used_at},
              {"expires_at", t.expires_at},
              {"expired", t.expires_at <= util::now_utc()},
              {"scope", std::string(core::to_string(t.scope))},
              {"organization", t.organization == 0 ? json(nullptr) : json(t.organization)}};
}

// The account's tokens; through a token limited to one organization, only the tokens limited to
// that organization (the others are beyond its reach).
Response tokens_of(Call& call, std::int64_t user) {
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  auto list = call.ctx.workspace.tokens(user);
  if (!list) return problem_from(list.error());
  if (auto org = call.principal->token_organization; org != 0)
    std::erase_if(*list, [&](const core::ApiToken& t) { return t.organization != org; });
  return ok(page_of(*list, page, token_json));
}

Response list_tokens(Call& call) {
  return tokens_of(call, call.principal->user.id);
}

Response create_token(Call& call) {
  if (call.principal->via_token)
    return problem(403, "Not allowed",
                   "API tokens are created from a signed-in session, not with another token");
  json body;
  if (auto bad = read_body(call,
                           {{"name", FieldType::k_string, true, 100},
                            {"scope", FieldType::k_string, true, 20},
                            {"expires_in_days", FieldType::k_integer},
                            {"organization", FieldType::k_integer_or_null}},
                           body))
    return *bad;
  core::ApiToken t;
  t.user = call.principal->user.id;
  t.name = body["name"].get<std::string>();
  auto scope = core::parse_token_scope(body["scope"].get<std::string>());
  if (!scope)
    return problem(
        422, "Not accepted", "scope must be read-only or read-write",
        json{{"errors",
              json::array({json{{"field", "scope"}, {"message", "read-only or read-write"}}})}});
  t.scope = *scope;
  auto days = body.value("expires_in_days", core::k_token_default_days);
  if (days < 1 || days > core::k_token_max_days)
    return problem(
        422, "Not accepted",
        "expires_in_days must be from 1 to " + std::to_string(core::k_token_max_days),
        json{{"errors",
              json::array({json{{"field", "expires_in_days"}, {"message", "from 1 to 365"}}})}});
  t.expires_at = util::utc_after(std::chrono::days(days));
  if (body.contains("organization") && !body["organization"].is_null()) {
    t.organization = body["organization"].get<std::int64_t>();
    // Only where the account can see: a token cannot reach what its account cannot.
    if (auto denied = require(call, t.organization, Need::k_read)) return *denied;
  }
  auto secret = "cf_" + random_secret();
  auto created = call.ctx.workspace.create_token(actor(call), t, secret_hash(secret));
  if (!created) return problem_from(created.error());
  auto j = token_json(*created);
  j["token"] = secret;
  return ok(j, 201);
}

Response revoke_token(Call& call) {
  auto id = whole_number(call.req.params.at("token"));
  if (!id) return problem(400, "Bad token id", "a token id is a whole number");
  if (auto org = call.principal->token_organization; org != 0) {
    auto list = call.ctx.workspace.tokens(call.principal->user.id);
    if (!list) return problem_from(list.error());
    if (std::none_of(list->begin(), list->end(),
                     [&](const auto& t) { return t.id == *id && t.organization == org; }))
      return problem(404, "Not found", "no token " + std::to_string(*id) + " that you can see");
  }
  if (auto r = call.ctx.workspace.revoke_token(actor(call), call.principal->user.id, *id); !r)
    return problem_from(r.error());
  if (call.ctx.cache) call.ctx.cache->forget_user(call.principal->user.id);
  return no_content();
}

// Administrators, and the admins of at least one organization (who grant roles in it).
bool manages_users(const Call& call) {
  if (is_administrator(call)) return true;
  for (const auto& [org, role] : call.principal->user.roles)
    if (role == core::Role::k_admin) return true;
  return false;
}

Response list_users(Call& call) {
  if (!manages_users(call))
    return problem(403, "Not allowed", "listing accounts needs an administrator or an admin role");
  Page page;
  if (auto bad = read_page(call.req, page)) return *bad;
  // An organization's admin sees only the accounts holding a role in an organization it
  // administers, and of those only their roles there.
  const auto& me = call.principal->user;
  core::UserQuery query{std::nullopt, slice_of(page)};
  if (!me.administrator) {
    query.in_organizations.emplace();
    for (const auto& [org, role] : me.roles)
      if (role == core::Role::k_admin) query.in_organizations->push_back(org);
  }
  auto users = call.ctx.workspace.users(query);
  if (!users) return problem_from(users.error());
  if (query.in_organizations) {
    const auto& mine = *query.in_organizations;
    for (auto& u : users->items)
      std::erase_if(u.roles, [&](const auto& role) {
        return std::find(mine.begin(), mine.end(), role.first) == mine.end();
      });
  }
  std::vector<core::User> shown = users->items;
  auto names = organization_names(call, shown);
  if (!names) return names.error();
  return ok(paged_json(*users, page, [&](const core::User& u) { return to_json(u, *names); }));
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
  auto slot =
      call.ctx.throttle.verification_slot(call.ctx.options.max_password_checks, slot_wait(call));
  if (!slot) return busy();
  auto u = call.ctx.workspace.add_user(actor(call), body["name"].get<std::string>(),
                                       body["password"].get<std::string>(),
                                       body.value("administrator", false));
  if (!u) return problem_from(u.error());
  return user_reply(call, *u, 201);
}

// The account named by the route's {name}, for administrators only.
Answer<core::User> account_for_administrator(Call& call, const std::string& what) {
  if (!is_administrator(call))
    return std::unexpected(problem(403, "Not allowed", what + " needs an administrator"));
  const auto& name = call.req.params.at("name");
  auto u = call.ctx.workspace.user(name);
  if (!u) return std::unexpected(problem(404, "Not found", "no account '" + name + "'"));
  return *u;
}

Response set_disabled(Call& call, bool disabled) {
  auto u = account_for_administrator(call, disabled ? "disabling accounts" : "enabling accounts");
  if (!u) return u.error();
  auto changed = call.ctx.workspace.disable_account(call.principal->user, u->name, disabled);
  if (!changed) return problem_from(changed.error());
  if (call.ctx.cache) call.ctx.cache->forget_user(u->id);
  return user_reply(call, *changed);
}

// An administrator sets another account's password: its sessions end and its API tokens are
// revoked (whoever held the old password holds nothing it gave).
Response reset_password(Call& call) {
  auto u = account_for_administrator(call, "resetting another account's password");
  if (!u) return u.error();
  json body;
  if (auto bad = read_body(call, {{"password", FieldType::k_string, true, 1024}}, body))
    return *bad;
  auto slot =
      call.ctx.throttle.verification_slot(call.ctx.options.max_password_checks, slot_wait(call));
  if (!slot) return busy();
  if (auto r = call.ctx.workspace.reset_password(call.principal->user, u->name,
                                                 body["password"].get<std::string>());
      !r)
    return problem_from(r.error());
  if (call.ctx.cache) call.ctx.cache->forget_user(u->id);
  return no_content();
}

// The password rule, for forms to show and check as the person types (the server still decides).
Response password_policy(Call&) {
  return ok(json{{"min_characters", core::k_password_min_characters},
                 {"max_bytes", core::k_password_max_bytes},
                 {"rule", core::password_rule_text()}});
}

Response list_account_tokens(Call& call) {
  auto u = account_for_administrator(call, "listing another account's tokens");
  if (!u) return u.error();
  return tokens_of(call, u->id);
}

Response revoke_account_token(Call& call) {
  auto u = account_for_administrator(call, "revoking another account's tokens");
  if (!u) return u.error();
  auto id = whole_number(call.req.params.at("token"));
  if (!id) return problem(400, "Bad token id", "a token id is a whole number");
  if (auto r = call.ctx.workspace.revoke_token(actor(call), u->id, *id); !r)
    return problem_from(r.error());
  if (call.ctx.cache) call.ctx.cache->forget_user(u->id);
  return no_content();
}

Response set_role(Call& call, bool grant) {
  auto org = whole_number(call.req.params.at("org"));
  if (!org) return problem(400, "Bad organization id", "an organization id is a whole number");
  if (auto denied = require(call, *org, Need::k_manage)) return *denied;
  const auto& name = call.req.params.at("name");
  if (!grant) {
    auto u = call.ctx.workspace.revoke(actor(call), name, *org);
    if (!u) return problem_from(u.error());
    return user_reply(call, *u);
  }
  json body;
  if (auto bad = read_body(call, {{"role", FieldType::k_string, true, 20}}, body)) return *bad;
  auto role = core::parse_role(body["role"].get<std::string>());
  if (!role) return problem(422, "Not accepted", "role must be admin, editor, auditor or viewer");
  auto u = call.ctx.workspace.grant(actor(call), name, *org, *role);
  if (!u) return problem_from(u.error());
  return user_reply(call, *u);
}

}  // namespace

// The account behind a request, read from the store (no cache).
std::optional<Cache::Signed> authenticate_uncached(Context& ctx, const std::string& bearer,
                                                   const std::string& hash) {
  if (!bearer.empty()) {
    auto found = ctx.workspace.token_user(hash);
    if (!found) return std::nullopt;
    const auto& [token, user] = *found;
    Principal p{user, "", "", true};
    p.read_only = token.scope == core::TokenScope::k_read_only;
    p.token_organization = token.organization;
    p.token_expires_at = token.expires_at;
    if (token.organization != 0) {
      // Limited to one organization: its role there is all the token carries.
      std::map<std::int64_t, core::Role> roles;
      if (user.administrator)
        roles[token.organization] = core::Role::k_admin;
      else if (auto it = user.roles.find(token.organization); it != user.roles.end())
        roles[token.organization] = it->second;
      p.user.roles = std::move(roles);
      p.user.administrator = false;
    }
    return Cache::Signed{p, token.expires_at, "", util::now_utc().substr(0, 10)};
  }
  auto s = ctx.workspace.session(hash);
  if (!s) return std::nullopt;
  auto user = ctx.workspace.user(s->user_name);
  if (!user || user->disabled()) return std::nullopt;
  return Cache::Signed{Principal{*user, hash, s->csrf, false}, s->expires_at, s->last_seen_at, ""};
}

std::optional<Principal> authenticate(Context& ctx, const Request& req) {
  const auto& authorization = req.header("authorization");
  std::string bearer, secret;
  if (util::starts_with_ci(authorization, "bearer ")) {
    bearer = util::trim(authorization.substr(7));
    if (bearer.empty() || bearer.size() > 200) return std::nullopt;
  } else {
    secret = cookie_value(req, cookie_name(ctx.options));
    if (secret.empty() || secret.size() > 200) return std::nullopt;
  }
  auto hash = secret_hash(bearer.empty() ? secret : bearer);
  auto key = (bearer.empty() ? "session " : "token ") + hash;
  std::optional<Cache::Signed> signed_in;
  auto epoch = ctx.cache ? ctx.cache->epoch() : 0;  // before the store is read
  if (ctx.cache) signed_in = ctx.cache->account(key);
  auto now = std::chrono::system_clock::now();
  auto now_text = utc(now);
  // A token's last use is recorded once a day: past midnight the store is asked again.
  if (signed_in && !bearer.empty() && signed_in->token_day != now_text.substr(0, 10))
    signed_in.reset();
  if (!signed_in) {
    signed_in = authenticate_uncached(ctx, bearer, hash);
    if (!signed_in) return std::nullopt;
    if (ctx.cache) ctx.cache->remember(key, *signed_in, epoch);
  }
  const auto& p = signed_in->principal;
  if (!bearer.empty()) {
    // A cached token still ends at its expiry.
    if (signed_in->expires_at <= now_text) return std::nullopt;
    return p;
  }
  if (signed_in->expires_at <= now_text || signed_in->last_seen_at < utc(now - k_idle_timeout)) {
    (void)ctx.workspace.end_sessions(p.user.name, p.user.id, hash);
    if (ctx.cache) ctx.cache->forget_user(p.user.id);
    return std::nullopt;
  }
  if (signed_in->last_seen_at < utc(now - k_touch_interval)) {
    (void)ctx.workspace.touch_session(hash, now_text);
    signed_in->last_seen_at = now_text;
    if (ctx.cache) ctx.cache->remember(key, *signed_in, epoch);
  }
  return p;
}

bool csrf_matches(const Principal& p, const Request& req) {
  if (p.via_token) return true;
  const auto& sent = req.header("x-csrf-token");
  return sent.size() == p.csrf.size() && !sent.empty() &&
         sodium_memcmp(sent.data(), p.csrf.data(), sent.size()) == 0;
}

// --- the throttle ---------------------------------------------------------------------------
// A thin user of the workspace: the rule is core/login_throttle.hpp, the counts are the
// workspace's (shared by every server process on it).

namespace {

core::throttle::Millis millis(LoginThrottle::Clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

util::Result<LoginThrottle::Attempt> LoginThrottle::reserve(workspace::Workspace& workspace,
                                                            const std::string& name,
                                                            const std::string& address,
                                                            Clock::time_point now) {
  return workspace.reserve_attempt(name, address, millis(now));
}

util::Result<LoginThrottle::Outcome> LoginThrottle::failed(workspace::Workspace& workspace,
                                                           const Attempt& attempt,
                                                           Clock::time_point now) {
  return workspace.attempt_failed(attempt, millis(now));
}

util::Result<LoginThrottle::Outcome> LoginThrottle::succeeded(workspace::Workspace& workspace,
                                                              const Attempt& attempt,
                                                              Clock::time_point now) {
  return workspace.attempt_succeeded(attempt, millis(now));
}

util::Result<void> LoginThrottle::abandoned(workspace::Workspace& workspace, const Attempt& attempt,
                                            Clock::time_point now) {
  return workspace.attempt_abandoned(attempt, millis(now));
}

std::size_t LoginThrottle::size(workspace::Workspace& workspace) {
  auto n = workspace.throttle_keys();
  return n ? static_cast<std::size_t>(*n) : 0;
}

LoginThrottle::Slot::~Slot() {
  if (!m_owner) return;
  {
    std::lock_guard lock(m_owner->m_slot_mutex);
    --m_owner->m_slots_used;
  }
  m_owner->m_slot_freed.notify_one();
}

std::optional<LoginThrottle::Slot> LoginThrottle::verification_slot(
    std::size_t max, std::chrono::milliseconds wait) {
  std::unique_lock lock(m_slot_mutex);
  if (!m_slot_freed.wait_for(lock, wait,
                             [&] { return m_slots_used < std::max<std::size_t>(max, 1); }))
    return std::nullopt;
  ++m_slots_used;
  return Slot(this);
}

void add_auth_routes(Routes& routes) {
  routes.add("POST", "/api/v1/session", Access::k_public, sign_in).hashes_passwords();
  routes.add("GET", "/api/v1/session", Access::k_user, current_session);
  routes.add("GET", "/api/v1/session/status", Access::k_optional, session_status);
  routes.add("GET", "/api/v1/password-policy", Access::k_user, password_policy);
  routes.add("DELETE", "/api/v1/session", Access::k_user, sign_out);
  routes.add("DELETE", "/api/v1/sessions", Access::k_user, sign_out_everywhere);
  routes.add("POST", "/api/v1/session/password", Access::k_user, change_password)
      .hashes_passwords();
  routes.add("GET", "/api/v1/tokens", Access::k_user, list_tokens);
  routes.add("POST", "/api/v1/tokens", Access::k_user, create_token);
  routes.add("DELETE", "/api/v1/tokens/{token}", Access::k_user, revoke_token);
  routes.add("GET", "/api/v1/users", Access::k_user, list_users);
  routes.add("POST", "/api/v1/users", Access::k_user, create_user).hashes_passwords();
  routes.add("POST", "/api/v1/users/{name}/disable", Access::k_user,
             [](Call& c) { return set_disabled(c, true); });
  routes.add("POST", "/api/v1/users/{name}/enable", Access::k_user,
             [](Call& c) { return set_disabled(c, false); });
  routes.add("PUT", "/api/v1/users/{name}/password", Access::k_user, reset_password)
      .hashes_passwords();
  routes.add("GET", "/api/v1/users/{name}/tokens", Access::k_user, list_account_tokens);
  routes.add("DELETE", "/api/v1/users/{name}/tokens/{token}", Access::k_user, revoke_account_token);
  routes.add("PUT", "/api/v1/users/{name}/roles/{org}", Access::k_user,
             [](Call& c) { return set_role(c, true); });
  routes.add("DELETE", "/api/v1/users/{name}/roles/{org}", Access::k_user,
             [](Call& c) { return set_role(c, false); });
}

}  // namespace cyberframe::server
