#pragma once
// Times a rep is not available that the agency enters by hand (holidays, a trade fair, a training): slot suggestions
// and bookings keep them free like the events of the rep's own calendar. Saved as a whole list.
#include <chrono>
#include <cstddef>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

inline constexpr std::size_t kMaxBlockedTimes = 100;
inline constexpr std::chrono::days kLongestBlockedTime{92};

// {"blocked_times": [{"starts_at", "ends_at", "title"}]}: those not over yet, earliest first.
platform::Result<nlohmann::json> blocked_times(platform::db::Database& database, const platform::Clock& clock,
                                               const identity::Principal& viewer, std::int64_t rep_id);
// Replaces the rep's blocked times by `list` (the request's "blocked_times"): each ends after it starts, not in the
// past, lasts at most 92 days, a title of at most 200 characters; errors name "blocked_times[i].<field>". Audited.
platform::Result<nlohmann::json> set_blocked_times(platform::db::Database& database, const platform::Clock& clock,
                                                   const identity::Principal& manager,
                                                   const identity::RequestMeta& meta, std::int64_t rep_id,
                                                   const nlohmann::json& list);

}  // namespace termintreu::appointments
