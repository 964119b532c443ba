#pragma once
// Sessions this node has just validated, keyed by the SHA-256 of the cookie token, so that a burst of requests
// on one session reads the database once per TTL instead of once per request. The database stays the truth:
// an entry lives a couple of seconds at most, and ending a session on this node drops it at once. Another node
// sharing the database sees a session end within the TTL (docs/decisions/0005-session-cache.md).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "identity/session_store.hpp"
#include "platform/clock.hpp"

namespace termintreu::identity {

struct SessionCacheSettings {
  std::chrono::microseconds ttl = std::chrono::seconds(2);  // zero: nothing is cached
  std::size_t capacity = 10000;                             // beyond it new sessions are simply not cached
};

class SessionCache {
 public:
  SessionCache(const platform::Clock& clock, SessionCacheSettings settings);

  // Read before the database lookup and handed to put(): a session ended between the two must not be cached.
  std::uint64_t generation() const;
  // The session as last read from the database, while younger than the TTL and not expired.
  std::optional<session_store::ActiveSession> find(const std::string& token_hash) const;
  void put(const std::string& token_hash, const session_store::ActiveSession& session, std::uint64_t generation);

  // Call after the transaction that ended or changed sessions has committed.
  void forget_session(std::int64_t session_id);
  void forget_user(std::int64_t user_id);

  std::size_t size() const;

 private:
  struct Entry {
    session_store::ActiveSession session;
    std::int64_t cached_at = 0;
  };
  bool fresh(const Entry& entry, std::int64_t now) const;

  const platform::Clock& clock_;
  const SessionCacheSettings settings_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace termintreu::identity
