#include "platform/http/server.hpp"

#include <fstream>
#include <future>
#include <latch>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>

#include "platform/log.hpp"

namespace termintreu::platform::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace fs = std::filesystem;
using tcp = asio::ip::tcp;
using nlohmann::json;

// Only a guard against a hung test; nothing waits for it to pass.
constexpr std::chrono::seconds kSafety{20};

struct Reply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  bool keep_alive = true;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
  json body_json() const { return json::parse(body); }
};

// A small client on Beast that drives its own io_context, so every operation has a deadline.
class Client {
 public:
  explicit Client(unsigned short port) : stream_(ioc_) {
    stream_.expires_after(kSafety);
    beast::error_code ec;
    stream_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                          [&ec](const beast::error_code& e) { ec = e; });
    drive();
    if (ec) throw beast::system_error(ec);
  }

  void send(bhttp::request<bhttp::string_body> request) {
    if (!request.has_content_length() && !request.chunked()) request.prepare_payload();
    beast::error_code ec;
    stream_.expires_after(kSafety);
    bhttp::async_write(stream_, request, [&ec](const beast::error_code& e, std::size_t) { ec = e; });
    drive();
    if (ec) throw beast::system_error(ec);
  }

  void send_raw(const std::string& bytes) {
    beast::error_code ec;
    stream_.expires_after(kSafety);
    asio::async_write(stream_, asio::buffer(bytes), [&ec](const beast::error_code& e, std::size_t) { ec = e; });
    drive();
    if (ec) throw beast::system_error(ec);
  }

  std::optional<Reply> receive(bool head = false) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 << 20);
    parser.skip(head);
    beast::error_code ec;
    stream_.expires_after(kSafety);
    bhttp::async_read(stream_, buffer_, parser, [&ec](const beast::error_code& e, std::size_t) { ec = e; });
    drive();
    if (ec) return std::nullopt;
    Reply reply;
    const auto& message = parser.get();
    reply.status = message.result_int();
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = std::string(field.value());
    }
    reply.body = message.body();
    reply.keep_alive = message.keep_alive();
    return reply;
  }

  Reply request(bhttp::verb method, const std::string& target, std::string body = {},
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    bhttp::request<bhttp::string_body> request(method, target, 11);
    request.set(bhttp::field::host, "localhost");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = std::move(body);
    send(std::move(request));
    auto reply = receive(method == bhttp::verb::head);
    if (!reply) throw std::runtime_error("no reply to " + target);
    return *reply;
  }

  // Raw bytes up to and including marker (for event streams and hand-made requests).
  std::string read_until(const std::string& marker) {
    beast::error_code ec;
    std::size_t n = 0;
    stream_.expires_after(kSafety);
    asio::async_read_until(stream_, asio::dynamic_buffer(raw_), marker,
                           [&](const beast::error_code& e, std::size_t size) {
                             ec = e;
                             n = size;
                           });
    drive();
    if (ec) throw beast::system_error(ec);
    std::string out = raw_.substr(0, n);
    raw_.erase(0, n);
    return out;
  }

  // True once the server closed the connection (reads end without a byte).
  bool closed_by_server() {
    std::array<char, 256> scratch{};
    beast::error_code ec;
    stream_.expires_after(kSafety);
    for (;;) {
      std::size_t n = 0;
      stream_.async_read_some(asio::buffer(scratch), [&](const beast::error_code& e, std::size_t size) {
        ec = e;
        n = size;
      });
      drive();
      if (ec) return ec != beast::error::timeout;
      if (n > 0) raw_.append(scratch.data(), n);
    }
  }

  const std::string& unread() const { return raw_; }

 private:
  void drive() {
    ioc_.restart();
    ioc_.run();
  }

  asio::io_context ioc_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string raw_;
};

Reply fetch(unsigned short port, bhttp::verb method, const std::string& target, std::string body = {},
            std::vector<std::pair<std::string, std::string>> headers = {}) {
  Client client(port);
  return client.request(method, target, std::move(body), std::move(headers));
}

Handler json_handler(json body) {
  return [body](Request&) { return Response::json(200, body); };
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { init_logging("warn"); }
  void TearDown() override { stop(); }

  void start(ServerOptions options = {}) {
    options.address = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<Server>(std::move(options), router_, metrics_, hub_);
    server_->start();
    thread_ = std::thread([this] { server_->run(); });
  }
  void stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }
  unsigned short port() const { return server_->port(); }

  Router router_;
  Metrics metrics_;
  EventHub hub_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

void expect_security_headers(const Reply& reply) {
  EXPECT_FALSE(reply.header("x-request-id").empty());
  EXPECT_EQ(reply.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(reply.header("x-frame-options"), "DENY");
  EXPECT_EQ(reply.header("referrer-policy"), "no-referrer");
  EXPECT_NE(reply.header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_TRUE(reply.header("strict-transport-security").empty());
}

void expect_json_error(const Reply& reply, unsigned status, const std::string& code) {
  EXPECT_EQ(reply.status, status);
  EXPECT_EQ(reply.header("content-type"), "application/json");
  const auto body = reply.body_json();
  EXPECT_EQ(body["error"]["code"], code) << reply.body;
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_TRUE(body["error"]["field"].is_string());
}

TEST_F(ServerTest, JsonRouteWithParamsAndSecurityHeaders) {
  router_.add(Method::get, "/api/users/{id}", [](Request& request) {
    return Response::json(200, {{"id", request.param("id")}, {"q", request.query_param("q").value_or("")}});
  });
  start();
  const auto reply = fetch(port(), bhttp::verb::get, "/api/users/a%20b?q=x+y");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_EQ(reply.header("cache-control"), "no-store");
  EXPECT_EQ(reply.body_json(), json({{"id", "a b"}, {"q", "x y"}}));
  expect_security_headers(reply);
  EXPECT_NE(metrics_.render().find(R"(route="/api/users/{id}",status="200"} 1)"), std::string::npos);
}

TEST_F(ServerTest, RequestIdIsEchoedWhenSaneAndLogged) {
  router_.add(Method::get, "/healthz", json_handler({{"status", "ok"}}), Execution::inline_io);
  start();
  std::ostringstream log;
  init_logging("info", std::make_shared<spdlog::sinks::ostream_sink_mt>(log));
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/healthz", {}, {{"X-Request-Id", "abc-123_x.y"}}).header("x-request-id"),
            "abc-123_x.y");
  const auto replaced = fetch(port(), bhttp::verb::get, "/healthz", {}, {{"X-Request-Id", "no spaces <allowed>"}});
  EXPECT_NE(replaced.header("x-request-id"), "no spaces <allowed>");
  EXPECT_EQ(replaced.header("x-request-id").size(), 16U);
  const auto too_long = fetch(port(), bhttp::verb::get, "/healthz", {}, {{"X-Request-Id", std::string(65, 'a')}});
  EXPECT_EQ(too_long.header("x-request-id").size(), 16U);
  init_logging("warn");
  EXPECT_NE(log.str().find("[abc-123_x.y] GET /healthz 200"), std::string::npos) << log.str();
}

TEST_F(ServerTest, UnknownPathsAndMethodsGiveJsonErrors) {
  router_.add(Method::get, "/api/items", json_handler(json::array()));
  router_.add(Method::post, "/api/items", json_handler(json::object()));
  start();
  expect_json_error(fetch(port(), bhttp::verb::get, "/api/nothing"), 404, "not_found");
  expect_json_error(fetch(port(), bhttp::verb::get, "/metrics"), 404, "not_found");
  // Without a web root, other paths are not found either.
  expect_json_error(fetch(port(), bhttp::verb::get, "/campaigns"), 404, "not_found");

  const auto wrong_method = fetch(port(), bhttp::verb::delete_, "/api/items");
  expect_json_error(wrong_method, 405, "method_not_allowed");
  EXPECT_EQ(wrong_method.header("allow"), "GET, HEAD, POST, OPTIONS");
  expect_security_headers(wrong_method);

  const auto options = fetch(port(), bhttp::verb::options, "/api/items");
  EXPECT_EQ(options.status, 204);
  EXPECT_EQ(options.header("allow"), "GET, HEAD, POST, OPTIONS");

  const auto head = fetch(port(), bhttp::verb::head, "/api/items");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "2");
  EXPECT_TRUE(head.body.empty());

  Client client(port());
  client.send_raw("FROB /api/items HTTP/1.1\r\nHost: x\r\n\r\n");
  expect_json_error(*client.receive(), 405, "method_not_allowed");
}

TEST_F(ServerTest, HandlerExceptionsBecomeJson500) {
  router_.add(Method::get, "/api/boom", [](Request&) -> Response { throw std::runtime_error("kaputt"); });
  router_.add(
      Method::get, "/api/boom-inline", [](Request&) -> Response { throw 42; }, Execution::inline_io);
  router_.add(Method::get, "/api/undeclared", [](Request& r) { return Response::text(200, r.param("nope")); });
  start();
  for (const auto* target : {"/api/boom", "/api/boom-inline", "/api/undeclared"}) {
    const auto reply = fetch(port(), bhttp::verb::get, target);
    EXPECT_EQ(reply.status, 500) << target;
    EXPECT_EQ(reply.body_json(), json::parse(R"({"error":{"code":"internal","message":"internal error","field":""}})"));
  }
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/api/boom").status, 500);  // and the server is still there
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  router_.add(Method::post, "/api/echo", [](Request& request) { return Response::text(200, request.body); });
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  EXPECT_EQ(fetch(port(), bhttp::verb::post, "/api/echo", std::string(1024, 'a')).body.size(), 1024U);

  const auto reply = fetch(port(), bhttp::verb::post, "/api/echo", std::string(4096, 'a'));
  expect_json_error(reply, 413, "payload_too_large");
  EXPECT_FALSE(reply.keep_alive);

  Client chunked(port());
  chunked.send_raw(
      "POST /api/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "800\r\n" +
      std::string(0x800, 'b') + "\r\n0\r\n\r\n");
  expect_json_error(*chunked.receive(), 413, "payload_too_large");
}

// A client that sends its whole body before reading (as a browser posting a large form does) must still read the
// 413: the server drains what is sent after its answer instead of resetting the connection.
TEST_F(ServerTest, BodyFarOverTheLimitStillReadsTheAnswer) {
  router_.add(Method::post, "/api/echo", [](Request& request) { return Response::text(200, request.body); });
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  constexpr std::size_t kBody = std::size_t{3} * 1024 * 1024;
  Client client(port());
  client.send_raw("POST /api/echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: " +
                  std::to_string(kBody) + "\r\n\r\n" + std::string(kBody, 'c'));
  const auto reply = client.receive();
  ASSERT_TRUE(reply) << "the connection was reset before the answer could be read";
  expect_json_error(*reply, 413, "payload_too_large");
}

TEST_F(ServerTest, HostileRequestsGetErrorsNotCrashes) {
  router_.add(Method::get, "/api/ok", json_handler({{"ok", true}}));
  ServerOptions options;
  options.header_limit = 1024;
  start(options);

  const auto big_header = fetch(port(), bhttp::verb::get, "/api/ok", {}, {{"X-Big", std::string(4000, 'h')}});
  expect_json_error(big_header, 431, "invalid");

  const std::vector<std::string> malformed{
      "GET\r\n\r\n",
      "GET /api/ok HTTP/9.9\r\n\r\n",
      "GET /api/ok HTTP/1.1\r\nBad Header\r\n\r\n",
      "POST /api/ok HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
      "POST /api/ok HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabc",
      "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 tls hello\r\n\r\n",
  };
  for (const auto& bytes : malformed) {
    Client client(port());
    client.send_raw(bytes);
    const auto reply = client.receive();
    ASSERT_TRUE(reply) << bytes;
    expect_json_error(*reply, 400, "invalid");
    EXPECT_TRUE(client.closed_by_server()) << bytes;
  }
  for (const auto* target : {"/api/%zz", "/api/%4", "/api/a%00b", "http://elsewhere/api/ok"}) {
    const auto reply = fetch(port(), bhttp::verb::get, target);
    expect_json_error(reply, 400, "invalid");
  }
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/api/ok").status, 200);
}

// The one test that waits for a timer: the smallest read timeout is a second. It asserts only that the connection
// ends, not when.
TEST_F(ServerTest, SlowlorisIsCutOffByTheReadTimeout) {
  router_.add(Method::get, "/api/ok", json_handler({{"ok", true}}));
  ServerOptions options;
  options.read_timeout = std::chrono::seconds(1);
  start(options);
  Client client(port());
  client.send_raw("GET /api/ok HTTP/1.1\r\nHost: x\r\nX-Slow: ");
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_EQ(client.unread(), "");
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/api/ok").status, 200);
}

// Upload routes stream their body to a file, but only once the route's admit check has passed on the header alone:
// a caller without the right credentials never gets a byte written to disk.
TEST_F(ServerTest, UploadsGoToAFileOnlyWhenTheHeaderIsAdmitted) {
  const auto directory = fs::temp_directory_path() / ("termintreu-upload-test-" + std::to_string(::getpid()));
  fs::remove_all(directory);
  int admitted = 0;
  const auto admit = [&admitted](Request& request) {
    if (request.header("authorization") != std::optional<std::string_view>("Bearer good")) {
      return Response::error({ErrorCode::unauthenticated, "please sign in", ""});
    }
    ++admitted;
    Response go_on;
    go_on.status = 100;
    return go_on;
  };
  const auto handler = [](Request& request) {
    const auto size = request.upload_file.empty() ? 0 : fs::file_size(request.upload_file);
    return Response::json(200, {{"file_size", size}, {"body_size", request.body.size()}});
  };
  router_.add(Route{Method::post, "/api/upload", handler, Execution::blocking, std::size_t{1} << 20, admit});
  ServerOptions options;
  options.body_limit = 1024;
  options.upload_directory = directory;
  start(options);
  const auto files_left = [&directory] {
    return fs::exists(directory) ? std::distance(fs::directory_iterator(directory), fs::directory_iterator{}) : 0;
  };

  const std::string file(300 * 1024, 'x');
  const auto accepted =
      fetch(port(), bhttp::verb::post, "/api/upload", file, {{"Authorization", "Bearer good"}});
  ASSERT_EQ(accepted.status, 200U) << accepted.body;
  EXPECT_EQ(accepted.body_json()["file_size"], file.size());
  EXPECT_EQ(accepted.body_json()["body_size"], 0);
  EXPECT_EQ(admitted, 1);
  EXPECT_EQ(files_left(), 0) << "the server removes an upload the handler left in place";

  Client refused(port());
  refused.send_raw("POST /api/upload HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer bad\r\nExpect: 100-continue\r\n"
                   "Content-Length: 307200\r\n\r\n");
  const auto reply = refused.receive();
  ASSERT_TRUE(reply);
  expect_json_error(*reply, 401, "unauthenticated");
  EXPECT_FALSE(reply->keep_alive);
  EXPECT_EQ(files_left(), 0);
  EXPECT_EQ(admitted, 1);

  // Without credentials the route is an ordinary one: the ordinary body limit applies.
  expect_json_error(fetch(port(), bhttp::verb::post, "/api/upload", file), 413, "payload_too_large");
  fs::remove_all(directory);
}

TEST_F(ServerTest, ExpectContinueIsAnswered) {
  router_.add(Method::post, "/api/echo", [](Request& request) { return Response::text(200, request.body); });
  start();
  Client client(port());
  client.send_raw("POST /api/echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  EXPECT_EQ(client.read_until("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  client.send_raw("hello");
  EXPECT_EQ(client.receive()->body, "hello");
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  router_.add(
      Method::get, "/api/n/{n}", [](Request& r) { return Response::text(200, r.param("n")); }, Execution::inline_io);
  start();
  Client client(port());
  client.send_raw("GET /api/n/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /api/n/2 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.receive()->body, "1");
  EXPECT_EQ(client.receive()->body, "2");
  EXPECT_EQ(client.request(bhttp::verb::get, "/api/n/3").body, "3");
  EXPECT_EQ(server_->active_connections(), 1U);
  client.send_raw("GET /api/n/4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto last = client.receive();
  EXPECT_EQ(last->body, "4");
  EXPECT_FALSE(last->keep_alive);
  EXPECT_TRUE(client.closed_by_server());
}

TEST_F(ServerTest, HstsOnlyBehindATrustedHttpsProxy) {
  router_.add(Method::get, "/api/who", [](Request& r) {
    return Response::json(200, {{"ip", r.remote_address}, {"secure", r.secure}});
  });
  ServerOptions options;
  options.trust_proxy = true;
  start(options);
  const auto plain = fetch(port(), bhttp::verb::get, "/api/who");
  EXPECT_EQ(plain.body_json(), json({{"ip", "127.0.0.1"}, {"secure", false}}));
  EXPECT_TRUE(plain.header("strict-transport-security").empty());
  const auto proxied = fetch(port(), bhttp::verb::get, "/api/who", {},
                             {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "6.6.6.6, 203.0.113.9"}});
  EXPECT_EQ(proxied.body_json(), json({{"ip", "203.0.113.9"}, {"secure", true}}));
  EXPECT_NE(proxied.header("strict-transport-security").find("max-age="), std::string::npos);
}

TEST_F(ServerTest, UntrustedProxyHeadersAreIgnored) {
  router_.add(Method::get, "/api/who", [](Request& r) {
    return Response::json(200, {{"ip", r.remote_address}, {"secure", r.secure}});
  });
  start();
  const auto reply = fetch(port(), bhttp::verb::get, "/api/who", {},
                           {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(reply.body_json(), json({{"ip", "127.0.0.1"}, {"secure", false}}));
  EXPECT_TRUE(reply.header("strict-transport-security").empty());
}

class WebRoot {
 public:
  WebRoot() : root_(fs::temp_directory_path() / ("termintreu-server-web-" + std::to_string(std::random_device{}()))) {
    fs::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<!doctype html><div id=root></div>";
    std::ofstream(root_ / "assets" / "main-1a2b3c.js") << "export{}";
    std::ofstream(root_ / "assets" / "main-1a2b3c.css") << "body{}";
    std::ofstream(root_ / "logo.svg") << "<svg/>";
    std::ofstream(root_.parent_path() / (root_.filename().string() + "-secret")) << "secret";
  }
  ~WebRoot() {
    std::error_code ec;
    fs::remove_all(root_, ec);
    fs::remove(root_.parent_path() / (root_.filename().string() + "-secret"), ec);
  }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  const WebRoot web;
  router_.add(Method::get, "/api/me", json_handler({{"me", 1}}));
  ServerOptions options;
  options.web_root = web.root();
  start(options);

  const auto index = fetch(port(), bhttp::verb::get, "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_NE(index.header("content-security-policy").find("default-src 'self'"), std::string::npos);
  expect_security_headers(index);

  const auto script = fetch(port(), bhttp::verb::get, "/assets/main-1a2b3c.js");
  EXPECT_EQ(script.body, "export{}");
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/assets/main-1a2b3c.css").header("content-type"),
            "text/css; charset=utf-8");
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/logo.svg").header("content-type"), "image/svg+xml");

  const auto revalidated =
      fetch(port(), bhttp::verb::get, "/assets/main-1a2b3c.js", {}, {{"If-None-Match", script.header("etag")}});
  EXPECT_EQ(revalidated.status, 304);
  EXPECT_TRUE(revalidated.body.empty());

  const auto head = fetch(port(), bhttp::verb::head, "/assets/main-1a2b3c.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), "8");
  EXPECT_TRUE(head.body.empty());

  const auto deep_link = fetch(port(), bhttp::verb::get, "/campaigns/12/edit?tab=2");
  EXPECT_EQ(deep_link.status, 200);
  EXPECT_EQ(deep_link.body, "<!doctype html><div id=root></div>");

  expect_json_error(fetch(port(), bhttp::verb::get, "/missing.png"), 404, "not_found");
  expect_json_error(fetch(port(), bhttp::verb::get, "/api/missing"), 404, "not_found");
  EXPECT_EQ(fetch(port(), bhttp::verb::get, "/api/me").body_json(), json({{"me", 1}}));
  // POST to a page is not a static request.
  expect_json_error(fetch(port(), bhttp::verb::post, "/campaigns"), 404, "not_found");

  const std::string secret = "/../" + web.root().filename().string() + "-secret";
  for (const auto& target : {secret, "/%2e%2e/" + web.root().filename().string() + "-secret",
                             std::string("/assets/..%2f..%2fetc%2fpasswd"), std::string("/assets%5c..%5cindex.html")}) {
    const auto reply = fetch(port(), bhttp::verb::get, target);
    EXPECT_EQ(reply.status, 400) << target;
    EXPECT_EQ(reply.body.find("secret"), std::string::npos) << target;
  }
}

TEST_F(ServerTest, BlockingHandlerDoesNotStallTheIoThread) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  router_.add(Method::get, "/api/slow", [&entered, released](Request&) {
    entered.set_value();
    released.wait();
    return Response::text(200, "slow done");
  });
  router_.add(
      Method::post, "/api/release",
      [&release](Request&) {
        release.set_value();
        return Response::no_content();
      },
      Execution::inline_io);
  ServerOptions options;
  options.io_threads = 1;
  options.worker_threads = 1;
  start(options);

  auto slow = std::async(std::launch::async, [this] { return fetch(port(), bhttp::verb::get, "/api/slow"); });
  entered.get_future().wait();
  // The only worker is busy; the only I/O thread must still answer.
  EXPECT_EQ(fetch(port(), bhttp::verb::post, "/api/release").status, 204);
  ASSERT_EQ(slow.wait_for(kSafety), std::future_status::ready);
  EXPECT_EQ(slow.get().body, "slow done");
}

TEST_F(ServerTest, BlockingHandlersRunInParallelOnTheWorkers) {
  std::latch both_inside(2);
  router_.add(Method::get, "/api/rendezvous", [&both_inside](Request&) {
    both_inside.arrive_and_wait();  // returns only when the other request is inside a handler too
    return Response::text(200, "met");
  });
  ServerOptions options;
  options.worker_threads = 2;
  start(options);
  auto first = std::async(std::launch::async, [this] { return fetch(port(), bhttp::verb::get, "/api/rendezvous"); });
  auto second = std::async(std::launch::async, [this] { return fetch(port(), bhttp::verb::get, "/api/rendezvous"); });
  ASSERT_EQ(first.wait_for(kSafety), std::future_status::ready);
  ASSERT_EQ(second.wait_for(kSafety), std::future_status::ready);
  EXPECT_EQ(first.get().body, "met");
  EXPECT_EQ(second.get().body, "met");
}

// The thread a route's handler ran on, as the body of its answer.
Handler thread_reporter() {
  return [](Request&) {
    std::ostringstream id;
    id << std::this_thread::get_id();
    return Response::text(200, id.str());
  };
}

TEST_F(ServerTest, ShortReadsRunOnTheIoThreadOnlyWhenTheServerIsToldSo) {
  router_.add(Method::get, "/api/io", thread_reporter(), Execution::inline_io);
  router_.add(Method::get, "/api/short", thread_reporter(), Execution::short_read);
  router_.add(Route{Method::get,
                    "/api/short-but-not-now",
                    thread_reporter(),
                    Execution::short_read,
                    0,
                    {},
                    [](const Request& request) { return !request.header("x-must-write"); }});
  ServerOptions options;
  options.io_threads = 1;
  options.short_reads_inline = true;
  start(options);
  Client client(port());
  const auto io_thread = client.request(bhttp::verb::get, "/api/io").body;
  EXPECT_EQ(client.request(bhttp::verb::get, "/api/short").body, io_thread);
  EXPECT_EQ(client.request(bhttp::verb::get, "/api/short-but-not-now").body, io_thread);
  EXPECT_NE(client.request(bhttp::verb::get, "/api/short-but-not-now", "", {{"X-Must-Write", "1"}}).body, io_thread);
  stop();

  ServerOptions remote;
  remote.io_threads = 1;  // short_reads_inline stays false: a database across the network
  start(remote);
  Client other(port());
  const auto other_io_thread = other.request(bhttp::verb::get, "/api/io").body;
  EXPECT_NE(other.request(bhttp::verb::get, "/api/short").body, other_io_thread);
}

TEST_F(ServerTest, ConnectionsAreDealtToTheEventLoopsInTurn) {
  router_.add(Method::get, "/api/io", thread_reporter(), Execution::inline_io);
  ServerOptions options;
  options.io_threads = 3;
  start(options);
  std::vector<std::unique_ptr<Client>> clients;
  std::set<std::string> threads;
  for (int i = 0; i < 3; ++i) {
    clients.push_back(std::make_unique<Client>(port()));
    threads.insert(clients.back()->request(bhttp::verb::get, "/api/io").body);
  }
  EXPECT_EQ(threads.size(), 3U);
  // Every answer of a connection comes from its own loop's thread.
  EXPECT_EQ(clients[0]->request(bhttp::verb::get, "/api/io").body,
            clients[0]->request(bhttp::verb::get, "/api/io").body);
}

TEST_F(ServerTest, EventLoopsThatNeverGotAConnectionLetRunReturnOnStop) {
  ServerOptions options;
  options.io_threads = 4;
  start(options);
  server_->stop();
  thread_.join();
  EXPECT_EQ(server_->active_connections(), 0U);
}

TEST_F(ServerTest, GracefulStopLetsTheRequestInFlightFinish) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  router_.add(Method::get, "/api/slow", [&entered, released](Request&) {
    entered.set_value();
    released.wait();
    return Response::text(200, "finished");
  });
  router_.add(Method::get, "/api/quick", json_handler({{"ok", true}}), Execution::inline_io);
  start();

  Client idle(port());
  EXPECT_EQ(idle.request(bhttp::verb::get, "/api/quick").status, 200);  // now an idle keep-alive connection

  auto slow = std::async(std::launch::async, [this] { return fetch(port(), bhttp::verb::get, "/api/slow"); });
  entered.get_future().wait();
  server_->stop();
  EXPECT_TRUE(idle.closed_by_server());
  release.set_value();

  ASSERT_EQ(slow.wait_for(kSafety), std::future_status::ready);
  const auto reply = slow.get();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "finished");
  EXPECT_FALSE(reply.keep_alive);
  thread_.join();  // run() returns once the last connection is gone
  EXPECT_EQ(server_->active_connections(), 0U);
  EXPECT_THROW(Client{port()}, beast::system_error);
}

TEST_F(ServerTest, StopClosesWhatIsLeftAfterTheGracePeriod) {
  std::promise<void> entered;
  std::promise<void> release;
  auto released = release.get_future().share();
  router_.add(Method::get, "/api/stuck", [&entered, released](Request&) {
    entered.set_value();
    released.wait();
    return Response::text(200, "too late");
  });
  ServerOptions options;
  options.shutdown_grace = std::chrono::seconds(1);
  start(options);
  Client client(port());
  client.send_raw("GET /api/stuck HTTP/1.1\r\nHost: x\r\n\r\n");
  entered.get_future().wait();
  server_->stop();
  EXPECT_FALSE(client.receive());  // the connection was closed without an answer
  release.set_value();             // a running handler cannot be interrupted; run() returns once it is done
  thread_.join();
  EXPECT_EQ(server_->active_connections(), 0U);
}

TEST_F(ServerTest, ConnectionsOverTheCapGet503) {
  router_.add(Method::get, "/api/quick", json_handler({{"ok", true}}), Execution::inline_io);
  ServerOptions options;
  options.max_connections = 1;
  start(options);
  Client first(port());
  EXPECT_EQ(first.request(bhttp::verb::get, "/api/quick").status, 200);
  const auto rejected = fetch(port(), bhttp::verb::get, "/api/quick");
  expect_json_error(rejected, 503, "unavailable");
  EXPECT_EQ(first.request(bhttp::verb::get, "/api/quick").status, 200);
}

TEST_F(ServerTest, EventStreamDeliversPublishedEvents) {
  router_.add(Method::get, "/api/events", [this](Request&) {
    Response response;
    response.events = hub_.subscribe({"agency:1"});
    return response;
  });
  start();
  Client client(port());
  client.send_raw("GET /api/events HTTP/1.1\r\nHost: x\r\nX-Request-Id: sse-1\r\n\r\n");
  const auto head = client.read_until("\r\n\r\n");
  EXPECT_NE(head.find("HTTP/1.1 200 OK"), std::string::npos) << head;
  EXPECT_NE(head.find("Content-Type: text/event-stream"), std::string::npos) << head;
  EXPECT_NE(head.find("Cache-Control: no-cache"), std::string::npos) << head;
  EXPECT_NE(head.find("X-Accel-Buffering: no"), std::string::npos) << head;
  EXPECT_NE(head.find("X-Request-Id: sse-1"), std::string::npos) << head;
  EXPECT_EQ(client.read_until("\n\n"), "retry: 5000\n\n");
  EXPECT_EQ(hub_.subscribers(), 1U);

  hub_.publish("agency:2", "user.changed", {{"id", 99}});
  hub_.publish("agency:1", "user.changed", {{"id", 7}});
  const auto frame = client.read_until("\n\n");
  EXPECT_NE(frame.find("event: user.changed\ndata: {\"id\":7}\n\n"), std::string::npos) << frame;
  EXPECT_EQ(frame.rfind("id: ", 0), 0U) << frame;
  hub_.publish("agency:1", "client.changed", {{"id", 8}});
  EXPECT_NE(client.read_until("\n\n").find("event: client.changed\ndata: {\"id\":8}"), std::string::npos);

  stop();  // ends the stream
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_EQ(hub_.subscribers(), 0U);
}

TEST_F(ServerTest, IdleEventStreamGetsHeartbeats) {
  router_.add(
      Method::get, "/api/events",
      [this](Request&) {
        Response response;
        response.events = hub_.subscribe({"agency:1"});
        return response;
      },
      Execution::inline_io);
  ServerOptions options;
  options.heartbeat_interval = std::chrono::seconds(1);
  start(options);
  Client client(port());
  client.send_raw("GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n");
  client.read_until("retry: 5000\n\n");
  EXPECT_EQ(client.read_until("\n\n"), ": heartbeat\n\n");
}

TEST_F(ServerTest, EventStreamEndsWhenTheSubscriptionIsClosed) {
  router_.add(
      Method::get, "/api/events",
      [this](Request&) {
        Response response;
        response.events = hub_.subscribe({"agency:1"});
        return response;
      },
      Execution::inline_io);
  start();
  Client client(port());
  client.send_raw("GET /api/events HTTP/1.1\r\nHost: x\r\n\r\n");
  client.read_until("retry: 5000\n\n");
  hub_.close_all();
  EXPECT_TRUE(client.closed_by_server());
}

}  // namespace
}  // namespace termintreu::platform::http
