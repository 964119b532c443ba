#pragma once
// Admins managing the users of their agency: create, change role or client, deactivate, reset passwords.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "identity/actor.hpp"
#include "identity/model.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/json_input.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::identity {

struct CreateUserRequest {
  std::string email;
  std::string name;
  Role role = Role::agent;
  std::optional<std::int64_t> client_id;
  std::optional<std::string> password;  // generated when absent
  std::string locale;
};

struct CreatedUser {
  User user;
  std::optional<std::string> initial_password;  // the generated one, shown once
};

struct UserPatch {
  std::optional<std::string> name;
  std::optional<Role> role;
  platform::Patch<std::int64_t> client_id;
  std::optional<bool> active;
  std::optional<std::string> locale;
};

class SessionCache;

class UserAdmin {
 public:
  UserAdmin(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events,
            SessionCache& sessions);

  std::vector<User> list(const Principal& actor);
  platform::Result<User> get(const Principal& actor, std::int64_t id);
  platform::Result<CreatedUser> create(const Principal& actor, CreateUserRequest request, const RequestMeta& meta);
  platform::Result<User> update(const Principal& actor, std::int64_t id, const UserPatch& patch,
                                const RequestMeta& meta);
  // Sets `password` or a generated one, ends the user's sessions and returns the password.
  platform::Result<std::string> reset_password(const Principal& actor, std::int64_t id,
                                               std::optional<std::string> password, const RequestMeta& meta);

 private:
  platform::Result<void> check_client_binding(soci::session& sql, const Principal& actor, Role role,
                                              const std::optional<std::int64_t>& client_id);
  void publish_change(std::int64_t agency_id, std::int64_t user_id);

  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
  SessionCache& sessions_;
};

}  // namespace termintreu::identity
