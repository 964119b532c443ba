#include "identity/session_service.hpp"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "identity/credential_rules.hpp"
#include "identity/session_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/token_store.hpp"
#include "identity/user_store.hpp"
#include "platform/crypto.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::fail;
using platform::to_micros;

namespace {

constexpr auto kTouchInterval = std::chrono::minutes(5);      // how stale last_seen_at may get before a write
constexpr auto kTokenUseInterval = std::chrono::minutes(60);  // token use is audited at most once per hour

audit_log::Entry failed_sign_in(std::optional<std::int64_t> agency_id, std::optional<std::int64_t> user_id,
                                const std::string& email, const std::string& reason, const RequestMeta& meta,
                                std::int64_t now) {
  audit_log::Entry entry;
  entry.agency_id = agency_id;
  entry.at = now;
  entry.action = "session.sign_in_failed";
  entry.target_type = "user";
  entry.target_id = user_id;
  entry.ip = meta.ip;
  entry.request_id = meta.request_id;
  entry.details = {{"email", email}, {"reason", reason}};
  return entry;
}

}  // namespace

SessionService::SessionService(platform::db::Database& database, const platform::Clock& clock, SessionCache& cache,
                               SessionSettings settings)
    : database_(database),
      clock_(clock),
      cache_(cache),
      settings_(settings),
      dummy_hash_(platform::crypto::hash_password(platform::crypto::random_token(16))) {}

tl::expected<SignedIn, SessionService::SignInFailure> SessionService::sign_in(const std::string& email_input,
                                                                             const std::string& password,
                                                                             const RequestMeta& meta) {
  const auto invalid = [](platform::Error error) { return tl::unexpected(SignInFailure{std::move(error), 0}); };
  auto email = normalise_email(email_input);
  if (!email) return invalid(email.error());
  if (password.empty()) return invalid(platform::Error{ErrorCode::invalid, "is required", "password"});
  if (password.size() > kMaxPasswordLength * 4) {
    return invalid(platform::Error{ErrorCode::invalid, "is too long", "password"});
  }

  const std::string email_key = "email:" + *email;
  const std::string address_key = "ip:" + meta.ip;
  const std::int64_t now = to_micros(clock_.now());

  // Check the lockouts and read the credentials first; the slow hash runs outside any transaction.
  struct Lookup {
    std::optional<std::int64_t> locked_until;
    std::optional<user_store::Credentials> credentials;
  };
  const Lookup lookup = database_.transaction("sign_in.lookup", [&](soci::session& sql) {
    Lookup out;
    const auto by_email = lock_expiry(throttle_store::find(sql, email_key), now);
    const auto by_address = lock_expiry(throttle_store::find(sql, address_key), now);
    if (by_email || by_address) {
      out.locked_until = std::max(by_email.value_or(0), by_address.value_or(0));
      return out;
    }
    out.credentials = user_store::find_credentials_by_email(sql, *email);
    return out;
  });
  if (lookup.locked_until) {
    const auto seconds = (*lookup.locked_until - now + 999'999) / 1'000'000;
    return tl::unexpected(SignInFailure{
        platform::Error{ErrorCode::rate_limited, "too many failed sign-ins; try again later", ""}, seconds});
  }

  const bool known = lookup.credentials.has_value();
  const bool password_ok =
      platform::crypto::verify_password(known ? lookup.credentials->password_hash : dummy_hash_, password);
  const bool active = known && lookup.credentials->user.active;

  if (!password_ok || !active) {
    const std::string reason = !known ? "unknown e-mail" : (!password_ok ? "wrong password" : "user deactivated");
    database_.transaction("sign_in.failure", [&](soci::session& sql) {
      throttle_store::save(sql, email_key,
                           after_failure(throttle_store::find(sql, email_key), now, settings_.per_email));
      throttle_store::save(sql, address_key,
                           after_failure(throttle_store::find(sql, address_key), now, settings_.per_address));
      std::optional<std::int64_t> agency_id, user_id;
      if (known) {
        agency_id = lookup.credentials->user.agency_id;
        user_id = lookup.credentials->user.id;
      }
      audit_log::append(sql, failed_sign_in(agency_id, user_id, *email, reason, meta, now));
    });
    spdlog::info("sign-in failed for {}: {}", *email, reason);
    // One message for every cause, so the answer does not tell which e-mail addresses exist.
    return invalid(platform::Error{ErrorCode::unauthenticated, "e-mail or password is wrong", ""});
  }

  const User& user = lookup.credentials->user;
  SignedIn out;
  out.session_token = platform::crypto::random_token(32);
  out.expires_at = now + settings_.idle_timeout.count();
  out.max_age_seconds = std::chrono::duration_cast<std::chrono::seconds>(settings_.idle_timeout).count();
  out.user = user;
  const std::string csrf = platform::crypto::random_token(24);
  const bool rehash = platform::crypto::password_needs_rehash(lookup.credentials->password_hash);
  const std::string new_hash = rehash ? platform::crypto::hash_password(password) : std::string();

  const auto session_id = database_.transaction("sign_in.success", [&](soci::session& sql) {
    throttle_store::clear(sql, email_key);
    if (rehash) user_store::set_password(sql, user.id, new_hash, now);
    session_store::NewSession session{user.id,     platform::crypto::sha256_hex(out.session_token), csrf,
                                      out.expires_at, meta.ip, meta.user_agent.substr(0, 300)};
    const auto id = session_store::insert(sql, session, now);
    out.agency = tenant_store::find_agency(sql, user.agency_id).value_or(Agency{user.agency_id, ""});
    Principal actor;
    actor.agency_id = user.agency_id;
    actor.user_id = user.id;
    audit_log::append(sql, audit_entry(actor, meta, now, "session.signed_in", "user", user.id));
    return id;
  });

  out.principal.agency_id = user.agency_id;
  out.principal.role = user.role;
  out.principal.client_id = user.client_id;
  out.principal.user_id = user.id;
  out.principal.session_id = session_id;
  out.principal.csrf_token = csrf;
  out.principal.name = user.name;
  return out;
}

void SessionService::sign_out(const Principal& principal, const RequestMeta& meta) {
  if (!principal.session_id) return;
  const std::int64_t now = to_micros(clock_.now());
  database_.transaction("sign_out", [&](soci::session& sql) {
    session_store::remove(sql, *principal.session_id);
    audit_log::append(sql, audit_entry(principal, meta, now, "session.signed_out", "user", principal.user_id));
  });
  cache_.forget_session(*principal.session_id);
}

std::optional<session_store::ActiveSession> SessionService::cached(const std::string& hash, std::int64_t now) const {
  const auto touch_after = std::chrono::microseconds(kTouchInterval).count();
  // A cached session that is due for its sliding-expiry write goes to the database like an unknown one.
  auto found = cache_.find(hash);
  if (found && now - found->last_seen_at > touch_after) found.reset();
  return found;
}

bool SessionService::knows_session_token(const std::string& token) const {
  if (token.empty() || token.size() > 100) return true;  // refused without a look at the database
  return cached(platform::crypto::sha256_hex(token), to_micros(clock_.now())).has_value();
}

std::optional<Principal> SessionService::from_session_token(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const std::int64_t now = to_micros(clock_.now());
  const std::string hash = platform::crypto::sha256_hex(token);
  if (const auto known = cached(hash, now)) return known->principal;
  const auto touch_after = std::chrono::microseconds(kTouchInterval).count();
  const auto generation = cache_.generation();
  auto lease = database_.session();
  auto found = session_store::find_active(*lease, hash, now);
  if (!found) return std::nullopt;
  if (now - found->last_seen_at > touch_after) {
    found->last_seen_at = now;
    found->expires_at = now + settings_.idle_timeout.count();
    session_store::touch(*lease, *found->principal.session_id, found->last_seen_at, found->expires_at);
  }
  cache_.put(hash, *found, generation);
  return found->principal;
}

std::optional<Principal> SessionService::from_api_token(const std::string& secret, const RequestMeta& meta) {
  if (secret.empty() || secret.size() > 100) return std::nullopt;
  const std::int64_t now = to_micros(clock_.now());
  const std::string hash = platform::crypto::sha256_hex(secret);
  auto lease = database_.session();
  auto token = token_store::find_usable(*lease, hash, now);
  if (!token) return std::nullopt;
  Principal principal;
  principal.agency_id = token->agency_id;
  principal.role = token->role;
  principal.client_id = token->client_id;
  principal.user_id = token->created_by;
  principal.token_id = token->id;
  principal.name = token->name;
  const auto interval = std::chrono::microseconds(kTokenUseInterval).count();
  if (!token->last_used_at || now - *token->last_used_at > interval) {
    database_.transaction("token.used", [&](soci::session& sql) {
      token_store::mark_used(sql, token->id, now);
      Principal actor = principal;
      actor.user_id.reset();  // the token acted, not its creator
      audit_log::append(sql, audit_entry(actor, meta, now, "token.used", "api_token", token->id,
                                         {{"name", token->name}}));
    });
  }
  return principal;
}

platform::Result<void> SessionService::change_password(const Principal& principal,
                                                       const std::string& current_password,
                                                       const std::string& new_password, const RequestMeta& meta) {
  if (!principal.user_id || !principal.session_id) {
    return fail(ErrorCode::forbidden, "only a signed-in user can change a password");
  }
  const std::int64_t now = to_micros(clock_.now());
  std::optional<std::string> hash;
  std::string email;
  {
    auto lease = database_.session();
    hash = user_store::password_hash(*lease, *principal.user_id);
    if (auto user = user_store::find(*lease, principal.agency_id, *principal.user_id)) email = user->email;
  }
  if (!hash) return fail(ErrorCode::not_found, "user not found");
  if (current_password.empty()) return fail(ErrorCode::invalid, "is required", "current_password");
  if (!platform::crypto::verify_password(*hash, current_password)) {
    return fail(ErrorCode::invalid, "is not your current password", "current_password");
  }
  if (auto ok = check_new_password(new_password, email, "new_password"); !ok) return ok;
  if (new_password == current_password) {
    return fail(ErrorCode::invalid, "must differ from the current password", "new_password");
  }
  const std::string new_hash = platform::crypto::hash_password(new_password);
  database_.transaction("password.change", [&](soci::session& sql) {
    user_store::set_password(sql, *principal.user_id, new_hash, now);
    session_store::remove_for_user(sql, *principal.user_id, principal.session_id);
    audit_log::append(sql, audit_entry(principal, meta, now, "user.password_changed", "user", principal.user_id));
  });
  cache_.forget_user(*principal.user_id);
  return {};
}

}  // namespace termintreu::identity
