#include "appointments/calendar_import.hpp"

#include <chrono>
#include <random>
#include <string>
#include <vector>

#include <date/tz.h>
#include <gtest/gtest.h>

namespace termintreu::appointments {
namespace {

using platform::ErrorCode;
using platform::TimePoint;
using namespace std::chrono;

TimePoint utc(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return TimePoint(sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min));
}

// The wall time in Berlin, as "2026-03-31 09:00".
std::string berlin(TimePoint t) {
  return date::format("%F %R", date::zoned_time(date::locate_zone("Europe/Berlin"), floor<seconds>(t)));
}

std::string calendar(const std::string& body) {
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Test//EN\r\n";
  std::string line;
  for (char c : body) {  // the test bodies are written with \n
    if (c == '\n') {
      text += line + "\r\n";
      line.clear();
    } else {
      line += c;
    }
  }
  if (!line.empty()) text += line + "\r\n";
  return text + "END:VCALENDAR\r\n";
}

std::string event(const std::string& lines, const std::string& uid = "e@test") {
  return "BEGIN:VEVENT\nUID:" + uid + "\nDTSTAMP:20260101T000000Z\n" + lines + "\nEND:VEVENT\n";
}

// A year around the tests' dates.
const TimePoint kFrom = utc(2025, 12, 1);
const TimePoint kTo = utc(2026, 12, 1);

CalendarImport import(const std::string& ics, TimePoint from = kFrom, TimePoint to = kTo) {
  auto result = busy_times_of(ics, from, to);
  EXPECT_TRUE(result) << (result ? "" : result.error().message);
  return result ? *result : CalendarImport{};
}

TEST(CalendarImport, SingleEventsInEachWayOfWritingTimes) {
  struct Case {
    std::string name, lines;
    TimePoint starts, ends;
  };
  const std::vector<Case> cases{
      {"UTC", "DTSTART:20260115T090000Z\nDTEND:20260115T100000Z", utc(2026, 1, 15, 9), utc(2026, 1, 15, 10)},
      {"Berlin in winter", "DTSTART;TZID=Europe/Berlin:20260115T090000\nDTEND;TZID=Europe/Berlin:20260115T100000",
       utc(2026, 1, 15, 8), utc(2026, 1, 15, 9)},
      {"Berlin in summer", "DTSTART;TZID=Europe/Berlin:20260715T090000\nDTEND;TZID=Europe/Berlin:20260715T100000",
       utc(2026, 7, 15, 7), utc(2026, 7, 15, 8)},
      {"floating is Berlin", "DTSTART:20260715T090000\nDTEND:20260715T100000", utc(2026, 7, 15, 7),
       utc(2026, 7, 15, 8)},
      {"Evolution's path TZID",
       "DTSTART;TZID=/freeassociation.sourceforge.net/Tzfile/Europe/Berlin:20260115T090000\n"
       "DURATION:PT1H",
       utc(2026, 1, 15, 8), utc(2026, 1, 15, 9)},
      {"Windows name without VTIMEZONE", "DTSTART;TZID=Pacific Standard Time:20260115T090000\nDURATION:PT1H",
       utc(2026, 1, 15, 17), utc(2026, 1, 15, 18)},
      {"quoted Windows name", "DTSTART;TZID=\"GMT Standard Time\":20260715T090000\nDURATION:PT1H", utc(2026, 7, 15, 8),
       utc(2026, 7, 15, 9)},
      {"DURATION", "DTSTART;TZID=Europe/Berlin:20260115T090000\nDURATION:PT1H30M", utc(2026, 1, 15, 8),
       utc(2026, 1, 15, 9, 30)},
      {"DURATION of a day keeps the wall time over the change to summer time",
       "DTSTART;TZID=Europe/Berlin:20260328T120000\nDURATION:P1D", utc(2026, 3, 28, 11), utc(2026, 3, 29, 10)},
      {"end in another zone", "DTSTART;TZID=Europe/Berlin:20260115T090000\nDTEND;TZID=Europe/London:20260115T110000",
       utc(2026, 1, 15, 8), utc(2026, 1, 15, 11)},
      {"hour that occurs twice: the first", "DTSTART;TZID=Europe/Berlin:20261025T023000\nDURATION:PT30M",
       utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1)},
      {"hour that does not occur: offset before the change",
       "DTSTART;TZID=Europe/Berlin:20260329T023000\nDURATION:PT30M", utc(2026, 3, 29, 1, 30), utc(2026, 3, 29, 2)},
      {"all-day, two days", "DTSTART;VALUE=DATE:20260115\nDTEND;VALUE=DATE:20260117", utc(2026, 1, 14, 23),
       utc(2026, 1, 16, 23)},
      {"all-day in summer without DTEND", "DTSTART;VALUE=DATE:20260715", utc(2026, 7, 14, 22), utc(2026, 7, 15, 22)},
      {"all-day with DURATION", "DTSTART;VALUE=DATE:20260115\nDURATION:P3D", utc(2026, 1, 14, 23),
       utc(2026, 1, 17, 23)},
  };
  for (const auto& c : cases) {
    const auto result = import(calendar(event(c.lines + "\nSUMMARY:Termin")));
    ASSERT_EQ(result.busy.size(), 1u) << c.name;
    EXPECT_EQ(result.busy[0].starts, c.starts) << c.name << ": " << berlin(result.busy[0].starts);
    EXPECT_EQ(result.busy[0].ends, c.ends) << c.name << ": " << berlin(result.busy[0].ends);
    EXPECT_EQ(result.busy[0].title, "Termin") << c.name;
    EXPECT_EQ(result.skipped, 0) << c.name;
  }
}

// As Outlook exports: a Windows TZID with its own VTIMEZONE (rules from 1601, in Outlook's order).
const std::string kOutlookZone = R"(BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
)";

TEST(CalendarImport, OutlooksWindowsZoneWithItsVtimezone) {
  const auto result = import(calendar(
      "METHOD:PUBLISH\nX-WR-CALNAME:Kalender\n" + kOutlookZone +
      event("SUMMARY:Winter\nDTSTART;TZID=W. Europe Standard Time:20260115T090000\n"
            "DTEND;TZID=W. Europe Standard Time:20260115T103000\nX-MICROSOFT-CDO-BUSYSTATUS:BUSY\nTRANSP:OPAQUE",
            "w@test") +
      event("SUMMARY:Sommer\nDTSTART;TZID=W. Europe Standard Time:20260715T090000\n"
            "DTEND;TZID=W. Europe Standard Time:20260715T103000\nX-MICROSOFT-CDO-BUSYSTATUS:OOF",
            "s@test")));
  ASSERT_EQ(result.busy.size(), 2u);
  EXPECT_EQ(result.busy[0].starts, utc(2026, 1, 15, 8));
  EXPECT_EQ(result.busy[0].ends, utc(2026, 1, 15, 9, 30));
  EXPECT_EQ(result.busy[1].starts, utc(2026, 7, 15, 7));
  EXPECT_EQ(result.busy[1].title, "Sommer");
}

// A TZID that is neither IANA nor a known Windows name is read with the file's VTIMEZONE by libical. The zone is
// made up (+03/+04, changing with the EU) so that no other reading could give the same times.
TEST(CalendarImport, ACustomTzidUsesTheVtimezoneOfTheFile) {
  const std::string zone = R"(BEGIN:VTIMEZONE
TZID:Customized Time Zone
BEGIN:STANDARD
DTSTART:16010101T040000
TZOFFSETFROM:+0400
TZOFFSETTO:+0300
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T030000
TZOFFSETFROM:+0300
TZOFFSETTO:+0400
RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
)";
  const auto result =
      import(calendar(zone + event("DTSTART;TZID=Customized Time Zone:20260115T090000\nDURATION:PT1H", "a@test") +
                      event("DTSTART;TZID=Customized Time Zone:20260715T090000\nDURATION:PT1H\n"
                            "RRULE:FREQ=DAILY;COUNT=2",
                            "b@test")));
  ASSERT_EQ(result.busy.size(), 3u);
  EXPECT_EQ(result.busy[0].starts, utc(2026, 1, 15, 6));
  EXPECT_EQ(result.busy[1].starts, utc(2026, 7, 15, 5));
  EXPECT_EQ(result.busy[2].starts, utc(2026, 7, 16, 5));
  EXPECT_EQ(result.skipped, 0);
}

TEST(CalendarImport, AWeeklySeriesKeepsNineInBerlinAcrossTheClockChange) {
  // Tuesdays at 09:00 from 10 March 2026; summer time starts on 29 March. 24 March is taken out, 7 April moved to
  // Wednesday 14:00 and 21 April cancelled by replacements.
  const std::string replacements =
      event(
          "RECURRENCE-ID;TZID=Europe/Berlin:20260407T090000\nDTSTART;TZID=Europe/Berlin:20260408T140000\n"
          "DTEND;TZID=Europe/Berlin:20260408T150000\nSUMMARY:Jour fixe (verschoben)",
          "series@test") +
      event(
          "RECURRENCE-ID:20260421T070000Z\nDTSTART;TZID=Europe/Berlin:20260421T090000\n"
          "DTEND;TZID=Europe/Berlin:20260421T100000\nSTATUS:CANCELLED",
          "series@test");
  for (const std::string rule : {"FREQ=WEEKLY;COUNT=8", "FREQ=WEEKLY;UNTIL=20260428T070000Z", "FREQ=WEEKLY;BYDAY=TU"}) {
    const auto result = import(calendar(
        event("DTSTART;TZID=Europe/Berlin:20260310T090000\nDTEND;TZID=Europe/Berlin:20260310T100000\nRRULE:" + rule +
                  "\nEXDATE;TZID=Europe/Berlin:20260324T090000\nSUMMARY:Jour fixe",
              "series@test") +
        replacements));
    std::vector<std::string> got;
    for (const auto& b : result.busy) {
      if (b.starts < utc(2026, 5, 1)) got.push_back(berlin(b.starts) + "-" + berlin(b.ends).substr(11) + " " + b.title);
    }
    const std::vector<std::string> expected{
        "2026-03-10 09:00-10:00 Jour fixe", "2026-03-17 09:00-10:00 Jour fixe",
        "2026-03-31 09:00-10:00 Jour fixe", "2026-04-08 14:00-15:00 Jour fixe (verschoben)",
        "2026-04-14 09:00-10:00 Jour fixe", "2026-04-28 09:00-10:00 Jour fixe",
    };
    EXPECT_EQ(got, expected) << rule;
    EXPECT_EQ(result.busy[2].starts, utc(2026, 3, 31, 7)) << rule;
    EXPECT_EQ(result.skipped, 0) << rule;
  }
}

TEST(CalendarImport, SeriesFarFromTheirStartAreReadNearTheRange) {
  struct Case {
    std::string lines;
    std::vector<std::string> expected;  // Berlin starts in the first week of March 2026
  };
  const std::vector<Case> cases{
      {"DTSTART;TZID=Europe/Berlin:20150105T080000\nDURATION:PT15M\nRRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
       {"2026-03-02 08:00", "2026-03-03 08:00", "2026-03-04 08:00", "2026-03-05 08:00", "2026-03-06 08:00"}},
      // every other Monday, counted from 5 January 2015 (a Monday): 2 March 2026 is week 582 of the series.
      {"DTSTART;TZID=Europe/Berlin:20150105T100000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;INTERVAL=2", {"2026-03-02 10:00"}},
      {"DTSTART;TZID=Europe/Berlin:20150112T100000\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;INTERVAL=2", {}},  // week 581
      {"DTSTART;TZID=Europe/Berlin:20150102T120000\nDURATION:PT1H\nRRULE:FREQ=MONTHLY;BYDAY=1TU", {"2026-03-03 12:00"}},
      {"DTSTART;TZID=Europe/Berlin:20150102T120000\nDURATION:PT1H\n"
       "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
       {"2026-03-02 12:00"}},  // the first weekday of the month
      {"DTSTART;VALUE=DATE:19800304\nRRULE:FREQ=YEARLY", {"2026-03-04 00:00"}},
      // more days since DTSTART than kMaxRuleSteps: only a rule that starts near the range gets there
      {"DTSTART;TZID=Europe/Berlin:19800101T070000\nDURATION:PT15M\nRRULE:FREQ=DAILY",
       {"2026-03-02 07:00", "2026-03-03 07:00", "2026-03-04 07:00", "2026-03-05 07:00", "2026-03-06 07:00"}},
  };
  for (const auto& c : cases) {
    const auto result = import(calendar(event(c.lines)), utc(2026, 3, 1, 23), utc(2026, 3, 6, 23));
    std::vector<std::string> got;
    for (const auto& b : result.busy) got.push_back(berlin(b.starts));
    EXPECT_EQ(got, c.expected) << c.lines;
    EXPECT_EQ(result.skipped, 0) << c.lines;
  }
}

TEST(CalendarImport, FreeAndCancelledTimesAreNotBusy) {
  const auto result = import(
      calendar(event("DTSTART:20260115T090000Z\nDURATION:PT1H\nSTATUS:CANCELLED", "1") +
               event("DTSTART:20260115T090000Z\nDURATION:PT1H\nTRANSP:TRANSPARENT", "2") +
               event("DTSTART;VALUE=DATE:20260115\nTRANSP:TRANSPARENT", "3") +
               event("DTSTART:20260115T090000Z\nDURATION:PT1H\nX-MICROSOFT-CDO-BUSYSTATUS:FREE", "4") +
               event("DTSTART:20260115T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=3\nSTATUS:CANCELLED", "5") +
               event("DTSTART:20260115T090000Z", "6 no length") +
               event("DTSTART:20260115T090000Z\nDURATION:PT1H\nSTATUS:TENTATIVE\nSUMMARY:vielleicht", "7")));
  ASSERT_EQ(result.busy.size(), 1u);
  EXPECT_EQ(result.busy[0].title, "vielleicht");
  EXPECT_EQ(result.skipped, 0);
}

TEST(CalendarImport, OurOwnAppointmentsAcceptedIntoTheCalendarAreNotReadBack) {
  const auto result = import(calendar(
      event("DTSTART:20260115T090000Z\nDURATION:PT1H\nSUMMARY:unser Termin", "appointment-17@agentur.example") +
      event("DTSTART:20260115T110000Z\nDURATION:PT1H\nSUMMARY:fremd 1", "appointment-x@agentur.example") +
      event("DTSTART:20260115T130000Z\nDURATION:PT1H\nSUMMARY:fremd 2", "appointment-@agentur.example") +
      event("DTSTART:20260115T150000Z\nDURATION:PT1H\nSUMMARY:fremd 3", "my-appointment-17@example")));
  ASSERT_EQ(result.busy.size(), 3u);
  EXPECT_EQ(result.busy[0].title, "fremd 1");
  EXPECT_EQ(result.busy[2].title, "fremd 3");
}

TEST(CalendarImport, OnlyWhatOverlapsTheRangeIsReturnedWhole) {
  const TimePoint from = utc(2026, 1, 15, 8, 30);
  const TimePoint to = utc(2026, 1, 15, 10);
  const auto result =
      import(calendar(event("DTSTART:20260115T070000Z\nDTEND:20260115T083000Z\nSUMMARY:ends at from", "1") +
                      event("DTSTART:20260115T080000Z\nDTEND:20260115T090000Z\nSUMMARY:overlaps", "2") +
                      event("DTSTART:20260115T100000Z\nDTEND:20260115T110000Z\nSUMMARY:starts at to", "3") +
                      event("DTSTART:20250115T090000Z\nDTEND:20250115T100000Z\nSUMMARY:last year", "4") +
                      event("DTSTART;VALUE=DATE:20260110\nDTEND;VALUE=DATE:20260120\nSUMMARY:Urlaub", "5") +
                      event("DTSTART:20260101T093000Z\nDURATION:PT15M\nRRULE:FREQ=DAILY\nSUMMARY:daily", "6")),
             from, to);
  std::vector<std::string> got;
  for (const auto& b : result.busy) got.push_back(b.title);
  EXPECT_EQ(got, (std::vector<std::string>{"Urlaub", "overlaps", "daily"}));
  EXPECT_EQ(result.busy[0].starts, utc(2026, 1, 9, 23));  // not cut to the range
  EXPECT_EQ(result.busy[0].ends, utc(2026, 1, 19, 23));
  EXPECT_EQ(result.busy[2].starts, utc(2026, 1, 15, 9, 30));
}

TEST(CalendarImport, EndlessAndHugeSeriesAreCapped) {
  const auto endless = import(calendar(event("DTSTART:20260101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY")),
                              utc(2026, 1, 1), utc(2036, 1, 1));
  EXPECT_EQ(endless.busy.size(), static_cast<std::size_t>(kMaxOccurrencesPerEvent));
  EXPECT_EQ(endless.busy.front().starts, utc(2026, 1, 1, 9));

  // COUNT is counted from DTSTART, so libical cannot start near the range: the steps are capped instead.
  const auto counted =
      import(calendar(event("DTSTART:19900101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=1000000", "c") +
                      event("DTSTART:20250101T090000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=5000", "d")),
             utc(2026, 1, 1), utc(2026, 1, 3));
  ASSERT_EQ(counted.busy.size(), 2u);  // only "d": 1990 + kMaxRuleSteps days ends in 2017
  EXPECT_EQ(counted.busy[0].starts, utc(2026, 1, 1, 9));
}

TEST(CalendarImport, BrokenEventsAreSkippedAndCounted) {
  const auto result = import(calendar(
      event("SUMMARY:no start\nDURATION:PT1H", "1") + event("DTSTART:2026011X5T090000Z\nDURATION:PT1H", "2") +
      event("DTSTART:20261399T250000Z\nDURATION:PT1H", "3") +
      event("DTSTART;TZID=Mars/Olympus_Mons:20260115T090000\nDURATION:PT1H", "4") +
      event("DTSTART;TZID=../../../../etc/passwd:20260115T090000\nDURATION:PT1H", "5") +
      event("DTSTART:20260115T090000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLYX;BYDAY=QQ", "6") +
      event("DTSTART:20260115T090000Z\nDTEND:20260115T080000Z", "7") +
      event("DTSTART:20260115T090000Z\nDURATION:-PT1H", "8") +
      event("DTSTART:20260115T090000Z\nDTEND;VALUE=DATE:20260116", "9") +
      event("DTSTART:20260115T090000Z\nDURATION:PT1H\nRRULE:FREQ=MINUTELY", "10") +
      event("DTSTART:20260115T090000Z\nDURATION:PT1H\nEXDATE;TZID=Nowhere:20260115T090000\nRRULE:FREQ=DAILY", "11") +
      event("DTSTART;TZID=Every Second:20260115T090000\nDURATION:PT1H", "12") +
      event("DTSTART:20260115T090000Z\nDURATION:PT1H\nSUMMARY:good", "13") +
      // libical would list a clock change for every second since 1601
      "BEGIN:VTIMEZONE\nTZID:Every Second\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+0100\n"
      "TZOFFSETTO:+0200\nRRULE:FREQ=SECONDLY\nEND:STANDARD\nEND:VTIMEZONE\n"));
  ASSERT_EQ(result.busy.size(), 1u);
  EXPECT_EQ(result.busy[0].title, "good");
  EXPECT_EQ(result.skipped, 12);
}

TEST(CalendarImport, RulesWithoutADayCostNoSearch) {
  // libical 3.0 searches ~1 s to the year 20000 for these; they are seen through before it is asked.
  std::string body;
  for (int i = 0; i < 20; ++i) {
    body += event("DTSTART:20260105T090000Z\nDURATION:PT1H\nRRULE:FREQ=MONTHLY;BYDAY=6MO", "m" + std::to_string(i));
    body += event("DTSTART:20260101T090000Z\nDURATION:PT1H\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                  "y" + std::to_string(i));
  }
  const auto started = steady_clock::now();
  const auto result = import(calendar(body));
  EXPECT_LT(steady_clock::now() - started, seconds(2));
  EXPECT_EQ(result.busy.size(), 40u);  // DTSTART alone
  EXPECT_EQ(result.skipped, 0);

  // Shapes this file cannot vouch for are expanded for a few events only.
  std::string odd;
  for (int i = 0; i < 8; ++i) {
    odd += event("DTSTART:20260105T090000Z\nDURATION:PT1H\nRRULE:FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=1,2,3,4,5,6,7",
                 "o" + std::to_string(i));
  }
  const auto limited = import(calendar(odd), utc(2026, 1, 1), utc(2026, 3, 1));
  EXPECT_EQ(limited.skipped, 8 - 5);
  EXPECT_EQ(limited.busy.size(), 5u * 2);  // 5 January and 2 February
}

TEST(CalendarImport, TitlesAreCleanedAndCut) {
  std::string umlauts;
  for (int i = 0; i < 150; ++i) umlauts += "ä";
  struct Case {
    std::string summary, title;
  };
  const std::vector<Case> cases{
      {"  Kunde\\, Müller\\nRückruf\\;  ", "Kunde, Müller Rückruf;"},
      {"Tab\there\x01\x7f and \xc2\x85"
       "C1",
       "Tab here and C1"},
      {umlauts, umlauts.substr(0, 200)},
      {std::string(199, 'a') + "ä", std::string(199, 'a')},
      {"Bespr\xe4"
       "chung",
       "Besprächung"},  // Latin-1
      {"   ", ""},
  };
  for (const auto& c : cases) {
    const auto result = import(calendar(event("DTSTART:20260115T090000Z\nDURATION:PT1H\nSUMMARY:" + c.summary)));
    ASSERT_EQ(result.busy.size(), 1u) << c.summary;
    EXPECT_EQ(result.busy[0].title, c.title);
    EXPECT_LE(result.busy[0].title.size(), kMaxBusyTitleBytes);
  }
}

TEST(CalendarImport, SeveralCalendarsInOneFileAreAllRead) {
  const auto result = import(calendar(kOutlookZone + event("DTSTART;TZID=W. Europe Standard Time:20260115T090000\n"
                                                           "DURATION:PT1H")) +
                             calendar(event("DTSTART:20260116T090000Z\nDURATION:PT1H")));
  ASSERT_EQ(result.busy.size(), 2u);
  EXPECT_EQ(result.busy[0].starts, utc(2026, 1, 15, 8));
}

TEST(CalendarImport, TextThatIsNoCalendarIsAnError) {
  const std::string good = calendar(event("DTSTART:20260115T090000Z\nDURATION:PT1H"));
  for (const std::string& text : {std::string(), std::string("hello world"), std::string("{\"json\": true}"),
                                  std::string("BEGIN:VEVENT\r\nDTSTART:20260115T090000Z\r\nEND:VEVENT\r\n"),
                                  good.substr(0, good.size() / 2), good.substr(0, 40) + std::string(1, '\0') + good}) {
    const auto result = busy_times_of(text, kFrom, kTo);
    ASSERT_FALSE(result) << text;
    EXPECT_EQ(result.error().code, ErrorCode::invalid);
    EXPECT_EQ(result.error().field, "calendar");
  }
  EXPECT_TRUE(busy_times_of("\xEF\xBB\xBF" + good, kFrom, kTo));  // a byte order mark is no harm
}

// Garbage and damaged files must give an error or a result, never a crash, a hang or a leak (run under ASan).
TEST(CalendarImport, DamagedInputNeverCrashes) {
  const std::string good = calendar(
      kOutlookZone +
      event("DTSTART;TZID=W. Europe Standard Time:20260310T090000\nDTEND;TZID=W. Europe Standard Time:20260310T100000\n"
            "RRULE:FREQ=WEEKLY;UNTIL=20261231T000000Z;BYDAY=TU,TH\nEXDATE;TZID=Europe/Berlin:20260312T090000\n"
            "SUMMARY:Serie",
            "s") +
      event("RECURRENCE-ID;TZID=W. Europe Standard Time:20260317T090000\n"
            "DTSTART;TZID=W. Europe Standard Time:20260318T090000\nDURATION:PT1H",
            "s") +
      event("DTSTART;VALUE=DATE:20260401\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=12\nRDATE;VALUE=DATE:20260415", "a"));
  std::mt19937 random(20260115);
  const auto byte = [&] { return static_cast<char>(std::uniform_int_distribution<int>(1, 255)(random)); };
  const auto position = [&](std::size_t size) {
    return std::uniform_int_distribution<std::size_t>(0, size - 1)(random);
  };
  int results = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text = good;
    switch (round % 4) {
      case 0:
        text.resize(position(text.size()));
        break;  // truncated anywhere
      case 1:   // bytes changed
        for (int i = 0; i < 1 + round % 20; ++i) text[position(text.size())] = byte();
        break;
      case 2:  // digits changed: dates and rules out of range
        for (int i = 0; i < 1 + round % 10; ++i) {
          const auto at = position(text.size());
          if (text[at] >= '0' && text[at] <= '9') text[at] = static_cast<char>('0' + random() % 10);
        }
        break;
      default:  // random bytes
        text.assign(1 + random() % 2000, ' ');
        for (char& c : text) c = byte();
    }
    const auto result = busy_times_of(text, kFrom, kTo);
    if (result) {
      ++results;
      for (const auto& b : result->busy) EXPECT_LT(b.starts, b.ends);
    }
  }
  EXPECT_GT(results, 0);
}

}  // namespace
}  // namespace termintreu::appointments
