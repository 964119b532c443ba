#pragma once
// One function per subcommand; each returns the process exit code.
#include <optional>
#include <string>

#include "app/config.hpp"

namespace termintreu::app {

int command_serve(const Config& config, const std::string& executable);
int command_migrate(const Config& config);
int command_demo(const Config& config, bool json);

struct UserCommand {
  std::string email;
  std::string name;
  std::string role;
  std::optional<long long> client_id;
  std::optional<long long> agency_id;
  std::optional<std::string> password;
};
int command_user_create(const Config& config, const UserCommand& command);
int command_user_reset_password(const Config& config, const std::string& email, const std::optional<std::string>& password);

struct AgencyCommand {
  std::string name;
  std::string admin_email;
  std::string admin_name;
  std::optional<std::string> admin_password;
};
int command_agency_create(const Config& config, const AgencyCommand& command);
int command_routes(const Config& config);

}  // namespace termintreu::app
