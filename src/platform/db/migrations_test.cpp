#include "platform/db/migrations.hpp"

#include <gtest/gtest.h>

namespace termintreu::platform::db {
namespace {

using Files = std::vector<std::pair<std::string_view, std::string_view>>;

std::vector<std::string> names_of(const std::vector<Migration>& migrations) {
  std::vector<std::string> names;
  for (const auto& migration : migrations) names.push_back(migration.name);
  return names;
}

TEST(SelectMigrations, TakesOnlyTheEnginesFolderSortedByVersion) {
  const Files files = {{"sqlite/0002_b.sql", "S2"},      {"postgresql/0001_a.sql", "P1"},
                       {"sqlite/0001_a.sql", "S1"},      {"postgresql/0002_b.sql", "P2"},
                       {"sqlite-old/0003_c.sql", "X3"},  {"postgresqlx/0004_d.sql", "X4"}};
  const auto sqlite = select_migrations(files, Engine::sqlite);
  EXPECT_EQ(names_of(sqlite), (std::vector<std::string>{"0001_a.sql", "0002_b.sql"}));
  EXPECT_EQ(sqlite[0].sql, "S1");
  EXPECT_EQ(sqlite[1].version, 2);
  const auto postgresql = select_migrations(files, Engine::postgresql);
  EXPECT_EQ(names_of(postgresql), (std::vector<std::string>{"0001_a.sql", "0002_b.sql"}));
  EXPECT_EQ(postgresql[1].sql, "P2");
}

TEST(SelectMigrations, RejectsMisnamedFilesAndTwins) {
  for (const Files& files : {Files{{"sqlite/1_a.sql", ""}}, Files{{"sqlite/0001-a.sql", ""}},
                             Files{{"sqlite/0001_a.txt", ""}}, Files{{"sqlite/0000_a.sql", ""}},
                             Files{{"sqlite/sub/0001_a.sql", ""}},
                             Files{{"sqlite/0001_a.sql", ""}, {"sqlite/0001_b.sql", ""}}}) {
    EXPECT_THROW(select_migrations(files, Engine::sqlite), std::logic_error) << files.front().first;
  }
}

TEST(EmbeddedMigrations, EachEngineGetsItsOwnFoundation) {
  const auto sqlite = embedded_migrations(Engine::sqlite);
  const auto postgresql = embedded_migrations(Engine::postgresql);
  ASSERT_FALSE(sqlite.empty());
  ASSERT_FALSE(postgresql.empty());
  EXPECT_EQ(sqlite.front().name, "0001_foundation.sql");
  EXPECT_EQ(postgresql.front().name, "0001_foundation.sql");
  EXPECT_EQ(sqlite.front().sql.find("plpgsql"), std::string::npos);
  EXPECT_NE(postgresql.front().sql.find("plpgsql"), std::string::npos);
  // Both engines must describe the same schema history.
  EXPECT_EQ(names_of(sqlite), names_of(postgresql));
}

}  // namespace
}  // namespace termintreu::platform::db
