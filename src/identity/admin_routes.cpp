#include "identity/admin_routes.hpp"

#include <nlohmann/json.hpp>

#include "identity/audit_log.hpp"
#include "platform/http/path_id.hpp"
#include "platform/http/query_integer.hpp"
#include "platform/json_input.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Execution;
using platform::http::Method;
using platform::http::path_id;
using platform::http::query_integer;
using platform::http::Request;
using platform::http::Response;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
const std::vector<Permission> kUsersManage{Permission::users_manage};
const std::vector<Permission> kTokensManage{Permission::tokens_manage};

Result<std::optional<Role>> optional_role(const JsonFields& fields) {
  TT_TRY(text, fields.optional_choice("role", role_names()));
  if (!*text) return std::optional<Role>{};
  return parse_role(**text);
}

Result<CreateUserRequest> parse_create_user(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(request, {"email", "name", "role", "client_id", "password", "locale"}));
  CreateUserRequest out;
  TT_TRY(email, fields->required_text("email", {1, 254, true}));
  TT_TRY(name, fields->required_text("name", {1, 120, true}));
  TT_TRY(role, optional_role(*fields));
  if (!*role) return platform::fail(ErrorCode::invalid, "is required", "role");
  TT_TRY(client_id, fields->optional_integer("client_id", 1, kMaxId));
  TT_TRY(password, fields->optional_text("password", {0, 800, false}));
  TT_TRY(locale, fields->optional_choice("locale", {"de", "en"}));
  out.email = *email;
  out.name = *name;
  out.role = **role;
  out.client_id = *client_id;
  out.password = *password;
  out.locale = locale->value_or("");
  return out;
}

Result<UserPatch> parse_user_patch(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(request, {"name", "role", "client_id", "active"}));
  UserPatch patch;
  TT_TRY(name, fields->optional_text("name", {1, 120, true}));
  if (fields->has("name") && !*name) return platform::fail(ErrorCode::invalid, "must not be null", "name");
  TT_TRY(role, optional_role(*fields));
  TT_TRY(client_id, fields->nullable_integer("client_id", 1, kMaxId));
  TT_TRY(active, fields->optional_bool("active"));
  patch.name = *name;
  patch.role = *role;
  patch.client_id = *client_id;
  patch.active = *active;
  return patch;
}

Result<CreateTokenRequest> parse_create_token(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(request, {"name", "role", "client_id", "expires_in_days"}));
  CreateTokenRequest out;
  TT_TRY(name, fields->required_text("name", {1, 120, true}));
  TT_TRY(role, optional_role(*fields));
  if (!*role) return platform::fail(ErrorCode::invalid, "is required", "role");
  TT_TRY(client_id, fields->optional_integer("client_id", 1, kMaxId));
  TT_TRY(expires, fields->optional_integer("expires_in_days", 1, 3650));
  out.name = *name;
  out.role = **role;
  out.client_id = *client_id;
  out.expires_in_days = *expires;
  return out;
}

}  // namespace

void add_admin_routes(Guard& guard, UserAdmin& users, TokenAdmin& tokens, platform::db::Database& database) {
  guard.add(Method::get, "/api/users", kUsersManage, [&users](Request&, const Principal& p) -> Result<Response> {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& user : users.list(p)) list.push_back(to_json(user));
    return Response::json(200, {{"users", list}});
  });

  guard.add(Method::post, "/api/users", kUsersManage, [&users](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(parsed, parse_create_user(request));
    TT_TRY(created, users.create(p, std::move(*parsed), meta_of(request)));
    return Response::json(201, {{"user", to_json(created->user)},
                                {"initial_password", created->initial_password ? nlohmann::json(*created->initial_password)
                                                                               : nlohmann::json(nullptr)}});
  });

  guard.add(
      Method::get, "/api/users/{id}", kUsersManage,
      [&users](Request& request, const Principal& p) -> Result<Response> {
        TT_TRY(id, path_id(request));
        TT_TRY(user, users.get(p, *id));
        return Response::json(200, to_json(*user));
      },
      Execution::short_read);

  guard.add(Method::patch, "/api/users/{id}", kUsersManage,
            [&users](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(patch, parse_user_patch(request));
              TT_TRY(user, users.update(p, *id, *patch, meta_of(request)));
              return Response::json(200, to_json(*user));
            });

  guard.add(Method::post, "/api/users/{id}/password", kUsersManage,
            [&users](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              std::optional<std::string> password;
              if (!request.body.empty()) {
                TT_TRY(fields, JsonFields::from_request(request, {"password"}));
                TT_TRY(given, fields->optional_text("password", {0, 800, false}));
                password = *given;
              }
              TT_TRY(chosen, users.reset_password(p, *id, password, meta_of(request)));
              return Response::json(200, {{"password", *chosen}});
            });

  guard.add(Method::get, "/api/tokens", kTokensManage, [&tokens](Request&, const Principal& p) -> Result<Response> {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& token : tokens.list(p)) list.push_back(to_json(token));
    return Response::json(200, {{"tokens", list}});
  });

  guard.add(Method::post, "/api/tokens", kTokensManage,
            [&tokens](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(parsed, parse_create_token(request));
              TT_TRY(created, tokens.create(p, *parsed, meta_of(request)));
              return Response::json(201, {{"token", to_json(created->token)}, {"secret", created->secret}});
            });

  guard.add(Method::del, "/api/tokens/{id}", kTokensManage,
            [&tokens](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(done, tokens.revoke(p, *id, meta_of(request)));
              return Response::no_content();
            });

  guard.add(Method::get, "/api/audit", {Permission::audit_read},
            [&database](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(before, query_integer(request, "before_id", 1, kMaxId));
              TT_TRY(limit, query_integer(request, "limit", 1, 500));
              const int count = static_cast<int>(limit->value_or(100));
              auto lease = database.session();
              const auto entries = audit_log::page(*lease, p.agency_id, *before, count);
              nlohmann::json list = nlohmann::json::array();
              for (const auto& entry : entries) list.push_back(audit_log::to_json(entry));
              nlohmann::json next = nullptr;
              if (static_cast<int>(entries.size()) == count) next = entries.back().id;
              return Response::json(200, {{"entries", list}, {"next_before_id", next}});
            });
}

}  // namespace termintreu::identity
