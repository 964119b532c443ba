#include "campaigns/public_holidays.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace termintreu::campaigns {
namespace {

constexpr int kFirstYear = 1583;  // the first full Gregorian year
constexpr int kLastYear = 9999;

enum class Anchor { fixed, easter, computed };

// How a holiday's day is found in a given year: a fixed month and day, an offset from Easter Sunday, or a function.
struct DayRule {
  Anchor anchor;
  int month;
  int day_or_offset;
  date::year_month_day (*compute)(int year, date::sys_days easter);
};

constexpr DayRule fixed(int month, int day) {
  return {Anchor::fixed, month, day, nullptr};
}
constexpr DayRule after_easter(int days) {
  return {Anchor::easter, 0, days, nullptr};
}
constexpr DayRule computed(date::year_month_day (*compute)(int, date::sys_days)) {
  return {Anchor::computed, 0, 0, compute};
}

// Wednesday before 23 November (Saxony).
date::year_month_day buss_und_bettag(int year, date::sys_days) {
  const date::sys_days nov23{date::year{year} / date::November / 23};
  auto back = date::weekday{nov23} - date::Wednesday;
  if (back == date::days{0}) back = date::days{7};
  return nov23 - back;
}

// Thursday after the first Sunday of September (Geneva).
date::year_month_day jeune_genevois(int year, date::sys_days) {
  return date::sys_days{date::year{year} / date::September / date::Sunday[1]} + date::days{4};
}

// Monday after the third Sunday of September, the federal day of prayer (Vaud, Neuchâtel).
date::year_month_day bettagsmontag(int year, date::sys_days) {
  return date::sys_days{date::year{year} / date::September / date::Sunday[3]} + date::days{1};
}

// First Thursday of April, a week later when that is Maundy Thursday (Glarus).
date::year_month_day naefelser_fahrt(int year, date::sys_days easter) {
  const date::sys_days first_thursday{date::year{year} / date::April / date::Thursday[1]};
  return first_thursday == easter - date::days{3} ? first_thursday + date::days{7} : first_thursday;
}

struct HolidayRule {
  std::string_view country;
  std::string_view name;
  DayRule when;
  std::string_view subdivisions;  // space-separated codes; empty: the whole country
  int from_year = kFirstYear;
  int until_year = kLastYear;
};

constexpr std::string_view kGermanStates = "BB BE BW BY HB HE HH MV NI NW RP SH SL SN ST TH";
constexpr std::string_view kAustrianStates = "1 2 3 4 5 6 7 8 9";
constexpr std::string_view kCantons = "AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH";

// One row per holiday (and per change of the law); see the decision record for sources and doubts.
constexpr auto kRules = std::to_array<HolidayRule>({
    {"DE", "Neujahr", fixed(1, 1), ""},
    {"DE", "Heilige Drei Könige", fixed(1, 6), "BW BY ST"},
    {"DE", "Internationaler Frauentag", fixed(3, 8), "BE", 2019},
    {"DE", "Internationaler Frauentag", fixed(3, 8), "MV", 2023},
    {"DE", "Karfreitag", after_easter(-2), ""},
    {"DE", "Ostersonntag", after_easter(0), "BB"},
    {"DE", "Ostermontag", after_easter(1), ""},
    {"DE", "Tag der Arbeit", fixed(5, 1), ""},
    {"DE", "Tag der Befreiung", fixed(5, 8), "BE", 2020, 2020},
    {"DE", "Tag der Befreiung", fixed(5, 8), "BE", 2025, 2025},
    {"DE", "Christi Himmelfahrt", after_easter(39), ""},
    {"DE", "Pfingstsonntag", after_easter(49), "BB"},
    {"DE", "Pfingstmontag", after_easter(50), ""},
    // In Saxony and Thuringia only in some Catholic communities: counted for the whole state.
    {"DE", "Fronleichnam", after_easter(60), "BW BY HE NW RP SL SN TH"},
    {"DE", "Jahrestag des Volksaufstandes vom 17. Juni 1953", fixed(6, 17), "BE", 2028, 2028},
    // In Bavaria only in communities with a Catholic majority (most of them): counted for the whole state.
    {"DE", "Mariä Himmelfahrt", fixed(8, 15), "BY SL"},
    {"DE", "Weltkindertag", fixed(9, 20), "TH", 2019},
    {"DE", "Tag der Deutschen Einheit", fixed(10, 3), ""},
    {"DE", "Reformationstag", fixed(10, 31), "BB MV SN ST TH"},
    {"DE", "Reformationstag", fixed(10, 31), "HB HH NI SH", 2018},
    {"DE", "Reformationstag", fixed(10, 31), "", 2017, 2017},
    {"DE", "Allerheiligen", fixed(11, 1), "BW BY NW RP SL"},
    {"DE", "Buß- und Bettag", computed(buss_und_bettag), "SN", 1995},
    {"DE", "1. Weihnachtstag", fixed(12, 25), ""},
    {"DE", "2. Weihnachtstag", fixed(12, 26), ""},

    {"AT", "Neujahr", fixed(1, 1), ""},
    {"AT", "Heilige Drei Könige", fixed(1, 6), ""},
    {"AT", "Ostermontag", after_easter(1), ""},
    {"AT", "Staatsfeiertag", fixed(5, 1), ""},
    {"AT", "Christi Himmelfahrt", after_easter(39), ""},
    {"AT", "Pfingstmontag", after_easter(50), ""},
    {"AT", "Fronleichnam", after_easter(60), ""},
    {"AT", "Mariä Himmelfahrt", fixed(8, 15), ""},
    {"AT", "Nationalfeiertag", fixed(10, 26), ""},
    {"AT", "Allerheiligen", fixed(11, 1), ""},
    {"AT", "Mariä Empfängnis", fixed(12, 8), ""},
    {"AT", "Christtag", fixed(12, 25), ""},
    {"AT", "Stefanitag", fixed(12, 26), ""},

    // Switzerland: only 1 August is federal; the rest is cantonal law or custom. Where a canton keeps a day only
    // in its Catholic parts (FR, SO, GR, AG) or only as a customary rest day, it is listed all the same.
    {"CH", "Neujahr", fixed(1, 1), ""},
    {"CH", "Berchtoldstag", fixed(1, 2), "AG BE FR GL JU LU NE NW OW SG SH SO TG VD VS ZG ZH"},
    {"CH", "Heilige Drei Könige", fixed(1, 6), "SZ TI UR"},
    {"CH", "Jahrestag der Ausrufung der Republik", fixed(3, 1), "NE"},
    {"CH", "Josefstag", fixed(3, 19), "NW SZ TI UR VS"},
    {"CH", "Näfelser Fahrt", computed(naefelser_fahrt), "GL"},
    {"CH", "Karfreitag", after_easter(-2), "AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG UR VD ZG ZH"},
    {"CH", "Ostermontag", after_easter(1), ""},
    {"CH", "Tag der Arbeit", fixed(5, 1), "AG BL BS JU NE SH SO TG TI ZH"},
    {"CH", "Auffahrt", after_easter(39), ""},
    {"CH", "Pfingstmontag", after_easter(50), ""},
    {"CH", "Fronleichnam", after_easter(60), "AG AI FR GR JU LU NE NW OW SO SZ TI UR VS ZG"},
    {"CH", "Fest der Unabhängigkeit", fixed(6, 23), "JU"},
    {"CH", "Peter und Paul", fixed(6, 29), "TI"},
    {"CH", "Bundesfeiertag", fixed(8, 1), ""},
    {"CH", "Mariä Himmelfahrt", fixed(8, 15), "AG AI FR GR JU LU NW OW SO SZ TI UR VS ZG"},
    {"CH", "Genfer Bettag", computed(jeune_genevois), "GE"},
    {"CH", "Bettagsmontag", computed(bettagsmontag), "NE VD"},
    {"CH", "Bruder Klaus", fixed(9, 25), "OW"},
    {"CH", "Allerheiligen", fixed(11, 1), "AG AI FR GL GR JU LU NW OW SG SO SZ TI UR VS ZG"},
    {"CH", "Mariä Empfängnis", fixed(12, 8), "AG AI FR GR LU NW OW SO SZ TI UR VS ZG"},
    {"CH", "Weihnachten", fixed(12, 25), ""},
    {"CH", "Stephanstag", fixed(12, 26), ""},
    {"CH", "Wiederherstellung der Republik", fixed(12, 31), "GE"},
});

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

bool list_contains(std::string_view list, std::string_view code) {
  while (!list.empty()) {
    const auto space = list.find(' ');
    if (list.substr(0, space) == code) return true;
    if (space == std::string_view::npos) break;
    list.remove_prefix(space + 1);
  }
  return false;
}

std::string_view subdivisions_of(std::string_view country) {
  if (country == "DE") return kGermanStates;
  if (country == "AT") return kAustrianStates;
  if (country == "CH") return kCantons;
  return {};
}

// Upper-cased, "DE-BY" reduced to "BY", and empty when it is not a known subdivision (then every rule applies).
struct NormalRegion {
  std::string country;
  std::string subdivision;
};

NormalRegion normalise(const Region& region) {
  NormalRegion out{upper(region.country), upper(region.subdivision)};
  const std::string prefix = out.country + "-";
  if (out.subdivision.starts_with(prefix)) out.subdivision.erase(0, prefix.size());
  if (out.subdivision.empty() || !list_contains(subdivisions_of(out.country), out.subdivision)) {
    out.subdivision.clear();
  }
  return out;
}

bool applies(const HolidayRule& rule, const NormalRegion& region, int year) {
  if (rule.country != region.country || year < rule.from_year || year > rule.until_year) return false;
  return rule.subdivisions.empty() || region.subdivision.empty() ||
         list_contains(rule.subdivisions, region.subdivision);
}

date::year_month_day day_in(int year, const DayRule& rule, date::sys_days easter) {
  switch (rule.anchor) {
    case Anchor::fixed:
      return date::year{year} / date::month{static_cast<unsigned>(rule.month)} /
             date::day{static_cast<unsigned>(rule.day_or_offset)};
    case Anchor::easter:
      return easter + date::days{rule.day_or_offset};
    case Anchor::computed:
      return rule.compute(year, easter);
  }
  return {};
}

}  // namespace

date::year_month_day easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return date::year{year} / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
}

bool holidays_known_for(std::string_view country) {
  return !subdivisions_of(upper(country)).empty();
}

bool subdivision_known(const Region& region) {
  return !normalise(region).subdivision.empty();
}

std::vector<Holiday> public_holidays(int year, const Region& region) {
  std::vector<Holiday> out;
  if (year < kFirstYear || year > kLastYear) return out;
  const NormalRegion where = normalise(region);
  const date::sys_days easter{easter_sunday(year)};
  for (const auto& rule : kRules) {
    if (applies(rule, where, year)) out.push_back({day_in(year, rule.when, easter), std::string(rule.name)});
  }
  std::sort(out.begin(), out.end(),
            [](const Holiday& a, const Holiday& b) { return a.day != b.day ? a.day < b.day : a.name < b.name; });
  // With an unknown subdivision several rows of one holiday (e.g. Reformationstag before and after 2018) meet.
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Holiday> public_holiday_on(date::year_month_day day, const Region& region) {
  if (!day.ok()) return std::nullopt;
  for (auto& holiday : public_holidays(static_cast<int>(day.year()), region)) {
    if (holiday.day == day) return std::move(holiday);
  }
  return std::nullopt;
}

}  // namespace termintreu::campaigns
