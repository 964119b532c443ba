// The person's wall clock in the escalation list: in their zone, across the change to summer time, and none for a
// zone that is empty or unknown.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "calling/escalation.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {
namespace {

TEST(EscalationLocalTime, IsTheWallClockOfThePersonsZone) {
  const struct {
    const char* zone;
    const char* utc;
    nlohmann::json local;
  } cases[] = {
      {"Europe/Berlin", "2026-11-23T09:30:45Z", "2026-11-23T10:30"},
      {"Europe/Berlin", "2026-03-29T00:59:00Z", "2026-03-29T01:59"},  // the last minute of winter time
      {"Europe/Berlin", "2026-03-29T01:00:00Z", "2026-03-29T03:00"},  // summer time
      {"Europe/Zurich", "2026-07-01T22:15:00Z", "2026-07-02T00:15"},
      {"America/New_York", "2026-11-23T09:30:00Z", "2026-11-23T04:30"},
      {"", "2026-11-23T09:30:00Z", nullptr},
      {"Mars/Olympus_Mons", "2026-11-23T09:30:00Z", nullptr},
  };
  for (const auto& c : cases) {
    Escalation e;
    e.time_zone = c.zone;
    EXPECT_EQ(local_time_json(e, *platform::parse_iso8601(c.utc)), c.local) << c.zone << " " << c.utc;
  }
}

}  // namespace
}  // namespace termintreu::calling
