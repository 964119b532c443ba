#pragma once
// A rep's own calendar as busy times: uploaded as an ICS file, or fetched from the address its calendar publishes
// (on request and every half hour). Each import replaces the earlier one, from a day back to kAhead ahead.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

#include "identity/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

struct CalendarSyncResult {
  std::size_t imported = 0;  // busy times now known for the rep
  int skipped = 0;           // events that could not be read
};

class RepCalendarSync {
 public:
  static constexpr std::chrono::days kAhead{120};
  static constexpr std::size_t kMaxBytes = 10 * 1024 * 1024;

  RepCalendarSync(platform::db::Database& database, const platform::Clock& clock)
      : database_(database), clock_(clock) {}

  // `ics` empty: the upload was not an iCalendar file (refused as unsupported_media_type once the rep is known).
  platform::Result<CalendarSyncResult> import_text(const identity::Principal& manager, std::int64_t rep_id,
                                                   std::optional<std::string_view> ics);
  // Fetches the rep's calendar_url now.
  platform::Result<CalendarSyncResult> refresh(const identity::Principal& manager, std::int64_t rep_id);
  // Every active rep with a calendar address; a calendar that cannot be fetched keeps its earlier import.
  // Returns how many were imported.
  std::size_t refresh_all();

 private:
  platform::Result<CalendarSyncResult> store(std::int64_t agency_id, std::int64_t rep_id, std::string_view ics);

  platform::db::Database& database_;
  const platform::Clock& clock_;
};

}  // namespace termintreu::appointments
