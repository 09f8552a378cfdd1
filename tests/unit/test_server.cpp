// The API router, without sockets, over a real SQLite workspace: sign-in, sessions, CSRF,
// throttling, tokens, the role matrix across organizations, optimistic concurrency, bad input,
// and the OpenAPI document against the implementation.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "catalog/loader.hpp"
#include "server/api.hpp"
#include "server/server.hpp"
#include "store/store.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const core::Catalog& cat() {
  static const catalog::LoadResult r = catalog::load_builtin();
  return r.catalog;
}

const std::string k_password = "a long enough password";

// A signed-in client: its cookie and CSRF token.
struct Client {
  std::string cookie;
  std::string csrf;
  std::string bearer;
};

class Api : public ::testing::Test {
 public:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("cf-api-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    ws = std::make_unique<workspace::Workspace>(std::move(*store::open_sqlite(dir / "ws.db")));
    store = &ws->storage();
    store->set_actor("setup");
    org_a = store->create_organization("Alpha Ltd", "HQ")->id;
    org_b = store->create_organization("Beta GmbH", "Plant")->id;
    core::Profile p{0, org_a, "Current", "iso-tr-27103-2018", core::ProfileKind::k_current};
    current_a = store->create_profile(p)->id;
    p.name = "Target";
    p.kind = core::ProfileKind::k_target;
    target_a = store->create_profile(p)->id;
    core::Profile b{0, org_b, "Current", "iso-tr-27103-2018", core::ProfileKind::k_current};
    current_b = store->create_profile(b)->id;
    core::NodeAssessment t;
    t.node = "ID.AM-1";
    t.level = 4;
    store->put_node_assessment(target_a, t, 0, "setup");
    ASSERT_TRUE(store->add_user("root", k_password, true));
    for (auto [name, org, role] : {std::tuple{"alice", org_a, store::Role::k_admin},
                                   std::tuple{"edith", org_a, store::Role::k_editor},
                                   std::tuple{"aude", org_a, store::Role::k_auditor},
                                   std::tuple{"vic", org_a, store::Role::k_viewer},
                                   std::tuple{"bob", org_b, store::Role::k_editor}}) {
      ASSERT_TRUE(store->add_user(name, k_password, false));
      ASSERT_TRUE(store->grant(name, org, role));
    }
  }
  void TearDown() override {
    store = nullptr;
    ws.reset();
    fs::remove_all(dir);
  }

  Response call(const std::string& method, const std::string& path, const Client& c = {},
                const std::string& body = "", std::map<std::string, std::string> headers = {},
                std::map<std::string, std::string> query = {}) {
    Request r;
    r.method = method;
    r.path = path;
    r.query = std::move(query);
    r.headers = std::move(headers);
    if (!c.cookie.empty()) r.headers["cookie"] = "cf_session=" + c.cookie;
    if (!c.csrf.empty() && !r.headers.contains("x-csrf-token")) r.headers["x-csrf-token"] = c.csrf;
    if (!c.bearer.empty()) r.headers["authorization"] = "Bearer " + c.bearer;
    if (!body.empty() && !r.headers.contains("content-type"))
      r.headers["content-type"] = "application/json";
    r.body = body;
    r.remote = remote;
    Context ctx{cat(), *ws, options, throttle, use_cache ? &cache : nullptr, &catalogs};
    return handle(ctx, r);
  }

  Client sign_in(const std::string& name, const std::string& password = k_password) {
    auto r =
        call("POST", "/api/v1/session", {}, json{{"name", name}, {"password", password}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    Client c;
    for (const auto& [k, v] : r.headers) {
      if (k != "Set-Cookie") continue;
      auto start = v.find('=') + 1;
      c.cookie = v.substr(start, v.find(';') - start);
    }
    c.csrf = json::parse(r.body)["csrf_token"];
    return c;
  }

  // After a change made to the store directly (as another process would: the CLI, say): the
  // server sees other processes' changes within 2 ms.
  static void let_the_server_see_it() { std::this_thread::sleep_for(std::chrono::milliseconds(5)); }

  // An operator's change to the workspace file that the API cannot make (an expired token).
  void sqlite3_exec_on_workspace(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "ws.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    let_the_server_see_it();
    cache.forget_everything();  // a change no audit row announces
  }

  static std::string header(const Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return "";
  }

  std::string node_path(std::int64_t profile, const std::string& node = "ID.AM-1") {
    return "/api/v1/profiles/" + std::to_string(profile) + "/nodes/" + node;
  }

  // PUTs a level with the node's current ETag.
  Response put_level(const Client& c, std::int64_t profile, int level,
                     const std::string& node = "ID.AM-1") {
    auto etag = header(call("GET", node_path(profile, node), c), "ETag");
    if (etag.empty()) etag = "\"0\"";
    return call("PUT", node_path(profile, node), c, json{{"level", level}}.dump(),
                {{"if-match", etag}});
  }

  fs::path dir;
  // The workspace the router answers from, and its storage beneath (for setting up and checking).
  std::unique_ptr<workspace::Workspace> ws;
  store::Store* store = nullptr;
  Options options;
  LoginThrottle throttle;
  std::string remote = "192.0.2.1";  // the caller's address
  Cache cache;                       // as the server has: every test runs through it
  bool use_cache = true;
  // The built-in catalog with the workspace's stored frameworks on top, as the server has it.
  Catalogs catalogs{catalog::read_sources({}, {}),
                    std::shared_ptr<const core::Catalog>(&cat(), [](const core::Catalog*) {}), 0};
  std::int64_t org_a = 0, org_b = 0, current_a = 0, target_a = 0, current_b = 0;
};

TEST_F(Api, SignInSetsAStrictHttpOnlyCookieAndTheSessionWorks) {
  auto r =
      call("POST", "/api/v1/session", {}, json{{"name", "edith"}, {"password", k_password}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  auto cookie = header(r, "Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // not under TLS
  auto c = sign_in("edith");
  auto me = call("GET", "/api/v1/session", c);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(json::parse(me.body)["user"]["name"], "edith");
  EXPECT_EQ(json::parse(me.body)["user"]["roles"][0]["role"], "editor");
  // The database keeps a hash, never the cookie's secret.
  EXPECT_FALSE(store->session(c.cookie));
}

TEST_F(Api, SecureCookiesUnderTls) {
  options.secure_cookies = true;
  auto r =
      call("POST", "/api/v1/session", {}, json{{"name", "edith"}, {"password", k_password}}.dump());
  EXPECT_NE(header(r, "Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_F(Api, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto a = call("POST", "/api/v1/session", {}, json{{"name", "edith"}, {"password", "x"}}.dump());
  auto b = call("POST", "/api/v1/session", {}, json{{"name", "nobody"}, {"password", "x"}}.dump());
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.body, b.body);
}

TEST_F(Api, RequestsWithoutAValidSessionAre401) {
  EXPECT_EQ(call("GET", "/api/v1/organizations").status, 401);
  EXPECT_EQ(call("GET", "/api/v1/organizations", Client{"forged-cookie-value", "", ""}).status,
            401);
  EXPECT_EQ(call("GET", "/api/v1/organizations", Client{"", "", "cf_forged"}).status, 401);
  EXPECT_EQ(call("GET", "/healthz").status, 200);
  EXPECT_EQ(call("GET", "/api/v1/openapi.json").status, 200);
}

TEST_F(Api, ExpiredAndIdleSessionsAreRefused) {
  auto user = store->user("edith")->id;
  // A session past its absolute end, and one idle for more than 12 hours.
  store->create_session(store::Session{secret_hash("ended"), user, "", "csrf-1",
                                       "2020-01-01T00:00:00Z", "2020-01-08T00:00:00Z",
                                       "2020-01-01T00:00:00Z"});
  store->create_session(store::Session{secret_hash("idle"), user, "", "csrf-2",
                                       "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
                                       "2020-01-01T00:00:00Z"});
  store->create_session(store::Session{secret_hash("fresh"), user, "", "csrf-3", store::now_utc(),
                                       "2999-01-01T00:00:00Z", store::now_utc()});
  EXPECT_EQ(call("GET", "/api/v1/session", Client{"ended", "", ""}).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/session", Client{"idle", "", ""}).status, 401);
  EXPECT_EQ(put_level(Client{"idle", "csrf-2", ""}, current_a, 3).status, 401);
  EXPECT_EQ(store->node_assessments(current_a)->count("ID.AM-1"), 0u);
  EXPECT_EQ(call("GET", "/api/v1/session", Client{"fresh", "", ""}).status, 200);
}

// The page-load check: whether anyone is signed in is an answer (200), not an error; it shows
// nothing of a session that has ended, and GET /api/v1/session itself stays 401.
TEST_F(Api, TheSessionStatusAnswers200AndShowsOnlyALiveSession) {
  auto status = [&](const Client& c) { return call("GET", "/api/v1/session/status", c); };
  auto nobody = status({});
  EXPECT_EQ(nobody.status, 200);
  EXPECT_EQ(json::parse(nobody.body), (json{{"signed_in", false}}));
  EXPECT_EQ(json::parse(status(Client{"forged-cookie-value", "", ""}).body),
            (json{{"signed_in", false}}));
  EXPECT_EQ(json::parse(status(Client{"", "", "cf_forged"}).body), (json{{"signed_in", false}}));
  auto c = sign_in("edith");
  auto signed_in = json::parse(status(c).body);
  EXPECT_EQ(signed_in["signed_in"], true);
  EXPECT_EQ(signed_in["user"]["name"], "edith");
  EXPECT_EQ(signed_in["csrf_token"], c.csrf);
  // Signed out: the cached session is not shown again.
  EXPECT_EQ(call("DELETE", "/api/v1/session", c).status, 204);
  EXPECT_EQ(json::parse(status(c).body), (json{{"signed_in", false}}));
  EXPECT_EQ(call("GET", "/api/v1/session", c).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/organizations", c).status, 401);
}

// An administrator resets another account's password: its sessions and tokens end; nobody else
// may, and nobody resets their own.
TEST_F(Api, AnAdministratorResetsAPasswordAndEndsTheAccountsSessions) {
  auto root = sign_in("root");
  auto vic = sign_in("vic");
  auto reset = [&](const Client& by, const std::string& name, const std::string& password) {
    return call("PUT", "/api/v1/users/" + name + "/password", by,
                json{{"password", password}}.dump());
  };
  EXPECT_EQ(reset(sign_in("alice"), "vic", "a-fresh-passphrase-1").status, 403);
  EXPECT_EQ(reset(vic, "vic", "a-fresh-passphrase-1").status, 403);
  EXPECT_EQ(reset(root, "nobody", "a-fresh-passphrase-1").status, 404);
  auto weak = reset(root, "vic", "vic-2026");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(json::parse(weak.body)["errors"][0]["field"], "password");
  EXPECT_EQ(reset(root, "root", "a-fresh-passphrase-1").status, 422);
  EXPECT_EQ(call("GET", "/api/v1/session", vic).status, 200);
  EXPECT_EQ(reset(root, "vic", "a-fresh-passphrase-1").status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", vic).status, 401);
  EXPECT_EQ(
      call("POST", "/api/v1/session", {}, json{{"name", "vic"}, {"password", k_password}}.dump())
          .status,
      401);
  sign_in("vic", "a-fresh-passphrase-1");
  EXPECT_EQ(call("GET", "/api/v1/session", root).status, 200);
}

TEST_F(Api, StateChangingRequestsNeedTheCsrfToken) {
  auto c = sign_in("edith");
  Client no_csrf{c.cookie, "", ""};
  auto r = call("PUT", node_path(current_a), no_csrf, json{{"level", 3}}.dump(),
                {{"if-match", "\"0\""}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(json::parse(r.body)["title"], "CSRF token missing or wrong");
  Client wrong{c.cookie, std::string(c.csrf.size(), 'A'), ""};
  EXPECT_EQ(
      call("PUT", node_path(current_a), wrong, json{{"level", 3}}.dump(), {{"if-match", "\"0\""}})
          .status,
      403);
  EXPECT_EQ(store->node_assessments(current_a)->count("ID.AM-1"), 0u);
  EXPECT_EQ(put_level(c, current_a, 3).status, 200);
}

TEST_F(Api, WrongPasswordsSlowTheNameDownWithoutLockingItOut) {
  auto attempt = [&](const std::string& password) {
    return call("POST", "/api/v1/session", {},
                json{{"name", "vic"}, {"password", password}}.dump());
  };
  EXPECT_EQ(attempt("wrong one").status, 401);
  // The throttle's counts are written to the workspace but are no change to it: a failure that
  // asks for no audit row leaves the change counter (what the read cache follows) where it was.
  auto counter = ws->change_counter();
  ASSERT_TRUE(counter);
  EXPECT_EQ(attempt("wrong two").status, 401);
  EXPECT_EQ(*ws->change_counter(), *counter);
  auto third = attempt("wrong three");
  EXPECT_EQ(third.status, 401);
  EXPECT_EQ(header(third, "Retry-After"), "5") << "a delay starts after three failures";
  // The next attempt from this address waits, even with the right password (not verified).
  auto r = attempt(k_password);
  EXPECT_EQ(r.status, 429);
  EXPECT_GT(std::stol(header(r, "Retry-After")), 0);
  EXPECT_EQ(header(r, "Set-Cookie"), "");
  // The name's case makes no difference to the count.
  auto upper =
      call("POST", "/api/v1/session", {}, json{{"name", "VIC"}, {"password", k_password}}.dump());
  EXPECT_EQ(upper.status, 429);
  // From another address the right password goes through at once: nobody is locked out.
  remote = "198.51.100.7";
  sign_in("vic");
  // Other accounts are not slowed down.
  remote = "192.0.2.1";
  sign_in("edith");
  // The trail has the failed sign-in, its address and count, never the password.
  auto trail = store->audit_log("session", "vic", 10);
  ASSERT_TRUE(trail);
  auto failed = std::find_if(trail->begin(), trail->end(),
                             [](const auto& row) { return row.action == "sign-in-failed"; });
  ASSERT_NE(failed, trail->end());
  auto after = json::parse(failed->after);
  EXPECT_EQ(after["address"], "192.0.2.1");
  EXPECT_EQ(after["failures"], 1);
  for (const auto& row : *trail) EXPECT_EQ(row.after.find("wrong"), std::string::npos);
  // The delay the third failure started has a row of its own, with the failures since.
  auto delayed = std::find_if(trail->begin(), trail->end(), [](const auto& row) {
    return row.action == "sign-in-failed" && json::parse(row.after)["delay_seconds"] == 5;
  });
  ASSERT_NE(delayed, trail->end());
  EXPECT_EQ(json::parse(delayed->after)["failures"], 2);
}

TEST_F(Api, AnUnknownNameIsCountedAndAnsweredLikeAWrongPassword) {
  for (int i = 0; i < 3; ++i) {
    auto unknown = call("POST", "/api/v1/session", {},
                        json{{"name", "nobody"}, {"password", "a wrong password"}}.dump());
    auto wrong = call("POST", "/api/v1/session", {},
                      json{{"name", "edith"}, {"password", "a wrong password"}}.dump());
    EXPECT_EQ(unknown.status, wrong.status);
    EXPECT_EQ(unknown.body, wrong.body);
    EXPECT_EQ(header(unknown, "Retry-After"), header(wrong, "Retry-After"));
  }
  EXPECT_EQ(call("POST", "/api/v1/session", {},
                 json{{"name", "nobody"}, {"password", "a wrong password"}}.dump())
                .status,
            429);
}

TEST_F(Api, ADisabledAccountCannotSignInAndLosesItsSessionsAndTokensAtOnce) {
  auto c = sign_in("edith");
  auto t = call("POST", "/api/v1/tokens", c, json{{"name", "bot"}, {"scope", "read-write"}}.dump());
  ASSERT_EQ(t.status, 201) << t.body;
  Client bot{"", "", json::parse(t.body)["token"]};
  ASSERT_EQ(call("GET", "/api/v1/organizations", bot).status, 200);
  auto root = sign_in("root");
  EXPECT_EQ(call("POST", "/api/v1/users/edith/disable", sign_in("alice")).status, 403)
      << "an organization's admin does not disable accounts";
  auto r = call("POST", "/api/v1/users/EDITH/disable", root);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::parse(r.body)["disabled"], true);
  EXPECT_EQ(call("GET", "/api/v1/session", c).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/organizations", bot).status, 401);
  auto refused =
      call("POST", "/api/v1/session", {}, json{{"name", "edith"}, {"password", k_password}}.dump());
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(json::parse(refused.body)["title"], "Account disabled");
  // A wrong password of a disabled account is still only a wrong password.
  EXPECT_EQ(call("POST", "/api/v1/session", {},
                 json{{"name", "edith"}, {"password", "not it at all"}}.dump())
                .status,
            401);
  EXPECT_EQ(call("POST", "/api/v1/users/root/disable", root).status, 422) << "not oneself";
  ASSERT_EQ(call("POST", "/api/v1/users/edith/enable", root).status, 200);
  sign_in("edith");
  EXPECT_EQ(call("GET", "/api/v1/organizations", bot).status, 401) << "revoked tokens stay revoked";
  EXPECT_EQ(call("POST", "/api/v1/users/nobody/disable", root).status, 404);
}

TEST_F(Api, SessionCookiesUnderTlsHaveTheHostPrefix) {
  options.secure_cookies = true;
  auto r =
      call("POST", "/api/v1/session", {}, json{{"name", "edith"}, {"password", k_password}}.dump());
  auto cookie = header(r, "Set-Cookie");
  EXPECT_TRUE(cookie.starts_with("__Host-cf_session=")) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos);
  EXPECT_NE(cookie.find("; Secure"), std::string::npos);
  EXPECT_EQ(cookie.find("Domain"), std::string::npos);
  auto secret = cookie.substr(18, cookie.find(';') - 18);
  auto with = [&](const std::string& name) {
    return call("GET", "/api/v1/session", {}, "", {{"cookie", name + "=" + secret}}).status;
  };
  EXPECT_EQ(with("__Host-cf_session"), 200);
  EXPECT_EQ(with("cf_session"), 401) << "under TLS only the prefixed cookie counts";
}

TEST_F(Api, SignOutAndSignOutEverywhere) {
  auto one = sign_in("edith");
  auto two = sign_in("edith");
  EXPECT_EQ(call("DELETE", "/api/v1/session", one).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", one).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/session", two).status, 200);
  auto three = sign_in("edith");
  EXPECT_EQ(call("DELETE", "/api/v1/sessions", three).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", two).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/session", three).status, 401);
}

TEST_F(Api, ANewPasswordEndsTheSessions) {
  auto c = sign_in("edith");
  ASSERT_TRUE(store->set_password("edith", "another long password"));
  let_the_server_see_it();
  EXPECT_EQ(call("GET", "/api/v1/session", c).status, 401);
  sign_in("edith", "another long password");
}

TEST_F(Api, ChangingThePasswordEndsTheOtherSessions) {
  auto other = sign_in("edith");
  auto c = sign_in("edith");
  auto wrong =
      call("POST", "/api/v1/session/password", c,
           json{{"current_password", "not it"}, {"new_password", "a new long password"}}.dump());
  EXPECT_EQ(wrong.status, 403);
  auto r =
      call("POST", "/api/v1/session/password", c,
           json{{"current_password", k_password}, {"new_password", "a new long password"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(call("GET", "/api/v1/session", other).status, 401);
  EXPECT_EQ(call("GET", "/api/v1/session", c).status, 401);  // replaced by the new cookie
  sign_in("edith", "a new long password");
  auto vic = sign_in("vic");
  auto short_one = call("POST", "/api/v1/session/password", vic,
                        json{{"current_password", k_password}, {"new_password", "short"}}.dump());
  EXPECT_EQ(short_one.status, 422);
  auto common =
      call("POST", "/api/v1/session/password", vic,
           json{{"current_password", k_password}, {"new_password", "Password2026!"}}.dump());
  EXPECT_EQ(common.status, 422);
  EXPECT_NE(json::parse(common.body)["detail"].get<std::string>().find("common password"),
            std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/session", vic).status, 200) << "a refused password ends nothing";
}

TEST_F(Api, AnOrganizationsAdminSeesOnlyTheAccountsOfItsOrganizations) {
  ASSERT_TRUE(store->grant("bob", org_a, store::Role::k_viewer));
  ASSERT_TRUE(store->add_user("carol", k_password, false));  // no role anywhere
  ASSERT_TRUE(store->add_user("dave", k_password, false));
  ASSERT_TRUE(store->grant("dave", org_b, store::Role::k_admin));  // only in the other one
  auto body = json::parse(call("GET", "/api/v1/users", sign_in("alice")).body);
  std::set<std::string> names;
  for (const auto& u : body["items"]) {
    names.insert(u["name"]);
    for (const auto& role : u["roles"]) EXPECT_EQ(role["organization"], org_a) << u.dump();
  }
  EXPECT_EQ(names, (std::set<std::string>{"alice", "aude", "bob", "edith", "vic"}));
  EXPECT_EQ(body["total"], 5);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/users", sign_in("root")).body)["total"], 8);
  EXPECT_EQ(call("GET", "/api/v1/users", sign_in("edith")).status, 403);
}

TEST_F(Api, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto c = sign_in("edith");
  auto r = call("POST", "/api/v1/tokens", c,
                json{{"name", "CI export"}, {"scope", "read-write"}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  auto token = json::parse(r.body)["token"].get<std::string>();
  auto id = json::parse(r.body)["id"].get<int>();
  EXPECT_TRUE(token.starts_with("cf_"));
  auto list = call("GET", "/api/v1/tokens", c);
  EXPECT_EQ(list.body.find(token), std::string::npos);
  Client bot{"", "", token};
  EXPECT_EQ(call("GET", "/api/v1/organizations", bot).status, 200);
  // A token needs no CSRF token: browsers never send it on their own.
  EXPECT_EQ(put_level(bot, current_a, 2).status, 200);
  EXPECT_EQ(store->node_assessments(current_a)->at("ID.AM-1").updated_by, "edith");
  EXPECT_EQ(call("DELETE", "/api/v1/tokens/" + std::to_string(id), c).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/organizations", bot).status, 401);
}

TEST_F(Api, TokensExpireWithinAYearAndDefaultToNinetyDays) {
  auto c = sign_in("edith");
  auto r = call("POST", "/api/v1/tokens", c, json{{"name", "n"}, {"scope", "read-only"}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  auto j = json::parse(r.body);
  EXPECT_EQ(j["expires_at"].get<std::string>().substr(0, 10),
            store::utc_after(std::chrono::days(90)).substr(0, 10));
  EXPECT_EQ(j["scope"], "read-only");
  EXPECT_EQ(j["organization"], nullptr);
  for (int days : {0, 366, -1})
    EXPECT_EQ(call("POST", "/api/v1/tokens", c,
                   json{{"name", "n"}, {"scope", "read-only"}, {"expires_in_days", days}}.dump())
                  .status,
              422)
        << days;
  EXPECT_EQ(call("POST", "/api/v1/tokens", c, json{{"name", "n"}}.dump()).status, 400)
      << "the scope is asked for";
  EXPECT_EQ(
      call("POST", "/api/v1/tokens", c, json{{"name", "n"}, {"scope", "admin"}}.dump()).status,
      422);
  // An expired token is refused, and the list says it expired.
  auto token = j["token"].get<std::string>();
  Client bot{"", "", token};
  ASSERT_EQ(call("GET", "/api/v1/session", bot).status, 200);
  sqlite3_exec_on_workspace("UPDATE api_token SET expires_at = '2000-01-01T00:00:00Z'");
  EXPECT_EQ(call("GET", "/api/v1/session", bot).status, 401);
  auto listed = json::parse(call("GET", "/api/v1/tokens", c).body);
  EXPECT_EQ(listed["items"][0]["expired"], true);
}

TEST_F(Api, AReadOnlyTokenReadsButChangesNothing) {
  auto c = sign_in("alice");  // admin of organization A
  auto r = call("POST", "/api/v1/tokens", c, json{{"name", "ro"}, {"scope", "read-only"}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  Client ro{"", "", json::parse(r.body)["token"]};
  auto before = store->change_counter();
  EXPECT_EQ(call("GET", node_path(current_a), ro).status, 200);
  auto put =
      call("PUT", node_path(current_a), ro, json{{"level", 3}}.dump(), {{"if-match", "\"0\""}});
  EXPECT_EQ(put.status, 403);
  EXPECT_EQ(json::parse(put.body)["title"], "Read-only token");
  EXPECT_EQ(
      call("POST", node_path(current_a) + "/comments", ro, json{{"text", "hi"}}.dump()).status,
      403);
  EXPECT_EQ(call("PUT", "/api/v1/users/vic/roles/" + std::to_string(org_a), ro,
                 json{{"role", "editor"}}.dump())
                .status,
            403);
  EXPECT_EQ(call("DELETE", "/api/v1/sessions", ro).status, 403);
  EXPECT_EQ(
      call("POST", "/api/v1/session/password", ro,
           json{{"current_password", k_password}, {"new_password", "a new long password"}}.dump())
          .status,
      403);
  EXPECT_EQ(*store->change_counter(), *before) << "nothing was written";
  // Validating an OSCAL document changes nothing: a read-only token may.
  auto valid =
      call("POST", "/api/v1/oscal/validate", ro, "{}", {{"content-type", "application/json"}});
  EXPECT_NE(valid.status, 403) << valid.body;
}

TEST_F(Api, ATokenLimitedToAnOrganizationSeesNothingOfAnother) {
  ASSERT_TRUE(store->grant("edith", org_b, store::Role::k_viewer));
  auto c = sign_in("edith");
  auto r = call("POST", "/api/v1/tokens", c,
                json{{"name", "a only"}, {"scope", "read-write"}, {"organization", org_a}}.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(json::parse(r.body)["organization"], org_a);
  Client a_only{"", "", json::parse(r.body)["token"]};
  auto orgs = json::parse(call("GET", "/api/v1/organizations", a_only).body);
  ASSERT_EQ(orgs["total"], 1);
  EXPECT_EQ(orgs["items"][0]["id"], org_a);
  EXPECT_EQ(call("GET", "/api/v1/profiles/" + std::to_string(current_b), a_only).status, 404);
  EXPECT_EQ(
      call("GET", "/api/v1/organizations/" + std::to_string(org_b) + "/dashboard", a_only).status,
      404);
  EXPECT_EQ(put_level(a_only, current_a, 1).status, 200);
  // An administrator's token limited to A is an admin of A and nothing more.
  auto root = sign_in("root");
  auto rt = call("POST", "/api/v1/tokens", root,
                 json{{"name", "root a"}, {"scope", "read-write"}, {"organization", org_a}}.dump());
  ASSERT_EQ(rt.status, 201) << rt.body;
  Client root_a{"", "", json::parse(rt.body)["token"]};
  EXPECT_EQ(call("GET", "/api/v1/profiles/" + std::to_string(current_b), root_a).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/audit", root_a).status, 403);
  EXPECT_EQ(json::parse(call("GET", "/api/v1/session", root_a).body)["token"]["organization"],
            org_a);
  // Nor does it reach the account beyond that organization: its other tokens, its sessions, its
  // password.
  auto mine = json::parse(call("GET", "/api/v1/tokens", a_only).body);
  ASSERT_EQ(mine["total"], 1);
  EXPECT_EQ(mine["items"][0]["organization"], org_a);
  auto everywhere =
      call("POST", "/api/v1/tokens", c, json{{"name", "all"}, {"scope", "read-write"}}.dump());
  auto everywhere_id = std::to_string(json::parse(everywhere.body)["id"].get<int>());
  EXPECT_EQ(call("DELETE", "/api/v1/tokens/" + everywhere_id, a_only).status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/sessions", a_only).status, 403);
  EXPECT_EQ(
      call("POST", "/api/v1/session/password", a_only,
           json{{"current_password", k_password}, {"new_password", "a new long password"}}.dump())
          .status,
      403);
  EXPECT_EQ(call("GET", "/api/v1/session", c).status, 200);
  // A token can only be limited to an organization its account sees.
  EXPECT_EQ(call("POST", "/api/v1/tokens", sign_in("bob"),
                 json{{"name", "x"}, {"scope", "read-only"}, {"organization", org_a}}.dump())
                .status,
            404);
}

TEST_F(Api, TokensAreMadeFromASessionAndEndWithThePasswordAndSignOutEverywhere) {
  auto c = sign_in("edith");
  auto make = [&](const Client& who) {
    return call("POST", "/api/v1/tokens", who, json{{"name", "t"}, {"scope", "read-write"}}.dump());
  };
  Client bot{"", "", json::parse(make(c).body)["token"]};
  auto child = make(bot);
  EXPECT_EQ(child.status, 403) << "a token cannot make another one";
  // Sign out everywhere revokes the tokens too.
  EXPECT_EQ(call("DELETE", "/api/v1/sessions", sign_in("edith")).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", bot).status, 401);
  // So does a password change.
  c = sign_in("edith");
  Client bot2{"", "", json::parse(make(c).body)["token"]};
  ASSERT_EQ(
      call("POST", "/api/v1/session/password", c,
           json{{"current_password", k_password}, {"new_password", "a new long password"}}.dump())
          .status,
      200);
  EXPECT_EQ(call("GET", "/api/v1/session", bot2).status, 401);
  EXPECT_TRUE(store->tokens(store->user("edith")->id)->empty());
}

TEST_F(Api, AdministratorsListAndRevokeAnyAccountsTokens) {
  auto c = sign_in("edith");
  auto t = json::parse(
      call("POST", "/api/v1/tokens", c, json{{"name", "laptop"}, {"scope", "read-write"}}.dump())
          .body);
  Client bot{"", "", t["token"]};
  auto id = std::to_string(t["id"].get<int>());
  auto root = sign_in("root");
  auto list = call("GET", "/api/v1/users/edith/tokens", root);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(json::parse(list.body)["items"][0]["name"], "laptop");
  EXPECT_EQ(list.body.find(t["token"].get<std::string>()), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/users/edith/tokens", sign_in("alice")).status, 403);
  EXPECT_EQ(call("DELETE", "/api/v1/users/edith/tokens/" + id, sign_in("alice")).status, 403);
  EXPECT_EQ(call("DELETE", "/api/v1/users/vic/tokens/" + id, root).status, 404)
      << "the id must be a token of that account";
  EXPECT_EQ(call("DELETE", "/api/v1/users/edith/tokens/" + id, root).status, 204);
  EXPECT_EQ(call("GET", "/api/v1/session", bot).status, 401);
}

// What each role may do, in its own organization and in another one. Every refused write leaves
// the workspace as it was.
TEST_F(Api, RoleMatrix) {
  struct Operation {
    std::string name;
    std::function<Response(Api&, const Client&)> run;
  };
  auto org = [&](std::int64_t id) { return "/api/v1/organizations/" + std::to_string(id); };
  auto prof = [&](std::int64_t id) { return "/api/v1/profiles/" + std::to_string(id); };
  std::vector<Operation> ops{
      {"read dashboard",
       [&](Api& a, const Client& c) { return a.call("GET", org(org_a) + "/dashboard", c); }},
      {"list nodes",
       [&](Api& a, const Client& c) { return a.call("GET", prof(current_a) + "/nodes", c); }},
      {"gaps",
       [&](Api& a, const Client& c) { return a.call("GET", prof(current_a) + "/gaps", c); }},
      {"what-if",
       [&](Api& a, const Client& c) { return a.call("GET", prof(current_a) + "/what-if", c); }},
      {"assess node", [&](Api& a, const Client& c) { return a.put_level(c, current_a, 3); }},
      {"comment",
       [&](Api& a, const Client& c) {
         return a.call("POST", a.node_path(current_a) + "/comments", c,
                       json{{"text", "seen"}}.dump());
       }},
      {"add action",
       [&](Api& a, const Client& c) {
         return a.call("POST", org(org_a) + "/actions", c, json{{"title", "Patch"}}.dump());
       }},
      {"freeze",
       [&](Api& a, const Client& c) {
         return a.call("POST", prof(current_a) + "/assessments", c, json{{"name", "Q"}}.dump());
       }},
      {"grant role",
       [&](Api& a, const Client& c) {
         return a.call("PUT", "/api/v1/users/vic/roles/" + std::to_string(org_a), c,
                       json{{"role", "viewer"}}.dump());
       }},
      {"create organization",
       [&](Api& a, const Client& c) {
         return a.call("POST", "/api/v1/organizations", c,
                       json{{"name", "New " + c.csrf.substr(0, 6)}}.dump());
       }},
      {"audit log", [&](Api& a, const Client& c) { return a.call("GET", "/api/v1/audit", c); }},
  };
  // Expected status class per role, in the order of `ops`: 2 allowed, 3 forbidden (403), 4 hidden
  // (404).
  const std::map<std::string, std::vector<int>> expected{
      {"root", {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2}},  {"alice", {2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3}},
      {"edith", {2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3}}, {"aude", {2, 2, 2, 2, 3, 2, 3, 3, 3, 3, 3}},
      {"vic", {2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3}},   {"bob", {4, 4, 4, 4, 4, 4, 4, 4, 4, 3, 3}},
  };
  for (const auto& [user, want] : expected) {
    auto c = sign_in(user);
    for (std::size_t i = 0; i < ops.size(); ++i) {
      SCOPED_TRACE(user + ": " + ops[i].name);
      auto audit_before = store->audit_log("", "", 1)->back().id;
      auto r = ops[i].run(*this, c);
      int cls = r.status / 100 == 2 ? 2 : r.status == 403 ? 3 : r.status == 404 ? 4 : 0;
      EXPECT_EQ(cls, want[i]) << r.status << " " << r.body;
      if (cls != 2) {
        EXPECT_EQ(r.content_type, "application/problem+json");
        EXPECT_EQ(store->audit_log("", "", 1)->back().id, audit_before)
            << "a refused request changed something";
      }
    }
  }
}

// The cache the server shares between threads never answers with what changed since: a read
// after a write, a revoked role, a session ended elsewhere.
TEST_F(Api, CachedAnswersFollowEveryChange) {
  auto c = sign_in("edith");
  auto path = "/api/v1/organizations/" + std::to_string(org_a) + "/dashboard";
  auto first = call("GET", path, c);
  EXPECT_EQ(call("GET", path, c).body, first.body);
  ASSERT_EQ(put_level(c, current_a, 3).status, 200);
  EXPECT_EQ(json::parse(call("GET", path, c).body)["coverage"]["assessed"], 1);
  // A role taken away by the CLI (another connection) ends access at once.
  ASSERT_TRUE(store->revoke("edith", org_a));
  let_the_server_see_it();
  EXPECT_EQ(call("GET", path, c).status, 404);
  // A session ended through the API is refused at once; one ended by another process (audited)
  // within 2 ms.
  auto v = sign_in("vic");
  EXPECT_EQ(call("GET", path, v).status, 200);
  EXPECT_EQ(call("DELETE", "/api/v1/sessions", sign_in("vic")).status, 204);
  EXPECT_EQ(call("GET", path, v).status, 401);
  auto v2 = sign_in("vic");
  EXPECT_EQ(call("GET", path, v2).status, 200);
  ASSERT_TRUE(store->end_sessions(store->user("vic")->id, ""));
  let_the_server_see_it();
  EXPECT_EQ(call("GET", path, v2).status, 401);
  // Answers are per account: bob (other organization) never gets edith's cached dashboard.
  EXPECT_EQ(call("GET", path, sign_in("bob")).status, 404);
}

// A PUT of one node, as an editor sends them one after another: the node's row is read once
// (for If-Match and the answer) where it was read three times, and the write is BEGIN, the row
// (whose trigger moves the profile's version), the audit row and COMMIT: four statements. Before
// issue 12 the request ran 16 statements (the account read again after every change, the row
// read three times, the trail's end read twice); now 8 at most (bench/README.md says how they
// were counted).
TEST_F(Api, APutOfOneNodeReadsItsRowOnceAndWritesItInFourStatements) {
  auto c = sign_in("edith");
  ASSERT_EQ(put_level(c, current_a, 1).status, 200);
  auto etag = header(call("GET", node_path(current_a), c), "ETag");
  store->record_statements(true);
  auto r = call("PUT", node_path(current_a), c, json{{"level", 2}}.dump(), {{"if-match", etag}});
  auto sql = store->statements_run();
  store->record_statements(false);
  ASSERT_EQ(r.status, 200) << r.body;
  std::string listing;
  for (const auto& s : sql) listing += "\n  " + s.substr(0, 100);
  auto begin = std::find(sql.begin(), sql.end(), "BEGIN IMMEDIATE");
  auto commit = std::find(sql.begin(), sql.end(), "COMMIT");
  ASSERT_TRUE(begin != sql.end() && commit != sql.end()) << listing;
  EXPECT_LE(commit - begin + 1, 4) << "the write, BEGIN and COMMIT included:" << listing;
  EXPECT_EQ(std::count_if(sql.begin(), sql.end(),
                          [](const auto& s) {
                            return s.starts_with("SELECT") &&
                                   s.find("FROM node_assessment") != std::string::npos;
                          }),
            1)
      << listing;
  EXPECT_LE(sql.size(), 8u) << listing;
  EXPECT_EQ(json::parse(r.body)["level"], 2);
  EXPECT_EQ(header(r, "ETag"), "\"2\"");
}

// A change drops only the answers it can affect: a node written in one organization leaves
// another's dashboard in memory (answered without a statement but the change counter) and has
// its own computed again; a change to roles, or any change of another process, drops all.
TEST_F(Api, AWriteDropsOnlyTheAnswersOfItsOrganization) {
  auto root = sign_in("root");
  auto dashboard_a = "/api/v1/organizations/" + std::to_string(org_a) + "/dashboard";
  auto dashboard_b = "/api/v1/organizations/" + std::to_string(org_b) + "/dashboard";
  auto assessed = [](const Response& r) { return json::parse(r.body)["coverage"]["assessed"]; };
  // What a request ran besides reading the change counter: nothing for a cached answer.
  auto computed = [&](const std::string& path, const Client& c, Response* out = nullptr) {
    store->record_statements(true);
    auto r = call("GET", path, c);
    auto sql = store->statements_run();
    store->record_statements(false);
    EXPECT_EQ(r.status, 200) << r.body;
    if (out) *out = r;
    // The counters: the change counter, and (when it moved) the stored frameworks' revision.
    std::erase_if(sql, [](const auto& s) {
      return s == "SELECT coalesce(max(id), 0) FROM audit" ||
             s == "SELECT coalesce(max(id), 0) FROM audit WHERE entity = 'framework'";
    });
    return !sql.empty();
  };
  ASSERT_EQ(assessed(call("GET", dashboard_a, root)), 0);
  ASSERT_EQ(assessed(call("GET", dashboard_b, root)), 0);
  EXPECT_FALSE(computed(dashboard_a, root));
  EXPECT_FALSE(computed(dashboard_b, root));

  ASSERT_EQ(put_level(root, current_b, 3).status, 200);
  EXPECT_FALSE(computed(dashboard_a, root)) << "organization A's dashboard was dropped";
  Response b;
  EXPECT_TRUE(computed(dashboard_b, root, &b));
  EXPECT_EQ(assessed(b), 1);

  // A role is everyone's business: taken away through the API, it ends access at once, and
  // every answer is computed again.
  auto edith = sign_in("edith");
  ASSERT_EQ(call("GET", dashboard_a, edith).status, 200);
  ASSERT_EQ(call("DELETE", "/api/v1/users/edith/roles/" + std::to_string(org_a), root).status, 200);
  EXPECT_EQ(call("GET", dashboard_a, edith).status, 404);
  EXPECT_TRUE(computed(dashboard_a, root));

  // Another process (the CLI, another server) writes organization B: this server did not write
  // it, so it cannot know what it touched, and drops everything within 2 ms.
  EXPECT_FALSE(computed(dashboard_a, root));
  {
    auto other = store::open_sqlite(dir / "ws.db");
    ASSERT_TRUE(other) << other.error().message;
    core::NodeAssessment n;
    n.node = "ID.AM-2";
    n.level = 2;
    ASSERT_TRUE((*other)->put_node_assessment(current_b, n, 0, "cli"));
  }
  let_the_server_see_it();
  EXPECT_TRUE(computed(dashboard_a, root)) << "a change of another process kept an answer";
  EXPECT_TRUE(computed(dashboard_b, root, &b));
  EXPECT_EQ(assessed(b), 2);
}

// The cache on its own: what each kind of change drops, and an answer computed while its
// organization was dropped is not kept.
TEST(Cache, DropsWhatAChangeCanAffect) {
  Cache cache;
  auto now = std::chrono::steady_clock::now();
  const Response r{200, "application/json", "{}", {}};
  cache.at(10, 0, now);
  auto before = cache.epoch();
  cache.remember("1 /a", r, 1, before);
  cache.remember("1 /b", r, 2, before);
  cache.remember("1 /all", r, k_any_organization, before);
  cache.remember("session s", Cache::Signed{}, before);
  // Rows 11-12 are this process's writes of a node in organization 2.
  cache.wrote({{11, 12, "node"}}, 2);
  cache.at(12, 1, now);
  EXPECT_NE(cache.answer("1 /a"), nullptr);
  EXPECT_EQ(cache.answer("1 /b"), nullptr);
  EXPECT_EQ(cache.answer("1 /all"), nullptr) << "it read no single organization";
  EXPECT_TRUE(cache.account("session s"));
  // Computed from before the drop: organization 2's is not kept, organization 1's is.
  cache.remember("1 /b", r, 2, before);
  cache.remember("1 /a2", r, 1, before);
  EXPECT_EQ(cache.answer("1 /b"), nullptr);
  EXPECT_NE(cache.answer("1 /a2"), nullptr);
  // A row of a record no organization owns (an account's role), although the request reached
  // one organization: everything, accounts too.
  cache.wrote({{13, 13, "user"}}, 1);
  cache.at(13, 2, now);
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
  EXPECT_FALSE(cache.account("session s"));
  // A request that reached several organizations (or none) is everyone's business too.
  cache.remember("1 /a", r, 1, cache.epoch());
  cache.wrote({{14, 14, "node"}}, k_any_organization);
  cache.at(14, 3, now);
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
  // A row this process did not write (another process's): everything.
  cache.remember("1 /a", r, 1, cache.epoch());
  cache.remember("session s", Cache::Signed{}, cache.epoch());
  cache.wrote({{16, 16, "node"}}, 2);
  cache.at(16, 4, now);  // row 15 is not this process's
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
  EXPECT_FALSE(cache.account("session s"));
  // A counter that went back (a workspace restored under the server): everything; but not a
  // reading that began before one already applied (threads reading the counter in turn).
  cache.remember("1 /a", r, 1, cache.epoch());
  cache.at(15, 3, now);
  EXPECT_NE(cache.answer("1 /a"), nullptr);
  cache.at(9, 4, now);
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
}

// A write of this process that follows on from what the cache knows is applied as it is
// recorded: no reading of the counter before the next request, and its organization dropped.
TEST(Cache, AppliesItsOwnWritesWithoutReadingTheCounter) {
  Cache cache;
  auto now = std::chrono::steady_clock::now();
  const Response r{200, "application/json", "{}", {}};
  int readings = 0;
  auto counter = [&](std::int64_t value) {
    return [&readings, value]() -> util::Result<std::int64_t> {
      ++readings;
      return value;
    };
  };
  ASSERT_TRUE(cache.refresh(now, counter(10)));
  EXPECT_EQ(readings, 1);
  cache.remember("1 /a", r, 1, cache.epoch());
  cache.remember("1 /b", r, 2, cache.epoch());
  cache.wrote({{11, 11, "node"}}, 2);
  ASSERT_TRUE(cache.refresh(now, counter(11)));
  EXPECT_EQ(readings, 1) << "its own write needed no reading";
  EXPECT_NE(cache.answer("1 /a"), nullptr);
  EXPECT_EQ(cache.answer("1 /b"), nullptr);
  // Another process wrote row 12 before this process's row 13: a reading is needed, and it
  // finds a row this process did not write.
  cache.wrote({{13, 13, "node"}}, 2);
  ASSERT_TRUE(cache.refresh(now, counter(13)));
  EXPECT_EQ(readings, 2);
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
  // Past 2 ms the counter is read again whatever this process did.
  cache.remember("1 /a", r, 1, cache.epoch());
  ASSERT_TRUE(cache.refresh(now + std::chrono::milliseconds(3), counter(14)));
  EXPECT_EQ(readings, 3);
  EXPECT_EQ(cache.answer("1 /a"), nullptr);
}

TEST_F(Api, OrganizationsListOnlyWhatTheUserCanSee) {
  auto body = json::parse(call("GET", "/api/v1/organizations", sign_in("bob")).body);
  ASSERT_EQ(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["name"], "Beta GmbH");
  EXPECT_EQ(body["items"][0]["role"], "editor");
  EXPECT_EQ(json::parse(call("GET", "/api/v1/organizations", sign_in("root")).body)["total"], 2);
}

TEST_F(Api, TwoEditorsOfTheSameNodeGetAConflictNotALostUpdate) {
  auto one = sign_in("edith");
  auto two = sign_in("alice");
  auto etag = header(call("GET", node_path(current_a), one), "ETag");
  EXPECT_EQ(etag, "\"0\"");
  auto first = call("PUT", node_path(current_a), one, json{{"level", 2}, {"owner", "IT"}}.dump(),
                    {{"if-match", etag}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(header(first, "ETag"), "\"1\"");
  auto second =
      call("PUT", node_path(current_a), two, json{{"level", 4}}.dump(), {{"if-match", etag}});
  ASSERT_EQ(second.status, 412);
  auto problem = json::parse(second.body);
  EXPECT_EQ(problem["current"]["level"], 2);
  EXPECT_EQ(problem["current"]["updated_by"], "edith");
  EXPECT_NE(problem["detail"].get<std::string>().find("changed by edith"), std::string::npos);
  EXPECT_EQ(store->node_assessments(current_a)->at("ID.AM-1").level, 2);
  // Without If-Match: 428, nothing written.
  EXPECT_EQ(call("PUT", node_path(current_a), two, json{{"level", 4}}.dump()).status, 428);
  // With the new ETag the second editor's change goes in.
  EXPECT_EQ(call("PUT", node_path(current_a), two, json{{"level", 4}}.dump(),
                 {{"if-match", header(first, "ETag")}})
                .status,
            200);
  auto history = json::parse(call("GET", node_path(current_a) + "/history", one).body);
  ASSERT_EQ(history["items"].size(), 2u);
  EXPECT_EQ(history["items"][0]["actor"], "alice");
  EXPECT_EQ(history["items"][0]["before"]["level"], 2);
  EXPECT_EQ(history["items"][0]["after"]["level"], 4);
}

TEST_F(Api, BadBodiesGetTheRight4xxAndChangeNothing) {
  auto c = sign_in("edith");
  struct Case {
    std::string body;
    std::map<std::string, std::string> headers;
    int status;
    std::string detail_has;
  };
  const Case cases[] = {
      {"{\"level\": 3", {}, 400, "not valid JSON at byte"},
      {"[1,2]", {}, 400, "must be a JSON object"},
      {R"({"level": "three"})", {}, 400, "level must be a whole number or null"},
      {R"({"level": 3, "colour": "red"})", {}, 400, "colour unknown field"},
      {R"({"level": 9})", {}, 422, "level 9"},
      {R"({"not_applicable": true})", {}, 422, "justification"},
      {R"({"priority": 7})", {}, 422, "priority"},
      {R"({"owner": "x"})",
       {{"content-type", "text/plain"}},
       415,
       "Content-Type: application/json"},
      {std::string(2 << 20, ' '), {}, 413, "at most"},
      // Numbers that do not fit are a 400 saying where, never a 500.
      {R"({"level": 1e400})", {}, 400, "number out of range at byte 11"},
      {R"({"level": 123456789012345678901234567890})", {}, 400, "number out of range at byte 11"},
      {R"({"level": -123456789012345678901234567890})", {}, 400, "number out of range at byte 11"},
      {R"({"level": 3, "level": 4})", {}, 400, "duplicate key 'level' at byte"},
      {"{\"notes\": " + std::string(40, '[') + std::string(40, ']') + "}",
       {},
       400,
       "too many levels of nesting: a request body may hold at most 32 levels of nesting"},
      {"{\"notes\": [" +
           [] {
             std::string many;
             for (int i = 0; i < 20000; ++i) many += "1,";
             return many;
           }() +
           "1]}",
       {},
       400,
       "too many nodes: a request body may hold at most 10,000 nodes"},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.body.substr(0, 40));
    auto headers = k.headers;
    headers["if-match"] = "\"0\"";
    auto r = call("PUT", node_path(current_a), c, k.body, headers);
    EXPECT_EQ(r.status, k.status) << r.body;
    EXPECT_EQ(r.content_type, "application/problem+json");
    EXPECT_NE(json::parse(r.body)["detail"].get<std::string>().find(k.detail_has),
              std::string::npos)
        << r.body;
  }
  EXPECT_EQ(store->node_assessments(current_a)->count("ID.AM-1"), 0u);
  EXPECT_EQ(call("GET", node_path(current_a, "XX-9"), c).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/profiles/1%20OR%201=1/nodes", c).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/profiles/999/nodes", c).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/organizations/1/actions", c, "", {}, {{"limit", "-1"}}).status,
            400);
}

TEST_F(Api, TextWithScriptsAndSqlIsStoredVerbatimAsData) {
  auto c = sign_in("edith");
  std::string nasty = "<script>alert(1)</script>'; DROP TABLE profile; --";
  auto r =
      call("PUT", node_path(current_a), c,
           json{{"level", 1}, {"notes", nasty}, {"owner", nasty}}.dump(), {{"if-match", "\"0\""}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(json::parse(call("GET", node_path(current_a), c).body)["notes"], nasty);
  EXPECT_EQ(store->profiles(org_a)->size(), 2u);
  auto report =
      call("GET", "/api/v1/organizations/" + std::to_string(org_a) + "/reports/practitioner", c);
  ASSERT_EQ(report.status, 200);
  EXPECT_EQ(report.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(report.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(header(report, "Content-Disposition").find("attachment"), std::string::npos);
}

TEST_F(Api, EvidenceUploadRefusesPathsAndDownloadsAsAnAttachment) {
  auto c = sign_in("edith");
  auto path = node_path(current_a) + "/evidence";
  for (const auto* bad : {"../../etc/passwd", "a/b.pdf", "..", "a\\b"}) {
    auto r = call("POST", path, c, "bytes", {{"content-type", "application/pdf"}}, {{"name", bad}});
    EXPECT_EQ(r.status, 400) << bad << ": " << r.body;
  }
  EXPECT_EQ(store->node_assessments(current_a)->count("ID.AM-1"), 0u);
  auto up = call("POST", path, c, "%PDF-1.7 policy", {{"content-type", "application/pdf"}},
                 {{"name", "policy \"v2\".pdf"}});
  ASSERT_EQ(up.status, 201) << up.body;
  auto sha = json::parse(up.body)["sha256"].get<std::string>();
  auto down = call("GET", "/api/v1/profiles/" + std::to_string(current_a) + "/evidence/" + sha, c);
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, "%PDF-1.7 policy");
  EXPECT_EQ(down.content_type, "application/octet-stream");
  EXPECT_EQ(header(down, "Content-Disposition"), "attachment; filename=\"policy _v2_.pdf\"");
  // Not through another organization's profile, not with a malformed id.
  auto bob = sign_in("bob");
  EXPECT_EQ(
      call("GET", "/api/v1/profiles/" + std::to_string(current_b) + "/evidence/" + sha, bob).status,
      404);
  EXPECT_EQ(
      call("GET", "/api/v1/profiles/" + std::to_string(current_a) + "/evidence/..%2F..%2Fetc", c)
          .status,
      400);
  auto link = call("POST", path, c, json{{"name", "Wiki"}, {"url", "javascript:alert(1)"}}.dump());
  EXPECT_EQ(link.status, 400);
  EXPECT_EQ(call("POST", path, c, json{{"name", "Wiki"}, {"url", ""}}.dump()).status, 400);
}

TEST_F(Api, DashboardFollowsTheAssessments) {
  auto c = sign_in("edith");
  auto path = "/api/v1/organizations/" + std::to_string(org_a) + "/dashboard";
  auto before = json::parse(call("GET", path, c).body);
  EXPECT_EQ(before["current"]["name"], "Current");
  EXPECT_EQ(before["target"]["name"], "Target");
  EXPECT_EQ(before["coverage"]["assessed"], 0);
  EXPECT_EQ(before["functions"].size(), 5u);
  ASSERT_EQ(put_level(c, current_a, 3).status, 200);
  auto after = json::parse(call("GET", path, c).body);
  EXPECT_EQ(after["coverage"]["assessed"], 1);
  EXPECT_EQ(after["functions"][0]["current"], 3.0);
  EXPECT_EQ(after["top_gaps"][0]["node"], "ID.AM-1");
  EXPECT_EQ(after["top_gaps"][0]["gap"], 1.0);
  // The gap analysis ranks the same gap first and carries the scale to read it against.
  auto gaps =
      json::parse(call("GET", "/api/v1/profiles/" + std::to_string(current_a) + "/gaps", c).body);
  EXPECT_EQ(gaps["gaps"][0]["node"], "ID.AM-1");
  EXPECT_EQ(gaps["scale"]["levels"].size(), 6u);
  EXPECT_EQ(gaps["open_gaps"], 1);
}

TEST_F(Api, ImportIsAllOrNothingWithRowErrors) {
  auto c = sign_in("edith");
  auto path = "/api/v1/profiles/" + std::to_string(current_a) + "/import";
  auto bad = call("POST", path, c, "node,level\nID.AM-1,3\nID.AM-2,12\n",
                  {{"content-type", "text/csv"}}, {{"format", "csv"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(json::parse(bad.body)["errors"][0]["row"], 3);
  EXPECT_EQ(store->node_assessments(current_a)->size(), 0u);
  auto good = call("POST", path, c, "node,level\nID.AM-1,3\nID.AM-2,2\n",
                   {{"content-type", "text/csv"}}, {{"format", "csv"}});
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(json::parse(good.body)["rows"], 2);
  auto csv = call("GET", "/api/v1/profiles/" + std::to_string(current_a) + "/export", c, "", {},
                  {{"format", "csv"}});
  EXPECT_NE(csv.body.find("ID.AM-2"), std::string::npos);
}

TEST_F(Api, ActionsUseIfMatchToo) {
  auto c = sign_in("edith");
  auto created = call("POST", "/api/v1/organizations/" + std::to_string(org_a) + "/actions", c,
                      json{{"title", "MFA"}, {"due", "2027-03-31"}, {"nodes", {"PR.AC-1"}}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = json::parse(created.body)["id"].get<int>();
  auto path = "/api/v1/actions/" + std::to_string(id);
  auto etag = header(created, "ETag");
  auto done = call("PUT", path, c, json{{"status", "in-progress"}}.dump(), {{"if-match", etag}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(call("PUT", path, c, json{{"status", "done"}}.dump(), {{"if-match", etag}}).status,
            412);
  EXPECT_EQ(
      call("PUT", path, c, json{{"due", "next week"}}.dump(), {{"if-match", header(done, "ETag")}})
          .status,
      422);
  EXPECT_EQ(
      call("PUT", path, c, json{{"nodes", {"NOPE-1"}}}.dump(), {{"if-match", header(done, "ETag")}})
          .status,
      422);
  EXPECT_EQ(call("PUT", path, c, json{{"effort_days", 99999999999}}.dump(),
                 {{"if-match", header(done, "ETag")}})
                .status,
            400);
  EXPECT_EQ(call("PUT", path, sign_in("bob"), json{{"status", "done"}}.dump(),
                 {{"if-match", header(done, "ETag")}})
                .status,
            404);
}

TEST_F(Api, MetricsAreInThePrometheusTextFormat) {
  call("GET", "/healthz");
  // Route names and counts are for administrators (or the separate metrics listener).
  EXPECT_EQ(call("GET", "/metrics").status, 401);
  EXPECT_EQ(call("GET", "/metrics", sign_in("vic")).status, 403);
  auto r = call("GET", "/metrics", sign_in("root"));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/plain; version=0.0.4");
  EXPECT_NE(
      r.body.find("cyberframe_catalog_frameworks " + std::to_string(cat().frameworks().size())),
      std::string::npos);
}

TEST_F(Api, CatalogEndpointsAndTheirErrors) {
  auto c = sign_in("vic");
  auto r = call("GET", "/api/v1/frameworks", c, "", {}, {{"limit", "2"}, {"offset", "1"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body)["items"].size(), 2u);
  auto node =
      json::parse(call("GET", "/api/v1/frameworks/iso-tr-27103-2018/nodes/ID.RA-1", c).body);
  EXPECT_EQ(node["parent"], "ID.RA");
  EXPECT_EQ(node["references"][0]["clause"], "12.6.1");
  auto refs = call("GET", "/api/v1/references", c, "", {},
                   {{"standard", "ISO/IEC 27002:2022"}, {"clause", "8.8"}});
  EXPECT_GT(json::parse(refs.body)["citations"].size(), 0u);
  EXPECT_EQ(call("GET", "/api/v1/frameworks/nope", c).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/frameworks", c, "", {}, {{"sort", "id; DROP TABLE x"}}).status,
            400);
  // A built-in framework is not the workspace's to change: 404 that says so.
  auto built_in =
      call("DELETE", "/api/v1/frameworks/iso-tr-27103-2018", c, "", {{"if-match", "\"1\""}});
  EXPECT_EQ(built_in.status, 404);
  EXPECT_NE(built_in.body.find("built-in"), std::string::npos) << built_in.body;
  EXPECT_EQ(call("POST", "/api/v1/frameworks/iso-tr-27103-2018", c).status, 405);
  EXPECT_EQ(call("GET", "/api/v1/../../etc/passwd", c).status, 404);
}

// The OpenAPI document and the router describe the same API: every route is documented, every
// documented GET answers 2xx for an administrator with the documented examples.
TEST_F(Api, OpenApiDocumentMatchesTheRoutes) {
  auto doc = json::parse(openapi_document());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  auto c = sign_in("root");
  // Give the examples something to find.
  ASSERT_EQ(put_level(c, current_a, 2).status, 200);
  auto up = call("POST", node_path(current_a) + "/evidence", c, "policy",
                 {{"content-type", "text/plain"}}, {{"name", "policy.txt"}});
  auto sha = json::parse(up.body)["sha256"].get<std::string>();
  // A live calendar feed: its secret is the credential, so the example's cannot answer.
  auto feed = call("POST", "/api/v1/users/root/calendar-token", c);
  ASSERT_EQ(feed.status / 100, 2) << feed.body;
  auto feed_path = json::parse(feed.body)["path"].get<std::string>();
  auto feed_file = feed_path.substr(feed_path.rfind('/') + 1);
  store::WorkspaceMappingSet ms;  // mapping set 1 of the examples
  ms.organization = org_a;
  ms.name = "ours";
  ms.title = "Ours";
  ms.source = {core::CatalogItemRef::Kind::k_framework, "iso-tr-27103-2018"};
  ms.target = {core::CatalogItemRef::Kind::k_framework, "nist-csf-1.1"};
  ms.mappings.push_back({0, "ID.AM-1", {"ID.AM-1"}, core::Relationship::k_equal, "", 0});
  ASSERT_TRUE(store->create_mapping_set(ms));
  core::Action action;  // an open action: profile 1 has a POA&M
  action.organization = org_a;
  action.title = "Asset inventory";
  action.target_level = 3;
  action.nodes = {"ID.AM-1"};
  ASSERT_TRUE(store->create_action(action));
  // A framework the workspace stores (acme-ot, the examples' framework).
  auto stored =
      call("POST", "/api/v1/organizations/" + std::to_string(org_a) + "/frameworks", c,
           json{{"document",
                 {{"kind", "framework"},
                  {"id", "acme-ot"},
                  {"title", "ACME OT"},
                  {"conformance", "none"},
                  {"provenance", {{"source", "ACME"}, {"method", "user-authored"}}},
                  {"nodes", {{{"id", "GV"}, {"level", "function"}, {"title", "Govern"}}}}}}}
               .dump());
  ASSERT_EQ(stored.status, 201) << stored.body;
  // Risk management: asset 1, risk R-001 on it, and version 1 of the SoA (a row stored).
  const auto org_path = "/api/v1/organizations/" + std::to_string(org_a);
  auto asset =
      call("POST", org_path + "/assets", c,
           json{{"ref", "AS-001"}, {"name", "Orders"}, {"kind", "information"}, {"owner", "Sales"}}
               .dump());
  ASSERT_EQ(asset.status, 201) << asset.body;
  auto risk = call("POST", org_path + "/risks", c,
                   json{{"ref", "R-001"},
                        {"title", "Orders leaked"},
                        {"owner", "CISO"},
                        {"assets", {json::parse(asset.body)["id"]}},
                        {"inherent", {{"likelihood", 3}, {"consequence", 4}}}}
                       .dump());
  ASSERT_EQ(risk.status, 201) << risk.body;
  auto row = call("PUT", org_path + "/soa/rows/A.5.1", c, json{{"reasons", {"business"}}}.dump(),
                  {{"if-match", "\"0\""}});
  ASSERT_EQ(row.status, 200) << row.body;
  auto baseline =
      call("POST", org_path + "/risk-baselines", c, json{{"name", "2026-cycle"}}.dump());
  ASSERT_EQ(baseline.status, 201) << baseline.body;
  // The ISMS: context CTX-001, the examples' record.
  auto issue = call("POST", org_path + "/isms/context", c,
                    json{{"title", "Ransomware"}, {"fields", {{"category", "external"}}}}.dump());
  ASSERT_EQ(issue.status, 201) << issue.body;
  auto measurement = call("POST", org_path + "/isms/measurements", c,
                          json{{"ref", "MEAS-001"},
                               {"title", "Critical patches within 14 days"},
                               {"fields",
                                {{"what", "Share of critical patches applied within 14 days"},
                                 {"direction", "higher-is-better"},
                                 {"target", "95"},
                                 {"threshold", "85"}}}}
                              .dump());
  ASSERT_EQ(measurement.status, 201) << measurement.body;
  auto value = call("POST", org_path + "/measurements/MEAS-001/values", c,
                    json{{"date", "2026-09-30"}, {"value", 93.5}}.dump());
  ASSERT_EQ(value.status, 201) << value.body;
  // An audit programme and its audit AUD-001, the example of the audit report.
  auto programme = call(
      "POST", org_path + "/isms/audit-programmes", c,
      json{
          {"title", "Programme"},
          {"fields",
           {{"period_start", "2026-01-01"}, {"period_end", "2026-12-31"}, {"frequency", "yearly"}}}}
          .dump());
  ASSERT_EQ(programme.status, 201) << programme.body;
  auto audit = call(
      "POST", org_path + "/isms/audits", c,
      json{{"title", "ISMS audit"},
           {"fields", {{"programme", "AP-001"}, {"criteria", "27001"}, {"planned", "2026-12-20"}}}}
          .dump());
  ASSERT_EQ(audit.status, 201) << audit.body;
  // The management review MR-001, the examples' review.
  auto review = call("POST", org_path + "/isms/reviews", c,
                     json{{"ref", "MR-001"},
                          {"title", "Management review"},
                          {"status", "in-preparation"},
                          {"fields", {{"date", "2026-12-20"}}}}
                         .dump());
  ASSERT_EQ(review.status, 201) << review.body;
  // Documented information: DOC-001 with a file on version 1.
  auto document = call("POST", org_path + "/documents", c, json{{"title", "Policy"}}.dump());
  ASSERT_EQ(document.status, 201) << document.body;
  auto file =
      call("PUT", org_path + "/documents/DOC-001/versions/1/file", c, "policy",
           {{"content-type", "text/plain"}, {"if-match", "\"1\""}}, {{"name", "policy.txt"}});
  ASSERT_EQ(file.status, 200) << file.body;
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      if (method == "parameters") continue;
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(m + " " + path);
      if (m != "GET") continue;
      std::string concrete = path;
      std::map<std::string, std::string> query;
      auto params = op.value("parameters", json::array());
      for (const auto& p : ops.value("parameters", json::array())) params.push_back(p);
      for (const auto& p : params) {
        if (p.contains("$ref")) continue;
        auto example =
            p.contains("example")
                ? (p["example"].is_string() ? p["example"].get<std::string>() : p["example"].dump())
                : "";
        if (p["name"] == "sha256") example = sha;
        if (path == "/api/v1/calendar/{file}" && p["name"] == "file") example = feed_file;
        if (p["in"] == "path") {
          auto at = concrete.find("{" + p["name"].get<std::string>() + "}");
          if (at != std::string::npos)
            concrete.replace(at, p["name"].get<std::string>().size() + 2, example);
        } else if (p["in"] == "query" && p.value("required", false)) {
          query[p["name"]] = example;
        }
      }
      EXPECT_EQ(concrete.find('{'), std::string::npos)
          << path << " has a parameter without an example";
      auto r = call("GET", concrete, c, "", {}, query);
      EXPECT_EQ(r.status / 100, 2) << m << " " << concrete << ": " << r.body;
    }
  }
  auto routes = route_list();
  std::set<std::string> implemented(routes.begin(), routes.end());
  EXPECT_EQ(documented, implemented);
}

// The throttle itself, on a clock the test moves (no sleeping, no timing), over a workspace of
// its own: the counts are the workspace's (core/login_throttle.hpp has the rule).
class Throttle : public ::testing::Test {
 public:
  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("cf-throttle-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    ws = open_workspace();
  }
  void TearDown() override {
    ws.reset();
    fs::remove_all(dir);
  }
  // Another connection to the same workspace: another thread, or another server process.
  std::unique_ptr<workspace::Workspace> open_workspace() {
    auto s = store::open_sqlite(dir / "ws.db");
    EXPECT_TRUE(s) << (s ? "" : s.error().message);
    return std::make_unique<workspace::Workspace>(std::move(*s));
  }
  LoginThrottle::Attempt reserve(LoginThrottle& t, const std::string& name,
                                 const std::string& address, LoginThrottle::Clock::time_point now,
                                 workspace::Workspace* on = nullptr) {
    auto a = t.reserve(on ? *on : *ws, name, address, now);
    EXPECT_TRUE(a) << a.error().message;
    return a ? *a : LoginThrottle::Attempt{};
  }
  LoginThrottle::Outcome failed(LoginThrottle& t, const LoginThrottle::Attempt& a,
                                LoginThrottle::Clock::time_point now,
                                workspace::Workspace* on = nullptr) {
    auto o = t.failed(on ? *on : *ws, a, now);
    EXPECT_TRUE(o) << o.error().message;
    return o ? *o : LoginThrottle::Outcome{};
  }
  LoginThrottle::Outcome succeeded(LoginThrottle& t, const LoginThrottle::Attempt& a,
                                   LoginThrottle::Clock::time_point now) {
    auto o = t.succeeded(*ws, a, now);
    EXPECT_TRUE(o) << o.error().message;
    return o ? *o : LoginThrottle::Outcome{};
  }
  static LoginThrottle::Clock::time_point start() {
    return LoginThrottle::Clock::time_point{} + std::chrono::hours(1000);
  }

  fs::path dir;
  std::unique_ptr<workspace::Workspace> ws;
};

TEST_F(Throttle, DelaysGrowWithFailuresUpToTheirCap) {
  LoginThrottle t;
  auto now = start();
  std::vector<long> delays;
  for (int i = 0; i < 14; ++i) {
    auto a = reserve(t, "mallory", "203.0.113.9", now);
    ASSERT_TRUE(a.granted) << "attempt " << i;
    delays.push_back(failed(t, a, now).delay_seconds);
    if (delays.back() > 0) {
      auto early =
          reserve(t, "mallory", "203.0.113.9", now + std::chrono::seconds(delays.back() - 1));
      EXPECT_FALSE(early.granted);
      EXPECT_EQ(early.retry_after, 1);
    }
    now += std::chrono::seconds(delays.back());
  }
  EXPECT_EQ(delays,
            (std::vector<long>{0, 0, 5, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900, 900}));
  // The right password from a fresh address waits for the name's delay only: at most a minute.
  auto fresh = reserve(t, "mallory", "198.51.100.1", now);
  EXPECT_TRUE(fresh.granted) << fresh.retry_after;
}

TEST_F(Throttle, ADistributedGuesserMakesTheRealOwnerWaitAtMostAMinute) {
  LoginThrottle t;
  auto now = start();
  // A thousand failures of one name from a thousand addresses, each as soon as allowed.
  long longest = 0;
  for (int i = 0; i < 1000; ++i) {
    auto address = "10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250);
    auto a = reserve(t, "alice", address, now);
    if (!a.granted) {
      longest = std::max(longest, a.retry_after);
      now += std::chrono::seconds(a.retry_after);
      a = reserve(t, "alice", address, now);
      ASSERT_TRUE(a.granted);
    }
    failed(t, a, now);
  }
  EXPECT_LE(longest, 60);
  auto owner = reserve(t, "alice", "192.0.2.44", now);
  EXPECT_FALSE(owner.granted);
  EXPECT_LE(owner.retry_after, 60);
  EXPECT_TRUE(reserve(t, "alice", "192.0.2.44", now + std::chrono::seconds(60)).granted);
}

TEST_F(Throttle, ParallelAttemptsAreCountedBeforeTheyAreChecked) {
  LoginThrottle t;
  auto now = start();
  int granted = 0;
  for (int i = 0; i < 30; ++i) granted += reserve(t, "bob", "192.0.2.7", now).granted ? 1 : 0;
  EXPECT_EQ(granted, 3) << "the free failures of one name and address, no more";
  // Beyond the free failures, one attempt at a time: its outcome is awaited.
  LoginThrottle u;
  for (int i = 0; i < 3; ++i) failed(u, reserve(u, "carl", "192.0.2.7", now), now);
  now += std::chrono::seconds(5);
  auto one = reserve(u, "carl", "192.0.2.7", now);
  EXPECT_TRUE(one.granted);
  EXPECT_FALSE(reserve(u, "carl", "192.0.2.7", now).granted);
  ASSERT_TRUE(u.abandoned(*ws, one, now));
  EXPECT_TRUE(reserve(u, "carl", "192.0.2.7", now).granted);
}

// The counts are the workspace's: two servers (two throttles on two connections) share them.
TEST_F(Throttle, ServersOnOneWorkspaceShareTheCounts) {
  LoginThrottle a, b;
  auto other = open_workspace();
  auto now = start();
  // Three failures through A, then B delays the next attempt.
  for (int i = 0; i < 3; ++i) failed(a, reserve(a, "dora", "192.0.2.9", now), now);
  auto through_b = reserve(b, "dora", "192.0.2.9", now, other.get());
  EXPECT_FALSE(through_b.granted);
  EXPECT_EQ(through_b.retry_after, 5);
  // Parallel reservations through both: the free failures of a fresh pair, no more.
  int granted = 0;
  for (int i = 0; i < 10; ++i) {
    granted += reserve(a, "erik", "192.0.2.10", now).granted ? 1 : 0;
    granted += reserve(b, "erik", "192.0.2.10", now, other.get()).granted ? 1 : 0;
  }
  EXPECT_EQ(granted, 3);
}

// A reservation whose server died (never finished) stops counting after its lifetime, so the
// key is not locked for ever.
TEST_F(Throttle, AReservationOfADeadServerExpires) {
  LoginThrottle t;
  auto now = start();
  for (int i = 0; i < 3; ++i) failed(t, reserve(t, "fay", "192.0.2.11", now), now);
  now += std::chrono::seconds(5);
  ASSERT_TRUE(reserve(t, "fay", "192.0.2.11", now).granted);  // never finished
  EXPECT_FALSE(reserve(t, "fay", "192.0.2.11", now + std::chrono::seconds(29)).granted);
  EXPECT_TRUE(reserve(t, "fay", "192.0.2.11", now + std::chrono::seconds(30)).granted);
}

TEST_F(Throttle, ASuccessClearsThePairAndFailuresAreAuditedOnceAMinute) {
  LoginThrottle t;
  auto now = start();
  auto first = failed(t, reserve(t, "carol", "192.0.2.8", now), now);
  EXPECT_EQ(first.failures, 1u) << "the first failure is recorded at once";
  auto second = failed(t, reserve(t, "carol", "192.0.2.8", now), now);
  EXPECT_EQ(second.failures, 0u) << "then at most one row a minute";
  auto ok = succeeded(t, reserve(t, "carol", "192.0.2.8", now), now);
  EXPECT_EQ(ok.failures, 1u) << "what was not recorded yet goes in before the sign-in";
  // The pair starts afresh: three free failures again.
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(failed(t, reserve(t, "carol", "192.0.2.8", now), now).delay_seconds, 0);
  now += std::chrono::minutes(1);
  auto later = failed(t, reserve(t, "carol", "192.0.2.8", now), now);
  EXPECT_EQ(later.failures, 2u);
  EXPECT_EQ(later.delay_seconds, 5);
}

TEST_F(Throttle, MemoryIsBounded) {
  LoginThrottle t;
  auto now = start();
  // A table nearly full of one-failure keys (written directly: 50,000 sign-ins would be slow).
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "ws.db").c_str(), &db), SQLITE_OK);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    std::string sql =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 49990) "
        "INSERT INTO login_throttle (throttle_key, failures, last_failure) SELECT 'name:user' || "
        "i, 1, " +
        std::to_string(ms - 60000) + " + i FROM n";
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  for (int i = 0; i < 40; ++i) {
    auto a = reserve(t, "user-" + std::to_string(i), "2001:db8:" + std::to_string(i) + "::1", now);
    if (a.granted) failed(t, a, now);
    now += std::chrono::milliseconds(1);
  }
  EXPECT_LE(t.size(*ws), 50000u);
  EXPECT_GT(t.size(*ws), 40000u) << "the stalest go, not everything";
  // The newest attacker's delay survives the clean-up.
  for (int i = 0; i < 3; ++i) failed(t, reserve(t, "target", "192.0.2.99", now), now);
  EXPECT_FALSE(reserve(t, "target", "192.0.2.99", now).granted);
}

TEST_F(Throttle, PasswordChecksRunAtMostMaxAtOnce) {
  LoginThrottle t;
  auto one = t.verification_slot(2, std::chrono::milliseconds(0));
  auto two = t.verification_slot(2, std::chrono::milliseconds(0));
  ASSERT_TRUE(one && two);
  EXPECT_FALSE(t.verification_slot(2, std::chrono::milliseconds(0)));
  one.reset();
  EXPECT_TRUE(t.verification_slot(2, std::chrono::milliseconds(0)));
}

}  // namespace
}  // namespace cyberframe::server

namespace cyberframe::server {
namespace {

// Slow work (imports, password checks): two threads run it, one task waits, the next is refused;
// every accepted task runs, the waiting one as soon as a thread frees.
TEST(WorkQueueTest, RunsOnItsThreadsQueuesABoundedNumberAndRefusesTheRest) {
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> started{0}, done{0};
  auto blocking = [&] {
    ++started;
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
    ++done;
  };
  {
    WorkQueue queue(2, 1);
    // One at a time: a task counts against the queue until a thread takes it.
    EXPECT_TRUE(queue.submit(blocking));
    while (started < 1) std::this_thread::yield();
    EXPECT_TRUE(queue.submit(blocking));
    while (started < 2) std::this_thread::yield();
    EXPECT_TRUE(queue.submit(blocking));   // waits
    EXPECT_FALSE(queue.submit(blocking));  // the queue (1) is full
    {
      std::lock_guard lock(m);
      release = true;
    }
    cv.notify_all();
  }  // the destructor finishes what was accepted
  EXPECT_EQ(done, 3);
  auto refused = busy("importing or converting documents", 5);
  EXPECT_EQ(refused.status, 503);
  EXPECT_TRUE(std::any_of(refused.headers.begin(), refused.headers.end(), [](const auto& h) {
    return h.first == "Retry-After" && h.second == "5";
  }));
}

}  // namespace
}  // namespace cyberframe::server
