#include "contacts/privacy_deadline.hpp"

#include <date/date.h>
#include <date/tz.h>

namespace termintreu::contacts {

platform::TimePoint privacy_due_at(platform::TimePoint received_at) {
  const auto* zone = date::locate_zone(kPrivacyTimeZone);
  const auto local = zone->to_local(received_at);
  const date::year_month_day received{date::floor<date::days>(local)};
  auto due = received + date::months(1);
  if (!due.ok()) due = date::year_month_day{due.year() / due.month() / date::last};
  // The due day ends where the next day starts; that local midnight always exists in Europe/Berlin (DST changes at
  // 02:00/03:00), and choosing the earliest keeps any other zone's answer defined.
  const date::local_days next_day = date::local_days{due} + date::days(1);
  const auto end = zone->to_sys(date::local_time<std::chrono::microseconds>(next_day), date::choose::earliest);
  return platform::TimePoint(end) - std::chrono::microseconds(1);
}

}  // namespace termintreu::contacts
