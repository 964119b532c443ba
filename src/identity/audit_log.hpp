#pragma once
// The append-only audit log (the database refuses UPDATE and DELETE on it). Entries are written inside the
// transaction of the change they describe, so a change and its audit entry commit together or not at all.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <soci/soci.h>

namespace termintreu::identity::audit_log {

struct Entry {
  std::int64_t id = 0;
  std::optional<std::int64_t> agency_id;
  std::int64_t at = 0;
  std::optional<std::int64_t> actor_user_id;
  std::optional<std::string> actor_name;
  std::optional<std::int64_t> actor_token_id;
  std::string action;
  std::string target_type;
  std::optional<std::int64_t> target_id;
  std::string ip;
  std::string request_id;
  nlohmann::json details = nlohmann::json::object();
};

void append(soci::session& sql, const Entry& entry);
// Newest first, entries with id < before_id when given.
std::vector<Entry> page(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> before_id, int limit);
// Every entry about one target, oldest first (a person's data export lists them).
std::vector<Entry> of_target(soci::session& sql, std::int64_t agency_id, const std::string& target_type,
                             std::int64_t target_id);
nlohmann::json to_json(const Entry& entry);

}  // namespace termintreu::identity::audit_log
