#include "platform/http/server.hpp"

#include <array>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "platform/http/static_files.hpp"
#include "platform/log.hpp"

namespace termintreu::platform::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using Tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t kReadChunk = 4096;

// Removes an upload's file once the handler is done with it (unless it moved it away), at the latest when the
// request ends.
struct UploadCleanup {
  std::string& path;
  void remove_now() {
    if (path.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    path.clear();
  }
  ~UploadCleanup() { remove_now(); }
};
// After an error answer the client may still be sending (a body over the limit): read and discard a bounded amount
// so that closing does not make the kernel send a reset that destroys the answer before the client has read it.
// Enough for a body a few times the JSON limit (a pasted file, say); larger uploads are cut off by the timeout or
// this bound, whichever comes first.
constexpr std::size_t kMaxDrain = std::size_t{16} * 1024 * 1024;
constexpr std::chrono::seconds kDrainTimeout{2};
// Connections over max_connections get a canned 503; beyond this many such answers in flight they are just closed.
constexpr std::size_t kMaxRejecting = 256;
constexpr std::chrono::milliseconds kAcceptBackoff{50};
constexpr std::size_t kMaxRequestIdLength = 64;
constexpr std::size_t kBufferKeepCapacity = std::size_t{64} * 1024;

constexpr std::array kAllMethods{Method::get,   Method::head, Method::post,   Method::put,
                                 Method::patch, Method::del,  Method::options};

Response error_response(unsigned status, std::string_view code, std::string_view message) {
  auto response = Response::json(status, {{"error", {{"code", code}, {"message", message}, {"field", ""}}}});
  return response;
}

Response internal_error() {
  return error_response(500, "internal", "internal error");
}

bool is_api_path(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/readyz" || path == "/metrics";
}

bool sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxRequestIdLength) return false;
  for (const char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool safe_header_text(std::string_view text) {
  for (const char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && to_lower(a) == to_lower(b);
}

// Decoded paths may carry control characters; a log line must stay one line.
std::string printable(std::string_view text) {
  constexpr std::size_t kMax = 200;
  std::string out;
  for (const char c : text.substr(0, kMax)) {
    const auto u = static_cast<unsigned char>(c);
    out.push_back(u < 0x20 || u == 0x7f ? '?' : c);
  }
  if (text.size() > kMax) out += "...";
  return out;
}

std::string trim_copy(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// Handlers must not take the server down: whatever escapes becomes a logged 500.
Response call_handler(const Handler& handler, Request& request) {
  const RequestIdScope scope(request.request_id);
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("handler for {} {} failed: {}", to_string(request.method), printable(request.path), e.what());
  } catch (...) {
    spdlog::error("handler for {} {} failed with a non-standard exception", to_string(request.method),
                  printable(request.path));
  }
  return internal_error();
}

bool is_network_end(const beast::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message || ec == beast::error::timeout ||
         ec.category() != bhttp::make_error_code(bhttp::error::bad_method).category();
}

void log_exception(const std::exception_ptr& error, std::string_view what) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    spdlog::error("{} ended with an exception: {}", what, e.what());
  } catch (...) {
    spdlog::error("{} ended with a non-standard exception", what);
  }
}

}  // namespace

class Session;

// Server::Impl in all but name: Session needs it, and Server::Impl is private.
class ServerCore {
 public:
  ServerCore(ServerOptions options, const Router& router, Metrics& metrics, EventHub& hub)
      : options_(std::move(options)),
        router_(router),
        metrics_(metrics),
        hub_(hub),
        contexts_(make_contexts(options_.io_threads)),
        control_(asio::make_strand(*contexts_.front())),
        acceptor_(control_),
        grace_timer_(control_),
        backoff_timer_(control_),
        workers_(std::max(1U, options_.worker_threads)) {
    if (!options_.web_root.empty()) static_files_.emplace(options_.web_root);
    for (const auto& context : contexts_) keep_running_.push_back(asio::make_work_guard(*context));
  }

  ~ServerCore() {
    stop();
    {
      std::unique_lock lock(run_mutex_);
      run_done_.wait(lock, [this] { return !running_; });
    }
    // Workers go before the io_context: their queued work refers to it.
    workers_.stop();
    workers_.join();
  }

  void start();
  void run();
  void stop();
  unsigned short port() const { return port_; }
  std::size_t active_connections() const { return active_.load(); }

 private:
  friend class Session;

  // One event loop per I/O thread, each run by that thread alone: no locks between the threads on the hot path,
  // and a connection's work needs no strand. Hint 1 tells Asio so.
  static std::vector<std::unique_ptr<asio::io_context>> make_contexts(unsigned count) {
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    for (unsigned i = 0; i < std::max(1U, count); ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
    return contexts;
  }
  asio::io_context& next_context() { return *contexts_[next_context_++ % contexts_.size()]; }
  void session_ended(std::uint64_t id);
  asio::awaitable<void> accept_loop();
  asio::awaitable<void> reject(Tcp::socket socket);

  ServerOptions options_;
  const Router& router_;
  Metrics& metrics_;
  EventHub& hub_;
  std::optional<StaticFiles> static_files_;

  std::vector<std::unique_ptr<asio::io_context>> contexts_;
  // Keep an event loop without connections running until stop().
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running_;
  asio::strand<asio::io_context::executor_type> control_;  // acceptor and timers below, on the first event loop
  Tcp::acceptor acceptor_;
  asio::steady_timer grace_timer_;
  asio::steady_timer backoff_timer_;
  asio::thread_pool workers_;
  unsigned short port_ = 0;

  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> active_{0};
  std::atomic<std::size_t> rejecting_{0};
  std::uint64_t next_session_id_ = 1;  // control_ only
  std::size_t next_context_ = 0;       // control_ only
  std::mutex sessions_mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions_;

  std::mutex run_mutex_;
  std::condition_variable run_done_;
  bool running_ = false;
};

// One connection: read → handle → write while keep-alive, then possibly an event stream. All of its work runs on
// the one thread of its event loop, so the state below needs no locks.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(ServerCore& server, Tcp::socket socket, std::uint64_t id)
      : server_(server), id_(id), stream_(std::move(socket)), wake_timer_(stream_.get_executor()) {}

  std::uint64_t id() const { return id_; }
  asio::any_io_executor executor() { return stream_.get_executor(); }

  // self keeps the session alive: the coroutine starts after the caller's pointer is gone.
  asio::awaitable<void> run(std::shared_ptr<Session> self);

  // Both may be called from any thread.
  void request_stop() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stop_requested_ = true;
      if (self->phase_ == Phase::idle) self->close_socket();
      if (self->phase_ == Phase::streaming) self->wake_timer_.cancel();
    });
  }
  void force_close() {
    asio::post(stream_.get_executor(), [self = shared_from_this()] {
      self->stop_requested_ = true;
      self->close_socket();
      self->wake_timer_.cancel();
    });
  }

 private:
  enum class Phase { idle, reading, handling, streaming };

  struct Outcome {
    Response response;
    std::string route;  // metrics label: the pattern, "static" or "unmatched"
  };

  void close_socket() {
    beast::error_code ec;
    stream_.socket().shutdown(Tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  bool stopping() const { return stop_requested_ || server_.stopping_.load(); }

  asio::awaitable<Outcome> handle(Request& request);
  asio::awaitable<Outcome> dispatch(Request& request);
  // The upload route a request header is for, when the server takes uploads and the request carries credentials
  // (anonymous requests never get more than the ordinary limit); null otherwise.
  const Route* upload_route_of(const bhttp::request<bhttp::string_body>& header) const;
  // The request as far as its header tells: headers, request id, remote address (method and path come later).
  Request describe(const bhttp::request<bhttp::string_body>& header) const;
  // Reads the body into a new file of the upload directory; its path, or empty on an error (`ec` set).
  asio::awaitable<std::string> read_to_file(bhttp::request_parser<bhttp::string_body>& parser, std::size_t limit,
                                            beast::error_code& ec);
  template <class Work>
  asio::awaitable<Response> on_workers(Work work);
  asio::awaitable<bool> write(Response& response, const Request& request, unsigned version, bool keep_alive);
  asio::awaitable<void> stream_events(const Request& request, Response& response, unsigned version);
  asio::awaitable<void> watch_client();
  asio::awaitable<void> close_after_error();
  Response reject_unparsed(const beast::error_code& ec) const;
  void decorate(Response& response, const Request& request) const;
  void finish(const Request& request, unsigned status, std::string_view route, Clock::time_point started) const;

  ServerCore& server_;
  const std::uint64_t id_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  asio::steady_timer wake_timer_;  // an event stream waits on it; cancelled to wake it
  Phase phase_ = Phase::reading;
  bool stop_requested_ = false;
  bool client_gone_ = false;
  std::string remote_address_;
};

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_address_ = endpoint.address().to_string();
  }
  bool first = true;
  for (;;) {
    if (stopping()) break;
    beast::error_code ec;
    if (buffer_.size() == 0) {
      // The idle timeout runs until the first byte of a request; the (shorter) read timeout from then on. A new
      // connection that sends nothing gets only the read timeout.
      phase_ = Phase::idle;
      stream_.expires_after(first ? server_.options_.read_timeout : server_.options_.idle_timeout);
      const auto n =
          co_await stream_.async_read_some(buffer_.prepare(kReadChunk), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      buffer_.commit(n);
    }
    phase_ = Phase::reading;
    first = false;

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(server_.options_.header_limit));
    // Beast checks a Content-Length against the body limit as soon as the header is complete, before the route is
    // known: the limit is applied here once the header says whether the route takes uploads. (Not boost::none:
    // Beast 1.74 compares the Content-Length with the optional, and none is less than any length.)
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(server_.options_.read_timeout);
    co_await bhttp::async_read_header(stream_, buffer_, parser, asio::redirect_error(asio::use_awaitable, ec));
    std::string upload_file;
    const Route* upload_route = ec ? nullptr : upload_route_of(parser.get());
    const std::size_t upload_limit = upload_route ? upload_route->upload_limit : 0;
    Request request;
    if (!ec) request = describe(parser.get());
    if (!ec) {
      const std::size_t limit = upload_limit > 0 ? upload_limit : server_.options_.body_limit;
      if (parser.content_length() && *parser.content_length() > limit) ec = bhttp::error::body_limit;
      parser.body_limit(limit);
    }
    if (!ec && !parser.is_done() && upload_route && upload_route->admit) {
      const auto started = Clock::now();
      Response refusal = co_await on_workers([&upload_route, &request] {
        return call_handler(upload_route->admit, request);
      });
      if (refusal.status != 100) {
        request.method = upload_route->method;
        request.path = std::string(parser.get().target().substr(0, parser.get().target().find('?')));
        server_.metrics_.observe_request(std::string(to_string(request.method)), upload_route->pattern, refusal.status,
                                         Clock::now() - started);
        finish(request, refusal.status, upload_route->pattern, started);
        const bool written = co_await write(refusal, request, parser.get().version(), false);
        if (written) co_await close_after_error();
        break;
      }
    }
    if (!ec && !parser.is_done()) {
      // curl and others wait for this before sending a larger body.
      if (const auto expect = parser.get()[bhttp::field::expect]; iequals(expect, "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                                   asio::redirect_error(asio::use_awaitable, ec));
      }
      if (!ec && upload_limit > 0) {
        upload_file = co_await read_to_file(parser, upload_limit, ec);
      } else if (!ec) {
        co_await bhttp::async_read(stream_, buffer_, parser, asio::redirect_error(asio::use_awaitable, ec));
      }
    }
    UploadCleanup cleanup{upload_file};
    const auto started = Clock::now();
    if (ec) {
      if (is_network_end(ec)) break;
      if (request.request_id.empty()) request.request_id = new_request_id();
      request.remote_address = remote_address_;
      auto response = reject_unparsed(ec);
      {
        const RequestIdScope scope(request.request_id);
        spdlog::info("unparsable request from {}: {}", remote_address_, ec.message());
      }
      server_.metrics_.observe_request("OTHER", "unmatched", response.status, Clock::now() - started);
      const bool written = co_await write(response, request, 11, false);
      if (written) co_await close_after_error();
      break;
    }

    phase_ = Phase::handling;
    auto& message = parser.get();
    const auto method = parse_method(message.method_string());
    const unsigned version = message.version();
    const bool client_keep_alive = message.keep_alive();
    request.body = std::move(message.body());
    request.upload_file = upload_file;

    Outcome outcome;
    std::string method_label = "OTHER";  // unknown methods must not widen the metrics' label set
    if (!method) {
      outcome = {Response::error({ErrorCode::method_not_allowed, "method not allowed", ""}), "unmatched"};
      request.path = std::string(message.target());
    } else {
      request.method = *method;
      method_label = std::string(to_string(*method));
      const std::string_view target = message.target();
      const auto question = target.find('?');
      const std::string_view raw_path = target.substr(0, question);
      if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
      auto decoded = raw_path.starts_with('/') ? try_url_decode(raw_path, false) : std::nullopt;
      if (!decoded || decoded->find('\0') != std::string::npos) {
        request.path = std::string(raw_path);
        outcome = {Response::error({ErrorCode::invalid, "invalid request target", ""}), "unmatched"};
      } else {
        request.path = std::move(*decoded);
        outcome = co_await handle(request);
      }
    }

    auto& response = outcome.response;
    server_.metrics_.observe_request(method_label, outcome.route, response.status, Clock::now() - started);
    finish(request, response.status, outcome.route, started);

    // Before answering: a client holding the answer must find the upload gone, not racing its removal.
    cleanup.remove_now();
    if (response.events) {
      co_await stream_events(request, response, version);
      break;
    }
    const bool keep_alive = client_keep_alive && !stopping() && response.status != 400;
    const bool written = co_await write(response, request, version, keep_alive);
    if (!written) break;
    if (!keep_alive) {
      close_socket();
      break;
    }
    if (buffer_.size() == 0 && buffer_.capacity() > kBufferKeepCapacity) buffer_.shrink_to_fit();
  }
  close_socket();
}

Request Session::describe(const bhttp::request<bhttp::string_body>& header) const {
  Request request;
  request.remote_address = remote_address_;
  for (const auto& field : header) {
    request.headers.emplace_back(to_lower(field.name_string()), std::string(field.value()));
  }
  const auto client_id = request.header("x-request-id");
  request.request_id = client_id && sane_request_id(*client_id) ? std::string(*client_id) : new_request_id();
  if (server_.options_.trust_proxy) {
    const auto proto = request.header("x-forwarded-proto");
    request.secure = proto && iequals(trim_copy(*proto), "https");
    if (const auto forwarded = request.header("x-forwarded-for")) {
      // The last entry is the one our own proxy added; earlier ones are whatever the client claimed.
      const auto comma = forwarded->rfind(',');
      auto address = trim_copy(comma == std::string_view::npos ? *forwarded : forwarded->substr(comma + 1));
      if (!address.empty()) request.remote_address = std::move(address);
    }
  }
  return request;
}

Response Session::reject_unparsed(const beast::error_code& ec) const {
  if (ec == bhttp::error::body_limit) {
    return Response::error({ErrorCode::payload_too_large, "request body too large", ""});
  }
  if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
    return error_response(431, "invalid", "request header too large");
  }
  return error_response(400, "invalid", "malformed request");
}

asio::awaitable<Session::Outcome> Session::handle(Request& request) {
  Outcome outcome = co_await dispatch(request);
  if (outcome.response.status < 100 || outcome.response.status > 599) {
    const RequestIdScope scope(request.request_id);
    spdlog::error("handler for {} answered with invalid status {}", printable(request.path), outcome.response.status);
    outcome.response = internal_error();
  }
  co_return outcome;
}

const Route* Session::upload_route_of(const bhttp::request<bhttp::string_body>& header) const {
  if (server_.options_.upload_directory.empty()) return nullptr;
  if (header.find(bhttp::field::authorization) == header.end() && header.find(bhttp::field::cookie) == header.end()) {
    return nullptr;
  }
  const auto method = parse_method(header.method_string());
  if (!method) return nullptr;
  const std::string_view target = header.target();
  const auto path = try_url_decode(target.substr(0, target.find('?')), false);
  if (!path) return nullptr;
  const auto match = server_.router_.match(*method, *path);
  return match.route && match.route->upload_limit > 0 ? match.route : nullptr;
}

asio::awaitable<std::string> Session::read_to_file(bhttp::request_parser<bhttp::string_body>& parser,
                                                   std::size_t limit, beast::error_code& ec) {
  std::error_code directory_error;
  std::filesystem::create_directories(server_.options_.upload_directory, directory_error);
  if (directory_error) {
    ec = beast::error_code(directory_error.value(), boost::system::generic_category());
    co_return std::string{};
  }
  const auto path = (server_.options_.upload_directory / ("upload-" + new_request_id() + ".part")).string();
  bhttp::request_parser<bhttp::file_body> file_parser(std::move(parser));
  file_parser.body_limit(limit);
  file_parser.get().body().open(path.c_str(), beast::file_mode::write, ec);
  if (ec) co_return std::string{};
  co_await bhttp::async_read(stream_, buffer_, file_parser, asio::redirect_error(asio::use_awaitable, ec));
  file_parser.get().body().close();
  // The header goes back to the parser the rest of the session reads it from.
  parser.get().base() = std::move(file_parser.get().base());
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    co_return std::string{};
  }
  co_return path;
}

asio::awaitable<Session::Outcome> Session::dispatch(Request& request) {
  const Router& router = server_.router_;
  auto match = router.match(request.method, request.path);
  if (match.route) {
    request.path_params = std::move(match.path_params);
    const Route& route = *match.route;
    const bool inline_io = route.execution == Execution::inline_io ||
                           (route.execution == Execution::short_read && server_.options_.short_reads_inline &&
                            (!route.inline_ready || route.inline_ready(request)));
    if (inline_io) co_return Outcome{call_handler(route.handler, request), route.pattern};
    // co_await stays a statement of its own here and below: g++ 12 mishandles it inside braced initialisers.
    Response response = co_await on_workers([&route, &request] { return call_handler(route.handler, request); });
    co_return Outcome{std::move(response), route.pattern};
  }
  if (match.path_known) {
    std::string allow;
    for (const auto method : kAllMethods) {
      if (method != Method::options && !router.match(method, request.path).route) continue;
      if (!allow.empty()) allow += ", ";
      allow += to_string(method);
    }
    Response response = request.method == Method::options
                            ? Response::no_content()
                            : Response::error({ErrorCode::method_not_allowed, "method not allowed", ""});
    response.set_header("Allow", std::move(allow));
    co_return Outcome{std::move(response), "unmatched"};
  }
  const bool can_serve_static =
      server_.static_files_ && (request.method == Method::get || request.method == Method::head);
  if (!is_api_path(request.path) && can_serve_static) {
    const StaticFiles& files = *server_.static_files_;
    // Disk reads block; keep them off the I/O threads like any blocking handler.
    Response response = co_await on_workers([&files, &request] {
      const RequestIdScope scope(request.request_id);
      try {
        return files.serve(request);
      } catch (const std::exception& e) {
        spdlog::error("static file {} failed: {}", printable(request.path), e.what());
        return internal_error();
      }
    });
    co_return Outcome{std::move(response), "static"};
  }
  co_return Outcome{Response::error({ErrorCode::not_found, "not found", ""}), "unmatched"};
}

// co_await asio::post(pool) would resume on the coroutine's own executor, so the work would still run on the I/O
// thread: the work is posted to the pool explicitly and the coroutine resumed on its event loop afterwards.
template <class Work>
asio::awaitable<Response> Session::on_workers(Work work) {
  Response response;
  co_await asio::async_initiate<const asio::use_awaitable_t<>&, void()>(
      [this, &work, &response](auto handler) {
        // The suspended coroutine alone does not keep io_context::run() going.
        auto guard = asio::make_work_guard(stream_.get_executor());
        asio::post(server_.workers_,
                   [&work, &response, handler = std::move(handler), guard = std::move(guard)]() mutable {
                     response = work();
                     asio::post(std::move(handler));
                   });
      },
      asio::use_awaitable);
  co_return response;
}

void Session::decorate(Response& response, const Request& request) const {
  response.set_header("X-Request-Id", request.request_id);
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "no-referrer");
  response.set_header("X-Frame-Options", "DENY");
  if (!response.header("Content-Security-Policy")) {
    response.set_header("Content-Security-Policy", server_.options_.content_security_policy);
  }
  // Answers carry session-bound data unless the handler says otherwise (static files set their own).
  if (!response.header("Cache-Control")) response.set_header("Cache-Control", "no-store");
  if (request.secure) response.set_header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

asio::awaitable<bool> Session::write(Response& response, const Request& request, unsigned version, bool keep_alive) {
  decorate(response, request);
  bhttp::response<bhttp::string_body> message;
  message.version(version == 10 ? 10 : 11);
  message.result(response.status);
  for (const auto& header : response.headers) {
    const std::string& name = header.first;
    const std::string& value = header.second;
    if (name.empty() || !safe_header_text(name) || !safe_header_text(value)) {
      const RequestIdScope scope(request.request_id);
      spdlog::error("dropping header with a line break from the answer to {}", printable(request.path));
      continue;
    }
    // insert, not set: several Set-Cookie lines must all go out.
    message.insert(name, value);
  }
  message.keep_alive(keep_alive);
  const bool bodiless = response.status == 204 || response.status == 304 || response.status < 200;
  if (!bodiless) {
    message.content_length(response.body.size());
    // A HEAD answer announces the length of the GET answer but carries no body.
    if (request.method != Method::head) message.body() = std::move(response.body);
  }
  beast::error_code ec;
  stream_.expires_after(server_.options_.read_timeout);
  co_await bhttp::async_write(stream_, message, asio::redirect_error(asio::use_awaitable, ec));
  co_return !ec;
}

asio::awaitable<void> Session::close_after_error() {
  beast::error_code ec;
  stream_.socket().shutdown(Tcp::socket::shutdown_send, ec);
  stream_.expires_after(kDrainTimeout);
  std::array<char, kReadChunk> scratch{};
  std::size_t drained = 0;
  while (!ec && drained < kMaxDrain) {
    drained += co_await stream_.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
  }
  close_socket();
}

asio::awaitable<void> Session::stream_events(const Request& request, Response& response, unsigned version) {
  phase_ = Phase::streaming;
  const auto subscription = response.events;
  response.events.reset();
  decorate(response, request);

  bhttp::response<bhttp::empty_body> head;
  head.version(version == 10 ? 10 : 11);
  head.result(bhttp::status::ok);
  for (const auto& header : response.headers) {
    const std::string& name = header.first;
    const std::string& value = header.second;
    if (!name.empty() && safe_header_text(name) && safe_header_text(value)) head.insert(name, value);
  }
  head.set(bhttp::field::content_type, "text/event-stream");
  head.set(bhttp::field::cache_control, "no-cache");
  head.set("X-Accel-Buffering", "no");  // nginx would otherwise hold events back
  // The stream ends by closing the connection, so no length and no chunking are needed.
  head.keep_alive(false);
  bhttp::response_serializer<bhttp::empty_body> serializer(head);

  beast::error_code ec;
  stream_.expires_after(server_.options_.read_timeout);
  co_await bhttp::async_write_header(stream_, serializer, asio::redirect_error(asio::use_awaitable, ec));
  static constexpr std::string_view kRetry = "retry: 5000\n\n";
  if (!ec) {
    co_await asio::async_write(stream_, asio::buffer(kRetry.data(), kRetry.size()),
                               asio::redirect_error(asio::use_awaitable, ec));
  }
  if (ec) {
    close_socket();
    co_return;
  }

  subscription->set_notifier([weak = weak_from_this(), executor = stream_.get_executor()] {
    asio::post(executor, [weak] {
      if (const auto self = weak.lock()) self->wake_timer_.cancel();
    });
  });
  auto self = shared_from_this();
  asio::co_spawn(stream_.get_executor(), watch_client(),
                 [self](std::exception_ptr error) { log_exception(error, "event stream watcher"); });

  for (;;) {
    // Events are taken before every wait; one pushed after take() posts a cancel that runs only once this
    // coroutine is suspended, so no event waits for the heartbeat.
    const auto events = subscription->take();
    if (!events.empty()) {
      std::string frames;
      for (const auto& event : events) {
        frames += fmt::format("id: {}\n", event.id);
        if (!event.name.empty()) frames += fmt::format("event: {}\n", event.name);
        frames += fmt::format("data: {}\n\n", event.data);
      }
      stream_.expires_after(server_.options_.read_timeout);
      co_await asio::async_write(stream_, asio::buffer(frames), asio::redirect_error(asio::use_awaitable, ec));
      if (ec) break;
      continue;
    }
    if (subscription->closed() || client_gone_ || stopping()) break;
    wake_timer_.expires_after(server_.options_.heartbeat_interval);
    co_await wake_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    if (ec) continue;  // woken: events, a closed subscription, a gone client or stop()
    static constexpr std::string_view kHeartbeat = ": heartbeat\n\n";
    stream_.expires_after(server_.options_.read_timeout);
    co_await asio::async_write(stream_, asio::buffer(kHeartbeat.data(), kHeartbeat.size()),
                               asio::redirect_error(asio::use_awaitable, ec));
    if (ec) break;
  }
  subscription->set_notifier({});
  close_socket();
}

// EventSource never sends after its request; a read that completes means the client went away (or misbehaves).
asio::awaitable<void> Session::watch_client() {
  std::array<char, 512> scratch{};
  beast::error_code ec;
  while (!ec) {
    co_await stream_.socket().async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
  }
  client_gone_ = true;
  wake_timer_.cancel();
}

void Session::finish(const Request& request, unsigned status, std::string_view route, Clock::time_point started) const {
  const RequestIdScope scope(request.request_id);
  const auto took = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  spdlog::info("{} {} {} {:.1f}ms {} {}", to_string(request.method), printable(request.path), status, took,
               request.remote_address, route);
}

void ServerCore::start() {
  const auto address = asio::ip::make_address(options_.address);
  const Tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(asio::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  port_ = acceptor_.local_endpoint().port();
  asio::co_spawn(control_, accept_loop(), [](std::exception_ptr error) { log_exception(error, "accept loop"); });
  spdlog::info("listening on {}:{}", options_.address, port_);
}

asio::awaitable<void> ServerCore::accept_loop() {
  for (;;) {
    beast::error_code ec;
    Tcp::socket socket(*contexts_.front());
    socket = co_await acceptor_.async_accept(next_context(), asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
      if (stopping_ || !acceptor_.is_open()) co_return;
      // Out of file descriptors, typically: retrying at once would only spin.
      spdlog::warn("accept failed: {}", ec.message());
      backoff_timer_.expires_after(kAcceptBackoff);
      co_await backoff_timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (stopping_) co_return;
    // Over the cap the client gets a 503 it can understand and retry on, instead of hanging in the backlog; the
    // answer is canned and bounded by a short timeout, so rejected clients cost almost nothing.
    if (active_.load() >= options_.max_connections) {
      if (rejecting_.load() >= kMaxRejecting) continue;  // socket closes when it goes out of scope
      ++rejecting_;
      asio::co_spawn(socket.get_executor(), reject(std::move(socket)), [this](std::exception_ptr error) {
        --rejecting_;
        log_exception(error, "connection rejection");
      });
      continue;
    }
    const std::uint64_t id = next_session_id_++;
    auto session = std::make_shared<Session>(*this, std::move(socket), id);
    {
      const std::lock_guard lock(sessions_mutex_);
      sessions_.emplace(id, session);
    }
    ++active_;
    asio::co_spawn(session->executor(), session->run(session), [this, id](std::exception_ptr error) {
      log_exception(error, "connection");
      session_ended(id);
    });
  }
}

asio::awaitable<void> ServerCore::reject(Tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  static const std::string kAnswer = [] {
    const std::string body = R"({"error":{"code":"unavailable","message":"too many connections","field":""}})";
    return fmt::format(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: {}\r\n"
        "Connection: close\r\nRetry-After: 1\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n{}",
        body.size(), body);
  }();
  beast::error_code ec;
  stream.expires_after(kDrainTimeout);
  co_await asio::async_write(stream, asio::buffer(kAnswer), asio::redirect_error(asio::use_awaitable, ec));
  stream.socket().shutdown(Tcp::socket::shutdown_send, ec);
  std::array<char, kReadChunk> scratch{};
  std::size_t drained = 0;
  while (!ec && drained < kMaxDrain) {
    drained += co_await stream.async_read_some(asio::buffer(scratch), asio::redirect_error(asio::use_awaitable, ec));
  }
  stream.socket().close(ec);
}

void ServerCore::session_ended(std::uint64_t id) {
  {
    const std::lock_guard lock(sessions_mutex_);
    sessions_.erase(id);
  }
  if (--active_ == 0 && stopping_) {
    // Nothing left to wait for: without this the grace timer would keep run() going until it expires.
    asio::post(control_, [this] { grace_timer_.cancel(); });
  }
}

void ServerCore::run() {
  {
    const std::lock_guard lock(run_mutex_);
    running_ = true;
  }
  auto run_io = [](asio::io_context& context) {
    for (;;) {
      try {
        context.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("I/O thread caught: {}", e.what());
      }
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < contexts_.size(); ++i) threads.emplace_back(run_io, std::ref(*contexts_[i]));
  run_io(*contexts_.front());
  for (auto& thread : threads) thread.join();
  {
    const std::lock_guard lock(run_mutex_);
    running_ = false;
  }
  run_done_.notify_all();
}

void ServerCore::stop() {
  if (stopping_.exchange(true)) return;
  asio::post(control_, [this] {
    beast::error_code ec;
    acceptor_.close(ec);
    backoff_timer_.cancel();
    keep_running_.clear();  // each event loop ends once its connections have
    std::vector<std::shared_ptr<Session>> sessions;
    {
      const std::lock_guard lock(sessions_mutex_);
      for (const auto& [id, weak] : sessions_) {
        if (auto session = weak.lock()) sessions.push_back(std::move(session));
      }
    }
    for (const auto& session : sessions) session->request_stop();
    if (active_.load() == 0) return;
    grace_timer_.expires_after(options_.shutdown_grace);
    grace_timer_.async_wait([this](const beast::error_code& wait_error) {
      if (wait_error) return;
      spdlog::warn("closing {} connections still busy after the shutdown grace period", active_.load());
      const std::lock_guard lock(sessions_mutex_);
      for (const auto& [id, weak] : sessions_) {
        if (const auto session = weak.lock()) session->force_close();
      }
    });
  });
}

class Server::Impl : public ServerCore {
 public:
  using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, const Router& router, Metrics& metrics, EventHub& hub)
    : impl_(std::make_unique<Impl>(std::move(options), router, metrics, hub)) {}

Server::~Server() = default;

void Server::start() {
  impl_->start();
}
unsigned short Server::port() const {
  return impl_->port();
}
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}
std::size_t Server::active_connections() const {
  return impl_->active_connections();
}

}  // namespace termintreu::platform::http
