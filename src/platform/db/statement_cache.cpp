#include "platform/db/statement_cache.hpp"

#include <mutex>
#include <shared_mutex>

#include <soci/sqlite3/soci-sqlite3.h>

namespace termintreu::platform::db {
namespace {

// Sessions are attached when a Database opens and detached when it closes; every query looks its session up.
struct Registry {
  std::shared_mutex mutex;
  std::unordered_map<const soci::session*, StatementCache*> caches;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

StatementCache* StatementCache::of(const soci::session& sql) {
  Registry& r = registry();
  std::shared_lock lock(r.mutex);
  const auto found = r.caches.find(&sql);
  return found == r.caches.end() ? nullptr : found->second;
}

void StatementCache::attach(const soci::session& sql, StatementCache* cache) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  r.caches[&sql] = cache;
}

void StatementCache::detach(const soci::session& sql) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  r.caches.erase(&sql);
}

void StatementCache::finish(soci::statement& st) const {
  if (!sqlite_) return;
  auto* backend = static_cast<soci::sqlite3_statement_backend*>(st.get_backend());
  if (backend != nullptr && backend->stmt_ != nullptr) sqlite_api::sqlite3_reset(backend->stmt_);
}

}  // namespace termintreu::platform::db
