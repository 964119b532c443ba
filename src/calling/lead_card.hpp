#pragma once
// Everything the agent sees of a lead while calling it: person and company, numbers, every earlier attempt with its
// note, callbacks, the campaign's caller ID, script with objection answers and briefing, and the person's local time.
#include <cstdint>

#include <nlohmann/json_fwd.hpp>
#include <soci/soci.h>

#include "identity/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::calling {

// The agent who holds the lead sees it; so do supervision roles of the agency. Others get not_found.
platform::Result<nlohmann::json> lead_card(soci::session& sql, const identity::Principal& viewer, std::int64_t lead_id,
                                           platform::TimePoint now);

}  // namespace termintreu::calling
