#include "app/system_routes.hpp"

#include <nlohmann/json.hpp>

#include "platform/http/events.hpp"

namespace termintreu::app {

using platform::ErrorCode;
using platform::Result;
using platform::http::Execution;
using platform::http::Method;
using platform::http::Request;
using platform::http::Response;

void add_system_routes(identity::Guard& guard, platform::db::Database& database, platform::Metrics& metrics,
                       platform::http::EventHub& events) {
  guard.add_public(
      Method::get, "/healthz", [](Request&) -> Result<Response> { return Response::json(200, {{"status", "ok"}}); },
      Execution::inline_io);

  guard.add_public(Method::get, "/readyz", [&database](Request&) -> Result<Response> {
    if (!database.ping()) return platform::fail(ErrorCode::unavailable, "the database is not reachable");
    return Response::json(200, {{"status", "ready"}});
  });

  guard.add_public(
      Method::get, "/metrics",
      [&metrics, &events](Request&) -> Result<Response> {
        metrics.set_gauge("termintreu_sse_subscribers", "Open server-sent event streams",
                          static_cast<double>(events.subscribers()));
        return Response::text(200, metrics.render(), "text/plain; version=0.0.4; charset=utf-8");
      },
      Execution::inline_io);
}

}  // namespace termintreu::app
