#include "contacts/block_list_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::contacts::block_list_store {

namespace {
constexpr const char* kAllHashes = "SELECT value_hash FROM block_list WHERE agency_id = :agency_id";
// Both engines know ON CONFLICT DO NOTHING (SQLite since 3.24).
constexpr const char* kAdd =
    "INSERT INTO block_list (agency_id, kind, value_hash, reason, created_by, created_at) VALUES (:agency_id, :kind, "
    ":value_hash, :reason, :created_by, :now) ON CONFLICT (agency_id, kind, value_hash) DO NOTHING";
constexpr const char* kContains =
    "SELECT COUNT(*) FROM block_list WHERE agency_id = :agency_id AND value_hash = :value_hash";
constexpr const char* kPage =
    "SELECT b.id, b.kind, b.value_hash, b.reason, b.created_by, COALESCE(u.name, ''), b.created_at FROM block_list b "
    "LEFT JOIN users u ON u.id = b.created_by WHERE b.agency_id = :agency_id ORDER BY b.id DESC "
    "LIMIT :limit OFFSET :offset";

struct EntryRow {
  long long id = 0, created_at = 0;
  std::optional<long long> created_by;
  std::string kind, value_hash, reason, created_by_name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(value_hash));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_by_name));
    st.exchange(soci::into(created_at));
  }
  Entry to_model() const {
    Entry e{id, kind, value_hash, reason, std::nullopt, created_by_name, created_at};
    if (created_by) e.created_by = *created_by;
    return e;
  }
};
}  // namespace

std::unordered_set<std::string> all_hashes(soci::session& sql, std::int64_t agency_id) {
  std::unordered_set<std::string> out;
  soci::rowset<std::string> rows = (sql.prepare << kAllHashes, soci::use(agency_id, "agency_id"));
  for (const auto& hash : rows) out.insert(hash);
  return out;
}

bool add(soci::session& sql, std::int64_t agency_id, BlockKind kind, const std::string& value_hash,
         const std::string& reason, std::optional<std::int64_t> created_by, std::int64_t now) {
  const long long agency = agency_id, at = now;
  const std::string kind_text(to_string(kind));
  const std::optional<long long> by = created_by ? std::optional<long long>(*created_by) : std::nullopt;
  soci::statement st = (sql.prepare << kAdd, soci::use(agency), soci::use(kind_text), soci::use(value_hash),
                        soci::use(reason), soci::use(by), soci::use(at));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

bool contains(soci::session& sql, std::int64_t agency_id, const std::string& value_hash) {
  long long count = 0;
  const long long agency = agency_id;
  sql << kContains, soci::use(agency), soci::use(value_hash), soci::into(count);
  return count > 0;
}

std::vector<Entry> page(soci::session& sql, std::int64_t agency_id, int limit, int offset) {
  const long long agency = agency_id, lim = limit, off = offset;
  return platform::db::fetch_rows<EntryRow>(sql, kPage, agency, lim, off);
}

}  // namespace termintreu::contacts::block_list_store
