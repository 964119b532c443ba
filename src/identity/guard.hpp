#pragma once
// The central permission check. Every route is registered through the Guard with the permissions it needs; the
// Guard authenticates (session cookie or API token), enforces CSRF on cookie-authenticated changes, checks the
// permission, runs the handler and turns its error into the uniform JSON error. The table it keeps is what the
// route-walking tenant test and the OpenAPI comparison read.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "identity/actor.hpp"
#include "identity/permissions.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/http/router.hpp"

namespace termintreu::identity {

class SessionService;

constexpr std::string_view kSessionCookie = "tt_session";
constexpr std::string_view kCsrfHeader = "x-csrf-token";

using GuardedHandler =
    std::function<platform::Result<platform::http::Response>(platform::http::Request&, const Principal&)>;
using PublicHandler = std::function<platform::Result<platform::http::Response>(platform::http::Request&)>;

struct RouteAccess {
  platform::http::Method method;
  std::string pattern;
  bool is_public = false;
  std::vector<Permission> any_of;  // empty and not public: any signed-in principal
};

class Guard {
 public:
  Guard(platform::http::Router& router, SessionService& sessions, platform::db::Database& database);

  // `upload_limit` above 0: the route takes file uploads of that size (see platform::http::Route).
  void add(platform::http::Method method, std::string pattern, std::vector<Permission> any_of, GuardedHandler handler,
           platform::http::Execution execution = platform::http::Execution::blocking, std::size_t upload_limit = 0);
  void add_public(platform::http::Method method, std::string pattern, PublicHandler handler,
                  platform::http::Execution execution = platform::http::Execution::blocking);

  const std::vector<RouteAccess>& table() const { return table_; }

  // Who is behind the request, by API token (Authorization: Bearer) or session cookie.
  std::optional<Principal> authenticate(const platform::http::Request& request);
  // Whether authenticate() would answer without a database write (an API token's use is recorded; a session
  // this node has not just seen is read and may be touched): what lets a short read run on the I/O thread.
  bool authenticates_without_writing(const platform::http::Request& request) const;

 private:
  // Authentication, CSRF on cookie-authenticated changes and the permission: who may call the route.
  platform::Result<Principal> admit(const platform::http::Request& request, platform::http::Method method,
                                    const std::vector<Permission>& any_of);
  platform::http::Response run(const platform::http::Request& request,
                               const std::function<platform::Result<platform::http::Response>()>& work);

  platform::http::Router& router_;
  SessionService& sessions_;
  platform::db::Database& database_;
  std::vector<RouteAccess> table_;
};

RequestMeta meta_of(const platform::http::Request& request);
// Whether the browser says the request came from another site (Origin or Sec-Fetch-Site).
bool is_cross_site(const platform::http::Request& request);

}  // namespace termintreu::identity
