#include "appointments/reminder_settings.hpp"

#include <algorithm>
#include <functional>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_reminders.hpp"
#include "appointments/reminder_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "identity/audit_log.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

Result<void> visible(soci::session& sql, const identity::Principal& viewer, std::int64_t campaign_id) {
  const auto campaign = campaigns::campaign_store::find(sql, viewer.agency_id, campaign_id);
  if (!campaign || !identity::can_see_client(viewer, campaign->client_id)) {
    return fail(ErrorCode::not_found, "no such campaign", "id");
  }
  return {};
}

nlohmann::json settings_json(const std::string& stored) {
  return {{"offsets_minutes", reminder_offsets(stored)}};
}

}  // namespace

Result<nlohmann::json> reminder_settings(platform::db::Database& database, const identity::Principal& viewer,
                                         std::int64_t campaign_id) {
  auto lease = database.session();
  TT_TRY(seen, visible(*lease, viewer, campaign_id));
  return settings_json(reminder_store::offsets_of(*lease, viewer.agency_id, campaign_id).value_or(""));
}

Result<nlohmann::json> set_reminder_settings(platform::db::Database& database, const platform::Clock& clock,
                                             const identity::Principal& manager, const identity::RequestMeta& meta,
                                             std::int64_t campaign_id, std::vector<std::int64_t> offsets) {
  if (offsets.size() > kMaxReminders) {
    return fail(ErrorCode::invalid, fmt::format("must hold at most {} reminders", kMaxReminders), "offsets_minutes");
  }
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    if (offsets[i] < kShortestReminderMinutes || offsets[i] > kLongestReminderMinutes) {
      return fail(ErrorCode::invalid,
                  fmt::format("must lie between {} and {} minutes before the appointment", kShortestReminderMinutes,
                              kLongestReminderMinutes),
                  fmt::format("offsets_minutes[{}]", i));
    }
    if (std::find(offsets.begin(), offsets.begin() + static_cast<std::ptrdiff_t>(i), offsets[i]) !=
        offsets.begin() + static_cast<std::ptrdiff_t>(i)) {
      return fail(ErrorCode::invalid, "repeats an earlier reminder", fmt::format("offsets_minutes[{}]", i));
    }
  }
  std::sort(offsets.begin(), offsets.end(), std::greater<>());
  const std::string stored = fmt::format("{}", fmt::join(offsets, ","));
  const auto now = platform::to_micros(clock.now());
  return database.transaction("campaign.reminders", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(seen, visible(sql, manager, campaign_id));
    reminder_store::set_offsets(sql, manager.agency_id, campaign_id, stored);
    identity::audit_log::append(sql, identity::audit_entry(manager, meta, now, "campaign.reminders_set", "campaign",
                                                           campaign_id, {{"offsets_minutes", offsets}}));
    return settings_json(stored);
  });
}

}  // namespace termintreu::appointments
