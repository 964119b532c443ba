#pragma once
// Every store test gets a database of its own: a temporary SQLite file, or a new PostgreSQL database created on the
// server named by TERMINTREU_TEST_POSTGRESQL. TERMINTREU_TEST_DATABASE ("sqlite" or "postgresql") picks the engine,
// so the same tests run against both.
#include <memory>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace termintreu::testing {

struct StoreSettings {
  platform::db::Engine engine;
  std::string server_url;  // PostgreSQL: the server's URL from TERMINTREU_TEST_POSTGRESQL; empty for SQLite
  std::string description;  // engine, version and server, for the log
};

// Reads the environment once; throws std::runtime_error with a clear message when it is missing or wrong.
const StoreSettings& store_settings();

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  platform::db::Database& db() { return *db_; }
  platform::FakeClock& clock() { return clock_; }
  std::string_view engine_name() const;
  bool is_sqlite() const;
  const std::string& url() const { return url_; }

  // A second, independent Database on this test's database: what a second server process would have.
  std::unique_ptr<platform::db::Database> open_another(platform::db::DatabaseOptions options = {}) const;
  // Closes the Database and opens it again, as a server restart does.
  void reopen(platform::db::DatabaseOptions options = {});
  // PostgreSQL: ends every server connection to this test's database, as a server restart does, and returns once
  // they are gone. allow_new = false also keeps new connections out, as a server that is down would.
  void drop_server_connections(bool allow_new);
  void allow_server_connections();

  // Tests that need a database with no schema at all override this to return false.
  virtual bool migrate_on_setup() const { return true; }

 private:
  soci::session& maintenance() const;

  std::string url_;
  std::string sqlite_directory_;
  std::string postgresql_database_;
  platform::FakeClock clock_{platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 5)) +
                             std::chrono::hours(9)};
  std::unique_ptr<platform::db::Database> db_;
};

}  // namespace termintreu::testing
