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

struct ImportCommand {
  long long client_id = 0;
  std::string file;
  std::optional<long long> campaign_id;
  std::string duplicates = "skip";
  std::string mapping;    // "column=field,…": column by header or 1-based number; unnamed columns as suggested
  std::string encoding;   // empty: detect
  std::string delimiter;  // empty: detect; ";", ",", "tab", "|"
  std::string rejects;    // file for the rejects report; empty: print them
};
int command_import(const Config& config, const ImportCommand& command);
// 0 when every checked call log is intact, 1 when one is broken, 2 when the campaign does not exist.
int command_ledger_verify(const Config& config, std::optional<long long> campaign_id);

}  // namespace termintreu::app
