#pragma once
// Method + path pattern → handler. Patterns use OpenAPI's syntax ("/api/users/{id}"), so the router's table
// and docs/openapi.yaml can be compared literally.
#include <functional>
#include <string>
#include <vector>

#include "platform/http/message.hpp"

namespace termintreu::platform::http {

using Handler = std::function<Response(Request&)>;

// Where a handler runs: `blocking` handlers (database, crypto) go to the worker pool so that a slow query never
// stalls the I/O threads; `inline_io` ones are cheap and run on the I/O thread. `short_read` handlers read a few
// rows by key and nothing else: they run on the I/O thread when the server is told reads are local and short
// (ServerOptions::short_reads_inline, an embedded database), on the worker pool otherwise. The hand-off to the
// pool and back costs more than such a read.
enum class Execution { blocking, inline_io, short_read };

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  Execution execution = Execution::blocking;
  // Above 0: the route takes uploads of up to this many bytes, streamed to a file (Request::upload_file) instead
  // of memory, when the server has an upload directory and the request carries credentials.
  std::size_t upload_limit = 0;
  // Upload routes: runs on the header alone, before a byte of the body is read, so that nobody streams a gigabyte
  // to disk unchecked. 100 (Continue) lets the body come; any other answer is sent instead and the body refused.
  Handler admit;
  // short_read routes: asked on the I/O thread whether this request can be answered there, that is without a
  // write or a wait (a sign-in that must be recorded first, say); unset: always.
  std::function<bool(const Request&)> inline_ready;
};

struct Match {
  const Route* route = nullptr;                                  // set when method and path matched
  bool path_known = false;                                       // path matched with another method
  std::map<std::string, std::string, std::less<>> path_params;
};

class Router {
 public:
  void add(Route route);
  void add(Method method, std::string pattern, Handler handler, Execution execution = Execution::blocking) {
    add(Route{method, std::move(pattern), std::move(handler), execution, 0, {}, {}});
  }
  Match match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" marks a parameter
  };
  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace termintreu::platform::http
