#pragma once
// Signing in and out, finding who is behind a request, and changing one's own password.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "identity/actor.hpp"
#include "identity/model.hpp"
#include "identity/permissions.hpp"
#include "identity/session_cache.hpp"
#include "identity/sign_in_throttle.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::identity {

struct SessionSettings {
  std::chrono::microseconds idle_timeout = std::chrono::hours(12);  // sliding: extended on use
  ThrottlePolicy per_email{5, std::chrono::minutes(15), std::chrono::minutes(15)};
  ThrottlePolicy per_address{50, std::chrono::minutes(15), std::chrono::minutes(15)};
};

struct SignedIn {
  std::string session_token;  // goes into the cookie; never stored
  std::int64_t expires_at = 0;
  std::int64_t max_age_seconds = 0;  // for the cookie
  Principal principal;
  User user;
  Agency agency;
};

class SessionService {
 public:
  // `cache` is shared with whatever else ends sessions (UserAdmin), so that it can forget them at once.
  SessionService(platform::db::Database& database, const platform::Clock& clock, SessionCache& cache,
                 SessionSettings settings);

  struct SignInFailure {
    platform::Error error;
    std::int64_t retry_after_seconds = 0;  // set with rate_limited
  };
  tl::expected<SignedIn, SignInFailure> sign_in(const std::string& email, const std::string& password, const RequestMeta& meta);
  void sign_out(const Principal& principal, const RequestMeta& meta);
  std::optional<Principal> from_session_token(const std::string& token);
  // Whether from_session_token would answer from this node's cache, reading and writing nothing.
  bool knows_session_token(const std::string& token) const;
  std::optional<Principal> from_api_token(const std::string& secret, const RequestMeta& meta);
  platform::Result<void> change_password(const Principal& principal, const std::string& current_password,
                                         const std::string& new_password, const RequestMeta& meta);

 private:
  // The cached session for a token hash, unless absent or due for its sliding-expiry write.
  std::optional<session_store::ActiveSession> cached(const std::string& hash, std::int64_t now) const;

  platform::db::Database& database_;
  const platform::Clock& clock_;
  SessionCache& cache_;
  SessionSettings settings_;
  const std::string dummy_hash_;  // verified against when the e-mail is unknown, so timing does not tell
};

}  // namespace termintreu::identity
