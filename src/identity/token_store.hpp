#pragma once
// SQL for API tokens of integrations. Only the SHA-256 of the secret is stored.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "identity/model.hpp"

namespace termintreu::identity::token_store {

struct NewToken {
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> client_id;
  std::string name;
  Role role = Role::agent;
  std::string token_hash;
  std::int64_t created_by = 0;
  std::optional<std::int64_t> expires_at;
};

std::int64_t insert(soci::session& sql, const NewToken& token, std::int64_t now);
std::optional<ApiToken> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// A token with this hash that is neither revoked nor expired at `now`.
std::optional<ApiToken> find_usable(soci::session& sql, const std::string& token_hash, std::int64_t now);
std::vector<ApiToken> list(soci::session& sql, std::int64_t agency_id);
void revoke(soci::session& sql, std::int64_t agency_id, std::int64_t id, std::int64_t now);
void mark_used(soci::session& sql, std::int64_t id, std::int64_t now);

}  // namespace termintreu::identity::token_store
