// The API router, without sockets: routes, problem+json errors, pagination, and the OpenAPI
// document against the implementation.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "catalog/loader.hpp"
#include "server/server.hpp"

namespace cyberframe::server {
namespace {

using nlohmann::json;

const core::Catalog& cat() {
  static const catalog::LoadResult r = catalog::load_builtin();
  return r.catalog;
}

Response get(const std::string& path, std::map<std::string, std::string> query = {}) {
  return handle(cat(), Request{"GET", path, std::move(query), {}});
}

TEST(ServerApi, ListsFrameworksAPageAtATime) {
  auto r = get("/api/v1/frameworks", {{"limit", "2"}, {"offset", "1"}});
  ASSERT_EQ(r.status, 200);
  auto body = json::parse(r.body);
  EXPECT_EQ(body["total"], cat().frameworks().size());
  ASSERT_EQ(body["items"].size(), 2u);
  EXPECT_EQ(body["items"][0]["id"], std::next(cat().frameworks().begin())->first);
  EXPECT_EQ(body["offset"], 1);
  auto by_title = json::parse(get("/api/v1/frameworks", {{"sort", "title"}}).body);
  EXPECT_EQ(by_title["items"][0]["title"].get<std::string>().substr(0, 7), "ISO/IEC");
}

TEST(ServerApi, ServesAFrameworkAndANode) {
  auto fw = json::parse(get("/api/v1/frameworks/iso-tr-27103-2018").body);
  EXPECT_EQ(fw["nodes"].size(), 5u);
  auto r = get("/api/v1/frameworks/iso-tr-27103-2018/nodes/ID.RA-1");
  ASSERT_EQ(r.status, 200);
  auto node = json::parse(r.body);
  EXPECT_EQ(node["parent"], "ID.RA");
  EXPECT_EQ(node["references"][0]["standard"], "ISO/IEC 27002:2013");
  EXPECT_EQ(node["references"][0]["clause"], "12.6.1");
}

TEST(ServerApi, ReverseLookUp) {
  auto r = get("/api/v1/references", {{"standard", "ISO/IEC 27002:2022"}, {"clause", "8.8"}});
  ASSERT_EQ(r.status, 200);
  auto body = json::parse(r.body);
  bool via_2013 = false;
  for (const auto& c : body["citations"]) {
    if (c["framework"] == "iso-tr-27103-2018" && c["node"] == "ID.RA-1")
      via_2013 = !c["via"].empty();
  }
  EXPECT_TRUE(via_2013);
}

struct BadRequest {
  std::string method, path;
  std::map<std::string, std::string> query;
  int status;
  std::string detail;
};

TEST(ServerApi, BadRequestsGetProblemJsonThatSaysWhat) {
  const BadRequest cases[] = {
      {"GET",
       "/api/v1/frameworks/nope",
       {},
       404,
       "there is no framework 'nope'; GET /api/v1/frameworks lists them"},
      {"GET",
       "/api/v1/frameworks/iso-tr-27103-2018/nodes/XX-1",
       {},
       404,
       "framework iso-tr-27103-2018 has no node 'XX-1'"},
      {"GET",
       "/api/v1/frameworks",
       {{"limit", "-1"}},
       400,
       "limit must be a whole number from 0 to 500 and offset 0 or more"},
      {"GET",
       "/api/v1/frameworks",
       {{"limit", "9999999999999"}},
       400,
       "limit must be a whole number from 0 to 500 and offset 0 or more"},
      {"GET",
       "/api/v1/frameworks",
       {{"sort", "id; DROP TABLE x"}},
       400,
       "sort must be id or title"},
      {"GET",
       "/api/v1/references",
       {},
       400,
       "give standard (a designation such as ISO/IEC 27002:2022, or an id) and optionally clause"},
      {"GET",
       "/api/v1/references",
       {{"standard", "<script>alert(1)</script>"}},
       404,
       "the catalog has no standard '<script>alert(1)</script>'"},
      {"GET",
       "/api/v1/references",
       {{"standard", "ISO/IEC 27002:2022"}, {"clause", "99.9"}},
       404,
       "ISO/IEC 27002:2022 has no clause '99.9'"},
      {"DELETE",
       "/api/v1/frameworks/iso-tr-27103-2018",
       {},
       405,
       "DELETE is not allowed on /api/v1/frameworks/iso-tr-27103-2018"},
      {"GET",
       "/api/v1/../../etc/passwd",
       {},
       404,
       "no resource at /api/v1/../../etc/passwd; GET /api/v1/openapi.json describes the API"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.method + " " + c.path);
    auto r = handle(cat(), Request{c.method, c.path, c.query, {}});
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(r.content_type, "application/problem+json");
    auto body = json::parse(r.body);
    EXPECT_EQ(body["status"], c.status);
    EXPECT_EQ(body["detail"], c.detail);
    EXPECT_FALSE(body["title"].get<std::string>().empty());
  }
}

TEST(ServerApi, MetricsAreInThePrometheusTextFormat) {
  get("/healthz");
  auto r = get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/plain; version=0.0.4");
  EXPECT_NE(r.body.find("# TYPE cyberframe_http_requests_total counter"), std::string::npos);
  EXPECT_NE(
      r.body.find("cyberframe_catalog_frameworks " + std::to_string(cat().frameworks().size())),
      std::string::npos);
}

// The OpenAPI document and the router describe the same API: every documented operation is
// answered, and every route is documented.
TEST(ServerApi, OpenApiDocumentMatchesTheRoutes) {
  auto doc = json::parse(openapi_document());
  EXPECT_EQ(doc["openapi"], "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, ops] : doc["paths"].items()) {
    for (const auto& [method, op] : ops.items()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      documented.insert(m + " " + path);
      // Fill the path parameters with their examples (or known ids) and call it.
      std::string concrete = path;
      for (const auto& [name, value] :
           {std::pair{"{id}", "iso-tr-27103-2018"}, std::pair{"{node}", "ID.RA-1"}}) {
        auto at = concrete.find(name);
        if (at != std::string::npos) concrete.replace(at, std::string(name).size(), value);
      }
      std::map<std::string, std::string> query;
      for (const auto& p : op.value("parameters", json::array())) {
        if (p["in"] == "query" && p.value("required", false)) query[p["name"]] = p["example"];
      }
      auto r = handle(cat(), Request{m, concrete, query, {}});
      EXPECT_EQ(r.status, 200) << m << " " << concrete << ": " << r.body;
      // Every documented status of the operation is a status the API uses.
      for (const auto& [status, _] : op["responses"].items()) {
        EXPECT_TRUE(status == "200" || status == "400" || status == "404") << status;
      }
    }
  }
  auto routes = route_list();
  std::set<std::string> implemented(routes.begin(), routes.end());
  EXPECT_EQ(documented, implemented);
}

}  // namespace
}  // namespace cyberframe::server
