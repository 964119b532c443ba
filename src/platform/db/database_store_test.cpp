#include <atomic>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "store_fixture.hpp"

namespace termintreu::platform::db {
namespace {

constexpr const char* kInsertAgency = "INSERT INTO agencies (name, created_at) VALUES (:name, :created_at)";
constexpr const char* kCountAgencies = "SELECT COUNT(*) FROM agencies";
constexpr const char* kCountAgenciesNamed = "SELECT COUNT(*) FROM agencies WHERE name = :name";
constexpr const char* kSelectAgencyId = "SELECT id FROM agencies WHERE name = :name";
constexpr const char* kInsertClient =
    "INSERT INTO clients (agency_id, name, created_at) VALUES (:agency_id, :name, :created_at)";
constexpr const char* kSelectClientId = "SELECT id FROM clients WHERE name = :name";
constexpr const char* kInsertUser =
    "INSERT INTO users (agency_id, client_id, email, name, role, password_hash, created_at, updated_at, "
    "password_changed_at) VALUES (:agency_id, :client_id, :email, :name, :role, 'x', 0, 0, 0)";
constexpr const char* kInsertAudit = "INSERT INTO audit_log (at, action) VALUES (:at, :action)";
constexpr const char* kUpdateAudit = "UPDATE audit_log SET action = 'changed'";
constexpr const char* kDeleteAudit = "DELETE FROM audit_log";
constexpr const char* kSelectAuditAction = "SELECT action FROM audit_log";
constexpr const char* kInsertCounter =
    "INSERT INTO sign_in_failures (key, window_started_at, failures) VALUES ('counter', 0, 0)";
constexpr const char* kIncrementCounter = "UPDATE sign_in_failures SET failures = failures + 1 WHERE key = 'counter'";
constexpr const char* kSelectCounter = "SELECT failures FROM sign_in_failures WHERE key = 'counter'";
constexpr const char* kBackendPid = "SELECT pg_backend_pid()";
constexpr const char* kJournalMode = "PRAGMA journal_mode";
constexpr const char* kForeignKeys = "PRAGMA foreign_keys";
constexpr const char* kSynchronous = "PRAGMA synchronous";
constexpr const char* kBusyTimeout = "PRAGMA busy_timeout";
constexpr const char* kApplicationName = "SHOW application_name";

class DatabaseStoreTest : public termintreu::testing::StoreTest {
 protected:
  long long insert_agency(soci::session& sql, std::string name) {
    long long created_at = to_micros(clock().now());
    sql << kInsertAgency, soci::use(name, "name"), soci::use(created_at, "created_at");
    long long id = 0;
    sql << kSelectAgencyId, soci::use(name, "name"), soci::into(id);
    return id;
  }

  long long count_agencies() {
    auto lease = db().session();
    long long count = 0;
    *lease << kCountAgencies, soci::into(count);
    return count;
  }

  long long count_agencies_named(Database& database, std::string name) {
    auto lease = database.session();
    long long count = 0;
    *lease << kCountAgenciesNamed, soci::use(name, "name"), soci::into(count);
    return count;
  }
};

TEST_F(DatabaseStoreTest, CommitsWhenWorkReturns) {
  const long long id = db().transaction("test.commit", [&](soci::session& sql) { return insert_agency(sql, "Acme"); });
  EXPECT_GT(id, 0);
  EXPECT_EQ(count_agencies(), 1);
}

TEST_F(DatabaseStoreTest, RollsBackWhenWorkThrows) {
  EXPECT_THROW(db().transaction("test.throw",
                                [&](soci::session& sql) {
                                  insert_agency(sql, "Acme");
                                  throw std::runtime_error("boom");
                                }),
               std::runtime_error);
  EXPECT_EQ(count_agencies(), 0);
}

TEST_F(DatabaseStoreTest, RollsBackWhenResultHoldsAnError) {
  const Result<long long> result = db().transaction("test.result", [&](soci::session& sql) -> Result<long long> {
    insert_agency(sql, "Acme");
    return fail(ErrorCode::conflict, "changed my mind");
  });
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::conflict);
  EXPECT_EQ(count_agencies(), 0);
}

TEST_F(DatabaseStoreTest, CommitsWhenResultHoldsAValue) {
  const Result<long long> result = db().transaction(
      "test.result", [&](soci::session& sql) -> Result<long long> { return insert_agency(sql, "Acme"); });
  ASSERT_TRUE(result);
  EXPECT_EQ(count_agencies(), 1);
}

TEST_F(DatabaseStoreTest, RollsBackOnAViolatedConstraintAndStaysUsable) {
  db().transaction("test.first", [&](soci::session& sql) { insert_agency(sql, "Acme"); });
  EXPECT_THROW(db().transaction("test.duplicate",
                                [&](soci::session& sql) {
                                  insert_agency(sql, "Other");
                                  insert_agency(sql, "Acme");  // name is UNIQUE
                                }),
               soci::soci_error);
  EXPECT_EQ(count_agencies(), 1);
  db().transaction("test.after", [&](soci::session& sql) { insert_agency(sql, "Third"); });
  EXPECT_EQ(count_agencies(), 2);
}

TEST_F(DatabaseStoreTest, EnforcesForeignKeysOnEveryConnection) {
  // Leasing the whole pool at once makes each test statement run on a different connection.
  std::vector<Database::Lease> leases;
  for (int i = 0; i < 8; ++i) leases.push_back(db().session());
  for (auto& lease : leases) {
    long long agency_id = 4242;
    std::string name = "Orphan";
    long long created_at = 0;
    EXPECT_THROW((*lease << kInsertClient, soci::use(agency_id, "agency_id"), soci::use(name, "name"),
                  soci::use(created_at, "created_at")),
                 soci::soci_error);
  }
}

TEST_F(DatabaseStoreTest, EveryPooledConnectionIsConfigured) {
  std::vector<Database::Lease> leases;
  for (int i = 0; i < 8; ++i) leases.push_back(db().session());
  for (auto& lease : leases) {
    if (is_sqlite()) {
      std::string journal_mode;
      int foreign_keys = 0;
      int synchronous = 0;
      int busy_timeout = 0;
      *lease << kJournalMode, soci::into(journal_mode);
      *lease << kForeignKeys, soci::into(foreign_keys);
      *lease << kSynchronous, soci::into(synchronous);
      *lease << kBusyTimeout, soci::into(busy_timeout);
      EXPECT_EQ(journal_mode, "wal");
      EXPECT_EQ(foreign_keys, 1);
      EXPECT_EQ(synchronous, 1);  // NORMAL
      EXPECT_EQ(busy_timeout, 5000);
    } else {
      std::string application_name;
      *lease << kApplicationName, soci::into(application_name);
      EXPECT_EQ(application_name, "termintreu");
    }
  }
}

TEST_F(DatabaseStoreTest, ConcurrentWritersAllCommit) {
  // More threads than pooled connections, each transaction reading before it writes: with deferred SQLite
  // transactions this pattern fails at once with SQLITE_BUSY; BEGIN IMMEDIATE makes the writers queue.
  constexpr int kThreads = 12;
  constexpr int kTransactionsPerThread = 25;
  db().transaction("test.counter", [](soci::session& sql) { sql << kInsertCounter; });
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kTransactionsPerThread; ++i) {
        try {
          db().transaction("test.concurrent", [&](soci::session& sql) {
            long long before = 0;
            sql << kCountAgencies, soci::into(before);
            insert_agency(sql, "agency-" + std::to_string(t) + "-" + std::to_string(i));
            sql << kIncrementCounter;
          });
        } catch (const std::exception& error) {
          ADD_FAILURE() << "writer " << t << " failed: " << error.what();
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(count_agencies(), kThreads * kTransactionsPerThread);
  long long counter = 0;
  *db().session() << kSelectCounter, soci::into(counter);
  EXPECT_EQ(counter, kThreads * kTransactionsPerThread);
}

TEST_F(DatabaseStoreTest, AuditLogIsAppendOnly) {
  db().transaction("test.audit", [&](soci::session& sql) {
    long long at = to_micros(clock().now());
    std::string action = "user.created";
    sql << kInsertAudit, soci::use(at, "at"), soci::use(action, "action");
  });
  EXPECT_THROW(db().transaction("test.audit.update", [](soci::session& sql) { sql << kUpdateAudit; }),
               soci::soci_error);
  EXPECT_THROW(db().transaction("test.audit.delete", [](soci::session& sql) { sql << kDeleteAudit; }),
               soci::soci_error);
  std::string action;
  *db().session() << kSelectAuditAction, soci::into(action);
  EXPECT_EQ(action, "user.created");
}

TEST_F(DatabaseStoreTest, ClientRolesNeedAClientIdAndOthersMustNotHaveOne) {
  struct Case {
    std::string role;
    bool with_client;
    bool accepted;
  };
  const std::vector<Case> cases = {
      {"admin", false, true},          {"admin", true, false},         {"agent", false, true},
      {"supervisor", true, false},     {"client_manager", true, true}, {"client_manager", false, false},
      {"client_rep", true, true},      {"client_rep", false, false},   {"project_manager", false, true},
  };
  long long agency_id = 0;
  long long client_id = 0;
  db().transaction("test.tenant", [&](soci::session& sql) {
    agency_id = insert_agency(sql, "Acme");
    std::string name = "Bakery";
    long long created_at = 0;
    sql << kInsertClient, soci::use(agency_id, "agency_id"), soci::use(name, "name"),
        soci::use(created_at, "created_at");
    sql << kSelectClientId, soci::use(name, "name"), soci::into(client_id);
  });
  int n = 0;
  for (const Case& c : cases) {
    std::string email = "user" + std::to_string(n++) + "@example.com";
    std::string role = c.role;
    std::string name = "Someone";
    soci::indicator client_indicator = c.with_client ? soci::i_ok : soci::i_null;
    auto insert = [&] {
      db().transaction("test.user", [&](soci::session& sql) {
        sql << kInsertUser, soci::use(agency_id, "agency_id"), soci::use(client_id, client_indicator, "client_id"),
            soci::use(email, "email"), soci::use(name, "name"), soci::use(role, "role");
      });
    };
    if (c.accepted) {
      EXPECT_NO_THROW(insert()) << c.role << " with_client=" << c.with_client;
    } else {
      EXPECT_THROW(insert(), soci::soci_error) << c.role << " with_client=" << c.with_client;
    }
  }
}

TEST_F(DatabaseStoreTest, CommittedDataSurvivesClosingAndReopening) {
  db().transaction("test.commit", [&](soci::session& sql) { insert_agency(sql, "Acme"); });
  reopen();
  EXPECT_EQ(count_agencies_named(db(), "Acme"), 1);
}

TEST_F(DatabaseStoreTest, PingAnswers) { EXPECT_TRUE(db().ping()); }

TEST_F(DatabaseStoreTest, SessionLeftInsideATransactionIsRolledBackBeforeReuse) {
  auto single = open_another(DatabaseOptions{1, std::chrono::milliseconds(5000), nullptr});
  {
    auto lease = single->session();
    lease->begin();
    insert_agency(*lease, "Abandoned");
  }
  EXPECT_EQ(count_agencies_named(*single, "Abandoned"), 0);
  single->transaction("test.next", [&](soci::session& sql) { insert_agency(sql, "Next"); });
  EXPECT_EQ(count_agencies_named(db(), "Next"), 1);
  EXPECT_EQ(count_agencies_named(db(), "Abandoned"), 0);
}

// The contract for outages on both engines: while the database cannot be had, work fails with DatabaseUnavailable
// (HTTP 503) and nothing is half-done; once it is back, the same Database works again and nothing committed is lost.
TEST_F(DatabaseStoreTest, OutageIsUnavailableAndTheDatabaseRecovers) {
  db().transaction("test.before", [&](soci::session& sql) { insert_agency(sql, "Before"); });
  if (is_sqlite()) {
    // SQLite's outage: another writer keeps the write lock for longer than busy_timeout.
    auto impatient = open_another(DatabaseOptions{1, std::chrono::milliseconds(50), nullptr});
    db().transaction("test.holder", [&](soci::session& sql) {
      insert_agency(sql, "Holder");
      EXPECT_THROW(impatient->transaction("test.down", [&](soci::session& other) { insert_agency(other, "Lost"); }),
                   DatabaseUnavailable);
    });
    impatient->transaction("test.back", [&](soci::session& sql) { insert_agency(sql, "Back"); });
    EXPECT_EQ(count_agencies_named(db(), "Holder"), 1);
  } else {
    // A server restart closes every pooled connection: the next transactions must run on fresh ones.
    std::set<int> old_pids;
    {
      std::vector<Database::Lease> leases;
      for (int i = 0; i < 8; ++i) leases.push_back(db().session());
      for (auto& lease : leases) {
        int pid = 0;
        *lease << kBackendPid, soci::into(pid);
        old_pids.insert(pid);
      }
    }
    ASSERT_EQ(old_pids.size(), 8u);
    drop_server_connections(/*allow_new=*/true);
    db().transaction("test.restarted", [&](soci::session& sql) { insert_agency(sql, "Restarted"); });
    {
      std::vector<Database::Lease> leases;
      for (int i = 0; i < 8; ++i) leases.push_back(db().session());
      for (auto& lease : leases) {
        int pid = 0;
        *lease << kBackendPid, soci::into(pid);
        EXPECT_EQ(old_pids.count(pid), 0u) << "a pooled connection was not replaced";
      }
    }
    EXPECT_EQ(count_agencies_named(db(), "Restarted"), 1);

    // A server that is down: connections end and new ones are refused.
    drop_server_connections(/*allow_new=*/false);
    EXPECT_THROW(db().transaction("test.down", [&](soci::session& sql) { insert_agency(sql, "Lost"); }),
                 DatabaseUnavailable);
    EXPECT_THROW(db().session(), DatabaseUnavailable);
    EXPECT_FALSE(db().ping());
    allow_server_connections();
    EXPECT_TRUE(db().ping());
    db().transaction("test.back", [&](soci::session& sql) { insert_agency(sql, "Back"); });
  }
  EXPECT_EQ(count_agencies_named(db(), "Before"), 1);
  EXPECT_EQ(count_agencies_named(db(), "Back"), 1);
  EXPECT_EQ(count_agencies_named(db(), "Lost"), 0);
}

}  // namespace
}  // namespace termintreu::platform::db
