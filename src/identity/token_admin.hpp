#pragma once
// API tokens for integrations: created by an admin with a role (and a client for client roles), shown once,
// stored hashed, revocable.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/actor.hpp"
#include "identity/model.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::identity {

struct CreateTokenRequest {
  std::string name;
  Role role = Role::agent;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> expires_in_days;
};

struct CreatedToken {
  ApiToken token;
  std::string secret;
};

constexpr std::string_view kTokenPrefix = "tt_";

class TokenAdmin {
 public:
  TokenAdmin(platform::db::Database& database, const platform::Clock& clock);
  std::vector<ApiToken> list(const Principal& actor);
  platform::Result<CreatedToken> create(const Principal& actor, const CreateTokenRequest& request,
                                        const RequestMeta& meta);
  platform::Result<void> revoke(const Principal& actor, std::int64_t id, const RequestMeta& meta);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
};

}  // namespace termintreu::identity
