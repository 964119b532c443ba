#pragma once
// Tenants and identities as plain data. Times are microseconds since the epoch (UTC), as stored.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "identity/role.hpp"

namespace termintreu::identity {

struct Agency {
  std::int64_t id = 0;
  std::string name;
};

struct Client {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::string name;
  std::string industry;
  std::string city;
  std::string country = "DE";
  bool archived = false;
  std::int64_t campaign_count = 0;
};

struct User {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> client_id;
  std::optional<std::string> client_name;
  std::string email;
  std::string name;
  Role role = Role::agent;
  bool active = true;
  std::string locale;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> client_id;
  std::string name;
  Role role = Role::agent;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> expires_at;
  std::optional<std::int64_t> revoked_at;
};

nlohmann::json to_json(const Agency& agency);
nlohmann::json to_json(const Client& client);
nlohmann::json to_json(const User& user);
nlohmann::json to_json(const ApiToken& token);

}  // namespace termintreu::identity
