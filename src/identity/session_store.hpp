#pragma once
// SQL for sign-in sessions. Only the SHA-256 of a session token is stored; the token itself lives in the cookie.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "identity/permissions.hpp"

namespace termintreu::identity::session_store {

struct NewSession {
  std::int64_t user_id = 0;
  std::string token_hash;
  std::string csrf_token;
  std::int64_t expires_at = 0;
  std::string ip;
  std::string user_agent;
};

struct ActiveSession {
  Principal principal;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
};

std::int64_t insert(soci::session& sql, const NewSession& session, std::int64_t now);
// The live session of an active user with this token hash, not expired at `now`.
std::optional<ActiveSession> find_active(soci::session& sql, const std::string& token_hash, std::int64_t now);
void touch(soci::session& sql, std::int64_t session_id, std::int64_t now, std::int64_t expires_at);
void remove(soci::session& sql, std::int64_t session_id);
// Ends every session of the user but `keep` (when given): after a password change, reset or deactivation.
void remove_for_user(soci::session& sql, std::int64_t user_id, std::optional<std::int64_t> keep = std::nullopt);
void remove_expired(soci::session& sql, std::int64_t now);

}  // namespace termintreu::identity::session_store
