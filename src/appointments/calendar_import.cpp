#include "appointments/calendar_import.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>
#include <strings.h>

#include "platform/json_input.hpp"

namespace termintreu::appointments {
namespace {

using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::TimePoint;
using std::chrono::seconds;
using Instant = date::sys_seconds;
using Wall = date::local_seconds;  // a wall-clock time of some zone

constexpr const char* kHomeZone = "Europe/Berlin";
// Monthly and yearly rules whose first day this file cannot vouch for: libical 3.0 searches up to the year 20000 for
// it, close to a second for a rule that has none (FREQ=MONTHLY;BYDAY=6MO).
constexpr int kMaxSearchingRules = 5;
// Longer busy times are taken for broken: nobody is away for ten years, and it keeps day arithmetic small.
constexpr std::int64_t kMaxEventDays = 3660;
constexpr auto kMaxOccurrences = static_cast<std::size_t>(kMaxOccurrencesPerEvent);
// The range is read within these years: libical and the rule iterator know no others.
constexpr date::sys_days kEarliest = date::year(1) / 1 / 2;
constexpr date::sys_days kLatest = date::year(9999) / 12 / 30;

// Windows zone names as Outlook writes them in TZID, after CLDR's windowsZones.xml (territory 001): DE/AT/CH share
// W. Europe's rules today, as do the neighbours listed.
constexpr std::array<std::pair<std::string_view, std::string_view>, 13> kWindowsZones{{
    {"W. Europe Standard Time", "Europe/Berlin"},
    {"Romance Standard Time", "Europe/Paris"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"Eastern Standard Time", "America/New_York"},
    {"Central Standard Time", "America/Chicago"},
    {"Mountain Standard Time", "America/Denver"},
    {"US Mountain Standard Time", "America/Phoenix"},
    {"Pacific Standard Time", "America/Los_Angeles"},
    {"Alaskan Standard Time", "America/Anchorage"},
    {"Hawaiian Standard Time", "Pacific/Honolulu"},
}};

// Properties whose loss would change an event's time: libical drops a property it cannot parse and leaves an
// X-LIC-ERROR saying "… in RRULE property. Removing entire property: …" (the wording of libical 3.0).
constexpr std::array<std::string_view, 7> kTimeProperties{"DTSTART", "DTEND",  "DURATION",     "RRULE",
                                                          "RDATE",   "EXDATE", "RECURRENCE-ID"};

using Parsed = std::unique_ptr<icalcomponent, decltype(&icalcomponent_free)>;
using RuleIterator = std::unique_ptr<icalrecur_iterator, decltype(&icalrecur_iterator_free)>;

// How the wall times of one TZID become UTC. Neither set: UTC.
struct Zone {
  const date::time_zone* rules = nullptr;  // the system tzdata
  icaltimezone* defined = nullptr;         // a VTIMEZONE of the file, owned by the parsed calendar
};

const date::time_zone* iana_zone(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

bool is_set(const short* by) {
  return by[0] != ICAL_RECURRENCE_ARRAY_MAX;
}

int count_of(const short* by, int size) {
  int n = 0;
  while (n < size && by[n] != ICAL_RECURRENCE_ARRAY_MAX) ++n;
  return n;
}

// libical turns each observance of a VTIMEZONE into a list of clock changes from its DTSTART on, and walks its RRULE
// second by second if told so. Real zones use yearly rules with at most one month and weekday (older Apple and
// Microsoft zones: a week of month days, BYMONTHDAY=8,…,14;BYDAY=SU); anything else is not taken.
bool is_plain_vtimezone(icaltimezone* zone) {
  icalcomponent* vtimezone = icaltimezone_get_component(zone);
  if (vtimezone == nullptr) return false;
  int observances = 0;
  for (icalcomponent* o = icalcomponent_get_first_component(vtimezone, ICAL_ANY_COMPONENT); o != nullptr;
       o = icalcomponent_get_next_component(vtimezone, ICAL_ANY_COMPONENT)) {
    const icalcomponent_kind kind = icalcomponent_isa(o);
    if (kind != ICAL_XSTANDARD_COMPONENT && kind != ICAL_XDAYLIGHT_COMPONENT) continue;
    ++observances;
    if (icalcomponent_get_first_property(o, ICAL_DTSTART_PROPERTY) == nullptr ||
        icalcomponent_get_first_property(o, ICAL_TZOFFSETTO_PROPERTY) == nullptr) {
      return false;
    }
    for (icalproperty* p = icalcomponent_get_first_property(o, ICAL_RRULE_PROPERTY); p != nullptr;
         p = icalcomponent_get_next_property(o, ICAL_RRULE_PROPERTY)) {
      const icalrecurrencetype rule = icalproperty_get_rrule(p);
      if (rule.freq != ICAL_YEARLY_RECURRENCE || rule.rscale != nullptr || is_set(rule.by_second) ||
          is_set(rule.by_minute) || is_set(rule.by_hour) || is_set(rule.by_year_day) || is_set(rule.by_week_no) ||
          is_set(rule.by_set_pos) || count_of(rule.by_month, ICAL_BY_MONTH_SIZE) > 1 ||
          count_of(rule.by_day, ICAL_BY_DAY_SIZE) > 1 || count_of(rule.by_month_day, ICAL_BY_MONTHDAY_SIZE) > 7) {
        return false;
      }
    }
  }
  return observances > 0;
}

// The zones of one VCALENDAR, by TZID.
class ZoneBook {
 public:
  explicit ZoneBook(icalcomponent* calendar) : calendar_(calendar), home_{date::locate_zone(kHomeZone), nullptr} {}

  const Zone& home() const { return home_; }
  const Zone& utc() const { return utc_; }

  // nullptr for a TZID nobody can read.
  const Zone* find(const std::string& tzid) {
    auto known = known_.find(tzid);
    if (known == known_.end()) known = known_.emplace(tzid, look_up(tzid)).first;
    return known->second ? &*known->second : nullptr;
  }

 private:
  std::optional<Zone> look_up(const std::string& tzid) const {
    if (const auto* rules = iana_zone(tzid)) return Zone{rules, nullptr};
    for (const auto& [windows, iana] : kWindowsZones) {
      if (tzid == windows) return Zone{date::locate_zone(std::string(iana)), nullptr};
    }
    if (!tzid.empty() && tzid.front() == '/') {
      for (auto slash = tzid.find('/', 1); slash != std::string::npos; slash = tzid.find('/', slash + 1)) {
        if (const auto* rules = iana_zone(tzid.substr(slash + 1))) return Zone{rules, nullptr};
      }
    }
    // Only the calendar's own VTIMEZONEs: libical's built-in lookup opens /usr/share/zoneinfo/<TZID> as given,
    // "../" included.
    icaltimezone* defined = icalcomponent_get_timezone(calendar_, tzid.c_str());
    if (defined != nullptr && is_plain_vtimezone(defined)) return Zone{nullptr, defined};
    return std::nullopt;
  }

  icalcomponent* calendar_;
  Zone home_;
  Zone utc_;
  std::map<std::string, std::optional<Zone>> known_;
};

// The fields of an icaltimetype as a wall time; nullopt when they are no date (libical keeps "20261399T250000").
std::optional<Wall> wall_of(const icaltimetype& t) {
  if (t.year < 1 || t.year > 9999) return std::nullopt;
  const date::year_month_day day{date::year(t.year), date::month(static_cast<unsigned>(t.month)),
                                 date::day(static_cast<unsigned>(t.day))};
  if (!day.ok()) return std::nullopt;
  if (t.is_date) return Wall{date::local_days(day)};
  if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 || t.second > 59) {
    return std::nullopt;
  }
  return date::local_days(day) + std::chrono::hours(t.hour) + std::chrono::minutes(t.minute) + seconds(t.second);
}

// A floating icaltimetype, as libical's rule iterator works on wall times.
icaltimetype ical_time(Wall wall, bool is_date) {
  const auto day = date::floor<date::days>(wall);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<seconds> time{wall - day};
  icaltimetype t = icaltime_null_time();
  t.year = static_cast<int>(ymd.year());
  t.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  t.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  if (!is_date) {
    t.hour = static_cast<int>(time.hours().count());
    t.minute = static_cast<int>(time.minutes().count());
    t.second = static_cast<int>(time.seconds().count());
  }
  t.is_date = is_date ? 1 : 0;
  t.zone = nullptr;
  return t;
}

Instant utc_of(const Zone& zone, Wall wall) {
  if (zone.rules != nullptr) {
    // For a wall time that occurs twice `first` is the earlier offset; for one that does not occur, the offset
    // before the change: both as RFC 5545 3.3.5 wants.
    const date::local_info info = zone.rules->get_info(wall);
    return Instant{wall.time_since_epoch() - info.first.offset};
  }
  if (zone.defined != nullptr) {
    return Instant{seconds{icaltime_as_timet_with_zone(ical_time(wall, false), zone.defined)}};
  }
  return Instant{wall.time_since_epoch()};
}

Wall wall_in(const Zone& zone, Instant t) {
  if (zone.rules != nullptr) return zone.rules->to_local(t);
  if (zone.defined != nullptr) {
    const icaltimetype local =
        icaltime_from_timet_with_zone(static_cast<std::time_t>(t.time_since_epoch().count()), 0, zone.defined);
    if (auto wall = wall_of(local)) return *wall;
  }
  return Wall{t.time_since_epoch()};
}

// A DTSTART, DTEND, EXDATE, RDATE or RECURRENCE-ID: the wall time and the zone it is meant in.
struct Moment {
  Wall wall;
  bool all_day = false;
  const Zone* zone = nullptr;

  Instant instant() const { return utc_of(*zone, wall); }
};

// The time of a property, read from its value: libical's own getters (icalproperty_get_exdate and others) look the
// TZID up among the built-in zones, which opens the file of that name. Floating times are meant in `floating`;
// dates are all-day in the home zone. nullopt for a value that is no date or a zone nobody knows.
std::optional<Moment> moment_of(icalproperty* property, ZoneBook& zones, const Zone& floating) {
  const icalvalue* value = icalproperty_get_value(property);
  if (value == nullptr) return std::nullopt;
  icaltimetype t{};
  switch (icalvalue_isa(value)) {
    case ICAL_DATE_VALUE:
    case ICAL_DATETIME_VALUE:
      t = icalvalue_get_datetime(value);
      break;
    case ICAL_DATETIMEPERIOD_VALUE: {
      const icaldatetimeperiodtype both = icalvalue_get_datetimeperiod(value);
      // A PERIOD in an RDATE is read by its start: the occurrence lasts as long as the event.
      t = icaltime_is_null_time(both.time) ? both.period.start : both.time;
      break;
    }
    case ICAL_PERIOD_VALUE:
      t = icalvalue_get_period(value).start;
      break;
    default:
      return std::nullopt;
  }
  if (icalvalue_isa(value) == ICAL_DATE_VALUE) t.is_date = 1;
  const auto wall = wall_of(t);
  if (!wall) return std::nullopt;
  if (t.is_date) return Moment{*wall, true, &zones.home()};
  if (icaltime_is_utc(t)) return Moment{*wall, false, &zones.utc()};
  if (icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
    const char* name = icalparameter_get_tzid(tzid);
    const Zone* zone = name == nullptr ? nullptr : zones.find(name);
    if (zone == nullptr) return std::nullopt;
    return Moment{*wall, false, zone};
  }
  return Moment{*wall, false, &floating};
}

// How long each occurrence lasts: whole days of the wall clock (all-day events, DURATION:P1D) and then exact seconds.
struct Length {
  date::days days{0};
  seconds exact{0};
};

// SUMMARY as a title: line breaks and tabs become one space, other control characters (C0, DEL, C1) go, the ends
// are trimmed, and at most kMaxBusyTitleBytes remain, cut between characters. Text that is not UTF-8 (older exports
// in Latin-1) is read as Latin-1.
std::string title_of(const char* summary) {
  std::string text = summary == nullptr ? "" : summary;
  if (!platform::utf8_length(text)) {
    std::string utf8;
    for (const char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte < 0x80) {
        utf8 += c;
      } else {
        utf8 += static_cast<char>(0xC0 | (byte >> 6));
        utf8 += static_cast<char>(0x80 | (byte & 0x3F));
      }
    }
    text = std::move(utf8);
  }
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\t' || byte == '\n' || byte == '\r' || byte == '\v' || byte == '\f') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (byte < 0x20 || byte == 0x7F) {
      continue;
    } else if (byte == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      ++i;  // U+0080…U+009F
    } else {
      out += text[i];
    }
  }
  const auto trim = [](std::string& s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) {
      s.clear();
      return;
    }
    s.erase(s.find_last_not_of(' ') + 1);
    s.erase(0, first);
  };
  trim(out);
  if (out.size() > kMaxBusyTitleBytes) {
    std::size_t cut = kMaxBusyTitleBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    trim(out);
  }
  return out;
}

std::vector<icalproperty*> properties(icalcomponent* component, icalproperty_kind kind) {
  std::vector<icalproperty*> out;
  for (icalproperty* p = icalcomponent_get_first_property(component, kind); p != nullptr;
       p = icalcomponent_get_next_property(component, kind)) {
    out.push_back(p);
  }
  return out;
}

bool lost_a_time_property(icalcomponent* event) {
  for (icalproperty* error : properties(event, ICAL_XLICERROR_PROPERTY)) {
    const char* text = icalproperty_get_xlicerror(error);
    if (text == nullptr) continue;
    const std::string_view message(text);
    for (const auto name : kTimeProperties) {
      if (message.find(" in " + std::string(name) + " property") != std::string_view::npos) return true;
    }
  }
  return false;
}

bool is_free(icalcomponent* event) {
  if (icalproperty* status = icalcomponent_get_first_property(event, ICAL_STATUS_PROPERTY);
      status != nullptr && icalproperty_get_status(status) == ICAL_STATUS_CANCELLED) {
    return true;
  }
  if (icalproperty* transp = icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY); transp != nullptr) {
    const icalproperty_transp value = icalproperty_get_transp(transp);
    if (value == ICAL_TRANSP_TRANSPARENT || value == ICAL_TRANSP_TRANSPARENTNOCONFLICT) return true;
  }
  for (icalproperty* x : properties(event, ICAL_X_PROPERTY)) {
    const char* name = icalproperty_get_x_name(x);
    const char* value = icalproperty_get_x(x);
    if (name != nullptr && value != nullptr && strcasecmp(name, "X-MICROSOFT-CDO-BUSYSTATUS") == 0 &&
        strcasecmp(value, "FREE") == 0) {
      return true;
    }
  }
  return false;
}

std::string uid_of(icalcomponent* event) {
  icalproperty* uid = icalcomponent_get_first_property(event, ICAL_UID_PROPERTY);
  const char* text = uid == nullptr ? nullptr : icalproperty_get_uid(uid);
  return text == nullptr ? "" : text;
}

// UIDs this server gives its appointments (invitation_mail.cpp): "appointment-17@host". A rep who accepted the
// invitation has the appointment in its calendar, but it is in the appointments already.
bool is_ours(std::string_view uid) {
  constexpr std::string_view kPrefix = "appointment-";
  if (!uid.starts_with(kPrefix)) return false;
  const auto at = uid.find('@');
  if (at == std::string_view::npos || at == kPrefix.size()) return false;
  return uid.substr(kPrefix.size(), at - kPrefix.size()).find_first_not_of("0123456789") == std::string_view::npos;
}

int days_in_month(int month) {
  constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};  // February: leap years
  return kDays[static_cast<std::size_t>(month - 1)];
}

enum class FirstDay { quick, search, none };

// How libical will fare finding the first day of a MONTHLY or YEARLY rule: quickly for the shapes calendar apps write
// ("the 15th", "the last day", "the second Tuesday", "the last weekday", "every 3 March") when they have a day at all;
// not at all (none) for those shapes without one; other shapes may search (see kMaxSearchingRules).
FirstDay first_day(const icalrecurrencetype& rule, const Wall& start) {
  if (is_set(rule.by_second) || is_set(rule.by_minute) || is_set(rule.by_hour) || is_set(rule.by_year_day) ||
      is_set(rule.by_week_no)) {
    return FirstDay::search;
  }
  const date::year_month_day first{date::floor<date::days>(start)};
  const int start_month = static_cast<int>(static_cast<unsigned>(first.month()));
  std::set<int> months;  // the months the rule can reach
  if (is_set(rule.by_month)) {
    for (int i = 0; i < ICAL_BY_MONTH_SIZE && rule.by_month[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
      if (rule.by_month[i] >= 1 && rule.by_month[i] <= 12) months.insert(rule.by_month[i]);
    }
  } else if (rule.freq == ICAL_YEARLY_RECURRENCE) {
    months.insert(start_month);
  } else {
    const int step = std::gcd(std::max<int>(rule.interval, 1), 12);
    for (int m = 0; m < 12; m += step) months.insert((start_month - 1 + m) % 12 + 1);
  }
  if (months.empty()) return FirstDay::search;
  // A day that fits some month for sure, or only a 29 February that a yearly INTERVAL may never reach.
  const bool leap_years_sure = rule.interval <= 1 || rule.freq == ICAL_MONTHLY_RECURRENCE;
  const auto fit = [&](const std::vector<int>& days) {
    FirstDay best = FirstDay::none;
    for (const int day : days) {
      for (const int m : months) {
        const int wanted = std::abs(day);
        if (wanted < 1 || wanted > days_in_month(m)) continue;
        if (m != 2 || wanted < 29 || leap_years_sure) return FirstDay::quick;
        best = FirstDay::search;
      }
    }
    return best;
  };
  const int weekdays = count_of(rule.by_day, ICAL_BY_DAY_SIZE);
  bool ordinals = false;
  int largest_ordinal = 0;
  for (int i = 0; i < weekdays; ++i) {
    const int position = icalrecurrencetype_day_position(rule.by_day[i]);
    ordinals = ordinals || position != 0;
    largest_ordinal = std::max(largest_ordinal, std::abs(position));
  }
  const bool in_months = rule.freq == ICAL_MONTHLY_RECURRENCE || is_set(rule.by_month);
  if (is_set(rule.by_set_pos)) {
    if (!is_set(rule.by_day) || ordinals || is_set(rule.by_month_day)) return FirstDay::search;
    const int at_least = (in_months ? 4 : 52) * weekdays;  // matching days in each month or year
    for (int i = 0; i < ICAL_BY_SETPOS_SIZE && rule.by_set_pos[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
      if (std::abs(rule.by_set_pos[i]) >= 1 && std::abs(rule.by_set_pos[i]) <= at_least) return FirstDay::quick;
    }
    return FirstDay::search;
  }
  if (is_set(rule.by_day) && ordinals) {
    if (is_set(rule.by_month_day)) return FirstDay::search;
    if (largest_ordinal > (in_months ? 5 : 53)) return FirstDay::none;
    return largest_ordinal <= (in_months ? 4 : 52) ? FirstDay::quick : FirstDay::search;
  }
  // A weekday alone is in every month; with month days it falls on each of them now and then.
  if (is_set(rule.by_day) && !is_set(rule.by_month_day)) return FirstDay::quick;
  std::vector<int> days;
  for (int i = 0; i < ICAL_BY_MONTHDAY_SIZE && rule.by_month_day[i] != ICAL_RECURRENCE_ARRAY_MAX; ++i) {
    days.push_back(rule.by_month_day[i]);
  }
  if (days.empty()) days.push_back(static_cast<int>(static_cast<unsigned>(first.day())));  // libical takes DTSTART's
  return fit(days);
}

class Importer {
 public:
  Importer(TimePoint from, TimePoint to, CalendarImport& out)
      : from_(from),
        to_(to),
        first_second_(std::clamp(date::floor<seconds>(from), Instant{kEarliest}, Instant{kLatest})),
        last_second_(std::clamp(date::ceil<seconds>(to), Instant{kEarliest}, Instant{kLatest})),
        out_(out) {}

  void read(icalcomponent* calendar) {
    ZoneBook zones(calendar);
    std::vector<icalcomponent*> events;
    for (icalcomponent* e = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); e != nullptr;
         e = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
      events.push_back(e);
    }
    // Replacements first: they take their occurrence out of the series whether or not they are busy themselves.
    std::map<std::string, std::set<Instant>> replaced;
    for (icalcomponent* event : events) {
      icalproperty* id = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
      if (id == nullptr) continue;
      const Zone& floating = start_zone(event, zones);
      if (auto moment = moment_of(id, zones, floating)) replaced[uid_of(event)].insert(moment->instant());
    }
    for (icalcomponent* event : events) {
      if (!read_event(event, zones, replaced)) ++out_.skipped;
    }
  }

 private:
  // The zone a floating RECURRENCE-ID or EXDATE is read in: that of the event's DTSTART, as clients that forget the
  // TZID there mean.
  static const Zone& start_zone(icalcomponent* event, ZoneBook& zones) {
    icalproperty* dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (dtstart == nullptr) return zones.home();
    const auto start = moment_of(dtstart, zones, zones.home());
    return start ? *start->zone : zones.home();
  }

  // False when the event cannot be read (it is counted); true when read, busy or not.
  bool read_event(icalcomponent* event, ZoneBook& zones, const std::map<std::string, std::set<Instant>>& replaced) {
    if (lost_a_time_property(event)) return false;
    if (is_free(event) || is_ours(uid_of(event))) return true;
    icalproperty* dtstart = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY);
    if (dtstart == nullptr) return false;
    const auto start = moment_of(dtstart, zones, zones.home());
    if (!start) return false;
    const auto length = length_of(event, *start, zones);
    if (!length) return false;
    if (length->days.count() == 0 && length->exact.count() == 0) return true;  // takes no time

    std::set<Wall> walls{start->wall};  // occurrences, as wall times of DTSTART's zone
    const Zone& zone = *start->zone;
    const Wall lo = wall_in(zone, first_second_) - length->days - length->exact - date::days(1);
    const Wall hi = wall_in(zone, last_second_) + date::days(1);
    std::set<Instant> excluded;
    std::set<date::local_days> excluded_days;
    const bool replacement = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nullptr;
    if (!replacement) {
      for (icalproperty* rrule : properties(event, ICAL_RRULE_PROPERTY)) {
        if (!expand(icalproperty_get_rrule(rrule), *start, lo, hi, walls)) return false;
      }
      for (icalproperty* rdate : properties(event, ICAL_RDATE_PROPERTY)) {
        const auto extra = moment_of(rdate, zones, zone);
        if (!extra) return false;
        if (walls.size() < kMaxOccurrences) walls.insert(wall_in(zone, extra->instant()));
      }
      for (icalproperty* exdate : properties(event, ICAL_EXDATE_PROPERTY)) {
        const auto gone = moment_of(exdate, zones, zone);
        if (!gone) return false;
        if (gone->all_day) {
          excluded_days.insert(date::floor<date::days>(gone->wall));
        } else {
          excluded.insert(gone->instant());
        }
      }
      if (const auto it = replaced.find(uid_of(event)); it != replaced.end()) {
        excluded.insert(it->second.begin(), it->second.end());
      }
    }

    const std::string title = title_of(icalcomponent_get_summary(event));
    for (const Wall wall : walls) {
      if (wall < lo || wall > hi) continue;
      const Instant starts = utc_of(zone, wall);
      if (excluded.count(starts) != 0 || excluded_days.count(date::floor<date::days>(wall)) != 0) continue;
      const Instant ends = (length->days.count() != 0 ? utc_of(zone, wall + length->days) : starts) + length->exact;
      const TimePoint busy_starts{starts};
      const TimePoint busy_ends{ends};
      if (busy_starts < to_ && busy_ends > from_ && busy_ends > busy_starts) {
        out_.busy.push_back(ImportedBusy{busy_starts, busy_ends, title});
      }
    }
    return true;
  }

  // DTEND, else DURATION, else a day for an all-day event and nothing for a timed one (RFC 5545 3.6.1).
  static std::optional<Length> length_of(icalcomponent* event, const Moment& start, ZoneBook& zones) {
    if (icalproperty* dtend = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY)) {
      const auto end = moment_of(dtend, zones, zones.home());
      if (!end || end->all_day != start.all_day) return std::nullopt;
      if (start.all_day) {
        const auto days = date::floor<date::days>(end->wall) - date::floor<date::days>(start.wall);
        if (days.count() < 0 || days.count() > kMaxEventDays) return std::nullopt;
        return Length{std::max(days, date::days(1)), seconds(0)};  // DTEND on DTSTART's day: as if none
      }
      const seconds exact = end->instant() - start.instant();
      if (exact.count() < 0 || exact > date::days(kMaxEventDays)) return std::nullopt;
      return Length{date::days(0), exact};
    }
    if (icalproperty* duration = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY)) {
      const icaldurationtype d = icalproperty_get_duration(duration);
      if (d.is_neg != 0) return std::nullopt;
      const std::int64_t days = std::int64_t{d.weeks} * 7 + d.days;
      const std::int64_t exact = std::int64_t{d.hours} * 3600 + std::int64_t{d.minutes} * 60 + d.seconds;
      if (days > kMaxEventDays || exact > kMaxEventDays * 86400) return std::nullopt;
      if (start.all_day) {
        // Time parts round up to whole days: an all-day event covers days.
        const std::int64_t whole = days + (exact + 86399) / 86400;
        return Length{date::days(whole), seconds(0)};
      }
      return Length{date::days(days), seconds(exact)};
    }
    return start.all_day ? Length{date::days(1), seconds(0)} : Length{};
  }

  // Adds the occurrences of one RRULE between lo and hi to `walls`; false for a rule that cannot be read.
  bool expand(icalrecurrencetype rule, const Moment& start, Wall lo, Wall hi, std::set<Wall>& walls) {
    if (rule.freq == ICAL_NO_RECURRENCE || rule.rscale != nullptr) return false;
    // No calendar app writes them, and libical 3.0 would walk them second by second towards the year 2582.
    if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE ||
        rule.freq == ICAL_HOURLY_RECURRENCE) {
      return false;
    }
    Wall until = hi;
    if (!icaltime_is_null_time(rule.until)) {
      const auto wall = wall_of(rule.until);
      if (!wall) return false;
      Wall last = *wall;
      if (rule.until.is_date) {
        if (!start.all_day) last += date::days(1) - seconds(1);  // the whole of that day
      } else if (icaltime_is_utc(rule.until)) {
        last = wall_in(*start.zone, Instant{wall->time_since_epoch()});
      }
      if (start.all_day) last = date::floor<date::days>(last);
      until = std::min(until, last);
    }
    if (until < lo || start.wall > hi) return true;
    if (rule.freq == ICAL_MONTHLY_RECURRENCE || rule.freq == ICAL_YEARLY_RECURRENCE) {
      const FirstDay day = first_day(rule, start.wall);
      if (day == FirstDay::none) return true;  // DTSTART alone
      if (day == FirstDay::search && ++searching_rules_ > kMaxSearchingRules) return false;
    }
    // libical stops at UNTIL inside its search for the next day, so the range bounds that search too.
    rule.until = ical_time(until, start.all_day);
    // libical 3.0 fails a yearly rule when icalerrno is still set by an earlier error.
    icalerror_clear_errno();
    RuleIterator it(icalrecur_iterator_new(rule, ical_time(start.wall, start.all_day)), &icalrecur_iterator_free);
    if (!it) return false;
    // A rule with COUNT must be counted from DTSTART; any other starts near the range.
    if (rule.count == 0 && lo > start.wall &&
        icalrecur_iterator_set_start(it.get(), ical_time(lo, start.all_day)) == 0) {
      return true;
    }
    for (int step = 0; step < kMaxRuleSteps && walls.size() < kMaxOccurrences; ++step) {
      const icaltimetype next = icalrecur_iterator_next(it.get());
      if (icaltime_is_null_time(next)) break;
      const auto wall = wall_of(next);
      if (!wall || *wall > hi) break;
      if (*wall >= lo) walls.insert(*wall);
    }
    return true;
  }

  TimePoint from_, to_;
  Instant first_second_, last_second_;  // the range to the second, within the years libical knows
  CalendarImport& out_;
  int searching_rules_ = 0;
};

}  // namespace

Result<CalendarImport> busy_times_of(std::string_view ics, TimePoint from, TimePoint to) {
  const auto not_a_calendar = [] { return fail(ErrorCode::invalid, "is not an iCalendar file", "calendar"); };
  // libical reads C strings: a NUL would end the file early without a word.
  if (ics.find('\0') != std::string_view::npos) return not_a_calendar();
  const std::string text(ics);
  Parsed root(icalparser_parse_string(text.c_str()), &icalcomponent_free);
  if (!root) return not_a_calendar();
  // Several VCALENDARs one after the other come as an XROOT; each becomes a top-level component of its own, so that
  // its events find its VTIMEZONEs.
  std::vector<Parsed> calendars;
  if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT) {
    calendars.push_back(std::move(root));
  } else if (icalcomponent_isa(root.get()) == ICAL_XROOT_COMPONENT) {
    std::vector<icalcomponent*> children;
    for (icalcomponent* c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c != nullptr;
         c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT)) {
      children.push_back(c);
    }
    for (icalcomponent* child : children) {
      icalcomponent_remove_component(root.get(), child);
      calendars.emplace_back(child, &icalcomponent_free);
    }
  }
  if (calendars.empty()) return not_a_calendar();

  CalendarImport out;
  if (from >= to) return out;
  Importer importer(from, to, out);
  for (const auto& calendar : calendars) importer.read(calendar.get());
  std::sort(out.busy.begin(), out.busy.end(), [](const ImportedBusy& a, const ImportedBusy& b) {
    return std::tie(a.starts, a.ends, a.title) < std::tie(b.starts, b.ends, b.title);
  });
  return out;
}

}  // namespace termintreu::appointments
