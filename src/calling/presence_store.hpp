#pragma once
// SQL of agent presence: the workspace's heartbeat and state, read by supervision and by the callback handover.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace termintreu::calling::presence_store {

constexpr std::string_view kPresenceStates[] = {"ready", "on_call", "wrap_up", "paused"};

struct Presence {
  std::int64_t user_id = 0;
  std::string user_name;
  std::optional<std::int64_t> campaign_id;
  std::string state;
  std::optional<std::int64_t> lead_id;
  std::int64_t since = 0;         // when the state began
  std::int64_t last_seen_at = 0;  // the last heartbeat
};

// Records the agent's state; `since` moves only when the state changes, and without a campaign the last one stays
// (supervision keeps showing what the agent works on between two leads).
void upsert(soci::session& sql, std::int64_t agency_id, std::int64_t user_id, std::optional<std::int64_t> campaign_id,
            const std::string& state, std::optional<std::int64_t> lead_id, std::int64_t now);
// Signed out: the agent no longer counts as present.
void remove(soci::session& sql, std::int64_t user_id);
// Everyone of the agency seen since `seen_since`.
std::vector<Presence> of_agency(soci::session& sql, std::int64_t agency_id, std::int64_t seen_since);

}  // namespace termintreu::calling::presence_store
