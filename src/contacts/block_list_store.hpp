#pragma once
// SQL of the block list (table block_list).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <soci/soci.h>

#include "contacts/block_list.hpp"

namespace termintreu::contacts::block_list_store {

struct Entry {
  std::int64_t id = 0;
  std::string kind;
  std::string value_hash;
  std::string reason;
  std::optional<std::int64_t> created_by;
  std::string created_by_name;
  std::int64_t created_at = 0;
};

// Every value hash blocked in the agency, whatever its kind (the hashes include the kind): for bulk checks such as
// an import, which tests each row against this set instead of querying per row.
std::unordered_set<std::string> all_hashes(soci::session& sql, std::int64_t agency_id);

// Adds the entry unless the agency has it already (the first reason is kept); true when it was added.
bool add(soci::session& sql, std::int64_t agency_id, BlockKind kind, const std::string& value_hash,
         const std::string& reason, std::optional<std::int64_t> created_by, std::int64_t now);
bool contains(soci::session& sql, std::int64_t agency_id, const std::string& value_hash);
// Newest first.
std::vector<Entry> page(soci::session& sql, std::int64_t agency_id, int limit, int offset);

}  // namespace termintreu::contacts::block_list_store
