#include "app/commands.hpp"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "app/mail_sending.hpp"
#include "identity/actor.hpp"
#include "identity/credential_rules.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_admin.hpp"
#include "identity/user_store.hpp"
#include "platform/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/pg_event_relay.hpp"
#include "platform/http/server.hpp"
#include "platform/periodic.hpp"
#include "platform/log.hpp"

namespace termintreu::app {
namespace {

void prepare(const Config& config) {
  platform::init_logging(config.log_level);
  platform::crypto::initialise();
}

void run_migrations(Application& app) {
  const auto report = platform::db::migrate(app.database(), app.clock());
  for (const auto& name : report.applied) spdlog::info("migration applied: {}", name);
  spdlog::info("database {} at schema version {}", app.database().target().display, report.current_version);
}

std::optional<std::int64_t> single_agency(platform::db::Database& database) {
  auto lease = database.session();
  long long count = 0, id = 0;
  *lease << "SELECT COUNT(*), COALESCE(MIN(id), 0) FROM agencies", soci::into(count), soci::into(id);
  if (count != 1) return std::nullopt;
  return id;
}

std::string describe(const platform::Error& error) {
  return error.field.empty() ? error.message : fmt::format("{}: {}", error.field, error.message);
}

}  // namespace

int command_serve(const Config& config, const std::string& executable) {
  prepare(config);
  check_smtp(config);
  check_public_url(config);
  // Signals are taken by one thread with sigwait, so none lands on an I/O or worker thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  Application app(config);
  run_migrations(app);
  app.imports().fail_interrupted();
  if (config.demo && database_is_empty(app.database())) {
    if (const auto credentials = load_demo(app.database(), app.clock())) {
      std::cout << format_credentials(*credentials) << std::flush;
    }
  }

  platform::http::ServerOptions options;
  options.address = config.address;
  options.port = config.port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  // SQLite reads are local and never wait for a writer (WAL); a PostgreSQL read is a network round trip.
  options.short_reads_inline = app.database().engine() == platform::db::Engine::sqlite;
  options.trust_proxy = config.trust_proxy;
  options.web_root = find_web_root(config, executable);
  options.upload_directory = config.data_dir / "uploads";
  if (!std::filesystem::exists(options.web_root / "index.html")) {
    spdlog::warn("no built web app at {}; the API works, the pages do not (run ./run to build it)",
                 options.web_root.string());
  }
  // Several processes on one PostgreSQL: each one's live events reach the screens served by the others.
  const auto event_relay = platform::db::start_event_relay(app.database(), app.events());
  platform::http::Server server(options, app.router(), app.metrics(), app.events());
  server.start();
  std::cout << fmt::format("Termintreu {} listening on http://{}:{}/ ({})\n", TERMINTREU_VERSION, config.address,
                           server.port(), app.database().target().display)
            << std::flush;

  // Personal callbacks nobody started in time become missed ones with an apology at the top of the queue.
  platform::Periodic callback_sweep("callback sweep", std::chrono::seconds{15},
                                    [&app] { app.dispatch().sweep_missed_callbacks(); });
  MailSending mail_sending(config, app);
  // The reps' own calendars, from the addresses they publish.
  platform::Periodic calendar_import("calendar import", std::chrono::minutes{30},
                                     [&app] { app.calendars().refresh_all(); });

  platform::Periodic appointment_reminders("appointment reminders", std::chrono::minutes{1},
                                           [&app] { app.reminders().queue_due(); });

  std::thread signal_waiter([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    spdlog::info("signal {} received: finishing in-flight requests, then stopping", signal);
    server.stop();
  });
  server.run();
  // run() also returns when the server stops for another reason: wake the signal thread so it can end.
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  callback_sweep.stop();
  calendar_import.stop();
  mail_sending.stop();
  spdlog::info("stopped");
  return 0;
}

int command_migrate(const Config& config) {
  prepare(config);
  Application app(config);
  run_migrations(app);
  return 0;
}

int command_demo(const Config& config, bool json) {
  prepare(config);
  Application app(config);
  run_migrations(app);
  const auto credentials = load_demo(app.database(), app.clock());
  if (!credentials) {
    std::cerr << "termintreu: the database holds data already; demo data goes only into an empty one\n";
    return 1;
  }
  std::cout << (json ? credentials_json(*credentials).dump(2) + "\n" : format_credentials(*credentials)) << std::flush;
  return 0;
}

int command_user_create(const Config& config, const UserCommand& command) {
  prepare(config);
  Application app(config);
  run_migrations(app);
  const auto role = identity::parse_role(command.role);
  if (!role) {
    std::cerr << "termintreu: --role must be one of admin, project_manager, supervisor, agent, client_manager, client_rep\n";
    return 2;
  }
  const auto agency_id = command.agency_id ? std::optional<std::int64_t>(*command.agency_id) : single_agency(app.database());
  if (!agency_id) {
    std::cerr << "termintreu: there is not exactly one agency; name it with --agency ID\n";
    return 2;
  }
  identity::UserAdmin users(app.database(), app.clock(), app.events(), app.session_cache());
  identity::CreateUserRequest request;
  request.email = command.email;
  request.name = command.name;
  request.role = *role;
  if (command.client_id) request.client_id = *command.client_id;
  request.password = command.password;
  const auto created = users.create(identity::command_line_actor(*agency_id), request, {"", "cli", ""});
  if (!created) {
    std::cerr << "termintreu: " << describe(created.error()) << "\n";
    return 1;
  }
  std::cout << fmt::format("created user {} ({}) with id {}\n", created->user.email, command.role, created->user.id);
  if (created->initial_password) std::cout << "password (shown only now): " << *created->initial_password << "\n";
  return 0;
}

int command_user_reset_password(const Config& config, const std::string& email_input,
                                const std::optional<std::string>& password) {
  prepare(config);
  Application app(config);
  run_migrations(app);
  const auto email = identity::normalise_email(email_input);
  if (!email) {
    std::cerr << "termintreu: " << describe(email.error()) << "\n";
    return 2;
  }
  std::optional<identity::User> user;
  {
    auto lease = app.database().session();
    if (auto found = identity::user_store::find_credentials_by_email(*lease, *email)) user = found->user;
  }
  if (!user) {
    std::cerr << "termintreu: no user with e-mail " << *email << "\n";
    return 1;
  }
  identity::UserAdmin users(app.database(), app.clock(), app.events(), app.session_cache());
  const auto chosen =
      users.reset_password(identity::command_line_actor(user->agency_id), user->id, password, {"", "cli", ""});
  if (!chosen) {
    std::cerr << "termintreu: " << describe(chosen.error()) << "\n";
    return 1;
  }
  std::cout << "password reset for " << *email << "; sessions ended\n";
  if (!password) std::cout << "new password (shown only now): " << *chosen << "\n";
  return 0;
}

int command_agency_create(const Config& config, const AgencyCommand& command) {
  prepare(config);
  Application app(config);
  run_migrations(app);
  const auto email = identity::normalise_email(command.admin_email, "--admin-email");
  if (!email) {
    std::cerr << "termintreu: " << describe(email.error()) << "\n";
    return 2;
  }
  const std::int64_t now = platform::to_micros(app.clock().now());
  std::string refusal;
  const std::int64_t agency_id = app.database().transaction("agency.create", [&](soci::session& sql) -> std::int64_t {
    if (identity::tenant_store::find_agency_by_name(sql, command.name)) {
      refusal = "an agency named \"" + command.name + "\" exists already";
      return 0;
    }
    if (identity::user_store::email_taken(sql, *email)) {
      refusal = "--admin-email: " + *email + " is already in use";
      return 0;
    }
    const auto id = identity::tenant_store::insert_agency(sql, command.name, now);
    identity::audit_log::append(sql, identity::audit_entry(identity::command_line_actor(id), {"", "cli", ""}, now,
                                                           "agency.created", "agency", id, {{"name", command.name}}));
    return id;
  });
  if (agency_id == 0) {
    std::cerr << "termintreu: " << refusal << "\n";
    return 1;
  }
  identity::UserAdmin users(app.database(), app.clock(), app.events(), app.session_cache());
  identity::CreateUserRequest request;
  request.email = command.admin_email;
  request.name = command.admin_name;
  request.role = identity::Role::admin;
  request.password = command.admin_password;
  const auto created = users.create(identity::command_line_actor(agency_id), request, {"", "cli", ""});
  if (!created) {
    std::cerr << "termintreu: agency " << agency_id << " created, but its admin not: " << describe(created.error())
              << "\n";
    return 1;
  }
  std::cout << fmt::format("created agency {} with id {}; admin {}\n", command.name, agency_id, created->user.email);
  if (created->initial_password) std::cout << "admin password (shown only now): " << *created->initial_password << "\n";
  return 0;
}

int command_routes(const Config& config) {
  prepare(config);
  Application app(config);
  nlohmann::json routes = nlohmann::json::array();
  for (const auto& route : app.guard().table()) {
    nlohmann::json permissions = nlohmann::json::array();
    for (const auto permission : route.any_of) permissions.push_back(identity::to_string(permission));
    routes.push_back({{"method", platform::http::to_string(route.method)},
                      {"path", route.pattern},
                      {"public", route.is_public},
                      {"permissions", permissions}});
  }
  std::cout << routes.dump(2) << "\n";
  return 0;
}

}  // namespace termintreu::app
