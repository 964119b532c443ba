#include "identity/session_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::identity::session_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent) "
    "VALUES (:user_id, :token_hash, :csrf, :now, :now2, :expires_at, :ip, :user_agent) RETURNING id";
constexpr const char* kFindActive =
    "SELECT s.id, s.csrf_token, s.last_seen_at, s.expires_at, u.id, u.agency_id, u.client_id, u.role, u.name "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = :token_hash AND s.expires_at > :now AND u.active = 1";
constexpr const char* kTouch = "UPDATE sessions SET last_seen_at = :now, expires_at = :expires_at WHERE id = :id";
constexpr const char* kRemove = "DELETE FROM sessions WHERE id = :id";
constexpr const char* kRemoveForUser = "DELETE FROM sessions WHERE user_id = :user_id AND id <> :keep";
constexpr const char* kRemoveExpired = "DELETE FROM sessions WHERE expires_at <= :now";

}  // namespace

std::int64_t insert(soci::session& sql, const NewSession& session, std::int64_t now) {
  long long id = 0;
  const long long user_id = session.user_id, at = now, expires_at = session.expires_at;
  sql << kInsert, soci::use(user_id), soci::use(session.token_hash), soci::use(session.csrf_token), soci::use(at),
      soci::use(at), soci::use(expires_at), soci::use(session.ip), soci::use(session.user_agent), soci::into(id);
  return id;
}

std::optional<ActiveSession> find_active(soci::session& sql, const std::string& token_hash, std::int64_t now) {
  long long session_id = 0, last_seen_at = 0, expires_at = 0, user_id = 0, agency_id = 0;
  std::optional<long long> client_id;
  std::string csrf, role, name;
  const long long at = now;
  sql << kFindActive, soci::use(token_hash), soci::use(at), soci::into(session_id), soci::into(csrf),
      soci::into(last_seen_at), soci::into(expires_at), soci::into(user_id), soci::into(agency_id),
      soci::into(client_id), soci::into(role), soci::into(name);
  if (!sql.got_data()) return std::nullopt;
  const auto parsed_role = parse_role(role);
  if (!parsed_role) return std::nullopt;
  ActiveSession out;
  out.principal.agency_id = agency_id;
  out.principal.role = *parsed_role;
  if (client_id) out.principal.client_id = *client_id;
  out.principal.user_id = user_id;
  out.principal.session_id = session_id;
  out.principal.csrf_token = csrf;
  out.principal.name = name;
  out.last_seen_at = last_seen_at;
  out.expires_at = expires_at;
  return out;
}

void touch(soci::session& sql, std::int64_t session_id, std::int64_t now, std::int64_t expires_at) {
  const long long at = now, until = expires_at, id = session_id;
  platform::db::execute(sql, kTouch, at, until, id);
}

void remove(soci::session& sql, std::int64_t session_id) {
  const long long id = session_id;
  platform::db::execute(sql, kRemove, id);
}

void remove_for_user(soci::session& sql, std::int64_t user_id, std::optional<std::int64_t> keep) {
  const long long user = user_id, kept = keep.value_or(0);
  platform::db::execute(sql, kRemoveForUser, user, kept);
}

void remove_expired(soci::session& sql, std::int64_t now) {
  const long long at = now;
  platform::db::execute(sql, kRemoveExpired, at);
}

}  // namespace termintreu::identity::session_store
