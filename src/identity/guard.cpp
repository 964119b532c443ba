#include "identity/guard.hpp"

#include <spdlog/spdlog.h>

#include "identity/session_service.hpp"
#include "platform/crypto.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::http::Request;
using platform::http::Response;

namespace {

Response error_response(ErrorCode code, std::string message, std::string field = {}) {
  return Response::error(platform::Error{code, std::move(message), std::move(field)});
}

std::optional<std::string> bearer_token(const Request& request) {
  const auto header = request.header("authorization");
  if (!header) return std::nullopt;
  constexpr std::string_view kScheme = "Bearer ";
  if (header->size() <= kScheme.size() || header->substr(0, kScheme.size()) != kScheme) return std::string();
  return std::string(header->substr(kScheme.size()));
}

}  // namespace

RequestMeta meta_of(const Request& request) {
  RequestMeta meta;
  meta.ip = request.remote_address;
  if (const auto agent = request.header("user-agent")) meta.user_agent = std::string(agent->substr(0, 300));
  meta.request_id = request.request_id;
  return meta;
}

bool is_cross_site(const Request& request) {
  if (const auto site = request.header("sec-fetch-site"); site && *site == "cross-site") return true;
  const auto origin = request.header("origin");
  if (!origin || *origin == "null") return origin.has_value();
  const auto host = request.header("host");
  if (!host) return true;
  const std::string_view value = *origin;
  const auto scheme_end = value.find("://");
  if (scheme_end == std::string_view::npos) return true;
  return value.substr(scheme_end + 3) != *host;
}

Guard::Guard(platform::http::Router& router, SessionService& sessions, platform::db::Database& database)
    : router_(router), sessions_(sessions), database_(database) {}

std::optional<Principal> Guard::authenticate(const Request& request) {
  if (const auto bearer = bearer_token(request)) return sessions_.from_api_token(*bearer, meta_of(request));
  if (const auto cookie = request.cookie(kSessionCookie)) return sessions_.from_session_token(*cookie);
  return std::nullopt;
}

bool Guard::authenticates_without_writing(const Request& request) const {
  if (bearer_token(request)) return false;
  const auto cookie = request.cookie(kSessionCookie);
  return !cookie || sessions_.knows_session_token(*cookie);
}

Response Guard::run(const Request& request, const std::function<platform::Result<Response>()>& work) {
  try {
    auto result = work();
    if (!result) return Response::error(result.error());
    return std::move(*result);
  } catch (const platform::db::DatabaseUnavailable& e) {
    spdlog::error("database unavailable: {}", e.what());
    return error_response(ErrorCode::unavailable, "the database is not reachable; try again shortly");
  } catch (const soci::soci_error& e) {
    // A failing statement is a bug unless the database is gone; tell the two apart for the status code.
    if (!database_.ping()) {
      spdlog::error("database unavailable: {}", e.what());
      return error_response(ErrorCode::unavailable, "the database is not reachable; try again shortly");
    }
    throw;
  }
}

platform::Result<Principal> Guard::admit(const Request& request, platform::http::Method method,
                                        const std::vector<Permission>& any_of) {
  auto principal = authenticate(request);
  if (!principal) return platform::fail(ErrorCode::unauthenticated, "please sign in");
  if (principal->session_id && platform::http::is_state_changing(method)) {
    const auto sent = request.header(kCsrfHeader);
    if (is_cross_site(request) || !sent || !platform::crypto::constant_time_equal(*sent, principal->csrf_token)) {
      return platform::fail(ErrorCode::forbidden, "missing or wrong CSRF token", "X-CSRF-Token");
    }
  }
  if (auto allowed = authorize(*principal, any_of); !allowed) return tl::unexpected(allowed.error());
  return std::move(*principal);
}

void Guard::add(platform::http::Method method, std::string pattern, std::vector<Permission> any_of,
                GuardedHandler handler, platform::http::Execution execution, std::size_t upload_limit) {
  table_.push_back(RouteAccess{method, pattern, false, any_of});
  platform::http::Handler admit_upload;
  if (upload_limit > 0) {
    admit_upload = [this, any_of, method](Request& request) {
      return run(request, [&]() -> platform::Result<Response> {
        if (auto principal = admit(request, method, any_of); !principal) return tl::unexpected(principal.error());
        Response go_on;
        go_on.status = 100;
        return go_on;
      });
    };
  }
  std::function<bool(const Request&)> inline_ready;
  if (execution == platform::http::Execution::short_read) {
    inline_ready = [this](const Request& request) { return authenticates_without_writing(request); };
  }
  router_.add(platform::http::Route{
      method, std::move(pattern),
      [this, any_of = std::move(any_of), handler = std::move(handler), method](Request& request) {
        return run(request, [&]() -> platform::Result<Response> {
          const auto principal = admit(request, method, any_of);
          if (!principal) return tl::unexpected(principal.error());
          return handler(request, *principal);
        });
      },
      execution, upload_limit, std::move(admit_upload), std::move(inline_ready)});
}

void Guard::add_public(platform::http::Method method, std::string pattern, PublicHandler handler,
                       platform::http::Execution execution) {
  table_.push_back(RouteAccess{method, pattern, true, {}});
  router_.add(method, std::move(pattern),
              [this, handler = std::move(handler)](Request& request) {
                return run(request, [&] { return handler(request); });
              },
              execution);
}

}  // namespace termintreu::identity
