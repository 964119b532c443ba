#include "identity/token_admin.hpp"

#include "identity/tenant_store.hpp"
#include "identity/token_store.hpp"
#include "platform/crypto.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::fail;
using platform::to_micros;

TokenAdmin::TokenAdmin(platform::db::Database& database, const platform::Clock& clock)
    : database_(database), clock_(clock) {}

std::vector<ApiToken> TokenAdmin::list(const Principal& actor) {
  auto lease = database_.session();
  return token_store::list(*lease, actor.agency_id);
}

platform::Result<CreatedToken> TokenAdmin::create(const Principal& actor, const CreateTokenRequest& request,
                                                  const RequestMeta& meta) {
  if (is_client_bound(request.role) && !request.client_id) {
    return fail(ErrorCode::invalid, "is required for client roles", "client_id");
  }
  if (!is_client_bound(request.role) && request.client_id) {
    return fail(ErrorCode::invalid, "only client roles are bound to a client", "client_id");
  }
  if (!actor.user_id) return fail(ErrorCode::forbidden, "tokens are created by a signed-in admin");
  const std::int64_t now = to_micros(clock_.now());
  const std::string secret = std::string(kTokenPrefix) + platform::crypto::random_token(32);
  token_store::NewToken token{actor.agency_id, request.client_id, request.name, request.role,
                              platform::crypto::sha256_hex(secret), *actor.user_id, std::nullopt};
  if (request.expires_in_days) {
    token.expires_at = now + std::chrono::microseconds(std::chrono::days(*request.expires_in_days)).count();
  }
  auto created = database_.transaction("token.create", [&](soci::session& sql) -> platform::Result<ApiToken> {
    if (request.client_id && !tenant_store::find_client(sql, actor.agency_id, *request.client_id)) {
      return fail(ErrorCode::invalid, "no such client", "client_id");
    }
    const auto id = token_store::insert(sql, token, now);
    audit_log::append(sql, audit_entry(actor, meta, now, "token.created", "api_token", id,
                                       {{"name", request.name}, {"role", to_string(request.role)}}));
    return *token_store::find(sql, actor.agency_id, id);
  });
  if (!created) return tl::unexpected(created.error());
  return CreatedToken{*created, secret};
}

platform::Result<void> TokenAdmin::revoke(const Principal& actor, std::int64_t id, const RequestMeta& meta) {
  const std::int64_t now = to_micros(clock_.now());
  return database_.transaction("token.revoke", [&](soci::session& sql) -> platform::Result<void> {
    auto token = token_store::find(sql, actor.agency_id, id);
    if (!token) return fail(ErrorCode::not_found, "no such token", "id");
    if (token->revoked_at) return {};
    token_store::revoke(sql, actor.agency_id, id, now);
    audit_log::append(sql, audit_entry(actor, meta, now, "token.revoked", "api_token", id, {{"name", token->name}}));
    return {};
  });
}

}  // namespace termintreu::identity
