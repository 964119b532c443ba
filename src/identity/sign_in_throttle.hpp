#pragma once
// Sign-in rate limit and temporary lockout. Failures are counted per e-mail address and per client address in
// a fixed window; reaching the limit locks the key for a while. Kept in the database, so a restart or a second
// node does not reset an attacker's count.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

namespace termintreu::identity {

struct ThrottlePolicy {
  int max_failures = 5;
  std::chrono::microseconds window = std::chrono::minutes(15);
  std::chrono::microseconds lockout = std::chrono::minutes(15);
};

struct FailureState {
  std::int64_t window_started_at = 0;
  std::int64_t failures = 0;
  std::int64_t locked_until = 0;
};

// Pure rules, unit-tested without a database.
std::optional<std::int64_t> lock_expiry(const std::optional<FailureState>& state, std::int64_t now);
FailureState after_failure(const std::optional<FailureState>& state, std::int64_t now, const ThrottlePolicy& policy);

namespace throttle_store {
std::optional<FailureState> find(soci::session& sql, const std::string& key);
void save(soci::session& sql, const std::string& key, const FailureState& state);
void clear(soci::session& sql, const std::string& key);
}  // namespace throttle_store

}  // namespace termintreu::identity
