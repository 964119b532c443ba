#pragma once
// SQL of the block list (table block_list).
#include <cstdint>
#include <string>
#include <unordered_set>

#include <soci/soci.h>

namespace termintreu::contacts::block_list_store {

// Every value hash blocked in the agency, whatever its kind (the hashes include the kind): for bulk checks such as
// an import, which tests each row against this set instead of querying per row.
std::unordered_set<std::string> all_hashes(soci::session& sql, std::int64_t agency_id);

}  // namespace termintreu::contacts::block_list_store
