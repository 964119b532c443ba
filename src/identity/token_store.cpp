#include "identity/token_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::identity::token_store {
namespace {

constexpr const char* kColumns =
    "SELECT id, agency_id, client_id, name, role, created_by, created_at, last_used_at, expires_at, revoked_at "
    "FROM api_tokens ";
constexpr const char* kInsert =
    "INSERT INTO api_tokens (agency_id, client_id, name, role, token_hash, created_by, created_at, expires_at) "
    "VALUES (:agency_id, :client_id, :name, :role, :token_hash, :created_by, :now, :expires_at) RETURNING id";
constexpr const char* kRevoke =
    "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND agency_id = :agency_id AND revoked_at IS NULL";
constexpr const char* kMarkUsed = "UPDATE api_tokens SET last_used_at = :now WHERE id = :id";

struct TokenRow {
  long long id = 0, agency_id = 0, created_by = 0, created_at = 0;
  std::optional<long long> client_id, last_used_at, expires_at, revoked_at;
  std::string name, role;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(last_used_at));
    st.exchange(soci::into(expires_at));
    st.exchange(soci::into(revoked_at));
  }

  ApiToken to_model() const {
    ApiToken t;
    t.id = id;
    t.agency_id = agency_id;
    if (client_id) t.client_id = *client_id;
    t.name = name;
    t.role = parse_role(role).value_or(Role::agent);
    t.created_by = created_by;
    t.created_at = created_at;
    if (last_used_at) t.last_used_at = *last_used_at;
    if (expires_at) t.expires_at = *expires_at;
    if (revoked_at) t.revoked_at = *revoked_at;
    return t;
  }
};

}  // namespace

std::int64_t insert(soci::session& sql, const NewToken& token, std::int64_t now) {
  long long id = 0;
  const long long agency_id = token.agency_id, created_by = token.created_by, at = now;
  std::optional<long long> client_id, expires_at;
  if (token.client_id) client_id = *token.client_id;
  if (token.expires_at) expires_at = *token.expires_at;
  const std::string role(to_string(token.role));
  sql << kInsert, soci::use(agency_id), soci::use(client_id), soci::use(token.name), soci::use(role),
      soci::use(token.token_hash), soci::use(created_by), soci::use(at), soci::use(expires_at), soci::into(id);
  return id;
}

std::optional<ApiToken> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<TokenRow>(sql, kColumns + std::string("WHERE id = :id AND agency_id = :agency_id"),
                                           wanted, agency);
}

std::optional<ApiToken> find_usable(soci::session& sql, const std::string& token_hash, std::int64_t now) {
  const long long at = now;
  return platform::db::fetch_one<TokenRow>(
      sql,
      kColumns + std::string("WHERE token_hash = :token_hash AND revoked_at IS NULL AND "
                             "(expires_at IS NULL OR expires_at > :now)"),
      token_hash, at);
}

std::vector<ApiToken> list(soci::session& sql, std::int64_t agency_id) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<TokenRow>(sql, kColumns + std::string("WHERE agency_id = :agency_id ORDER BY id DESC"),
                                            agency);
}

void revoke(soci::session& sql, std::int64_t agency_id, std::int64_t id, std::int64_t now) {
  const long long at = now, wanted = id, agency = agency_id;
  platform::db::execute(sql, kRevoke, at, wanted, agency);
}

void mark_used(soci::session& sql, std::int64_t id, std::int64_t now) {
  const long long at = now, wanted = id;
  platform::db::execute(sql, kMarkUsed, at, wanted);
}

}  // namespace termintreu::identity::token_store
