#include "identity/session_cache.hpp"

namespace termintreu::identity {

SessionCache::SessionCache(const platform::Clock& clock, SessionCacheSettings settings)
    : clock_(clock), settings_(settings) {}

bool SessionCache::fresh(const Entry& entry, std::int64_t now) const {
  // A clock that went backwards makes the entry's age unknown: read the database again.
  return now >= entry.cached_at && now - entry.cached_at < settings_.ttl.count() && now < entry.session.expires_at;
}

std::uint64_t SessionCache::generation() const {
  const std::lock_guard lock(mutex_);
  return generation_;
}

std::optional<session_store::ActiveSession> SessionCache::find(const std::string& token_hash) const {
  if (settings_.ttl.count() <= 0) return std::nullopt;
  const std::int64_t now = platform::to_micros(clock_.now());
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(token_hash);
  if (it == entries_.end() || !fresh(it->second, now)) return std::nullopt;
  return it->second.session;
}

void SessionCache::put(const std::string& token_hash, const session_store::ActiveSession& session,
                       std::uint64_t generation) {
  if (settings_.ttl.count() <= 0) return;
  const std::int64_t now = platform::to_micros(clock_.now());
  const std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  if (entries_.size() >= settings_.capacity && !entries_.contains(token_hash)) {
    std::erase_if(entries_, [&](const auto& item) { return !fresh(item.second, now); });
    if (entries_.size() >= settings_.capacity) return;
  }
  entries_.insert_or_assign(token_hash, Entry{session, now});
}

void SessionCache::forget_session(std::int64_t session_id) {
  const std::lock_guard lock(mutex_);
  ++generation_;
  std::erase_if(entries_, [&](const auto& item) { return item.second.session.principal.session_id == session_id; });
}

void SessionCache::forget_user(std::int64_t user_id) {
  const std::lock_guard lock(mutex_);
  ++generation_;
  std::erase_if(entries_, [&](const auto& item) { return item.second.session.principal.user_id == user_id; });
}

std::size_t SessionCache::size() const {
  const std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace termintreu::identity
