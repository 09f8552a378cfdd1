// The API router, without sockets, over a real SQLite workspace: sign-in, sessions, CSRF,
// throttling, tokens, the role matrix across organizations, optimistic concurrency, bad input,
// and the OpenAPI document against the implementation.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "catalog/loader.hpp"
#include "server/api.hpp"
#include "server/server.hpp"

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
    store = std::move(*store::open_sqlite(dir / "ws.db"));
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
    store.reset();
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
    r.remote = "192.0.2.1";
    Context ctx{cat(), *store, options, throttle, use_cache ? &cache : nullptr};
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
  std::unique_ptr<store::Store> store;
  Options options;
  LoginThrottle throttle;
  Cache cache;  // as the server has: every test runs through it
  bool use_cache = true;
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

TEST_F(Api, LoginIsThrottledAfterFiveFailures) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(
        call("POST", "/api/v1/session", {}, json{{"name", "vic"}, {"password", "wrong"}}.dump())
            .status,
        401);
  // Even the right password is refused now, with a time to wait.
  auto r =
      call("POST", "/api/v1/session", {}, json{{"name", "vic"}, {"password", k_password}}.dump());
  EXPECT_EQ(r.status, 429);
  EXPECT_GT(std::stol(header(r, "Retry-After")), 0);
  // Other accounts are not locked out by it.
  sign_in("edith");
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
  auto short_one = call("POST", "/api/v1/session/password", sign_in("vic"),
                        json{{"current_password", k_password}, {"new_password", "short"}}.dump());
  EXPECT_EQ(short_one.status, 422);
}

TEST_F(Api, AnOrganizationsAdminSeesOnlyItsOwnRolesOfOtherAccounts) {
  ASSERT_TRUE(store->grant("bob", org_a, store::Role::k_viewer));
  auto body = json::parse(call("GET", "/api/v1/users", sign_in("alice")).body);
  for (const auto& u : body["items"]) {
    for (const auto& role : u["roles"]) EXPECT_EQ(role["organization"], org_a) << u.dump();
  }
  EXPECT_EQ(call("GET", "/api/v1/users", sign_in("edith")).status, 403);
}

TEST_F(Api, ApiTokensAreShownOnceStoredHashedAndRevocable) {
  auto c = sign_in("edith");
  auto r = call("POST", "/api/v1/tokens", c, json{{"name", "CI export"}}.dump());
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
      {"root", {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}},  {"alice", {2, 2, 2, 2, 2, 2, 2, 2, 3, 3}},
      {"edith", {2, 2, 2, 2, 2, 2, 2, 3, 3, 3}}, {"aude", {2, 2, 2, 3, 2, 3, 3, 3, 3, 3}},
      {"vic", {2, 2, 2, 3, 3, 3, 3, 3, 3, 3}},   {"bob", {4, 4, 4, 4, 4, 4, 4, 4, 3, 3}},
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
  EXPECT_EQ(call("DELETE", "/api/v1/frameworks/iso-tr-27103-2018", c).status, 405);
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

}  // namespace
}  // namespace cyberframe::server

namespace cyberframe::server {
namespace {

// Imports and conversions: two run, one waits, the next is told to come back.
TEST(ImportGateTest, RunsAFewAtATimeQueuesSomeAndRefusesTheRestWithRetryAfter) {
  ImportGate gate(2, 1, std::chrono::milliseconds(300));
  EXPECT_FALSE(gate.enter());
  EXPECT_FALSE(gate.enter());
  std::optional<Response> waited;
  std::thread waiter([&] { waited = gate.enter(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto refused = gate.enter();  // the queue (1) is full
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_TRUE(std::any_of(refused->headers.begin(), refused->headers.end(),
                          [](const auto& h) { return h.first == "Retry-After"; }));
  gate.leave();  // a slot frees: the waiter gets it
  waiter.join();
  EXPECT_FALSE(waited);
  // Full again: a waiter that gets no slot in time is refused too.
  auto timed_out = gate.enter();
  ASSERT_TRUE(timed_out);
  EXPECT_EQ(timed_out->status, 503);
  gate.leave();
  gate.leave();
  EXPECT_FALSE(gate.enter());
}

}  // namespace
}  // namespace cyberframe::server
