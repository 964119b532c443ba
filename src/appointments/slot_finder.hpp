#pragma once
// Slot suggestions while the person is on the phone: for each responsible rep, the free times of its next working
// days, ranked by the travel an appointment at the person's place adds to that rep's day. Pure: no clock, no
// database; the caller reads the reps' calendars. See docs/decisions/0014-slot-suggestions.md.
//
// A rep's day: it sets out from its home base when its working hours begin, drives from appointment to appointment
// and may end the last one as late as its working hours allow (the drive home is its own time). Travel between two
// places is the straight-line distance × a road factor ÷ an average speed, plus a buffer to park and walk in.
// Times the rep is blocked without a place (an entry of its own calendar) are kept free but cost no travel.
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

#include <date/date.h>
#include <date/tz.h>

#include "appointments/place_coordinates.hpp"
#include "campaigns/week_windows.hpp"
#include "platform/clock.hpp"

namespace termintreu::appointments {

struct TravelModel {
  double road_factor = 1.3;         // roads are longer than the straight line
  double speed_kmh = 60.0;          // average door to door, towns and motorways mixed
  std::chrono::minutes buffer{10};  // parking, walking in, signing in at the gate

  // Whole minutes, rounded up; the buffer comes on top of any drive, also a short one.
  std::chrono::minutes travel(const Coordinates& from, const Coordinates& to) const;
};

struct BusyTime {
  platform::TimePoint starts;
  platform::TimePoint ends;
  std::optional<Coordinates> place;  // an appointment somewhere; empty: blocked time with no place
};

struct RepCalendar {
  std::int64_t rep_id = 0;
  const date::time_zone* zone = nullptr;  // the rep's working hours are in its own local time; never null
  campaigns::WeekWindows working_hours;
  std::optional<Coordinates> home;
  std::vector<BusyTime> busy;                   // any order; only those near the searched days matter
  std::vector<date::local_days> days_off;       // public holidays and the like, in the rep's calendar
  std::chrono::minutes appointment_length{60};  // unless the query asks for another length
};

struct SlotQuery {
  std::optional<Coordinates> place;              // where the appointment is; empty for video and phone ones
  platform::TimePoint earliest;                  // no slot starts before (now + the notice a rep needs)
  int working_days = 5;                          // how many of each rep's working days, from earliest's day on
  std::optional<std::chrono::minutes> duration;  // empty: each rep's appointment_length
  std::chrono::minutes step{15};                 // slots start on the rep's local clock at multiples of this
  int max_slots = 8;
  int max_per_day = 3;  // so that the suggestions spread over several days
};

struct Slot {
  std::int64_t rep_id = 0;
  platform::TimePoint starts;
  platform::TimePoint ends;
  std::chrono::minutes added_travel{0};   // how much longer the rep's day on the road gets
  std::chrono::minutes travel_before{0};  // the drive to the appointment (from home or the previous one)
  bool from_home = false;                 // the drive before starts at the rep's home base
};

// The best slots over all reps: least added travel first, then earliest. A slot lies inside one working window,
// overlaps nothing busy, and leaves time to drive from the previous place and on to the next one.
std::vector<Slot> suggest_slots(const std::vector<RepCalendar>& reps, const SlotQuery& query,
                                const TravelModel& travel = {});

}  // namespace termintreu::appointments
