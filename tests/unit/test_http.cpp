// The HTTP layer's request parsing without sockets (http::parse_request, the code every connection
// runs): what a request becomes, and every refusal with its status. The same layer against live
// sockets (deadlines, caps, bodies over the limit on the wire) is tests/security/test_http.py.

#include <gtest/gtest.h>

#include <string>

#include "server/http.hpp"

namespace cyberframe::server::http {
namespace {

Parsed parse(const std::string& bytes, std::size_t body_limit = 1 << 20) {
  return parse_request(bytes, Limits{}, body_limit);
}

TEST(HttpParse, ARequestWithPathQueryHeadersAndBody) {
  const std::string bytes =
      "POST /api/v1/a%20b/c?x=1&y=two+words&z=%2F&flag HTTP/1.1\r\n"
      "Host: example\r\nContent-Type: application/json\r\nX-Many: a\r\nx-many: b\r\n"
      "Cookie: a=1\r\nCookie: b=2\r\nContent-Length: 7\r\n\r\n{\"k\":1}GET";
  auto p = parse(bytes);
  ASSERT_TRUE(p.request) << p.status << " " << p.detail;
  const auto& r = *p.request;
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.path, "/api/v1/a b/c");
  EXPECT_EQ(r.query.at("x"), "1");
  EXPECT_EQ(r.query.at("y"), "two words");
  EXPECT_EQ(r.query.at("z"), "/");
  EXPECT_EQ(r.query.at("flag"), "");
  EXPECT_EQ(r.header("content-type"), "application/json");
  EXPECT_EQ(r.header("x-many"), "a, b");
  EXPECT_EQ(r.header("cookie"), "a=1; b=2");
  EXPECT_EQ(r.body, "{\"k\":1}");
  // What follows (a pipelined request) is left for the next one.
  EXPECT_EQ(p.consumed, bytes.size() - 3);
}

TEST(HttpParse, AChunkedBody) {
  auto p = parse(
      "PUT /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
      "4\r\nabcd\r\n3;ext=1\r\nefg\r\n0\r\n\r\n");
  ASSERT_TRUE(p.request) << p.detail;
  EXPECT_EQ(p.request->body, "abcdefg");
}

TEST(HttpParse, IncompleteBytesAreNotARequestYet) {
  auto p = parse("GET /x HTTP/1.1\r\nHost: h\r\n");
  EXPECT_FALSE(p.request);
  EXPECT_EQ(p.status, 0);
}

TEST(HttpParse, Http10NeedsNoHost) {
  auto p = parse("GET /healthz HTTP/1.0\r\n\r\n");
  ASSERT_TRUE(p.request) << p.detail;
}

struct Refused {
  const char* what;
  std::string bytes;
  int status;
  std::size_t body_limit = 1 << 20;
};

class HttpRefusal : public ::testing::TestWithParam<Refused> {};

TEST_P(HttpRefusal, IsRefusedWithItsStatus) {
  const auto& c = GetParam();
  auto p = parse(c.bytes, c.body_limit);
  EXPECT_FALSE(p.request) << c.what;
  EXPECT_EQ(p.status, c.status) << c.what << ": " << p.detail;
  EXPECT_FALSE(p.detail.empty()) << c.what;
}

std::string many_fields(int n) {
  std::string s = "GET / HTTP/1.1\r\nHost: h\r\n";
  for (int i = 0; i < n; ++i) s += "X-" + std::to_string(i) + ": v\r\n";
  return s + "\r\n";
}

INSTANTIATE_TEST_SUITE_P(
    Requests, HttpRefusal,
    ::testing::Values(
        Refused{"Content-Length with Transfer-Encoding",
                "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: "
                "chunked\r\n\r\n0\r\n\r\n",
                400},
        Refused{"Transfer-Encoding then Content-Length",
                "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                "3\r\n\r\n",
                400},
        Refused{"two different Content-Lengths",
                "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
                400},
        Refused{"a transfer coding other than chunked",
                "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", 501},
        Refused{"obsolete line folding", "GET /x HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  2\r\n\r\n",
                400},
        Refused{"no Host in HTTP/1.1", "GET /x HTTP/1.1\r\nAccept: */*\r\n\r\n", 400},
        Refused{"two Hosts", "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400},
        Refused{"a content-encoded body",
                "POST /x HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\nContent-Length: "
                "1\r\n\r\nx",
                415},
        Refused{"an unknown expectation", "POST /x HTTP/1.1\r\nHost: h\r\nExpect: magic\r\n\r\n",
                417},
        Refused{"a body over the limit, declared",
                "POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\n", 413, 10},
        Refused{"a body over the limit, chunked",
                "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n",
                413, 10},
        Refused{"a body where none is taken",
                "DELETE /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx", 413, 0},
        Refused{"a target over 8 KiB", "GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n", 414},
        Refused{"a head over 16 KiB",
                "GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + std::string(17000, 'b') + "\r\n\r\n", 431},
        Refused{"more than 100 fields", many_fields(101), 431},
        Refused{"a malformed %-escape", "GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", 400},
        Refused{"a NUL in the path", "GET /a%00b HTTP/1.1\r\nHost: h\r\n\r\n", 400},
        Refused{"a target that is not a path", "GET http://h/x HTTP/1.1\r\nHost: h\r\n\r\n", 400},
        Refused{"* for GET", "GET * HTTP/1.1\r\nHost: h\r\n\r\n", 400},
        Refused{"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400},
        Refused{"a bare LF", "GET / HTTP/1.1\nHost: h\n\n", 400},
        Refused{"a control character in a value", "GET / HTTP/1.1\r\nHost: h\x01\r\n\r\n", 400},
        Refused{"a malformed chunk size",
                "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400}));

TEST(HttpParse, ExactlyTheLimitsAreAccepted) {
  auto fields = parse(many_fields(99));  // with Host: 100 fields
  EXPECT_TRUE(fields.request) << fields.detail;
  auto body = parse("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n0123456789", 10);
  ASSERT_TRUE(body.request) << body.detail;
  EXPECT_EQ(body.request->body, "0123456789");
  auto options = parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n");
  ASSERT_TRUE(options.request) << options.detail;
  EXPECT_EQ(options.request->path, "*");
}

}  // namespace
}  // namespace cyberframe::server::http
