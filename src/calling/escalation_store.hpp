#pragma once
// SQL of escalations. Every query takes the agency.
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "calling/escalation.hpp"

namespace termintreu::calling::escalation_store {

std::int64_t insert(soci::session& sql, const Escalation& escalation);
// With the person's company, zone and numbers.
std::optional<Escalation> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// Open escalations, earliest promise first, as find gives them: all of the agency, or only those of campaigns
// `specialist_id` works as a specialist.
std::vector<Escalation> open(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> specialist_id);
// False when it was resolved already.
bool resolve(soci::session& sql, std::int64_t id, std::int64_t attempt_id, std::int64_t user_id, std::int64_t now);
// Every escalation of the lead (open and answered), the latest first.
std::vector<Escalation> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id);
// Whether `user_id` is second level for an escalation (open or answered) of the lead: a specialist of its campaign.
bool escalated_to(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id, std::int64_t user_id);
// Whether the user works the campaign as a specialist (second level).
bool is_specialist(soci::session& sql, std::int64_t campaign_id, std::int64_t user_id);

}  // namespace termintreu::calling::escalation_store
