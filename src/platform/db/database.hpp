#pragma once
// One storage interface for SQLite and PostgreSQL. Feature stores write their SQL against SOCI sessions with
// bound parameters (":name"); the few dialect differences are answered by `engine()`.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <soci/soci.h>
#include <tl/expected.hpp>

#include "platform/db/writer_queue.hpp"

namespace termintreu::platform {
class Metrics;
}

namespace termintreu::platform::db {

class SqliteCheckpointer;
class StatementCache;

enum class Engine { sqlite, postgresql };

// The database cannot be reached: the server is down, a lost connection could not be re-established, the pool
// stayed exhausted, or SQLite's write lock was not granted within busy_timeout. Callers map it to
// ErrorCode::unavailable (HTTP 503); any other soci::soci_error is a bug or a violated constraint.
class DatabaseUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct DatabaseOptions {
  std::size_t pool_size = 8;
  std::chrono::milliseconds busy_timeout{5000};  // SQLite: how long a writer waits for the lock
  Metrics* metrics = nullptr;                    // transaction timings, when set
};

// What the user typed (a file path, "sqlite:PATH", or "postgresql://user:pw@host:port/db?…") → engine and the
// connection string SOCI understands (keyword form for PostgreSQL: SOCI rejects URIs).
struct ConnectionTarget {
  Engine engine;
  std::string soci_connect;
  std::string display;  // for logs: the password removed
};
ConnectionTarget parse_database_url(const std::string& url);

class Database {
 public:
  class Lease;  // a pooled session, returned to the pool when the Lease goes

  static std::unique_ptr<Database> open(const std::string& url, DatabaseOptions options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Engine engine() const { return target_.engine; }
  const ConnectionTarget& target() const { return target_; }

  Lease session();

  // Runs `work` inside one transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of deadlocking).
  // Commits when `work` returns, rolls back when it throws. A Result that holds an error rolls back too.
  template <class Work>
  auto transaction(std::string_view name, Work&& work) -> decltype(work(std::declval<soci::session&>()));

  // SELECT 1 through a pooled session; false when the database cannot be reached.
  bool ping();

 private:
  Database(ConnectionTarget target, DatabaseOptions options);
  void open_connection(soci::session& session);
  WriterTurn hold_writer();
  Lease writing_session();
  void begin(soci::session& session);
  void record(std::string_view name, std::chrono::steady_clock::duration took);

  ConnectionTarget target_;
  DatabaseOptions options_;
  // SQLite admits one writer. Its busy handler makes the others sleep and retry (1, 2, 5, 10 … ms), so the lock
  // often stood free while they slept; this process's writers queue here instead and follow each other at once.
  // Declared before the checkpointer, which takes turns in it too.
  WriterQueue writers_;
  // SQLite files only; declared before the pool so that it outlives the connections that report to it.
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
  std::unique_ptr<soci::connection_pool> pool_;
  // SQLite files: every transaction() runs on this one connection, in the writer queue's order. A connection drops its
  // whole page cache when it finds the database changed by another connection, so with writes spread over the pool
  // each transaction began by reading its pages again; the only writer's cache stays valid.
  std::unique_ptr<soci::session> writer_;
  // One per pooled session, declared after the pool: a connection's prepared statements go before the connection.
  std::vector<std::unique_ptr<StatementCache>> statement_caches_;
};

class Database::Lease {
 public:
  explicit Lease(soci::connection_pool& pool);
  explicit Lease(soci::session& only);  // the SQLite writer: not pooled, the writer queue admits one user
  ~Lease();
  Lease(Lease&& other) noexcept;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;
  soci::session& operator*() { return only_ != nullptr ? *only_ : pool_->at(position_); }
  soci::session* operator->() { return &**this; }

 private:
  soci::connection_pool* pool_ = nullptr;
  std::size_t position_ = 0;
  soci::session* only_ = nullptr;
};

namespace detail {
template <class T>
struct IsExpected : std::false_type {};
template <class T, class E>
struct IsExpected<tl::expected<T, E>> : std::true_type {};
}  // namespace detail

template <class Work>
auto Database::transaction(std::string_view name, Work&& work) -> decltype(work(std::declval<soci::session&>())) {
  using ResultType = decltype(work(std::declval<soci::session&>()));
  const auto started = std::chrono::steady_clock::now();
  const auto writer = hold_writer();
  Lease lease = writing_session();
  soci::session& sql = *lease;
  begin(sql);
  try {
    if constexpr (std::is_void_v<ResultType>) {
      work(sql);
      sql.commit();
      record(name, std::chrono::steady_clock::now() - started);
    } else {
      ResultType result = work(sql);
      if constexpr (detail::IsExpected<ResultType>::value) {
        if (!result) {
          sql.rollback();
          record(name, std::chrono::steady_clock::now() - started);
          return result;
        }
      }
      sql.commit();
      record(name, std::chrono::steady_clock::now() - started);
      return result;
    }
  } catch (...) {
    try {
      sql.rollback();
    } catch (const std::exception&) {
      // The original failure is the one worth reporting; a failed rollback leaves the connection to be reset.
    }
    throw;
  }
}

}  // namespace termintreu::platform::db
