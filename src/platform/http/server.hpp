#pragma once
// The HTTP/1.1 server (Boost.Beast, C++20 coroutines). Beast and Asio stay inside server.cpp so that the files
// including this header compile quickly.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "platform/http/events.hpp"
#include "platform/http/router.hpp"
#include "platform/metrics.hpp"

namespace termintreu::platform::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port, see Server::port()
  unsigned io_threads = 2;     // each runs an event loop of its own; connections are dealt out in turn
  unsigned worker_threads = 4;  // run Execution::blocking handlers and static file reads
  bool short_reads_inline = false;  // Execution::short_read handlers run on the I/O thread
  std::size_t body_limit = 1 << 20;
  std::size_t header_limit = std::size_t{16} * 1024;
  std::chrono::seconds read_timeout{30};  // for a request once its first byte arrived, and for writing the answer
  std::chrono::seconds idle_timeout{75};  // a keep-alive connection between requests
  std::size_t max_connections = 10000;
  std::filesystem::path web_root;  // empty: no static files
  std::filesystem::path upload_directory;  // where upload routes stream their bodies; empty: no uploads
  bool trust_proxy = false;        // believe X-Forwarded-Proto and X-Forwarded-For
  std::string content_security_policy =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  std::chrono::seconds shutdown_grace{10};      // stop(): how long in-flight requests may take before sockets close
  std::chrono::seconds heartbeat_interval{15};  // comment line on idle event streams
};

class Server {
 public:
  // router, metrics and hub must outlive the server.
  Server(ServerOptions options, const Router& router, Metrics& metrics, EventHub& hub);
  ~Server();  // stops and waits for run() to return
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void start();                 // binds and listens; throws boost::system::system_error (a std::runtime_error)
  unsigned short port() const;  // the bound port, also when options asked for 0
  // Runs the I/O threads (the caller's plus io_threads - 1); returns once stop() has drained all connections.
  void run();
  // Thread-safe and non-blocking: stops accepting, closes idle keep-alive connections and event streams, lets
  // requests in flight finish and closes what remains after shutdown_grace.
  void stop();
  std::size_t active_connections() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace termintreu::platform::http
