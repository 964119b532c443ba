#include "platform/db/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <memory>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

namespace termintreu::generated {
// Written by cmake/embed_files.cmake from migrations/<engine>/*.sql.
const std::vector<std::pair<std::string_view, std::string_view>>& migration_files();
}  // namespace termintreu::generated

namespace termintreu::platform::db {

namespace {

constexpr std::string_view kMigrationsTable = "schema_migrations";

constexpr const char* kCreateTableSqlite =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";
constexpr const char* kCreateTablePostgresql =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr const char* kTableExistsSqlite = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name";
constexpr const char* kTableExistsPostgresql =
    "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = :name";
constexpr const char* kSelectVersion = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
constexpr const char* kInsertMigration =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :applied_at)";
// Held until the transaction ends: a second server starting against the same PostgreSQL waits here and then finds
// the migration recorded. (SQLite needs nothing: BEGIN IMMEDIATE already holds the one write lock.)
constexpr const char* kAdvisoryLock = "SELECT pg_advisory_xact_lock(CAST(:key AS BIGINT))";
constexpr long long kAdvisoryLockKey = 0x7465726d696e7472;  // "termintr"

std::string_view folder_of(Engine engine) { return engine == Engine::sqlite ? "sqlite" : "postgresql"; }

void lock_migrations(soci::session& sql, Engine engine) {
  if (engine != Engine::postgresql) return;
  long long key = kAdvisoryLockKey;
  sql << kAdvisoryLock, soci::use(key, "key");
}

bool table_exists(soci::session& sql, Engine engine) {
  std::string name(kMigrationsTable);
  long long count = 0;
  sql << (engine == Engine::sqlite ? kTableExistsSqlite : kTableExistsPostgresql), soci::use(name, "name"),
      soci::into(count);
  return count > 0;
}

int read_version(soci::session& sql) {
  long long version = 0;
  sql << kSelectVersion, soci::into(version);
  return static_cast<int>(version);
}

void refuse_newer(int database_version, int known_version) {
  if (database_version <= known_version) return;
  throw MigrationError(fmt::format(
      "the database schema is at version {}, but this build of termintreu knows migrations only up to version {}: "
      "run a termintreu release at least as new as the one that last migrated this database",
      database_version, known_version));
}

// Runs a whole script through the engine's own multi-statement executor (sqlite3_exec, PQexec), the way the sqlite3
// and psql shells do: it understands trigger bodies, $$-quoted functions and comments, where splitting at ';' by hand
// would not. It runs inside the caller's open transaction.
void execute_script(soci::session& sql, Engine engine, const Migration& migration) {
  if (engine == Engine::sqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* message = nullptr;
    const int rc = sqlite_api::sqlite3_exec(backend->conn_, migration.sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      const std::string text = message != nullptr ? message : sqlite_api::sqlite3_errstr(rc);
      sqlite_api::sqlite3_free(message);
      throw MigrationError(fmt::format("migration sqlite/{} failed: {}", migration.name, text));
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  const std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(backend->conn_, migration.sql.c_str()), &PQclear);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    const char* text = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(backend->conn_);
    throw MigrationError(fmt::format("migration postgresql/{} failed: {}", migration.name, text));
  }
}

}  // namespace

std::vector<Migration> select_migrations(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                         Engine engine) {
  const std::string prefix = fmt::format("{}/", folder_of(engine));
  std::vector<Migration> selected;
  for (const auto& [path, sql] : files) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    const std::string_view name = path.substr(prefix.size());
    const bool well_formed = name.size() > 9 && name.find('/') == std::string_view::npos &&
                             std::all_of(name.begin(), name.begin() + 4, [](unsigned char c) { return std::isdigit(c); }) &&
                             name[4] == '_' && name.substr(name.size() - 4) == ".sql";
    if (!well_formed) {
      throw std::logic_error(fmt::format("migration file {} is not named NNNN_description.sql", path));
    }
    const int version = std::stoi(std::string(name.substr(0, 4)));
    if (version == 0) throw std::logic_error(fmt::format("migration file {}: versions start at 0001", path));
    selected.push_back(Migration{version, std::string(name), std::string(sql)});
  }
  std::sort(selected.begin(), selected.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  const auto twin = std::adjacent_find(selected.begin(), selected.end(),
                                       [](const Migration& a, const Migration& b) { return a.version == b.version; });
  if (twin != selected.end()) {
    throw std::logic_error(
        fmt::format("migrations {} and {} share version {}", twin->name, std::next(twin)->name, twin->version));
  }
  return selected;
}

std::vector<Migration> embedded_migrations(Engine engine) {
  return select_migrations(generated::migration_files(), engine);
}

MigrationReport migrate(Database& database, const Clock& clock) {
  return migrate(database, clock, embedded_migrations(database.engine()));
}

MigrationReport migrate(Database& database, const Clock& clock, const std::vector<Migration>& migrations) {
  const bool sorted = std::is_sorted(migrations.begin(), migrations.end(),
                                     [](const Migration& a, const Migration& b) { return a.version <= b.version; });
  if (!sorted) throw std::logic_error("migrations must be sorted by version, each version once");
  const Engine engine = database.engine();
  const int known = migrations.empty() ? 0 : migrations.back().version;

  const int start = database.transaction("migrate.prepare", [&](soci::session& sql) {
    lock_migrations(sql, engine);
    // Asked first, because PostgreSQL answers IF NOT EXISTS on an existing table with a NOTICE on stderr.
    if (!table_exists(sql, engine)) sql << (engine == Engine::sqlite ? kCreateTableSqlite : kCreateTablePostgresql);
    return read_version(sql);
  });
  refuse_newer(start, known);

  MigrationReport report{{}, start};
  for (const Migration& migration : migrations) {
    if (migration.version <= start) continue;
    const bool applied = database.transaction("migrate.apply", [&](soci::session& sql) {
      lock_migrations(sql, engine);
      // Read again under the lock: another process may have applied this one since `start` was read.
      const int now = read_version(sql);
      refuse_newer(now, known);
      if (now >= migration.version) return false;
      execute_script(sql, engine, migration);
      long long version = migration.version;
      std::string name = migration.name;
      long long applied_at = to_micros(clock.now());
      sql << kInsertMigration, soci::use(version, "version"), soci::use(name, "name"),
          soci::use(applied_at, "applied_at");
      return true;
    });
    if (applied) {
      spdlog::info("applied migration {}/{}", folder_of(engine), migration.name);
      report.applied.push_back(migration.name);
    }
  }
  report.current_version = current_version(database);
  return report;
}

int current_version(Database& database) {
  auto lease = database.session();
  if (!table_exists(*lease, database.engine())) return 0;
  return read_version(*lease);
}

}  // namespace termintreu::platform::db
