#pragma once
// The deadline of a data subject request (DSGVO Art. 12(3)): one month from receipt. A month is counted as the
// Union's rule for periods (Regulation 1182/71, Art. 3) does: the period ends at the end of the day of the next
// month that has the same number as the day of receipt, or of that month's last day when it has no such day
// (received 31 January → due 28 February, or 29 in a leap year). Days are those of the agency's local time
// (Europe/Berlin), not UTC.
#include <string_view>

#include "platform/clock.hpp"

namespace termintreu::contacts {

constexpr std::string_view kPrivacyTimeZone = "Europe/Berlin";

// The last microsecond of the due day, in UTC.
platform::TimePoint privacy_due_at(platform::TimePoint received_at);

}  // namespace termintreu::contacts
