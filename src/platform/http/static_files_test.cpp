#include "platform/http/static_files.hpp"

#include <fstream>
#include <random>

#include <gtest/gtest.h>

namespace termintreu::platform::http {
namespace {

namespace fs = std::filesystem;

// A throwaway copy of what Vite's build leaves in dist/, plus a secret next to it that must stay unreachable.
class WebRoot {
 public:
  WebRoot() {
    base_ = fs::temp_directory_path() / ("termintreu-web-" + std::to_string(std::random_device{}()));
    root_ = base_ / "dist";
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><title>app</title>");
    write("assets/index-4f3a2b.js", "console.log(1)");
    write("assets/index-4f3a2b.css", "body{}");
    write("favicon.ico", "ico");
    write("manifest.webmanifest", "{}");
    write(".env", "SECRET=1");
    std::ofstream(base_ / "secret.txt") << "secret";
  }
  ~WebRoot() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }
  const fs::path& root() const { return root_; }
  const fs::path& base() const { return base_; }

 private:
  void write(const std::string& name, const std::string& content) { std::ofstream(root_ / name) << content; }
  fs::path base_;
  fs::path root_;
};

Request get(std::string path) {
  Request request;
  request.path = std::move(path);
  return request;
}

TEST(StaticFiles, ServesFilesWithTypeAndCachePolicy) {
  const WebRoot web;
  const StaticFiles files(web.root());

  struct Case {
    std::string path;
    unsigned status;
    std::string content_type;
    std::string cache;
    std::string body;
  };
  const std::vector<Case> cases{
      {"/", 200, "text/html; charset=utf-8", "no-cache", "<!doctype html><title>app</title>"},
      {"/index.html", 200, "text/html; charset=utf-8", "no-cache", "<!doctype html><title>app</title>"},
      {"/assets/index-4f3a2b.js", 200, "text/javascript; charset=utf-8", "public, max-age=31536000, immutable",
       "console.log(1)"},
      {"/assets/index-4f3a2b.css", 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable", "body{}"},
      {"/favicon.ico", 200, "image/x-icon", "no-cache", "ico"},
      {"/manifest.webmanifest", 200, "application/manifest+json", "no-cache", "{}"},
      // SPA fallback: client-side routes have no extension.
      {"/campaigns/12", 200, "text/html; charset=utf-8", "no-cache", "<!doctype html><title>app</title>"},
      {"/assets/", 200, "text/html; charset=utf-8", "no-cache", "<!doctype html><title>app</title>"},
  };
  for (const auto& c : cases) {
    const auto response = files.serve(get(c.path));
    EXPECT_EQ(response.status, c.status) << c.path;
    EXPECT_EQ(response.header("content-type"), c.content_type) << c.path;
    EXPECT_EQ(response.header("cache-control"), c.cache) << c.path;
    EXPECT_EQ(response.body, c.body) << c.path;
    EXPECT_TRUE(response.header("etag")) << c.path;
    EXPECT_TRUE(response.header("last-modified")) << c.path;
  }
}

TEST(StaticFiles, RefusesEscapesAndHiddenFiles) {
  const WebRoot web;
  const StaticFiles files(web.root());
  const std::vector<std::pair<std::string, unsigned>> cases{
      {"/../secret.txt", 400},
      {"/assets/../../secret.txt", 400},
      {"/./index.html", 400},
      {"/..\\secret.txt", 400},
      {"/assets\\..\\..\\secret.txt", 400},
      {std::string("/index.html\0.png", 16), 400},
      {"/.env", 404},
      {"/missing.png", 404},
      {"/assets/missing-123.js", 404},
  };
  for (const auto& [path, status] : cases) {
    const auto response = files.serve(get(path));
    EXPECT_EQ(response.status, status) << path;
    EXPECT_EQ(response.header("content-type"), "application/json") << path;
    EXPECT_EQ(response.body.find("secret"), std::string::npos) << path;
  }
}

TEST(StaticFiles, DoesNotFollowSymlinksOutOfTheRoot) {
  const WebRoot web;
  fs::create_symlink(web.base() / "secret.txt", web.root() / "leak.txt");
  const StaticFiles files(web.root());
  EXPECT_EQ(files.serve(get("/leak.txt")).status, 404);
}

TEST(StaticFiles, AnswersNotModifiedForMatchingEtag) {
  const WebRoot web;
  const StaticFiles files(web.root());
  const auto first = files.serve(get("/assets/index-4f3a2b.js"));
  auto again = get("/assets/index-4f3a2b.js");
  again.headers.emplace_back("if-none-match", std::string(*first.header("etag")));
  const auto second = files.serve(again);
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  auto other = get("/assets/index-4f3a2b.js");
  other.headers.emplace_back("if-none-match", "\"something-else\"");
  EXPECT_EQ(files.serve(other).status, 200);
}

TEST(StaticFiles, MissingRootIsAnError) {
  EXPECT_THROW(StaticFiles(fs::temp_directory_path() / "termintreu-no-such-dir-xyz"), std::invalid_argument);
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(content_type_for("mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("SVG"), "image/svg+xml");
  EXPECT_EQ(content_type_for("woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("map"), "application/json");
  EXPECT_EQ(content_type_for("txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("png"), "image/png");
  EXPECT_EQ(content_type_for("exe"), "application/octet-stream");
}

}  // namespace
}  // namespace termintreu::platform::http
