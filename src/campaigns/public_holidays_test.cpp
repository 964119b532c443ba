#include "campaigns/public_holidays.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace termintreu::campaigns {
namespace {

// "MM-DD Name", one per holiday, so a failing list shows the difference at a glance.
std::vector<std::string> listed(int year, const Region& region) {
  std::vector<std::string> out;
  for (const auto& h : public_holidays(year, region)) {
    out.push_back(fmt::format("{:02}-{:02} {}", static_cast<unsigned>(h.day.month()),
                              static_cast<unsigned>(h.day.day()), h.name));
  }
  return out;
}

date::year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

std::string holiday_name(date::year_month_day day, const Region& region) {
  const auto found = public_holiday_on(day, region);
  return found ? found->name : "-";
}

TEST(PublicHolidays, EasterSundayByTheGregorianComputus) {
  const std::vector<std::pair<int, date::year_month_day>> cases{
      {2024, ymd(2024, 3, 31)}, {2025, ymd(2025, 4, 20)}, {2026, ymd(2026, 4, 5)},
      {2027, ymd(2027, 3, 28)}, {2038, ymd(2038, 4, 25)}, {2000, ymd(2000, 4, 23)},
      {2011, ymd(2011, 4, 24)}, {2008, ymd(2008, 3, 23)}, {1818, ymd(1818, 3, 22)},  // the earliest possible date
      {1943, ymd(1943, 4, 25)},                                                      // the latest possible date
      {2285, ymd(2285, 3, 22)},
  };
  for (const auto& [year, expected] : cases) EXPECT_EQ(easter_sunday(year), expected) << year;
}

TEST(PublicHolidays, BussUndBettagIsTheWednesdayBefore23November) {
  const Region saxony{"DE", "SN"};
  const std::vector<date::year_month_day> days{ymd(2026, 11, 18), ymd(2025, 11, 19), ymd(2027, 11, 17),
                                               ymd(2023, 11, 22), ymd(2022, 11, 16)};
  for (const auto& day : days) EXPECT_EQ(holiday_name(day, saxony), "Buß- und Bettag") << day;
  EXPECT_EQ(holiday_name(ymd(2022, 11, 23), saxony), "-") << "23 November itself never is";
}

TEST(PublicHolidays, Bavaria2026) {
  EXPECT_EQ(listed(2026, {"DE", "BY"}), (std::vector<std::string>{
                                            "01-01 Neujahr",
                                            "01-06 Heilige Drei Könige",
                                            "04-03 Karfreitag",
                                            "04-06 Ostermontag",
                                            "05-01 Tag der Arbeit",
                                            "05-14 Christi Himmelfahrt",
                                            "05-25 Pfingstmontag",
                                            "06-04 Fronleichnam",
                                            "08-15 Mariä Himmelfahrt",
                                            "10-03 Tag der Deutschen Einheit",
                                            "11-01 Allerheiligen",
                                            "12-25 1. Weihnachtstag",
                                            "12-26 2. Weihnachtstag",
                                        }));
}

TEST(PublicHolidays, Berlin2026) {
  EXPECT_EQ(listed(2026, {"DE", "BE"}), (std::vector<std::string>{
                                            "01-01 Neujahr",
                                            "03-08 Internationaler Frauentag",
                                            "04-03 Karfreitag",
                                            "04-06 Ostermontag",
                                            "05-01 Tag der Arbeit",
                                            "05-14 Christi Himmelfahrt",
                                            "05-25 Pfingstmontag",
                                            "10-03 Tag der Deutschen Einheit",
                                            "12-25 1. Weihnachtstag",
                                            "12-26 2. Weihnachtstag",
                                        }));
}

TEST(PublicHolidays, NorthRhineWestphalia2026) {
  EXPECT_EQ(listed(2026, {"DE", "NW"}), (std::vector<std::string>{
                                            "01-01 Neujahr",
                                            "04-03 Karfreitag",
                                            "04-06 Ostermontag",
                                            "05-01 Tag der Arbeit",
                                            "05-14 Christi Himmelfahrt",
                                            "05-25 Pfingstmontag",
                                            "06-04 Fronleichnam",
                                            "10-03 Tag der Deutschen Einheit",
                                            "11-01 Allerheiligen",
                                            "12-25 1. Weihnachtstag",
                                            "12-26 2. Weihnachtstag",
                                        }));
}

TEST(PublicHolidays, Saxony2026CountsFronleichnamOfItsCatholicCommunities) {
  EXPECT_EQ(listed(2026, {"DE", "SN"}), (std::vector<std::string>{
                                            "01-01 Neujahr",
                                            "04-03 Karfreitag",
                                            "04-06 Ostermontag",
                                            "05-01 Tag der Arbeit",
                                            "05-14 Christi Himmelfahrt",
                                            "05-25 Pfingstmontag",
                                            "06-04 Fronleichnam",
                                            "10-03 Tag der Deutschen Einheit",
                                            "10-31 Reformationstag",
                                            "11-18 Buß- und Bettag",
                                            "12-25 1. Weihnachtstag",
                                            "12-26 2. Weihnachtstag",
                                        }));
}

TEST(PublicHolidays, StateLawChangesTakeEffectInTheirYear) {
  struct Case {
    date::year_month_day day;
    std::string subdivision;
    std::string expected;  // "-": no holiday
  };
  const std::vector<Case> cases{
      {ymd(2016, 10, 31), "HB", "-"},
      {ymd(2017, 10, 31), "HB", "Reformationstag"},  // nationwide once, for the 500th anniversary
      {ymd(2017, 10, 31), "BY", "Reformationstag"},
      {ymd(2018, 10, 31), "BY", "-"},
      {ymd(2018, 10, 31), "NI", "Reformationstag"},
      {ymd(2018, 3, 8), "BE", "-"},
      {ymd(2019, 3, 8), "BE", "Internationaler Frauentag"},
      {ymd(2022, 3, 8), "MV", "-"},
      {ymd(2023, 3, 8), "MV", "Internationaler Frauentag"},
      {ymd(2018, 9, 20), "TH", "-"},
      {ymd(2019, 9, 20), "TH", "Weltkindertag"},
      {ymd(2025, 5, 8), "BE", "Tag der Befreiung"},
      {ymd(2026, 5, 8), "BE", "-"},
      {ymd(2026, 8, 15), "SL", "Mariä Himmelfahrt"},
      {ymd(2026, 8, 15), "BW", "-"},
      {ymd(2026, 6, 4), "TH", "Fronleichnam"},
      {ymd(2026, 6, 4), "NI", "-"},
      {ymd(2026, 8, 8), "BY", "-"},  // Augsburger Friedensfest: the city of Augsburg only, not modelled
      {ymd(2026, 4, 5), "BB", "Ostersonntag"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(holiday_name(c.day, {"DE", c.subdivision}), c.expected) << c.subdivision << " " << c.day;
  }
}

TEST(PublicHolidays, Austria2026IsTheSameInEveryState) {
  const std::vector<std::string> expected{
      "01-01 Neujahr",        "01-06 Heilige Drei Könige", "04-06 Ostermontag",
      "05-01 Staatsfeiertag", "05-14 Christi Himmelfahrt", "05-25 Pfingstmontag",
      "06-04 Fronleichnam",   "08-15 Mariä Himmelfahrt",   "10-26 Nationalfeiertag",
      "11-01 Allerheiligen",  "12-08 Mariä Empfängnis",    "12-25 Christtag",
      "12-26 Stefanitag",
  };
  EXPECT_EQ(listed(2026, {"AT", "9"}), expected);
  EXPECT_EQ(listed(2026, {"AT", "2"}), expected);
  EXPECT_EQ(listed(2026, {"AT", ""}), expected);
  EXPECT_EQ(holiday_name(ymd(2026, 4, 3), {"AT", "9"}), "-") << "Karfreitag is no holiday in Austria since 2019";
}

TEST(PublicHolidays, SwissCantonsDiffer) {
  struct Case {
    date::year_month_day day;
    std::string canton;
    std::string expected;
  };
  const std::vector<Case> cases{
      {ymd(2026, 8, 1), "ZH", "Bundesfeiertag"},
      {ymd(2026, 8, 1), "TI", "Bundesfeiertag"},
      {ymd(2026, 5, 1), "ZH", "Tag der Arbeit"},
      {ymd(2026, 5, 1), "BE", "-"},
      {ymd(2026, 6, 4), "ZH", "-"},
      {ymd(2026, 6, 4), "LU", "Fronleichnam"},
      {ymd(2026, 4, 3), "ZH", "Karfreitag"},
      {ymd(2026, 4, 3), "TI", "-"},
      {ymd(2026, 1, 2), "BE", "Berchtoldstag"},
      {ymd(2026, 1, 2), "GE", "-"},
      {ymd(2026, 9, 10), "GE", "Genfer Bettag"},
      {ymd(2026, 9, 21), "VD", "Bettagsmontag"},
      {ymd(2026, 4, 9), "GL", "Näfelser Fahrt"},  // the first Thursday (2 April) is Maundy Thursday: a week later
      {ymd(2025, 4, 3), "GL", "Näfelser Fahrt"},
      {ymd(2026, 6, 29), "TI", "Peter und Paul"},
      {ymd(2026, 12, 31), "GE", "Wiederherstellung der Republik"},
      {ymd(2026, 5, 14), "GE", "Auffahrt"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(holiday_name(c.day, {"CH", c.canton}), c.expected) << c.canton << " " << c.day;
  }
}

TEST(PublicHolidays, AnUnknownSubdivisionCountsEveryStatesHolidays) {
  const auto germany = listed(2026, {"DE", ""});
  for (const auto* expected :
       {"01-06 Heilige Drei Könige", "03-08 Internationaler Frauentag", "06-04 Fronleichnam", "08-15 Mariä Himmelfahrt",
        "09-20 Weltkindertag", "10-31 Reformationstag", "11-01 Allerheiligen", "11-18 Buß- und Bettag"}) {
    EXPECT_EQ(std::count(germany.begin(), germany.end(), expected), 1) << expected;
  }
  EXPECT_EQ(germany.size(), 19U);
  EXPECT_EQ(listed(2026, {"DE", "XX"}), germany) << "a code that is no state is unknown";
  EXPECT_EQ(holiday_name(ymd(2026, 6, 4), {"CH", ""}), "Fronleichnam");
  EXPECT_EQ(holiday_name(ymd(2026, 9, 10), {"CH", "??"}), "Genfer Bettag");
}

TEST(PublicHolidays, CodesAreReadLeniently) {
  const auto bavaria = listed(2026, {"DE", "BY"});
  EXPECT_EQ(listed(2026, {"de", "by"}), bavaria);
  EXPECT_EQ(listed(2026, {"DE", "DE-BY"}), bavaria);
  EXPECT_TRUE(subdivision_known({"DE", "de-nw"}));
  EXPECT_TRUE(subdivision_known({"AT", "9"}));
  EXPECT_TRUE(subdivision_known({"CH", "AI"}));
  EXPECT_FALSE(subdivision_known({"DE", "ZH"}));
  EXPECT_FALSE(subdivision_known({"DE", ""}));
  EXPECT_FALSE(subdivision_known({"DE", "B"})) << "no partial matches";
}

TEST(PublicHolidays, OtherCountriesAndYearsHaveNone) {
  EXPECT_TRUE(holidays_known_for("DE"));
  EXPECT_TRUE(holidays_known_for("at"));
  EXPECT_TRUE(holidays_known_for("CH"));
  EXPECT_FALSE(holidays_known_for("FR"));
  EXPECT_FALSE(holidays_known_for(""));
  EXPECT_TRUE(public_holidays(2026, {"FR", ""}).empty());
  EXPECT_FALSE(public_holiday_on(ymd(2026, 12, 25), {"US", "NY"}));
  EXPECT_TRUE(public_holidays(1500, {"DE", "BY"}).empty());
  EXPECT_FALSE(public_holiday_on(ymd(2026, 2, 30), {"DE", "BY"}));
}

}  // namespace
}  // namespace termintreu::campaigns
