#pragma once
// Prepared statements kept per pooled connection: a statement that runs again is not parsed again (SQLite) or parsed
// and planned again (PostgreSQL, which SOCI would otherwise send as a one-time query every time). `fetch_rows` and
// `execute` in query.hpp use it; a session that has no cache (one opened outside a Database) runs one-time
// statements as before. See docs/decisions/0011-statement-cache.md.
#include <cstddef>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>

#include <soci/soci.h>

namespace termintreu::platform::db {

class StatementCache {
 public:
  // A prepared statement with the variables it is bound to; what they are depends on the query's row and parameter
  // types, so one SQL text used with two sets of types is two entries.
  struct Entry {
    virtual ~Entry() = default;
  };

  // Above this many statements a connection stops keeping new ones (SQL built with a varying number of parameters
  // would otherwise grow the cache without end); they run as one-time statements.
  static constexpr std::size_t kCapacity = 512;

  explicit StatementCache(bool sqlite) : sqlite_(sqlite) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The cache of a pooled session, or nullptr for a session outside a Database's pool.
  static StatementCache* of(const soci::session& sql);
  // Called by Database for each pooled session; `detach` before the session goes.
  static void attach(const soci::session& sql, StatementCache* cache);
  static void detach(const soci::session& sql);

  template <class E>
  E* find(const std::string& sql) {
    const auto found = entries_.find(Key{sql, typeid(E)});
    return found == entries_.end() ? nullptr : static_cast<E*>(found->second.get());
  }
  // Keeps `entry` unless the cache is full; returns false when it was not kept (the caller then owns it still).
  template <class E>
  bool keep(const std::string& sql, std::unique_ptr<E>& entry) {
    if (entries_.size() >= kCapacity) return false;
    entries_.emplace(Key{sql, typeid(E)}, std::move(entry));
    return true;
  }
  // A statement that failed is dropped: its state after an error (a half-read result, a lost connection) is not
  // worth reasoning about, and preparing it again is cheap.
  template <class E>
  void drop(const std::string& sql) {
    entries_.erase(Key{sql, typeid(E)});
  }
  // Before the connection is closed or re-established: the statements belong to the old connection.
  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

  // Ends the statement's read on SQLite (a statement left unreset keeps its read snapshot open); nothing on PostgreSQL.
  void finish(soci::statement& st) const;

 private:
  struct Key {
    std::string sql;
    std::type_index type;
    bool operator==(const Key& other) const { return type == other.type && sql == other.sql; }
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const {
      return std::hash<std::string>()(key.sql) ^ (key.type.hash_code() * 31);
    }
  };

  bool sqlite_;
  std::unordered_map<Key, std::unique_ptr<Entry>, KeyHash> entries_;
};

}  // namespace termintreu::platform::db
