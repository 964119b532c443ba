#include "store_fixture.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <stdexcept>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/migrations.hpp"

namespace termintreu::testing {

namespace {

using platform::db::Database;
using platform::db::Engine;

constexpr const char* kServerVersion = "SHOW server_version";
// CREATE/DROP DATABASE take no bound parameters; the names are built from [a-z0-9_] only (see random_name).
// FILE_COPY is faster than the default WAL_LOG for a small template (~100 ms instead of ~170 ms here).
constexpr const char* kCreateDatabase = "CREATE DATABASE {} STRATEGY FILE_COPY";
constexpr const char* kDropDatabase = "DROP DATABASE IF EXISTS {} WITH (FORCE)";
constexpr const char* kAllowConnections = "ALTER DATABASE {} ALLOW_CONNECTIONS {}";
// The timeout makes pg_terminate_backend wait until the backend has really gone (PostgreSQL 14+).
constexpr const char* kTerminateConnections =
    "SELECT COUNT(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE datname = :name AND pid <> "
    "pg_backend_pid()";

std::string random_name(std::string_view prefix) {
  std::random_device device;
  std::mt19937_64 generator(device());
  return fmt::format("{}{:016x}", prefix, generator());
}

// The server URL with its database name replaced: postgresql://u@h:p/postgres?x → postgresql://u@h:p/NAME?x
std::string with_database(const std::string& url, const std::string& name) {
  const auto authority = url.find("://") + 3;
  const auto query = url.find('?', authority);
  const auto slash = url.find('/', authority);
  const auto path_start = slash < query ? slash : query;
  const std::string tail = query == std::string::npos ? std::string() : url.substr(query);
  return fmt::format("{}/{}{}", url.substr(0, path_start), name, tail);
}

StoreSettings read_settings() {
  const char* engine = std::getenv("TERMINTREU_TEST_DATABASE");
  if (engine == nullptr || engine[0] == '\0') {
    throw std::runtime_error("TERMINTREU_TEST_DATABASE is not set: say \"sqlite\" or \"postgresql\"");
  }
  if (std::string_view(engine) == "sqlite") {
    return StoreSettings{Engine::sqlite, "",
                         fmt::format("SQLite {} (a temporary file per test under {})", sqlite_api::sqlite3_libversion(),
                                     std::filesystem::temp_directory_path().string())};
  }
  if (std::string_view(engine) != "postgresql") {
    throw std::runtime_error(
        fmt::format("TERMINTREU_TEST_DATABASE is \"{}\": say \"sqlite\" or \"postgresql\"", engine));
  }
  const char* server = std::getenv("TERMINTREU_TEST_POSTGRESQL");
  if (server == nullptr || server[0] == '\0') {
    throw std::runtime_error(
        "TERMINTREU_TEST_DATABASE=postgresql needs TERMINTREU_TEST_POSTGRESQL, the postgresql:// URL of a server "
        "where the tests may create databases (scripts/pg-throwaway start prints one)");
  }
  const auto target = platform::db::parse_database_url(server);
  if (target.engine != Engine::postgresql) {
    throw std::runtime_error(fmt::format("TERMINTREU_TEST_POSTGRESQL is not a postgresql:// URL: {}", server));
  }
  std::string version;
  try {
    soci::session sql(soci::postgresql, target.soci_connect);
    sql << kServerVersion, soci::into(version);
  } catch (const soci::soci_error& error) {
    throw std::runtime_error(fmt::format("cannot reach the PostgreSQL server {}: {}", target.display, error.what()));
  }
  return StoreSettings{Engine::postgresql, server,
                       fmt::format("PostgreSQL {} at {} (a new database per test)", version, target.display)};
}

}  // namespace

const StoreSettings& store_settings() {
  static const StoreSettings settings = read_settings();
  return settings;
}

std::string_view StoreTest::engine_name() const { return is_sqlite() ? "sqlite" : "postgresql"; }

bool StoreTest::is_sqlite() const { return store_settings().engine == Engine::sqlite; }

soci::session& StoreTest::maintenance() const {
  // One connection to the server's own database for the whole run: a new one costs ~40 ms on this machine.
  static soci::session session(soci::postgresql,
                               platform::db::parse_database_url(store_settings().server_url).soci_connect);
  return session;
}

void StoreTest::SetUp() {
  const StoreSettings& settings = store_settings();
  if (settings.engine == Engine::sqlite) {
    const auto directory = std::filesystem::temp_directory_path() / random_name("termintreu-store-");
    sqlite_directory_ = directory.string();
    // A folder that does not exist yet: Database::open must create it.
    url_ = fmt::format("sqlite:{}", (directory / "data" / "store.db").string());
  } else {
    postgresql_database_ = random_name("t_");
    maintenance() << fmt::format(kCreateDatabase, postgresql_database_);
    url_ = with_database(settings.server_url, postgresql_database_);
  }
  db_ = Database::open(url_);
  if (migrate_on_setup()) platform::db::migrate(*db_, clock_);
}

void StoreTest::TearDown() {
  db_.reset();
  if (!sqlite_directory_.empty()) {
    std::error_code error;
    std::filesystem::remove_all(sqlite_directory_, error);
    if (error) ADD_FAILURE() << "cannot remove " << sqlite_directory_ << ": " << error.message();
  }
  if (!postgresql_database_.empty()) {
    maintenance() << fmt::format(kDropDatabase, postgresql_database_);
  }
}

std::unique_ptr<Database> StoreTest::open_another(platform::db::DatabaseOptions options) const {
  return Database::open(url_, options);
}

void StoreTest::reopen(platform::db::DatabaseOptions options) {
  db_.reset();
  db_ = Database::open(url_, options);
}

void StoreTest::drop_server_connections(bool allow_new) {
  if (postgresql_database_.empty()) throw std::logic_error("drop_server_connections is for PostgreSQL only");
  soci::session& sql = maintenance();
  if (!allow_new) sql << fmt::format(kAllowConnections, postgresql_database_, "false");
  long long ended = 0;
  sql << kTerminateConnections, soci::use(postgresql_database_, "name"), soci::into(ended);
}

void StoreTest::allow_server_connections() {
  maintenance() << fmt::format(kAllowConnections, postgresql_database_, "true");
}

}  // namespace termintreu::testing
