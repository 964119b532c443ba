#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/database.hpp"
#include "platform/db/query.hpp"
#include "platform/db/statement_cache.hpp"
#include "store_fixture.hpp"

namespace termintreu::platform::db {
namespace {

constexpr const char* kInsertAgency = "INSERT INTO agencies (name, created_at) VALUES (:name, :created_at)";
constexpr const char* kAgencyNamed = "SELECT id FROM agencies WHERE name = :name";
constexpr const char* kCountAgencies = "SELECT COUNT(*) FROM agencies";
constexpr const char* kAgencyNames = "SELECT name FROM agencies ORDER BY name";
constexpr const char* kRename = "UPDATE agencies SET name = :name WHERE name LIKE :pattern";
constexpr const char* kNull = "SELECT NULL";

struct NameRow {
  std::string name;
  void bind(soci::statement& st) { st.exchange(soci::into(name)); }
  std::string to_model() const { return name; }
};

class StatementCacheStoreTest : public termintreu::testing::StoreTest {
 protected:
  void insert_agency(soci::session& sql, const std::string& name) {
    const long long at = 0;
    execute(sql, kInsertAgency, name, at);
  }
};

TEST_F(StatementCacheStoreTest, AStatementRunsAgainWithNewValuesAndSeesNewRows) {
  auto lease = db().session();
  StatementCache* cache = StatementCache::of(*lease);
  ASSERT_NE(cache, nullptr);
  insert_agency(*lease, "Alpha");
  const std::size_t after_first = cache->size();
  insert_agency(*lease, "Beta");
  EXPECT_EQ(cache->size(), after_first) << "the second insert prepared the statement again";

  const auto alpha = fetch_value<long long>(*lease, kAgencyNamed, std::string("Alpha"));
  const auto beta = fetch_value<long long>(*lease, kAgencyNamed, std::string("Beta"));
  ASSERT_TRUE(alpha && beta);
  EXPECT_NE(*alpha, *beta);
  EXPECT_FALSE(fetch_value<long long>(*lease, kAgencyNamed, std::string("Gamma")));
  EXPECT_EQ(fetch_value<long long>(*lease, kCountAgencies), 2);
  insert_agency(*lease, "Gamma");
  EXPECT_EQ(fetch_value<long long>(*lease, kCountAgencies), 3);
  EXPECT_EQ(fetch_rows<NameRow>(*lease, kAgencyNames), (std::vector<std::string>{"Alpha", "Beta", "Gamma"}));
  EXPECT_EQ(execute(*lease, kRename, std::string("Delta"), std::string("G%")), 1);
  EXPECT_EQ(execute(*lease, kRename, std::string("Epsilon"), std::string("Nothing%")), 0);
  EXPECT_EQ(fetch_rows<NameRow>(*lease, kAgencyNames), (std::vector<std::string>{"Alpha", "Beta", "Delta"}));
  EXPECT_FALSE(fetch_value<long long>(*lease, kNull)) << "NULL is no value";
}

TEST_F(StatementCacheStoreTest, StatementsOutliveARolledBackTransaction) {
  // PostgreSQL keeps a prepared statement when the transaction that prepared it rolls back; SQLite's are client-side.
  EXPECT_THROW(db().transaction("test.rollback",
                                [&](soci::session& sql) {
                                  insert_agency(sql, "Rolled back");
                                  ASSERT_EQ(fetch_value<long long>(sql, kCountAgencies), 1);
                                  throw std::runtime_error("boom");
                                }),
               std::runtime_error);
  for (int i = 0; i < 8; ++i) {
    db().transaction("test.after", [&](soci::session& sql) { insert_agency(sql, fmt::format("After {}", i)); });
  }
  EXPECT_EQ(fetch_value<long long>(*db().session(), kCountAgencies), 8);
  EXPECT_FALSE(fetch_value<long long>(*db().session(), kAgencyNamed, std::string("Rolled back")));
}

TEST_F(StatementCacheStoreTest, AFailedStatementIsDroppedAndTheConnectionStaysUsable) {
  auto lease = db().session();
  StatementCache* cache = StatementCache::of(*lease);
  insert_agency(*lease, "Acme");
  const std::size_t cached = cache->size();
  EXPECT_THROW(insert_agency(*lease, "Acme"), soci::soci_error);  // the name is UNIQUE
  EXPECT_EQ(cache->size(), cached - 1);
  insert_agency(*lease, "Other");
  EXPECT_EQ(cache->size(), cached);
  EXPECT_EQ(fetch_value<long long>(*lease, kCountAgencies), 2);
}

TEST_F(StatementCacheStoreTest, AFullCacheRunsOneTimeStatementsThatGiveTheSameAnswers) {
  auto single = open_another(DatabaseOptions{1, std::chrono::milliseconds(5000), nullptr});
  auto lease = single->session();
  const long long base = 1000;
  for (std::size_t i = 0; i < StatementCache::kCapacity + 20; ++i) {
    // Distinct texts, as SQL built with a varying number of parameters would be.
    const auto sum = fetch_value<long long>(*lease, fmt::format("SELECT :base + {}", i), base);
    ASSERT_EQ(sum, base + static_cast<long long>(i));
  }
  EXPECT_EQ(StatementCache::of(*lease)->size(), StatementCache::kCapacity);
  EXPECT_EQ(fetch_value<long long>(*lease, "SELECT :base + 3", base), base + 3) << "a cached one still runs";
}

TEST_F(StatementCacheStoreTest, ASessionOutsideAPoolHasNoCache) {
  soci::session sql;
  EXPECT_EQ(StatementCache::of(sql), nullptr);
}

TEST_F(StatementCacheStoreTest, ReadsLeaveNothingRunning) {
  auto lease = db().session();
  insert_agency(*lease, "Alpha");
  insert_agency(*lease, "Beta");
  ASSERT_TRUE(fetch_one<NameRow>(*lease, kAgencyNames));
  if (is_sqlite()) {
    // A statement stepped but not run to its end or reset would keep a read snapshot open: the WAL could not be
    // checkpointed past it and the connection would not see later commits of others before its next reset.
    auto* backend = static_cast<soci::sqlite3_session_backend*>(lease->get_backend());
    for (sqlite_api::sqlite3_stmt* st = sqlite_api::sqlite3_next_stmt(backend->conn_, nullptr); st != nullptr;
         st = sqlite_api::sqlite3_next_stmt(backend->conn_, st)) {
      EXPECT_EQ(sqlite_api::sqlite3_stmt_busy(st), 0) << sqlite_api::sqlite3_sql(st);
    }
  } else {
    auto* backend = static_cast<soci::postgresql_session_backend*>(lease->get_backend());
    EXPECT_EQ(PQtransactionStatus(backend->conn_), PQTRANS_IDLE);
  }
}

TEST_F(StatementCacheStoreTest, StatementsAreForgottenWithTheirConnection) {
  {
    std::vector<Database::Lease> leases;
    for (int i = 0; i < 8; ++i) leases.push_back(db().session());
    for (std::size_t i = 0; i < leases.size(); ++i) insert_agency(*leases[i], fmt::format("Before {}", i));
  }
  if (is_sqlite()) {
    reopen();  // a new Database over the same file: new connections, new caches
  } else {
    drop_server_connections(/*allow_new=*/true);  // a server restart: the pool reconnects
  }
  std::vector<Database::Lease> leases;
  for (int i = 0; i < 8; ++i) leases.push_back(db().session());
  for (std::size_t i = 0; i < leases.size(); ++i) {
    ASSERT_NE(StatementCache::of(*leases[i]), nullptr);
    EXPECT_EQ(StatementCache::of(*leases[i])->size(), 0u) << "statements of a closed connection were kept";
    insert_agency(*leases[i], fmt::format("After {}", i));
  }
  EXPECT_EQ(fetch_value<long long>(*leases.front(), kCountAgencies), 16);
}

}  // namespace
}  // namespace termintreu::platform::db
