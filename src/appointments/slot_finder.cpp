#include "appointments/slot_finder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "campaigns/calling_rules.hpp"

namespace termintreu::appointments {
namespace {

using platform::TimePoint;
using std::chrono::minutes;

constexpr int kSearchSpan = 21;  // calendar days searched for the working days asked for (holidays, part-time reps)

int weekday_index(date::local_days day) {
  return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

// The instant the rep's clock reads `local`, or nullopt when a clock change skips that reading.
std::optional<TimePoint> instant_of(date::local_time<minutes> local, const date::time_zone& zone) {
  const auto instants = campaigns::instants_at_local(local, zone);
  if (instants.empty()) return std::nullopt;
  const auto back = date::floor<minutes>(zone.to_local(date::floor<std::chrono::seconds>(instants.front())));
  if (back != local) return std::nullopt;
  return instants.front();
}

// One working day of one rep, with its busy times that touch the day, in time order.
struct Day {
  date::local_days date;
  TimePoint work_starts;
  std::vector<const BusyTime*> busy;
};

class DayPlanner {
 public:
  DayPlanner(const RepCalendar& rep, const SlotQuery& query, const TravelModel& travel)
      : rep_(rep), query_(query), travel_(travel), duration_(query.duration.value_or(rep.appointment_length)) {}

  void slots_of(const Day& day, const campaigns::TimeWindow& window, std::vector<Slot>& out) const {
    const int step = static_cast<int>(std::max<std::int64_t>(1, query_.step.count()));
    const auto window_ends = instant_of(day.date + minutes{window.end_minute}, *rep_.zone);
    for (int m = (window.start_minute + step - 1) / step * step; m < window.end_minute; m += step) {
      const auto starts = instant_of(day.date + minutes{m}, *rep_.zone);
      if (!starts || *starts < query_.earliest) continue;
      const TimePoint ends = *starts + duration_;
      if (window_ends ? ends > *window_ends : m + duration_.count() > window.end_minute) break;
      if (auto slot = fit(day, *starts, ends)) out.push_back(*slot);
    }
  }

 private:
  std::optional<Slot> fit(const Day& day, TimePoint starts, TimePoint ends) const {
    const BusyTime* before = nullptr;
    const BusyTime* after = nullptr;
    for (const BusyTime* busy : day.busy) {
      if (busy->starts < ends && busy->ends > starts) return std::nullopt;
      if (!busy->place) continue;
      if (busy->ends <= starts) before = busy;
      if (busy->starts >= ends && after == nullptr) after = busy;
    }
    Slot slot;
    slot.rep_id = rep_.rep_id;
    slot.starts = starts;
    slot.ends = ends;
    if (!query_.place) return slot;  // video or phone: the rep stays where it is
    const Coordinates& here = *query_.place;
    const std::optional<Coordinates> from = before != nullptr ? before->place : rep_.home;
    const std::optional<Coordinates> to = after != nullptr ? after->place : rep_.home;
    const TimePoint set_out = before != nullptr ? before->ends : day.work_starts;
    minutes to_here{0}, onwards{0}, instead{0};
    if (from) {
      to_here = travel_.travel(*from, here);
      if (set_out + to_here > starts) return std::nullopt;
    }
    if (to) {
      onwards = travel_.travel(here, *to);
      if (after != nullptr && ends + onwards > after->starts) return std::nullopt;
    }
    // Without the new appointment the rep drives from `from` straight to `to`; a day with nothing else planned has
    // no drive at all.
    if (from && to && (before != nullptr || after != nullptr)) instead = travel_.travel(*from, *to);
    slot.travel_before = to_here;
    slot.from_home = before == nullptr && rep_.home.has_value();
    slot.added_travel = to_here + onwards - instead;
    return slot;
  }

  const RepCalendar& rep_;
  const SlotQuery& query_;
  const TravelModel& travel_;
  const minutes duration_;
};

void slots_of_rep(const RepCalendar& rep, const SlotQuery& query, const TravelModel& travel, std::vector<Slot>& out) {
  if (rep.zone == nullptr) return;
  const DayPlanner planner(rep, query, travel);
  const auto first = date::floor<date::days>(rep.zone->to_local(query.earliest));
  int found = 0;
  for (int offset = 0; offset < kSearchSpan + query.working_days && found < query.working_days; ++offset) {
    Day day;
    day.date = first + date::days{offset};
    const auto& windows = rep.working_hours[static_cast<std::size_t>(weekday_index(day.date))];
    if (windows.empty() || std::find(rep.days_off.begin(), rep.days_off.end(), day.date) != rep.days_off.end()) {
      continue;
    }
    ++found;
    const auto work_starts = campaigns::instants_at_local(day.date + minutes{windows.front().start_minute}, *rep.zone);
    const auto day_starts = campaigns::instants_at_local(date::local_time<minutes>{day.date}, *rep.zone);
    const auto day_ends = campaigns::instants_at_local(date::local_time<minutes>{day.date + date::days{1}}, *rep.zone);
    day.work_starts = work_starts.front();
    for (const auto& busy : rep.busy) {
      if (busy.ends > day_starts.front() && busy.starts < day_ends.front()) day.busy.push_back(&busy);
    }
    std::sort(day.busy.begin(), day.busy.end(), [](const BusyTime* a, const BusyTime* b) {
      return std::pair{a->starts, a->ends} < std::pair{b->starts, b->ends};
    });
    for (const auto& window : windows) planner.slots_of(day, window, out);
  }
}

}  // namespace

minutes TravelModel::travel(const Coordinates& from, const Coordinates& to) const {
  const double road_km = distance_km(from, to) * road_factor;
  const double drive = speed_kmh > 0 ? road_km / speed_kmh * 60.0 : 0.0;
  return minutes{static_cast<std::int64_t>(std::ceil(drive - 1e-9))} + buffer;
}

std::vector<Slot> suggest_slots(const std::vector<RepCalendar>& reps, const SlotQuery& query,
                                const TravelModel& travel) {
  std::vector<Slot> candidates;
  for (const auto& rep : reps) slots_of_rep(rep, query, travel, candidates);
  std::stable_sort(candidates.begin(), candidates.end(), [](const Slot& a, const Slot& b) {
    return std::tuple{a.added_travel, a.starts, a.rep_id} < std::tuple{b.added_travel, b.starts, b.rep_id};
  });
  std::vector<Slot> chosen;
  std::map<std::pair<std::int64_t, std::int64_t>, int> per_day;  // (rep, UTC day of the start) → slots chosen
  for (const auto& slot : candidates) {
    if (static_cast<int>(chosen.size()) >= query.max_slots) break;
    const auto day = date::floor<date::days>(slot.starts).time_since_epoch().count();
    int& taken = per_day[{slot.rep_id, day}];
    if (taken >= query.max_per_day) continue;
    const bool overlaps = std::any_of(chosen.begin(), chosen.end(), [&](const Slot& other) {
      return other.rep_id == slot.rep_id && other.starts < slot.ends && other.ends > slot.starts;
    });
    if (overlaps) continue;
    ++taken;
    chosen.push_back(slot);
  }
  return chosen;
}

}  // namespace termintreu::appointments
