#include "identity/sign_in_throttle.hpp"

#include "platform/db/query.hpp"

namespace termintreu::identity {

std::optional<std::int64_t> lock_expiry(const std::optional<FailureState>& state, std::int64_t now) {
  if (state && state->locked_until > now) return state->locked_until;
  return std::nullopt;
}

FailureState after_failure(const std::optional<FailureState>& state, std::int64_t now, const ThrottlePolicy& policy) {
  FailureState next;
  if (state && now - state->window_started_at < policy.window.count()) {
    next = *state;
  } else {
    next.window_started_at = now;
  }
  next.failures += 1;
  if (next.failures >= policy.max_failures) {
    next.locked_until = now + policy.lockout.count();
    // A fresh window after the lockout: one more failure then does not lock again at once.
    next.failures = 0;
    next.window_started_at = next.locked_until;
  }
  return next;
}

namespace throttle_store {
namespace {
constexpr const char* kFind =
    "SELECT window_started_at, failures, locked_until FROM sign_in_failures WHERE key = :key";
constexpr const char* kSave =
    "INSERT INTO sign_in_failures (key, window_started_at, failures, locked_until) "
    "VALUES (:key, :window_started_at, :failures, :locked_until) ON CONFLICT (key) DO UPDATE SET "
    "window_started_at = excluded.window_started_at, failures = excluded.failures, "
    "locked_until = excluded.locked_until";
constexpr const char* kClear = "DELETE FROM sign_in_failures WHERE key = :key";
}  // namespace

std::optional<FailureState> find(soci::session& sql, const std::string& key) {
  long long window_started_at = 0, failures = 0, locked_until = 0;
  sql << kFind, soci::use(key), soci::into(window_started_at), soci::into(failures), soci::into(locked_until);
  if (!sql.got_data()) return std::nullopt;
  return FailureState{window_started_at, failures, locked_until};
}

void save(soci::session& sql, const std::string& key, const FailureState& state) {
  const long long window_started_at = state.window_started_at, failures = state.failures,
                  locked_until = state.locked_until;
  platform::db::execute(sql, kSave, key, window_started_at, failures, locked_until);
}

void clear(soci::session& sql, const std::string& key) { sql << kClear, soci::use(key); }

}  // namespace throttle_store
}  // namespace termintreu::identity
