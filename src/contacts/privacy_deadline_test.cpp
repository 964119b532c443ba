#include "contacts/privacy_deadline.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/time_text.hpp"

namespace termintreu::contacts {
namespace {

struct DueCase {
  std::string received;  // UTC
  std::string due;       // UTC, to the second (the due instant is the last microsecond before it plus 1 µs)
};

TEST(PrivacyDeadline, OneCalendarMonthInBerlinEndingWithTheDay) {
  const std::vector<DueCase> cases{
      // Winter: Berlin is UTC+1, the due day ends at 23:00 UTC.
      {"2026-01-15T10:00:00Z", "2026-02-15T23:00:00Z"},
      // No 31 February: the month's last day.
      {"2026-01-31T10:00:00Z", "2026-02-28T23:00:00Z"},
      {"2028-01-31T10:00:00Z", "2028-02-29T23:00:00Z"},
      {"2026-03-31T08:00:00Z", "2026-04-30T22:00:00Z"},
      // 23:30 UTC on 31 January is already 1 February in Berlin.
      {"2026-01-31T23:30:00Z", "2026-03-01T23:00:00Z"},
      // Across the change to summer time (29 March 2026): the due day ends at 22:00 UTC.
      {"2026-03-10T12:00:00Z", "2026-04-10T22:00:00Z"},
      // Across the year end.
      {"2026-12-31T12:00:00Z", "2027-01-31T23:00:00Z"},
      // Across the change back to winter time (25 October 2026).
      {"2026-10-20T12:00:00Z", "2026-11-20T23:00:00Z"},
  };
  for (const auto& c : cases) {
    const auto received = platform::parse_iso8601(c.received);
    ASSERT_TRUE(received) << c.received;
    const auto due = privacy_due_at(*received);
    EXPECT_EQ(platform::iso8601(due + std::chrono::microseconds(1)), c.due) << c.received;
  }
}

}  // namespace
}  // namespace termintreu::contacts
