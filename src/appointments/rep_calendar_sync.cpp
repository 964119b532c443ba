#include "appointments/rep_calendar_sync.hpp"

#include <spdlog/spdlog.h>

#include "appointments/calendar_import.hpp"
#include "appointments/rep_busy_store.hpp"
#include "campaigns/rep_store.hpp"
#include "platform/http_fetch.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

// The rep, when `manager` may change the client's reps.
Result<campaigns::Rep> rep_for(platform::db::Database& database, const identity::Principal& manager,
                               std::int64_t rep_id) {
  auto lease = database.session();
  auto rep = campaigns::rep_store::find(*lease, manager.agency_id, rep_id);
  if (!rep || !identity::can_see_client(manager, rep->client_id))
    return fail(ErrorCode::not_found, "no such rep", "id");
  return std::move(*rep);
}

}  // namespace

Result<CalendarSyncResult> RepCalendarSync::store(std::int64_t agency_id, std::int64_t rep_id, std::string_view ics) {
  if (ics.size() > kMaxBytes) return fail(ErrorCode::payload_too_large, "is larger than 10 MiB", "calendar");
  const auto now = clock_.now();
  TT_TRY(read, busy_times_of(ics, now - std::chrono::days{1}, now + kAhead));
  CalendarSyncResult out;
  out.skipped = read->skipped;
  out.imported = database_.transaction("rep.calendar", [&](soci::session& sql) {
    return rep_busy_store::replace_from_calendar(sql, agency_id, rep_id, read->busy, platform::to_micros(now));
  });
  return out;
}

Result<CalendarSyncResult> RepCalendarSync::import_text(const identity::Principal& manager, std::int64_t rep_id,
                                                        std::optional<std::string_view> ics) {
  TT_TRY(rep, rep_for(database_, manager, rep_id));
  if (!ics) {
    return fail(ErrorCode::unsupported_media_type, "the body must be an iCalendar file (Content-Type: text/calendar)",
                "Content-Type");
  }
  return store(rep->agency_id, rep->id, *ics);
}

Result<CalendarSyncResult> RepCalendarSync::refresh(const identity::Principal& manager, std::int64_t rep_id) {
  TT_TRY(rep, rep_for(database_, manager, rep_id));
  if (rep->calendar_url.empty()) return fail(ErrorCode::invalid, "is not set for this rep", "calendar_url");
  TT_TRY(text, platform::fetch_url(rep->calendar_url, {std::chrono::seconds{20}, kMaxBytes}, "calendar_url"));
  return store(rep->agency_id, rep->id, *text);
}

std::size_t RepCalendarSync::refresh_all() {
  std::vector<campaigns::Rep> reps;
  {
    auto lease = database_.session();
    reps = campaigns::rep_store::with_calendar_url(*lease);
  }
  std::size_t imported = 0;
  for (const auto& rep : reps) {
    auto text = platform::fetch_url(rep.calendar_url, {std::chrono::seconds{20}, kMaxBytes}, "calendar_url");
    auto result = text ? store(rep.agency_id, rep.id, *text) : tl::unexpected(text.error());
    if (result) {
      ++imported;
    } else {
      spdlog::warn("calendar of rep {} not imported: {}", rep.id, result.error().message);
    }
  }
  return imported;
}

}  // namespace termintreu::appointments
