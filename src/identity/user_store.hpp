#pragma once
// SQL for users. Every query that takes an id also takes the agency, so another tenant's id finds nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "identity/model.hpp"

namespace termintreu::identity::user_store {

struct NewUser {
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> client_id;
  std::string email;  // already lower-cased
  std::string name;
  Role role = Role::agent;
  std::string password_hash;
  std::string locale;
};

struct Credentials {
  User user;
  std::string password_hash;
};

std::int64_t insert(soci::session& sql, const NewUser& user, std::int64_t now);
std::optional<User> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
std::optional<Credentials> find_credentials_by_email(soci::session& sql, const std::string& email);
std::optional<std::string> password_hash(soci::session& sql, std::int64_t id);
bool email_taken(soci::session& sql, const std::string& email);
std::vector<User> list(soci::session& sql, std::int64_t agency_id);
// Saves name, role, client, active and locale of `user` (found by id and agency).
void update(soci::session& sql, const User& user, std::int64_t now);
void set_password(soci::session& sql, std::int64_t id, const std::string& password_hash, std::int64_t now);
std::int64_t count_active_admins(soci::session& sql, std::int64_t agency_id);

}  // namespace termintreu::identity::user_store
