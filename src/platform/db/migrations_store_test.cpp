#include <thread>

#include <gtest/gtest.h>

#include "platform/db/migrations.hpp"
#include "store_fixture.hpp"

namespace termintreu::platform::db {
namespace {

constexpr const char* kSelectMigrations = "SELECT version, name, applied_at FROM schema_migrations ORDER BY version";
constexpr const char* kRecordVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, 'from_the_future.sql', 0)";
constexpr const char* kCountNotes = "SELECT COUNT(*) FROM notes";
constexpr const char* kInsertNote = "INSERT INTO notes (body) VALUES (:body)";
constexpr const char* kUpdateNotes = "UPDATE notes SET body = 'changed'";
constexpr const char* kSqliteTableCount = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = :name";
constexpr const char* kPostgresqlTableCount =
    "SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = :name";

struct Row {
  long long version;
  std::string name;
  long long applied_at;
};

std::vector<Row> recorded(Database& database) {
  auto lease = database.session();
  Row row{};
  soci::statement select = (lease->prepare << kSelectMigrations, soci::into(row.version), soci::into(row.name),
                            soci::into(row.applied_at));
  select.execute();
  std::vector<Row> out;
  while (select.fetch()) out.push_back(row);
  return out;
}

bool has_table(Database& database, std::string name) {
  auto lease = database.session();
  long long count = 0;
  *lease << (database.engine() == Engine::sqlite ? kSqliteTableCount : kPostgresqlTableCount), soci::use(name, "name"),
      soci::into(count);
  return count > 0;
}

// Scripts with what naive splitting at ';' gets wrong: a trigger body (SQLite) or a $$-quoted function (PostgreSQL),
// semicolons inside string literals and comments.
std::vector<Migration> sample_migrations(Engine engine) {
  if (engine == Engine::sqlite) {
    return {
        {1, "0001_notes.sql",
         "-- notes; with a semicolon in a comment\n"
         "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL DEFAULT 'a;b');\n"
         "CREATE TRIGGER notes_frozen BEFORE UPDATE ON notes\n"
         "BEGIN SELECT RAISE(ABORT, 'notes are frozen; sorry'); END;\n"
         "/* trailing; comment */\n"},
        {2, "0002_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL);"},
    };
  }
  return {
      {1, "0001_notes.sql",
       "-- notes; with a semicolon in a comment\n"
       "CREATE TABLE notes (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body TEXT NOT NULL DEFAULT 'a;b');\n"
       "CREATE FUNCTION notes_frozen() RETURNS trigger LANGUAGE plpgsql AS $$\n"
       "BEGIN\n  RAISE EXCEPTION 'notes are frozen; sorry';\nEND;\n$$;\n"
       "CREATE TRIGGER notes_frozen BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION notes_frozen();\n"
       "/* trailing; comment */\n"},
      {2, "0002_tags.sql", "CREATE TABLE tags (id BIGINT PRIMARY KEY, label TEXT NOT NULL);"},
  };
}

class MigrationsStoreTest : public termintreu::testing::StoreTest {};

class EmptyDatabaseStoreTest : public termintreu::testing::StoreTest {
 protected:
  bool migrate_on_setup() const override { return false; }
};

TEST_F(MigrationsStoreTest, EveryEmbeddedMigrationIsAppliedAndRecorded) {
  const auto expected = embedded_migrations(db().engine());
  const auto rows = recorded(db());
  ASSERT_EQ(rows.size(), expected.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].version, expected[i].version);
    EXPECT_EQ(rows[i].name, expected[i].name);
    EXPECT_EQ(rows[i].applied_at, to_micros(clock().now()));
  }
  EXPECT_EQ(current_version(db()), expected.back().version);
}

TEST_F(MigrationsStoreTest, RunningAgainChangesNothing) {
  const auto before = recorded(db());
  clock().advance(std::chrono::hours(1));
  const MigrationReport report = migrate(db(), clock());
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(report.current_version, embedded_migrations(db().engine()).back().version);
  const auto after = recorded(db());
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after.back().applied_at, before.back().applied_at);
}

TEST_F(MigrationsStoreTest, DatabaseNewerThanTheBinaryIsRefused) {
  db().transaction("test.future", [](soci::session& sql) {
    long long version = 9999;
    sql << kRecordVersion, soci::use(version, "version");
  });
  try {
    migrate(db(), clock());
    FAIL() << "migrated a database at version 9999";
  } catch (const MigrationError& error) {
    EXPECT_NE(std::string(error.what()).find("version 9999"), std::string::npos) << error.what();
  }
}

TEST_F(EmptyDatabaseStoreTest, FreshDatabaseIsAtVersionZero) { EXPECT_EQ(current_version(db()), 0); }

TEST_F(EmptyDatabaseStoreTest, AppliesScriptsInOrderWithTriggersAndFunctionsIntact) {
  const auto migrations = sample_migrations(db().engine());
  const MigrationReport first = migrate(db(), clock(), {migrations[0]});
  EXPECT_EQ(first.applied, (std::vector<std::string>{"0001_notes.sql"}));
  EXPECT_EQ(first.current_version, 1);

  const MigrationReport second = migrate(db(), clock(), migrations);
  EXPECT_EQ(second.applied, (std::vector<std::string>{"0002_tags.sql"}));
  EXPECT_EQ(second.current_version, 2);
  EXPECT_TRUE(has_table(db(), "tags"));

  db().transaction("test.note", [](soci::session& sql) {
    std::string body = "hello";
    sql << kInsertNote, soci::use(body, "body");
  });
  // The trigger's whole body arrived: it still raises.
  EXPECT_THROW(db().transaction("test.update", [](soci::session& sql) { sql << kUpdateNotes; }), soci::soci_error);
}

TEST_F(EmptyDatabaseStoreTest, FailingScriptLeavesNothingBehind) {
  auto migrations = sample_migrations(db().engine());
  migrations[1].sql = "CREATE TABLE tags (id BIGINT PRIMARY KEY);\nCREATE TABLE broken (;\n";
  EXPECT_THROW(migrate(db(), clock(), migrations), MigrationError);
  EXPECT_EQ(current_version(db()), 1);
  EXPECT_TRUE(has_table(db(), "notes"));
  EXPECT_FALSE(has_table(db(), "tags")) << "the failed migration's first statement was not rolled back";

  migrations[1] = sample_migrations(db().engine())[1];
  EXPECT_EQ(migrate(db(), clock(), migrations).applied, (std::vector<std::string>{"0002_tags.sql"}));
}

TEST_F(EmptyDatabaseStoreTest, TwoProcessesMigratingAtOnceApplyEachMigrationOnce) {
  const auto migrations = embedded_migrations(db().engine());
  auto other = open_another();
  MigrationReport mine{};
  MigrationReport theirs{};
  std::thread racer([&] { theirs = migrate(*other, clock()); });
  mine = migrate(db(), clock());
  racer.join();
  EXPECT_EQ(mine.applied.size() + theirs.applied.size(), migrations.size());
  EXPECT_EQ(mine.current_version, migrations.back().version);
  EXPECT_EQ(theirs.current_version, migrations.back().version);
  EXPECT_EQ(recorded(db()).size(), migrations.size());
}

TEST_F(EmptyDatabaseStoreTest, NotesTableIsAbsentUntilMigrated) {
  EXPECT_FALSE(has_table(db(), "notes"));
  migrate(db(), clock(), sample_migrations(db().engine()));
  long long count = -1;
  *db().session() << kCountNotes, soci::into(count);
  EXPECT_EQ(count, 0);
}

}  // namespace
}  // namespace termintreu::platform::db
