#pragma once
// When a campaign's appointments are reminded of: up to four offsets before the start, from 15 minutes to 7 days
// (default 24 h and 2 h); none turns reminders off.
#include <cstdint>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

inline constexpr std::size_t kMaxReminders = 4;
inline constexpr int kShortestReminderMinutes = 15;
inline constexpr int kLongestReminderMinutes = 7 * 24 * 60;

// {"offsets_minutes": [1440, 120]}
platform::Result<nlohmann::json> reminder_settings(platform::db::Database& database, const identity::Principal& viewer,
                                                   std::int64_t campaign_id);
// Checks and stores `offsets` (largest first, no repeats); audited.
platform::Result<nlohmann::json> set_reminder_settings(platform::db::Database& database, const platform::Clock& clock,
                                                       const identity::Principal& manager,
                                                       const identity::RequestMeta& meta, std::int64_t campaign_id,
                                                       std::vector<std::int64_t> offsets);

}  // namespace termintreu::appointments
