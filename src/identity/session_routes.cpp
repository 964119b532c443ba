#include "identity/session_routes.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "identity/tenant_store.hpp"
#include "platform/json_input.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Execution;
using platform::http::Method;
using platform::http::Request;
using platform::http::Response;

namespace {

std::string session_cookie(const std::string& value, std::int64_t max_age_seconds, bool secure) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, value, max_age_seconds,
                     secure ? "; Secure" : "");
}

nlohmann::json session_body(const User& user, const Agency& agency, const Principal& principal) {
  return {{"user", to_json(user)},
          {"agency", to_json(agency)},
          {"csrf_token", principal.csrf_token},
          {"permissions", permission_names(principal.role)}};
}

}  // namespace

void add_session_routes(Guard& guard, SessionService& sessions, UserAdmin& users, platform::db::Database& database) {
  guard.add_public(Method::post, "/api/session", [&sessions](Request& request) -> Result<Response> {
    if (is_cross_site(request)) return platform::fail(ErrorCode::forbidden, "sign-in from another site is refused");
    auto fields = JsonFields::from_request(request, {"email", "password"});
    if (!fields) return tl::unexpected(fields.error());
    auto email = fields->required_text("email", {1, 254, true});
    if (!email) return tl::unexpected(email.error());
    auto password = fields->required_text("password", {1, 800, false});
    if (!password) return tl::unexpected(password.error());
    auto signed_in = sessions.sign_in(*email, *password, meta_of(request));
    if (!signed_in) {
      Response response = Response::error(signed_in.error().error);
      if (signed_in.error().retry_after_seconds > 0) {
        response.set_header("Retry-After", std::to_string(signed_in.error().retry_after_seconds));
      }
      return response;
    }
    Response response = Response::json(200, session_body(signed_in->user, signed_in->agency, signed_in->principal));
    response.set_header("Set-Cookie",
                        session_cookie(signed_in->session_token, signed_in->max_age_seconds, request.secure));
    return response;
  });

  guard.add(Method::del, "/api/session", {}, [&sessions](Request& request, const Principal& principal) -> Result<Response> {
    sessions.sign_out(principal, meta_of(request));
    Response response = Response::no_content();
    response.set_header("Set-Cookie", session_cookie("", 0, request.secure));
    return response;
  });

  guard.add(
      Method::get, "/api/me", {},
      [&users, &database](Request&, const Principal& principal) -> Result<Response> {
        if (!principal.user_id || principal.token_id) {
          return platform::fail(ErrorCode::forbidden, "an API token has no personal account");
        }
        auto user = users.get(principal, *principal.user_id);
        if (!user) return tl::unexpected(user.error());
        auto lease = database.session();
        const auto agency =
            tenant_store::find_agency(*lease, principal.agency_id).value_or(Agency{principal.agency_id, ""});
        return Response::json(200, session_body(*user, agency, principal));
      },
      Execution::short_read);

  guard.add(Method::patch, "/api/me", {}, [&users](Request& request, const Principal& principal) -> Result<Response> {
    if (!principal.user_id || principal.token_id) {
      return platform::fail(ErrorCode::forbidden, "an API token has no personal account");
    }
    auto fields = JsonFields::from_request(request, {"name", "locale"});
    if (!fields) return tl::unexpected(fields.error());
    UserPatch patch;
    auto name = fields->optional_text("name", {1, 120, true});
    if (!name) return tl::unexpected(name.error());
    if (fields->has("name") && !*name) return platform::fail(ErrorCode::invalid, "must not be null", "name");
    patch.name = *name;
    auto locale = fields->optional_choice("locale", {"de", "en"});
    if (!locale) return tl::unexpected(locale.error());
    patch.locale = *locale;
    // Acting on oneself through the admin path: a user may change only name and locale here.
    Principal self = principal;
    auto user = users.update(self, *principal.user_id, patch, meta_of(request));
    if (!user) return tl::unexpected(user.error());
    return Response::json(200, to_json(*user));
  });

  guard.add(Method::post, "/api/me/password", {},
            [&sessions](Request& request, const Principal& principal) -> Result<Response> {
              auto fields = JsonFields::from_request(request, {"current_password", "new_password"});
              if (!fields) return tl::unexpected(fields.error());
              auto current = fields->required_text("current_password", {1, 800, false});
              if (!current) return tl::unexpected(current.error());
              auto next = fields->required_text("new_password", {1, 800, false});
              if (!next) return tl::unexpected(next.error());
              auto changed = sessions.change_password(principal, *current, *next, meta_of(request));
              if (!changed) return tl::unexpected(changed.error());
              return Response::no_content();
            });
}

}  // namespace termintreu::identity

