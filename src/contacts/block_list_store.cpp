#include "contacts/block_list_store.hpp"

namespace termintreu::contacts::block_list_store {

namespace {
constexpr const char* kAllHashes = "SELECT value_hash FROM block_list WHERE agency_id = :agency_id";
}

std::unordered_set<std::string> all_hashes(soci::session& sql, std::int64_t agency_id) {
  std::unordered_set<std::string> out;
  soci::rowset<std::string> rows = (sql.prepare << kAllHashes, soci::use(agency_id, "agency_id"));
  for (const auto& hash : rows) out.insert(hash);
  return out;
}

}  // namespace termintreu::contacts::block_list_store
