#pragma once
// Numbered schema migrations, one folder per engine (migrations/sqlite, migrations/postgresql), compiled into the
// binary. A migration runs once per database, in its own transaction together with its schema_migrations row.
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace termintreu::platform::db {

struct Migration {
  int version;       // the four-digit prefix of the file name
  std::string name;  // the file name without its folder: "0001_foundation.sql"
  std::string sql;   // the whole script
};

struct MigrationReport {
  std::vector<std::string> applied;  // names, in the order they ran; empty when the schema was current
  int current_version;
};

// The schema cannot be brought to this binary's version: the database is newer than the binary, or a script failed.
class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Picks the files of one engine out of the embedded "engine/NNNN_name.sql" list, sorted by version. A misnamed file
// or a version used twice is a mistake in the repository and throws std::logic_error.
std::vector<Migration> select_migrations(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                         Engine engine);
// The migrations compiled into this binary for `engine`.
std::vector<Migration> embedded_migrations(Engine engine);

// Applies the embedded migrations that are newer than the database's version. Several processes may call it at
// once on one database: each migration is still applied exactly once. Throws MigrationError when the database is at
// a version this binary does not know, or when a script fails (that script's changes are rolled back).
MigrationReport migrate(Database& database, const Clock& clock);
// The same with an explicit list (sorted by version), for tests.
MigrationReport migrate(Database& database, const Clock& clock, const std::vector<Migration>& migrations);

// The highest applied version; 0 for a database that has never been migrated.
int current_version(Database& database);

}  // namespace termintreu::platform::db
