#include "app/cli.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/commands.hpp"
#include "app/config.hpp"

namespace termintreu::app {
namespace {

// Flags every command that touches the database understands.
void add_storage_flags(CLI::App& command, Config& config, std::string& config_file) {
  command.add_option("--config", config_file, "TOML file with settings (flags and TERMINTREU_* win over it)");
  command.add_option("--data", config.data_dir, "Directory for the SQLite database and uploads")->capture_default_str();
  command.add_option("--database", config.database_url,
                     "Database URL: postgresql://user:password@host:port/dbname, or sqlite:PATH (default: SQLite in --data)");
  command.add_option("--log-level", config.log_level, "trace, debug, info, warn, error")->capture_default_str();
}

std::optional<std::string> config_file_argument(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--config" && i + 1 < argc) return std::string(argv[i + 1]);
    if (arg.rfind("--config=", 0) == 0) return std::string(arg.substr(9));
  }
  return std::nullopt;
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App cli{"Termintreu: B2B telephone acquisition, appointments kept. Run a subcommand; see each one's --help."};
  cli.require_subcommand(1);
  Config config;
  std::string config_file;

  auto* serve = cli.add_subcommand("serve", "Migrate the database, load demo data on first start, serve HTTP");
  add_storage_flags(*serve, config, config_file);
  serve->add_option("--port", config.port, "TCP port")->capture_default_str();
  serve->add_option("--address", config.address, "Address to listen on")->capture_default_str();
  serve->add_option("--web", config.web_root, "Directory of the built web app (default: web/dist of the checkout)");
  bool no_demo = false;
  serve->add_flag("--no-demo", no_demo, "Do not load demo data into an empty database");
  serve->add_flag("--trust-proxy", config.trust_proxy, "Trust X-Forwarded-Proto/-For from a reverse proxy");
  serve->add_flag("--test-clock", config.test_clock,
                  "For browser tests only: an admin may move the server's clock forward (POST /api/test/clock)");
  serve->add_option("--smtp-url", config.smtp.url, "SMTP server for outgoing mail: smtp://host:587 or smtps://host:465");
  serve->add_option("--smtp-from", config.smtp.from, "Sender address of outgoing mail");
  serve->add_option(
      "--public-url", config.public_url,
      "Address the links in mails lead to, e.g. https://termine.agentur.de (default: http://ADDRESS:PORT)");
  serve->add_option("--workers", config.worker_threads, "Threads for database work")->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "Apply the database migrations this binary carries, then exit");
  add_storage_flags(*migrate, config, config_file);

  auto* demo = cli.add_subcommand("demo", "Load demo data into an empty database and print the sign-in users once");
  add_storage_flags(*demo, config, config_file);
  bool demo_json = false;
  demo->add_flag("--json", demo_json, "Print the users as JSON (for scripts)");

  auto* user = cli.add_subcommand("user", "Manage users from the command line");
  user->require_subcommand(1);
  UserCommand user_command;
  auto* user_create = user->add_subcommand("create", "Create a user (password generated and printed unless given)");
  add_storage_flags(*user_create, config, config_file);
  user_create->add_option("--email", user_command.email, "E-mail address (sign-in name)")->required();
  user_create->add_option("--name", user_command.name, "Full name")->required();
  user_create->add_option("--role", user_command.role,
                          "admin, project_manager, supervisor, agent, client_manager or client_rep")->required();
  user_create->add_option("--client", user_command.client_id, "Client id (client_manager and client_rep only)");
  user_create->add_option("--agency", user_command.agency_id, "Agency id (needed when there are several)");
  user_create->add_option("--password", user_command.password, "Password (at least 10 characters)");
  auto* user_reset = user->add_subcommand("reset-password", "Set a new password; ends the user's sessions");
  add_storage_flags(*user_reset, config, config_file);
  std::string reset_email;
  std::optional<std::string> reset_password;
  user_reset->add_option("--email", reset_email, "The user's e-mail address")->required();
  user_reset->add_option("--password", reset_password, "New password (generated and printed unless given)");

  auto* agency = cli.add_subcommand("agency", "Manage agencies (tenants)");
  agency->require_subcommand(1);
  AgencyCommand agency_command;
  auto* agency_create = agency->add_subcommand("create", "Create an agency with its first admin");
  add_storage_flags(*agency_create, config, config_file);
  agency_create->add_option("--name", agency_command.name, "Agency name")->required();
  agency_create->add_option("--admin-email", agency_command.admin_email, "First admin's e-mail")->required();
  agency_create->add_option("--admin-name", agency_command.admin_name, "First admin's name")->required();
  agency_create->add_option("--admin-password", agency_command.admin_password, "First admin's password");

  auto* routes = cli.add_subcommand("routes", "Print every HTTP route with the permissions it needs, as JSON");
  add_storage_flags(*routes, config, config_file);

  auto* import = cli.add_subcommand("import", "Import a contact list (CSV/TSV) for a client, all or nothing");
  add_storage_flags(*import, config, config_file);
  ImportCommand import_command;
  import->add_option("--client", import_command.client_id, "Client id")->required();
  import->add_option("--file", import_command.file, "The file to import")->required();
  import->add_option("--campaign", import_command.campaign_id, "Campaign id: its leads are created");
  import->add_option("--duplicates", import_command.duplicates, "skip or merge")->capture_default_str();
  import->add_option("--mapping", import_command.mapping,
                     "Column mapping 'column=field,…' (column: header or 1-based number; others as suggested)");
  import->add_option("--encoding", import_command.encoding, "Encoding of the file (default: detected)");
  import->add_option("--delimiter", import_command.delimiter, "';', ',', 'tab' or '|' (default: detected)");
  import->add_option("--rejects", import_command.rejects, "Write the rejected rows to this CSV file");

  auto* ledger = cli.add_subcommand("ledger", "The tamper-evident call log (docs/call-ledger.md)");
  ledger->require_subcommand(1);
  auto* ledger_verify = ledger->add_subcommand(
      "verify", "Check every campaign's call log (exit 0: intact; 1: broken, the first broken entry is printed)");
  add_storage_flags(*ledger_verify, config, config_file);
  std::optional<long long> ledger_campaign;
  ledger_verify->add_option("--campaign", ledger_campaign, "Check this campaign's call log only");

  cli.add_subcommand("version", "Print the version");

  // File and environment first, so that flags parsed afterwards win over both.
  try {
    if (const auto file = config_file_argument(argc, argv)) apply_toml(config, *file);
    apply_environment(config);
  } catch (const std::exception& e) {
    std::cerr << "termintreu: " << e.what() << "\n";
    return 2;
  }
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }

  try {
    if (no_demo) config.demo = false;

    if (cli.got_subcommand("version")) {
      std::cout << "termintreu " << TERMINTREU_VERSION << "\n";
      return 0;
    }
    if (serve->parsed()) return command_serve(config, argv[0]);
    if (migrate->parsed()) return command_migrate(config);
    if (demo->parsed()) return command_demo(config, demo_json);
    if (user_create->parsed()) return command_user_create(config, user_command);
    if (user_reset->parsed()) return command_user_reset_password(config, reset_email, reset_password);
    if (agency_create->parsed()) return command_agency_create(config, agency_command);
    if (routes->parsed()) return command_routes(config);
    if (import->parsed()) return command_import(config, import_command);
    if (ledger_verify->parsed()) return command_ledger_verify(config, ledger_campaign);
  } catch (const std::exception& e) {
    std::cerr << "termintreu: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace termintreu::app
