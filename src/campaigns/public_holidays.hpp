#pragma once
// Public holidays of Germany, Austria and Switzerland, computed from rules (Easter and fixed days), never from a
// list of dates. No calls are made on them; see docs/decisions/0006-calling-rules-and-holidays.md for the tables,
// their sources and what is uncertain.
//
// Deliberately conservative, because calling on a holiday is the mistake that matters, not losing a calling day:
// - An unknown or empty subdivision counts every day that is a holiday in ANY subdivision of the country.
// - A holiday that a state or canton keeps only in some of its communities (Mariä Himmelfahrt in Bavaria,
//   Fronleichnam in Saxony and Thuringia, the Catholic days in Fribourg, Solothurn and Graubünden) counts for the
//   whole state or canton. City holidays (Augsburger Friedensfest, Zürich's Sechseläuten) are not modelled.
// - A country other than DE, AT, CH has no known holidays: the functions return nothing for it, so callers that
//   must not call on unknown holidays ask holidays_known_for() first.
//
// The tables hold the law as of 2026 including the changes since 1995 (e.g. Reformationstag in the northern states
// from 2018, Frauentag in Berlin from 2019 and Mecklenburg-Vorpommern from 2023); earlier years get today's rules.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

namespace termintreu::campaigns {

struct Region {
  // ISO 3166-1 alpha-2: "DE", "AT", "CH" (case does not matter).
  std::string country;
  // The ISO 3166-2 code after the country prefix (a full "DE-BY" is accepted too); empty or unknown = unknown:
  //   DE: the state ("BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH");
  //   AT: the Bundesland number ("1" Burgenland, "2" Kärnten, "3" Niederösterreich, "4" Oberösterreich,
  //       "5" Salzburg, "6" Steiermark, "7" Tirol, "8" Vorarlberg, "9" Wien) — all AT holidays are national;
  //   CH: the canton ("ZH", "BE", "LU", … the 26 official abbreviations).
  std::string subdivision;
};

struct Holiday {
  date::year_month_day day;
  std::string name;  // German, as the UI shows it

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// DE, AT and CH.
bool holidays_known_for(std::string_view country);
// True when the subdivision names a state or canton of a supported country (import and form validation).
bool subdivision_known(const Region& region);

// The holidays of `year` in `region`, sorted by day (two holidays on one day are both listed). Empty for years
// outside 1583–9999 (the Gregorian computus) and for unsupported countries.
std::vector<Holiday> public_holidays(int year, const Region& region);
// The holiday on `day` in `region`, if there is one.
std::optional<Holiday> public_holiday_on(date::year_month_day day, const Region& region);

// Easter Sunday by the Anonymous Gregorian algorithm (Meeus); valid for Gregorian years from 1583.
date::year_month_day easter_sunday(int year);

}  // namespace termintreu::campaigns
