#pragma once
// Fictional but realistic German B2B demo data: one agency, two clients with campaigns, one user per role.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace termintreu::app {

struct DemoUser {
  std::string role;
  std::string name;
  std::string email;
  std::string password;  // random, printed once
  std::optional<std::string> client;
};

struct DemoCredentials {
  std::string agency;
  std::vector<DemoUser> users;
};

bool database_is_empty(platform::db::Database& database);
// Loads the demo into an empty database; nullopt when it holds an agency already.
std::optional<DemoCredentials> load_demo(platform::db::Database& database, const platform::Clock& clock);

std::string format_credentials(const DemoCredentials& credentials);
nlohmann::json credentials_json(const DemoCredentials& credentials);

}  // namespace termintreu::app
