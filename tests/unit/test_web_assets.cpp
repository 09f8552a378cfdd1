// The web UI embedded in the binary: index.html at /, every file it loads under /assets/, content
// types, and nothing served for paths the build did not produce.

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "server/web_assets.hpp"

namespace cyberframe::server {
namespace {

TEST(WebAssets, RootAndIndexServeTheUiPage) {
  auto root = web_asset("/");
  auto index = web_asset("/index.html");
  ASSERT_TRUE(root.has_value());
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(root->bytes, index->bytes);
  EXPECT_EQ(root->content_type, "text/html; charset=utf-8");
  EXPECT_FALSE(root->immutable);  // its name has no hash: revalidate it
  EXPECT_NE(root->bytes.find("<div id=\"app\">"), std::string_view::npos);
}

TEST(WebAssets, EveryFileTheIndexLoadsIsEmbeddedAndImmutable) {
  auto index = web_asset("/index.html");
  ASSERT_TRUE(index.has_value());
  std::string html(index->bytes);
  std::regex ref(R"re((?:src|href)="(/assets/[^"]+)")re");
  int scripts = 0;
  int styles = 0;
  for (std::sregex_iterator it(html.begin(), html.end(), ref), end; it != end; ++it) {
    auto path = (*it)[1].str();
    auto asset = web_asset(path);
    ASSERT_TRUE(asset.has_value()) << path;
    EXPECT_TRUE(asset->immutable) << path;
    EXPECT_FALSE(asset->bytes.empty()) << path;
    if (path.ends_with(".js")) {
      ++scripts;
      EXPECT_EQ(asset->content_type, "text/javascript; charset=utf-8");
    }
    if (path.ends_with(".css")) {
      ++styles;
      EXPECT_EQ(asset->content_type, "text/css; charset=utf-8");
    }
  }
  EXPECT_GE(scripts, 1);
  EXPECT_GE(styles, 1);
}

TEST(WebAssets, UnknownPathsAreNotServed) {
  EXPECT_FALSE(web_asset("/assets/none.js").has_value());
  EXPECT_FALSE(web_asset("/assets/../index.html").has_value());
  EXPECT_FALSE(web_asset("/index.html?x=1").has_value());
  EXPECT_FALSE(web_asset("index.html").has_value());
  EXPECT_FALSE(web_asset("/api/v1/frameworks").has_value());
  EXPECT_FALSE(web_asset("/assets/").has_value());
}

TEST(WebAssets, ContentTypesByExtension) {
  EXPECT_EQ(content_type_for("/a.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("/assets/x-1a2b.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("/assets/x.CSS"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("/logo.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("/a.png"), "image/png");
  EXPECT_EQ(content_type_for("/f.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("/m.json"), "application/json");
  EXPECT_EQ(content_type_for("/favicon.ico"), "image/x-icon");
  EXPECT_EQ(content_type_for("/no-extension"), "application/octet-stream");
  EXPECT_EQ(content_type_for("/dir.d/file"), "application/octet-stream");
  EXPECT_EQ(content_type_for("/a.exe"), "application/octet-stream");
}

}  // namespace
}  // namespace cyberframe::server
