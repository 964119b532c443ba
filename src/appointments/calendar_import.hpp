#pragma once
// A rep's own calendar, published as iCalendar (RFC 5545) by Outlook/Exchange, Google, Apple or Nextcloud, read into
// the times the rep is busy, so that slot suggestions keep clear of them. Read with libical; wall times are turned
// into UTC with the system tzdata (date/tz), or with the file's own VTIMEZONE for a TZID that is no IANA name and no
// known Windows name.
//
// Decisions, where files are vague or clients differ:
// - Floating times (no "Z", no TZID) and all-day dates (VALUE=DATE) are read in Europe/Berlin: the reps work there.
//   An all-day event is busy from local midnight of its first day to local midnight of its DTEND (exclusive); one day
//   when it has neither DTEND nor DURATION.
// - A wall time that occurs twice when the clocks go back means the first of the two; one that does not exist when
//   they go forward is read with the offset before the change (RFC 5545 3.3.5).
// - Windows zone names as Outlook writes them (TZID=W. Europe Standard Time) are mapped to IANA names for
//   DE/AT/CH/UK/US and neighbours; a TZID given as a path (/freeassociation.sourceforge.net/Europe/Berlin, older
//   Evolution and Thunderbird) is read by its IANA tail.
// - Not busy: STATUS:CANCELLED, TRANSP:TRANSPARENT and Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE (free time, also
//   Google's default for all-day events), events of no length (a DATE-TIME start without end or duration), and
//   this server's own appointments (UID appointment-N@…, accepted into the rep's calendar).
// - Recurring events: RRULE and RDATE, less EXDATE, less occurrences that another VEVENT of the same UID replaces
//   with its RECURRENCE-ID (the replacement counts on its own, or not at all when cancelled). RANGE=THISANDFUTURE is
//   read as a single replacement. DTSTART always counts as the first occurrence.
// - Hard limits, so a crafted file cannot make the import explode: at most kMaxOccurrencesPerEvent occurrences per
//   event near the range (more are dropped silently), at most kMaxRuleSteps steps of a rule that has a COUNT (those
//   must be counted from DTSTART), no rules finer than DAILY (no calendar app writes them; libical 3.0 walks them
//   second by second), only the few VTIMEZONE rule shapes real zones use, and per file at most five monthly or
//   yearly rules of shapes whose first day cannot be checked here (libical 3.0 may search a second for it).
// - Busy times are returned whole (not cut to the range), sorted by start.
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

inline constexpr int kMaxOccurrencesPerEvent = 1000;
inline constexpr int kMaxRuleSteps = 10000;
inline constexpr std::size_t kMaxBusyTitleBytes = 200;

struct ImportedBusy {
  platform::TimePoint starts;  // UTC, to the second
  platform::TimePoint ends;    // UTC, after starts
  std::string title;           // SUMMARY: trimmed, control characters removed, at most kMaxBusyTitleBytes of UTF-8
};

struct CalendarImport {
  std::vector<ImportedBusy> busy;
  int skipped = 0;  // events that could not be read: no or broken DTSTART, unknown zone, broken rule, end before start
};

// The busy times of `ics` that overlap [from, to), expanded and in UTC. Errors (ErrorCode::invalid, field "calendar")
// for text that is not an iCalendar at all (nothing libical can read as a VCALENDAR, or a NUL byte); individual broken
// events are skipped and counted. Limiting the size of `ics` is the caller's job.
platform::Result<CalendarImport> busy_times_of(std::string_view ics, platform::TimePoint from, platform::TimePoint to);

}  // namespace termintreu::appointments
