#pragma once
// SQL for campaigns, their staff (agents, specialists, reps) and their versioned briefings. Every query by id also
// takes the agency, so another tenant's id finds nothing.
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "campaigns/campaign.hpp"

namespace termintreu::campaigns::campaign_store {

// campaigns.calling_rules as stored (the legal limits when empty); throws when the text no longer passes.
CallingRules stored_calling_rules(const std::string& text);

// Inserts `campaign` (its id is ignored) and returns the new id.
std::int64_t insert(soci::session& sql, const Campaign& campaign, std::int64_t now);
// Writes every setup field of `campaign` (not its state).
void update(soci::session& sql, const Campaign& campaign, std::int64_t now);
void set_state(soci::session& sql, std::int64_t id, const std::string& state, std::int64_t now);
std::optional<Campaign> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// The agency's campaigns, of one client when `client_id` is given.
std::vector<Campaign> list(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> client_id);
bool name_taken(soci::session& sql, std::int64_t client_id, const std::string& name, std::int64_t except_id);

CampaignStaff staff(soci::session& sql, std::int64_t campaign_id);
void replace_members(soci::session& sql, std::int64_t campaign_id, const std::vector<std::int64_t>& agents,
                     const std::vector<std::int64_t>& specialists);
void replace_reps(soci::session& sql, std::int64_t campaign_id, const std::vector<std::int64_t>& rep_ids);
// Of `user_ids`, those that are active users of the agency with one of `roles`.
std::vector<std::int64_t> users_with_roles(soci::session& sql, std::int64_t agency_id,
                                           const std::vector<std::int64_t>& user_ids,
                                           const std::vector<std::string>& roles);
// Of `rep_ids`, those that are reps of the client.
std::vector<std::int64_t> reps_of_client(soci::session& sql, std::int64_t client_id,
                                         const std::vector<std::int64_t>& rep_ids);

Briefing insert_briefing(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, const std::string& body,
                         std::optional<std::int64_t> user_id, std::int64_t now);
// Newest first.
std::vector<Briefing> briefings(soci::session& sql, std::int64_t campaign_id);
std::optional<Briefing> current_briefing(soci::session& sql, std::int64_t campaign_id);
void acknowledge(soci::session& sql, std::int64_t briefing_id, std::int64_t user_id, std::int64_t now);
std::optional<std::int64_t> acknowledged_at(soci::session& sql, std::int64_t briefing_id, std::int64_t user_id);

}  // namespace termintreu::campaigns::campaign_store
