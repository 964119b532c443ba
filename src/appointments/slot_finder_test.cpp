#include "appointments/slot_finder.hpp"

#include <gtest/gtest.h>

#include "platform/time_text.hpp"

namespace termintreu::appointments {
namespace {

using platform::TimePoint;
using std::chrono::minutes;

TimePoint at(std::string_view iso) {
  const auto parsed = platform::parse_iso8601(iso);
  if (!parsed) throw std::invalid_argument(std::string(iso));
  return *parsed;
}

const date::time_zone& berlin() {
  return *date::locate_zone("Europe/Berlin");
}

// "2026-03-30 08:15" on the rep's clock.
std::string local_text(TimePoint t) {
  return date::format("%F %R", date::floor<minutes>(berlin().to_local(t)));
}

campaigns::WeekWindows weekdays(int start_minute, int end_minute) {
  campaigns::WeekWindows week;
  for (std::size_t day = 0; day < 5; ++day) week[day] = {{start_minute, end_minute}};
  return week;
}

// Places on one parallel, so distances are easy to picture: 0.1° of longitude at 52° N is about 6.9 km.
Coordinates east_of_home(double degrees) {
  return {52.0, 8.5 + degrees};
}

RepCalendar rep_at_home(std::int64_t id = 1) {
  RepCalendar rep;
  rep.rep_id = id;
  rep.zone = &berlin();
  rep.working_hours = weekdays(8 * 60, 17 * 60);
  rep.home = east_of_home(0);
  return rep;
}

TEST(SlotFinder, AnEmptyWeekOffersTheFirstTimesAfterTheDriveFromHomeSpreadOverDays) {
  SlotQuery query;
  query.place = east_of_home(0.3);
  query.earliest = at("2026-03-30T00:00:00Z");  // Monday
  const TravelModel travel;
  const auto drive = travel.travel(*rep_at_home().home, *query.place);
  const auto slots = suggest_slots({rep_at_home()}, query, travel);

  ASSERT_EQ(slots.size(), 8u);
  // Every slot costs the same there-and-back, so the earliest win: three a day, not overlapping.
  const std::vector<std::string> expected{"2026-03-30 08:45", "2026-03-30 09:45", "2026-03-30 10:45",
                                          "2026-03-31 08:45", "2026-03-31 09:45", "2026-03-31 10:45",
                                          "2026-04-01 08:45", "2026-04-01 09:45"};
  for (std::size_t i = 0; i < slots.size(); ++i) {
    EXPECT_EQ(local_text(slots[i].starts), expected[i]) << i;
    EXPECT_EQ(slots[i].ends - slots[i].starts, minutes{60});
    EXPECT_EQ(slots[i].added_travel, 2 * drive);
    EXPECT_TRUE(slots[i].from_home);
  }
  EXPECT_GT(drive, minutes{30});  // the 08:00 start plus the drive rules out 08:00–08:30
  EXPECT_LE(drive, minutes{45});
}

TEST(SlotFinder, ADayWithAnAppointmentNearbyBeatsAnEmptyDayAndTheFarSideOfTheDay) {
  RepCalendar rep = rep_at_home();
  const Coordinates east = east_of_home(0.3);
  const Coordinates west = east_of_home(-0.3);
  rep.busy = {
      {at("2026-03-30T07:00:00Z"), at("2026-03-30T08:00:00Z"), east},  // Monday 09:00–10:00 local, east
      {at("2026-03-30T12:00:00Z"), at("2026-03-30T13:00:00Z"), west},  // Monday 14:00–15:00 local, west
  };
  SlotQuery query;
  query.place = east_of_home(0.35);
  query.earliest = at("2026-03-30T00:00:00Z");
  query.working_days = 2;
  const TravelModel travel;
  const auto slots = suggest_slots({rep}, query, travel);
  ASSERT_FALSE(slots.empty());

  const Coordinates here = *query.place;
  const auto between_east_and_west = travel.travel(east, here) + travel.travel(here, west) - travel.travel(east, west);
  const auto empty_day = travel.travel(*rep.home, here) + travel.travel(here, *rep.home);
  EXPECT_LT(between_east_and_west, empty_day);
  // The best slot follows the eastern appointment, as soon as the drive from it allows.
  EXPECT_EQ(local_text(slots.front().starts), "2026-03-30 10:15");
  EXPECT_EQ(slots.front().added_travel, between_east_and_west);
  EXPECT_FALSE(slots.front().from_home);
  EXPECT_EQ(slots.front().travel_before, travel.travel(east, here));
  // Nothing overlaps the appointments, nothing leaves too little time to reach the western one.
  for (const auto& slot : slots) {
    EXPECT_FALSE(slot.starts < at("2026-03-30T08:00:00Z") && slot.ends > at("2026-03-30T07:00:00Z"));
    EXPECT_FALSE(slot.starts < at("2026-03-30T13:00:00Z") && slot.ends > at("2026-03-30T12:00:00Z"));
    if (slot.ends <= at("2026-03-30T12:00:00Z") && slot.starts >= at("2026-03-30T08:00:00Z")) {
      EXPECT_LE(slot.ends + travel.travel(here, west), at("2026-03-30T12:00:00Z"));
    }
  }
  // The empty Tuesday comes after every Monday slot between the two appointments.
  const auto tuesday = std::find_if(slots.begin(), slots.end(),
                                    [](const Slot& s) { return local_text(s.starts).starts_with("2026-03-31"); });
  if (tuesday != slots.end()) {
    EXPECT_EQ(tuesday->added_travel, empty_day);
  }
}

TEST(SlotFinder, SlotsStayInsideTheWorkingHoursAndAfterTheEarliestStart) {
  RepCalendar rep = rep_at_home();
  rep.home.reset();  // no base: no drive to plan
  rep.working_hours = weekdays(8 * 60, 12 * 60);
  SlotQuery query;
  query.earliest = at("2026-06-01T08:07:00Z");  // Monday 10:07 local
  query.working_days = 1;
  query.max_per_day = 10;
  query.max_slots = 10;
  const auto slots = suggest_slots({rep}, query);
  ASSERT_EQ(slots.size(), 1u);  // 10:15–11:15; the next that does not overlap it would end after 12:00
  EXPECT_EQ(local_text(slots.front().starts), "2026-06-01 10:15");

  query.duration = minutes{30};
  const auto short_ones = suggest_slots({rep}, query);
  ASSERT_EQ(short_ones.size(), 3u);
  EXPECT_EQ(local_text(short_ones.back().starts), "2026-06-01 11:15");
  EXPECT_EQ(local_text(short_ones.back().ends), "2026-06-01 11:45");

  query.duration = minutes{5 * 60};  // longer than the working day
  EXPECT_TRUE(suggest_slots({rep}, query).empty());
}

TEST(SlotFinder, BlockedTimesAndDaysOffAreKeptFree) {
  RepCalendar rep = rep_at_home();
  rep.home.reset();
  rep.busy = {{at("2026-06-01T06:00:00Z"), at("2026-06-01T13:00:00Z"), std::nullopt}};  // Monday 08:00–15:00 local
  rep.days_off = {date::local_days{date::year{2026} / 6 / 2}};                          // Tuesday off
  SlotQuery query;
  query.earliest = at("2026-06-01T00:00:00Z");
  query.working_days = 2;
  const auto slots = suggest_slots({rep}, query);
  ASSERT_EQ(slots.size(), 5u);  // Monday 15:00, 16:00; then Wednesday, the second working day
  EXPECT_EQ(local_text(slots[0].starts), "2026-06-01 15:00");
  EXPECT_EQ(local_text(slots[1].starts), "2026-06-01 16:00");
  EXPECT_EQ(local_text(slots[2].starts), "2026-06-03 08:00");
}

TEST(SlotFinder, ClockChangesKeepLocalWorkingHoursAndRealDurations) {
  RepCalendar rep = rep_at_home();
  rep.home.reset();
  SlotQuery query;
  query.earliest = at("2026-03-27T00:00:00Z");  // Friday before the spring change (Sunday 29 March)
  query.working_days = 2;
  query.max_per_day = 1;
  const auto slots = suggest_slots({rep}, query);
  ASSERT_EQ(slots.size(), 2u);
  EXPECT_EQ(slots[0].starts, at("2026-03-27T07:00:00Z"));  // 08:00 CET
  EXPECT_EQ(slots[1].starts, at("2026-03-30T06:00:00Z"));  // 08:00 CEST

  // A rep who works Sunday night: the skipped hour 02:00–03:00 offers nothing, and an hour is sixty real minutes.
  rep.working_hours = {};
  rep.working_hours[6] = {{60, 5 * 60}};  // Sunday 01:00–05:00
  query.earliest = at("2026-03-29T00:00:00Z");
  query.working_days = 1;
  query.max_per_day = 20;
  query.max_slots = 20;
  query.duration = minutes{30};
  const auto night = suggest_slots({rep}, query);
  ASSERT_FALSE(night.empty());
  for (const auto& slot : night) {
    EXPECT_FALSE(local_text(slot.starts).substr(11, 2) == "02") << local_text(slot.starts);
    EXPECT_EQ(slot.ends - slot.starts, minutes{30});
    EXPECT_LE(slot.ends, at("2026-03-29T03:00:00Z"));  // 05:00 CEST
  }
  // 01:00, 01:30 (ends 03:00 CEST), 03:00, 03:30, 04:00, 04:30 once the overlapping quarter hours are left out.
  EXPECT_EQ(night.size(), 6u);
}

TEST(SlotFinder, TheDriveToTheNextAppointmentMustFit) {
  RepCalendar rep = rep_at_home();
  rep.home.reset();
  const Coordinates far = east_of_home(2.0);                                   // ~140 km away
  rep.busy = {{at("2026-06-01T09:00:00Z"), at("2026-06-01T10:00:00Z"), far}};  // Monday 11:00 local, far east
  SlotQuery query;
  query.place = east_of_home(0);
  query.earliest = at("2026-06-01T00:00:00Z");
  query.working_days = 1;
  query.max_per_day = 20;
  query.max_slots = 20;
  const TravelModel travel;
  const auto drive = travel.travel(*query.place, far);
  const auto slots = suggest_slots({rep}, query, travel);
  for (const auto& slot : slots) {
    if (slot.ends <= at("2026-06-01T09:00:00Z")) {
      EXPECT_LE(slot.ends + drive, at("2026-06-01T09:00:00Z"));
    }
    if (slot.starts >= at("2026-06-01T10:00:00Z")) {
      EXPECT_GE(slot.starts, at("2026-06-01T10:00:00Z") + drive);
    }
  }
  EXPECT_GT(drive, minutes{180});
  // Even the first slot (08:00–09:00 local) leaves only two hours to reach the 11:00 appointment.
  const bool before_possible =
      std::any_of(slots.begin(), slots.end(), [](const Slot& s) { return s.ends <= at("2026-06-01T09:00:00Z"); });
  EXPECT_FALSE(before_possible);
}

TEST(SlotFinder, SeveralRepsAreRankedTogether) {
  RepCalendar near = rep_at_home(1);
  RepCalendar far = rep_at_home(2);
  far.home = east_of_home(1.0);
  SlotQuery query;
  query.place = east_of_home(0.05);
  query.earliest = at("2026-06-01T00:00:00Z");
  query.max_slots = 4;
  const auto slots = suggest_slots({far, near}, query);
  ASSERT_EQ(slots.size(), 4u);
  for (const auto& slot : slots) EXPECT_EQ(slot.rep_id, 1);
}

}  // namespace
}  // namespace termintreu::appointments
