#pragma once
// SQL of the queue: the campaigns an agent works, placing leads into calling areas, finding the best due lead of an
// area, leasing it to one agent, and writing what an outcome does to it. Every query by id filters by agency.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "calling/queue_rules.hpp"

namespace termintreu::calling::queue_store {

// An active campaign the agent is a member of, with what dispatching needs of it.
struct WorkCampaign {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::string name;
  std::string country;
  std::string caller_id;
  std::string calling_rules;  // JSON, as stored
  int callback_tolerance_minutes = 10;
  std::optional<std::int64_t> briefing_id;  // the current briefing, if the campaign has one
  bool briefing_acknowledged = true;        // by this agent (true when there is no briefing)
};
std::vector<WorkCampaign> campaigns_of_agent(soci::session& sql, std::int64_t agency_id, std::int64_t user_id);
// Any campaign of the agency in that shape (second level works campaigns it is no agent of); briefing counts as read.
std::optional<WorkCampaign> campaign_of_agency(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id);

// Gives leads without an area (new, or whose person moved) their calling area; returns how many it placed.
bool has_unplaced(soci::session& sql, std::int64_t campaign_id);
void place_leads(soci::session& sql, std::int64_t campaign_id);
// The areas the campaign's callable leads are in.
std::vector<Area> areas_of_campaign(soci::session& sql, std::int64_t campaign_id);

struct LeadPick {
  std::int64_t id = 0;
  int priority = 0;
  std::int64_t next_call_at = 0;
};
// The best callable lead of one area that is due at `now`: highest priority, then longest waiting. On PostgreSQL the
// row is locked and rows other transactions hold are skipped, so parallel nodes do not queue behind one another.
std::optional<LeadPick> best_lead(soci::session& sql, std::int64_t campaign_id, std::int64_t area_id,
                                  std::int64_t now);

struct LeadRow {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t person_id = 0;
  std::string state;
  std::optional<std::int64_t> area_id;
  int attempts = 0;
  std::optional<std::int64_t> leased_by;
  std::optional<std::int64_t> lease_until;
  std::int64_t next_call_at = 0;
  bool person_blocked = false;
};
std::optional<LeadRow> find_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id);
std::optional<Area> find_area(soci::session& sql, std::int64_t area_id);

// Start times of the lead's attempts since `since` (for the daily and weekly caps).
std::vector<std::int64_t> attempt_times(soci::session& sql, std::int64_t lead_id, std::int64_t since);

// Leases the lead to `user_id` until `until` if it is still due at `now`; false when another agent was faster.
bool lease(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t now, std::int64_t until);
// Marks the lead as held by `user_id` while it works a callback on it (the lead itself is not in the queue then).
void hold(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t until);
// The lead the agent holds a live lease on, if any.
std::optional<std::int64_t> leased_to(soci::session& sql, std::int64_t agency_id, std::int64_t user_id,
                                      std::int64_t now);
// Extends the agent's live lease (heartbeat while on the call).
void extend_lease(soci::session& sql, std::int64_t user_id, std::int64_t now, std::int64_t until);
// Gives the lead back to the queue at `at` (the agent skipped it, or it is not callable before then).
void release(soci::session& sql, std::int64_t lead_id, std::int64_t at);
// A lead that must not be called: blocked person, campaign cap reached.
void close(soci::session& sql, std::int64_t lead_id, const std::string& state, std::int64_t now);

struct AfterAttempt {
  std::string state;
  std::int64_t next_call_at = 0;
  std::string outcome;
  std::int64_t attempted_at = 0;
};
void record_attempt(soci::session& sql, std::int64_t lead_id, const AfterAttempt& after, std::int64_t now);

}  // namespace termintreu::calling::queue_store
