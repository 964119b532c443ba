#include "campaigns/calling_rules.hpp"

#include <functional>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::campaigns {
namespace {

using platform::TimePoint;
using std::chrono::minutes;

TimePoint at(std::string_view iso) {
  const auto parsed = platform::parse_iso8601(iso);
  if (!parsed) throw std::invalid_argument(std::string(iso));
  return *parsed;
}

std::string text(const std::optional<TimePoint>& t) {
  return t ? platform::iso8601(*t) : "none";
}

const date::time_zone* zone(std::string_view name) {
  return date::locate_zone(name);
}

// ---- may_call: windows, Sundays, holidays, clock changes ----

struct WhenCase {
  std::string_view label;
  std::string_view now;     // UTC
  std::string_view reason;  // empty: allowed
  std::string_view next;    // UTC; "none" for nullopt
  std::string_view subdivision = "BY";
};

void expect_decisions(const CallingRules& rules, std::string_view zone_name, std::string_view country,
                      const std::vector<WhenCase>& cases) {
  for (const auto& c : cases) {
    const auto decision = may_call(rules, at(c.now), zone(zone_name),
                                   {std::string(country), std::string(c.subdivision)}, AttemptHistory{});
    EXPECT_EQ(decision.allowed, c.reason.empty()) << c.label;
    EXPECT_EQ(decision.reason, c.reason) << c.label;
    EXPECT_EQ(text(decision.next_possible), c.next) << c.label;
  }
}

TEST(MayCall, LegalWindowsInBerlin) {
  expect_decisions(
      legal_limits(), "Europe/Berlin", "DE",
      {
          {"Tue 07:59", "2026-03-10T06:59:00Z", "outside_window", "2026-03-10T07:00:00Z"},
          {"Tue 08:00", "2026-03-10T07:00:00Z", "", "2026-03-10T07:00:00Z"},
          {"Tue 19:59", "2026-03-10T18:59:00Z", "", "2026-03-10T18:59:00Z"},
          {"Tue 20:00", "2026-03-10T19:00:00Z", "outside_window", "2026-03-11T07:00:00Z"},
          {"Sat 08:59", "2026-03-14T07:59:00Z", "outside_window", "2026-03-14T08:00:00Z"},
          {"Sat 09:00", "2026-03-14T08:00:00Z", "", "2026-03-14T08:00:00Z"},
          {"Sat 17:59", "2026-03-14T16:59:00Z", "", "2026-03-14T16:59:00Z"},
          {"Sat 18:00 to Monday", "2026-03-14T17:00:00Z", "outside_window", "2026-03-16T07:00:00Z"},
          {"Sunday noon", "2026-03-15T11:00:00Z", "sunday", "2026-03-16T07:00:00Z"},
          {"Karfreitag to Saturday", "2026-04-03T08:00:00Z", "public_holiday", "2026-04-04T07:00:00Z"},
          {"Easter Saturday evening over Sunday and Ostermontag", "2026-04-04T16:00:00Z", "outside_window",
           "2026-04-07T06:00:00Z"},
          {"3 October (a Saturday)", "2026-10-03T08:00:00Z", "public_holiday", "2026-10-05T06:00:00Z"},
          {"Christmas Eve evening over Christmas", "2026-12-24T19:00:00Z", "outside_window", "2026-12-28T07:00:00Z"},
          {"Buß- und Bettag in Bavaria", "2026-11-18T09:00:00Z", "", "2026-11-18T09:00:00Z", "BY"},
          {"Buß- und Bettag in Saxony", "2026-11-18T09:00:00Z", "public_holiday", "2026-11-19T07:00:00Z", "SN"},
          {"Buß- und Bettag, state unknown", "2026-11-18T09:00:00Z", "public_holiday", "2026-11-19T07:00:00Z", ""},
      });
}

TEST(MayCall, ClockChangesInBerlin2026) {
  expect_decisions(
      legal_limits(), "Europe/Berlin", "DE",
      {
          {"29 Mar 01:30 CET, before the jump", "2026-03-29T00:30:00Z", "sunday", "2026-03-30T06:00:00Z"},
          {"29 Mar 03:30 CEST, after the jump", "2026-03-29T01:30:00Z", "sunday", "2026-03-30T06:00:00Z"},
          {"Sat 28 Mar 20:00 CET to Monday in CEST", "2026-03-28T19:00:00Z", "outside_window", "2026-03-30T06:00:00Z"},
          {"25 Oct 02:30 CEST, first time", "2026-10-25T00:30:00Z", "sunday", "2026-10-26T07:00:00Z"},
          {"25 Oct 02:30 CET, second time", "2026-10-25T01:30:00Z", "sunday", "2026-10-26T07:00:00Z"},
          {"Sat 24 Oct 17:59 CEST", "2026-10-24T15:59:00Z", "", "2026-10-24T15:59:00Z"},
          {"Sat 24 Oct 18:00 CEST to Monday in CET", "2026-10-24T16:00:00Z", "outside_window", "2026-10-26T07:00:00Z"},
          {"Mon 26 Oct 07:59 CET", "2026-10-26T06:59:00Z", "outside_window", "2026-10-26T07:00:00Z"},
      });
}

TEST(MayCall, AnEarlyWindowOnTheMondayAfterEachClockChange) {
  CallingRules rules = legal_limits();
  for (auto& day : rules.windows) day.clear();
  rules.windows[0] = {{8 * 60, 9 * 60}};
  expect_decisions(rules, "Europe/Berlin", "DE",
                   {
                       {"Sat before spring", "2026-03-28T11:00:00Z", "outside_window", "2026-03-30T06:00:00Z"},
                       {"Mon 08:59 CEST", "2026-03-30T06:59:00Z", "", "2026-03-30T06:59:00Z"},
                       {"Mon 09:00 CEST", "2026-03-30T07:00:00Z", "outside_window", "2026-04-13T06:00:00Z"},
                       {"Sat before autumn", "2026-10-24T11:00:00Z", "outside_window", "2026-10-26T07:00:00Z"},
                   });
}

TEST(MayCall, ThePersonsLocalTimeCounts) {
  expect_decisions(legal_limits(), "America/New_York", "US",
                   {
                       {"NY 07:59 EDT", "2026-03-10T11:59:00Z", "outside_window", "2026-03-10T12:00:00Z", ""},
                       {"NY 08:00 EDT", "2026-03-10T12:00:00Z", "", "2026-03-10T12:00:00Z", ""},
                       {"NY 19:59 EDT", "2026-03-10T23:59:00Z", "", "2026-03-10T23:59:00Z", ""},
                       {"NY 20:00 EDT", "2026-03-11T00:00:00Z", "outside_window", "2026-03-11T12:00:00Z", ""},
                       {"NY Good Friday: no US holidays known", "2026-04-03T14:00:00Z", "", "2026-04-03T14:00:00Z", ""},
                   });
  expect_decisions(legal_limits(), "Europe/London", "GB",
                   {
                       {"London 07:59 GMT", "2026-03-10T07:59:00Z", "outside_window", "2026-03-10T08:00:00Z", ""},
                       {"London 08:00 GMT", "2026-03-10T08:00:00Z", "", "2026-03-10T08:00:00Z", ""},
                       {"London 19:30 BST", "2026-04-07T18:30:00Z", "", "2026-04-07T18:30:00Z", ""},
                       {"London 20:00 BST", "2026-04-07T19:00:00Z", "outside_window", "2026-04-08T07:00:00Z", ""},
                   });
}

TEST(MayCall, ASkippedLocalDayIsSkipped) {
  // Samoa moved across the date line: Thursday 29 December 2011 was followed by Saturday 31 December.
  expect_decisions(legal_limits(), "Pacific/Apia", "WS",
                   {
                       {"Thu 20:00 -10", "2011-12-30T06:00:00Z", "outside_window", "2011-12-30T19:00:00Z", ""},
                   });
}

// ---- may_call: caps and the gap ----

struct HistoryCase {
  std::string_view label;
  std::function<void(CallingRules&, AttemptHistory&)> change;
  std::string_view now;
  std::string_view reason;
  std::string_view next;
};

TEST(MayCall, CapsAndGap) {
  const std::vector<HistoryCase> cases{
      {"nothing yet", [](CallingRules&, AttemptHistory&) {}, "2026-03-10T09:00:00Z", "", "2026-03-10T09:00:00Z"},
      {"third call today was the last", [](CallingRules&, AttemptHistory& h) { h.today = 3; }, "2026-03-10T09:00:00Z",
       "daily_cap", "2026-03-11T07:00:00Z"},
      {"a stricter campaign: two a day",
       [](CallingRules& r, AttemptHistory& h) {
         r.max_attempts_per_day = 2;
         h.today = 2;
       },
       "2026-03-10T09:00:00Z", "daily_cap", "2026-03-11T07:00:00Z"},
      {"unchecked looser rules are cut to the law",
       [](CallingRules& r, AttemptHistory& h) {
         r.max_attempts_per_day = 9;
         h.today = 3;
       },
       "2026-03-10T09:00:00Z", "daily_cap", "2026-03-11T07:00:00Z"},
      {"weekly cap frees up 7 days after the oldest",
       [](CallingRules&, AttemptHistory& h) {
         h.this_week = 15;
         h.oldest_this_week = at("2026-03-05T09:30:00Z");
       },
       "2026-03-10T09:00:00Z", "weekly_cap", "2026-03-12T09:30:00Z"},
      {"weekly cap without the oldest lasts a week", [](CallingRules&, AttemptHistory& h) { h.this_week = 15; },
       "2026-03-10T09:00:00Z", "weekly_cap", "2026-03-17T09:00:00Z"},
      {"weekly cap frees up on a Sunday evening: Monday",
       [](CallingRules&, AttemptHistory& h) {
         h.this_week = 15;
         h.oldest_this_week = at("2026-03-08T18:00:00Z");
       },
       "2026-03-14T09:00:00Z", "weekly_cap", "2026-03-16T07:00:00Z"},
      {"campaign cap is final", [](CallingRules&, AttemptHistory& h) { h.total = 30; }, "2026-03-10T09:00:00Z",
       "campaign_cap", "none"},
      {"a stricter campaign cap",
       [](CallingRules& r, AttemptHistory& h) {
         r.max_attempts_per_campaign = 5;
         h.total = 5;
       },
       "2026-03-10T09:00:00Z", "campaign_cap", "none"},
      {"30 minutes after the last call",
       [](CallingRules&, AttemptHistory& h) { h.last_attempt = at("2026-03-10T08:30:00Z"); }, "2026-03-10T09:00:00Z",
       "min_gap", "2026-03-10T09:30:00Z"},
      {"60 minutes after the last call",
       [](CallingRules&, AttemptHistory& h) { h.last_attempt = at("2026-03-10T08:00:00Z"); }, "2026-03-10T09:00:00Z",
       "", "2026-03-10T09:00:00Z"},
      {"a longer campaign gap",
       [](CallingRules& r, AttemptHistory& h) {
         r.min_gap = minutes{120};
         h.last_attempt = at("2026-03-10T08:00:00Z");
       },
       "2026-03-10T09:00:00Z", "min_gap", "2026-03-10T10:00:00Z"},
      {"an unchecked gap below the law",
       [](CallingRules& r, AttemptHistory& h) {
         r.min_gap = minutes{5};
         h.last_attempt = at("2026-03-10T08:30:00Z");
       },
       "2026-03-10T09:00:00Z", "min_gap", "2026-03-10T09:30:00Z"},
      {"the gap ends after the window: next morning",
       [](CallingRules&, AttemptHistory& h) { h.last_attempt = at("2026-03-10T18:30:00Z"); }, "2026-03-10T18:45:00Z",
       "min_gap", "2026-03-11T07:00:00Z"},
      {"caps are named before the window", [](CallingRules&, AttemptHistory& h) { h.today = 3; },
       "2026-03-10T19:30:00Z", "daily_cap", "2026-03-11T07:00:00Z"},
      {"the window is named before the gap",
       [](CallingRules&, AttemptHistory& h) { h.last_attempt = at("2026-03-10T06:30:00Z"); }, "2026-03-10T06:45:00Z",
       "outside_window", "2026-03-10T07:30:00Z"},
      {"an unchecked Sunday window is still refused",
       [](CallingRules& r, AttemptHistory&) {
         r.windows[6] = {{10 * 60, 12 * 60}};
       },
       "2026-03-15T10:00:00Z", "sunday", "2026-03-16T07:00:00Z"},
      {"an unchecked window before 08:00 opens at 08:00",
       [](CallingRules& r, AttemptHistory&) {
         r.windows[1] = {{6 * 60, 22 * 60}};
       },
       "2026-03-10T05:30:00Z", "outside_window", "2026-03-10T07:00:00Z"},
      {"no Saturday: Friday evening to Monday", [](CallingRules& r, AttemptHistory&) { r.windows[5].clear(); },
       "2026-03-13T19:00:00Z", "outside_window", "2026-03-16T07:00:00Z"},
  };
  for (const auto& c : cases) {
    CallingRules rules = legal_limits();
    AttemptHistory history;
    c.change(rules, history);
    const auto decision = may_call(rules, at(c.now), zone("Europe/Berlin"), {"DE", "BY"}, history);
    EXPECT_EQ(decision.allowed, c.reason.empty()) << c.label;
    EXPECT_EQ(decision.reason, c.reason) << c.label;
    EXPECT_EQ(text(decision.next_possible), c.next) << c.label;
  }
}

TEST(MayCall, WithoutAZoneTheCountrysZoneIsUsed) {
  const auto berlin = may_call(legal_limits(), at("2026-03-10T07:30:00Z"), nullptr, {"DE", "BY"}, {});
  EXPECT_EQ(berlin.reason, "") << "07:30 UTC is 08:30 in Berlin";
  const auto unknown = may_call(legal_limits(), at("2026-03-10T10:00:00Z"), nullptr, {"US", ""}, {});
  EXPECT_FALSE(unknown.allowed);
  EXPECT_EQ(unknown.reason, "unknown_time_zone");
  EXPECT_FALSE(unknown.next_possible);
}

TEST(MayCall, AttemptsAreCountedInThePersonsDayAndARollingWeek) {
  const std::vector<TimePoint> attempts{
      at("2026-03-09T22:30:00Z"),  // Monday 23:30 in Berlin
      at("2026-03-09T23:30:00Z"),  // Tuesday 00:30 in Berlin
      at("2026-03-10T08:00:00Z"),
      at("2026-03-03T09:00:00Z"),  // exactly 7 days before now: out of the week
      at("2026-03-03T09:00:01Z"),
      at("2026-03-11T00:00:00Z"),  // after now: only in the total
  };
  const auto history = count_attempts(attempts, at("2026-03-10T09:00:00Z"), *zone("Europe/Berlin"));
  EXPECT_EQ(history.total, 6);
  EXPECT_EQ(history.today, 2);
  EXPECT_EQ(history.this_week, 4);
  EXPECT_EQ(text(history.last_attempt), "2026-03-10T08:00:00Z");
  EXPECT_EQ(text(history.oldest_this_week), "2026-03-03T09:00:01Z");
  const auto in_new_york = count_attempts(attempts, at("2026-03-10T09:00:00Z"), *zone("America/New_York"));
  EXPECT_EQ(in_new_york.today, 1) << "09:00 UTC is 05:00 on Tuesday in New York; only 08:00 UTC is that day there";
  EXPECT_EQ(count_attempts({}, at("2026-03-10T09:00:00Z"), *zone("Europe/Berlin")).total, 0);
}

TEST(InstantsAtLocal, SkippedAndRepeatedTimes) {
  const auto* berlin = zone("Europe/Berlin");
  const auto local = [](date::local_days day, int hour, int minute) {
    return date::local_time<minutes>{day + std::chrono::hours{hour} + minutes{minute}};
  };
  const auto texts = [](const std::vector<TimePoint>& instants) {
    std::vector<std::string> out;
    for (const auto t : instants) out.push_back(platform::iso8601(t));
    return out;
  };
  using Texts = std::vector<std::string>;
  EXPECT_EQ(texts(instants_at_local(local(date::local_days{date::year{2026} / 7 / 1}, 10, 0), *berlin)),
            Texts{"2026-07-01T08:00:00Z"});
  EXPECT_EQ(texts(instants_at_local(local(date::local_days{date::year{2026} / 3 / 29}, 2, 30), *berlin)),
            Texts{"2026-03-29T01:00:00Z"})
      << "02:30 does not exist: the clock jumps from 02:00 to 03:00";
  EXPECT_EQ(texts(instants_at_local(local(date::local_days{date::year{2026} / 10 / 25}, 2, 30), *berlin)),
            (Texts{"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"}))
      << "02:30 happens twice";
}

// ---- check_within_law ----

struct RefusalCase {
  std::string_view label;
  std::function<void(CallingRules&)> change;
  std::string_view field;
  std::string_view message_part;
};

TEST(CheckWithinLaw, TheLegalDefaultsAndStricterRulesPass) {
  EXPECT_TRUE(check_within_law(legal_limits()));
  CallingRules strict = legal_limits();
  strict.windows[0] = {{9 * 60, 12 * 60}, {14 * 60, 17 * 60}};
  strict.windows[2] = {{8 * 60, 12 * 60}, {12 * 60, 20 * 60}};  // touching is no overlap
  strict.windows[5].clear();
  strict.max_attempts_per_day = 1;
  strict.max_attempts_per_week = 4;
  strict.max_attempts_per_campaign = 10;
  strict.min_gap = minutes{24 * 60};
  for (auto& [outcome, delay] : strict.retry_delay) delay = std::max(delay, strict.min_gap);
  const auto checked = check_within_law(strict);
  EXPECT_TRUE(checked) << (checked ? "" : checked.error().field + ": " + checked.error().message);
}

TEST(CheckWithinLaw, LooserOrMalformedRulesAreRefusedWithTheirPath) {
  const std::vector<RefusalCase> cases{
      {"Saturday until 19:00",
       [](CallingRules& r) {
         r.windows[5] = {{9 * 60, 19 * 60}};
       },
       "calling_rules.windows.saturday", "09:00–19:00 may not end after 18:00 on Saturday (the legal limit)"},
      {"Monday from 07:30",
       [](CallingRules& r) {
         r.windows[0] = {{7 * 60 + 30, 12 * 60}};
       },
       "calling_rules.windows.monday", "may not start before 08:00 on Monday (the legal limit)"},
      {"Friday until 20:01",
       [](CallingRules& r) {
         r.windows[4] = {{8 * 60, 20 * 60 + 1}};
       },
       "calling_rules.windows.friday", "may not end after 20:00 on Friday"},
      {"Sunday",
       [](CallingRules& r) {
         r.windows[6] = {{10 * 60, 12 * 60}};
       },
       "calling_rules.windows.sunday", "no calls on Sundays"},
      {"backwards",
       [](CallingRules& r) {
         r.windows[1] = {{10 * 60, 9 * 60}};
       },
       "calling_rules.windows.tuesday", "10:00–09:00 must start before it ends"},
      {"empty window",
       [](CallingRules& r) {
         r.windows[1] = {{10 * 60, 10 * 60}};
       },
       "calling_rules.windows.tuesday", "must start before it ends"},
      {"overlap",
       [](CallingRules& r) {
         r.windows[2] = {{8 * 60, 12 * 60}, {11 * 60, 15 * 60}};
       },
       "calling_rules.windows.wednesday", "must not overlap"},
      {"out of order",
       [](CallingRules& r) {
         r.windows[2] = {{14 * 60, 15 * 60}, {8 * 60, 9 * 60}};
       },
       "calling_rules.windows.wednesday", "in time order"},
      {"five windows",
       [](CallingRules& r) {
         r.windows[3] = {{480, 540}, {600, 660}, {720, 780}, {840, 900}, {960, 1020}};
       },
       "calling_rules.windows.thursday", "at most 4 windows"},
      {"outside the day",
       [](CallingRules& r) {
         r.windows[3] = {{-60, 600}};
       },
       "calling_rules.windows.thursday", "outside the day"},
      {"no window at all", [](CallingRules& r) { r.windows = {}; }, "calling_rules.windows", "at least one"},
      {"4 a day", [](CallingRules& r) { r.max_attempts_per_day = 4; }, "calling_rules.max_attempts_per_day",
       "between 1 and 3 (the legal limit)"},
      {"0 a day", [](CallingRules& r) { r.max_attempts_per_day = 0; }, "calling_rules.max_attempts_per_day",
       "between 1 and 3"},
      {"16 a week", [](CallingRules& r) { r.max_attempts_per_week = 16; }, "calling_rules.max_attempts_per_week",
       "between 1 and 15"},
      {"31 per campaign", [](CallingRules& r) { r.max_attempts_per_campaign = 31; },
       "calling_rules.max_attempts_per_campaign", "between 1 and 30"},
      {"gap of 59 minutes", [](CallingRules& r) { r.min_gap = minutes{59}; }, "calling_rules.min_gap_minutes",
       "at least 60 minutes (the legal minimum)"},
      {"gap of 31 days", [](CallingRules& r) { r.min_gap = minutes{31 * 24 * 60}; }, "calling_rules.min_gap_minutes",
       "at most 43200 minutes"},
      {"busy retried after 30 minutes", [](CallingRules& r) { r.retry_delay["busy"] = minutes{30}; },
       "calling_rules.retry_delay_minutes.busy", "at least the minimum gap of 60 minutes"},
      {"delay below a longer campaign gap", [](CallingRules& r) { r.min_gap = minutes{120}; },
       "calling_rules.retry_delay_minutes.busy", "at least the minimum gap of 120 minutes"},
      {"voicemail after 31 days", [](CallingRules& r) { r.retry_delay["voicemail"] = minutes{31 * 24 * 60}; },
       "calling_rules.retry_delay_minutes.voicemail", "at most 43200 minutes (30 days)"},
      {"unknown outcome", [](CallingRules& r) { r.retry_delay["wrong_number"] = minutes{60}; },
       "calling_rules.retry_delay_minutes.wrong_number", "not an outcome with a retry delay"},
      {"missing outcome", [](CallingRules& r) { r.retry_delay.erase("gatekeeper"); },
       "calling_rules.retry_delay_minutes.gatekeeper", "is required"},
  };
  for (const auto& c : cases) {
    CallingRules rules = legal_limits();
    c.change(rules);
    const auto checked = check_within_law(rules);
    ASSERT_FALSE(checked) << c.label;
    EXPECT_EQ(checked.error().code, platform::ErrorCode::invalid) << c.label;
    EXPECT_EQ(checked.error().field, c.field) << c.label;
    EXPECT_NE(checked.error().message.find(c.message_part), std::string::npos)
        << c.label << ": " << checked.error().message;
  }
}

// ---- JSON ----

TEST(CallingRulesJson, TheShapeOfTheDefaults) {
  const auto json = to_json(legal_limits());
  EXPECT_EQ(json["windows"]["monday"], nlohmann::json::parse(R"([{"start":"08:00","end":"20:00"}])"));
  EXPECT_EQ(json["windows"]["saturday"], nlohmann::json::parse(R"([{"start":"09:00","end":"18:00"}])"));
  EXPECT_EQ(json["windows"]["sunday"], nlohmann::json::array());
  EXPECT_EQ(json["max_attempts_per_day"], 3);
  EXPECT_EQ(json["max_attempts_per_week"], 15);
  EXPECT_EQ(json["max_attempts_per_campaign"], 30);
  EXPECT_EQ(json["min_gap_minutes"], 60);
  EXPECT_EQ(json["retry_delay_minutes"]["no_answer"], 180);
  EXPECT_EQ(json["retry_delay_minutes"].size(), kRetryOutcomes.size());
}

TEST(CallingRulesJson, RoundTrip) {
  CallingRules strict = legal_limits();
  strict.windows[0] = {{9 * 60, 12 * 60 + 30}, {14 * 60 + 15, 17 * 60}};
  strict.windows[5].clear();
  strict.max_attempts_per_day = 2;
  strict.max_attempts_per_week = 6;
  strict.max_attempts_per_campaign = 12;
  strict.min_gap = minutes{90};
  strict.retry_delay["busy"] = minutes{90};
  strict.retry_delay["no_answer"] = minutes{240};
  for (const auto& rules : {legal_limits(), strict}) {
    const auto parsed = calling_rules_from_json(to_json(rules));
    ASSERT_TRUE(parsed) << parsed.error().field << ": " << parsed.error().message;
    EXPECT_EQ(*parsed, rules);
  }
}

TEST(CallingRulesJson, MissingKeysTakeTheLegalDefaults) {
  const auto empty = calling_rules_from_json(nlohmann::json::object());
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, legal_limits());

  const auto no_saturday = calling_rules_from_json(nlohmann::json::parse(R"({"windows": {"saturday": []}})"));
  ASSERT_TRUE(no_saturday);
  EXPECT_TRUE(no_saturday->windows[5].empty());
  EXPECT_EQ(no_saturday->windows[0], legal_limits().windows[0]);

  const auto longer_gap = calling_rules_from_json(
      nlohmann::json::parse(R"({"min_gap_minutes": 240, "retry_delay_minutes": {"gatekeeper": 300}})"));
  ASSERT_TRUE(longer_gap) << longer_gap.error().field << ": " << longer_gap.error().message;
  EXPECT_EQ(longer_gap->retry_delay.at("busy"), minutes{240}) << "a left-out delay is raised to the gap";
  EXPECT_EQ(longer_gap->retry_delay.at("voicemail"), minutes{24 * 60});
  EXPECT_EQ(longer_gap->retry_delay.at("gatekeeper"), minutes{300});

  EXPECT_FALSE(calling_rules_from_json(
      nlohmann::json::parse(R"({"min_gap_minutes": 240, "retry_delay_minutes": {"busy": 60}})")))
      << "a delay given explicitly is not raised";
}

TEST(CallingRulesJson, RefusalsNameTheField) {
  const std::vector<std::pair<std::string_view, std::string_view>> cases{
      {R"([])", "calling_rules"},
      {R"({"colour": 1})", "calling_rules.colour"},
      {R"({"max_attempts_per_day": "3"})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": 2.5})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": true})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": null})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": 99999999999})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": 18446744073709551615})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_day": 4})", "calling_rules.max_attempts_per_day"},
      {R"({"max_attempts_per_week": -1})", "calling_rules.max_attempts_per_week"},
      {R"({"min_gap_minutes": 30})", "calling_rules.min_gap_minutes"},
      {R"({"windows": []})", "calling_rules.windows"},
      {R"({"windows": {"funday": []}})", "calling_rules.windows.funday"},
      {R"({"windows": {"Monday": []}})", "calling_rules.windows.Monday"},
      {R"({"windows": {"monday": {}}})", "calling_rules.windows.monday"},
      {R"({"windows": {"monday": [1]}})", "calling_rules.windows.monday[0]"},
      {R"({"windows": {"monday": [{"start": "8:00", "end": "20:00"}]}})", "calling_rules.windows.monday[0].start"},
      {R"({"windows": {"monday": [{"start": "08:60", "end": "20:00"}]}})", "calling_rules.windows.monday[0].start"},
      {R"({"windows": {"monday": [{"start": "08h00", "end": "20:00"}]}})", "calling_rules.windows.monday[0].start"},
      {R"({"windows": {"monday": [{"start": 480, "end": "20:00"}]}})", "calling_rules.windows.monday[0].start"},
      {R"({"windows": {"monday": [{"start": "08:00", "end": "24:00"}]}})", "calling_rules.windows.monday[0].end"},
      {R"({"windows": {"monday": [{"start": "08:00"}]}})", "calling_rules.windows.monday[0].end"},
      {R"({"windows": {"monday": [{"start": "08:00", "end": "09:00", "note": "x"}]}})",
       "calling_rules.windows.monday[0].note"},
      {R"({"windows": {"monday": [{"start": "08:00", "end": "09:00"}, {"start": "09:00", "end": "x"}]}})",
       "calling_rules.windows.monday[1].end"},
      {R"({"windows": {"saturday": [{"start": "09:00", "end": "19:00"}]}})", "calling_rules.windows.saturday"},
      {R"({"windows": {"sunday": [{"start": "10:00", "end": "12:00"}]}})", "calling_rules.windows.sunday"},
      {R"({"retry_delay_minutes": []})", "calling_rules.retry_delay_minutes"},
      {R"({"retry_delay_minutes": {"hangup": 60}})", "calling_rules.retry_delay_minutes.hangup"},
      {R"({"retry_delay_minutes": {"busy": "60"}})", "calling_rules.retry_delay_minutes.busy"},
      {R"({"retry_delay_minutes": {"busy": 59}})", "calling_rules.retry_delay_minutes.busy"},
  };
  for (const auto& [body, field] : cases) {
    const auto parsed = calling_rules_from_json(nlohmann::json::parse(body));
    ASSERT_FALSE(parsed) << body;
    EXPECT_EQ(parsed.error().code, platform::ErrorCode::invalid) << body;
    EXPECT_EQ(parsed.error().field, field) << body << ": " << parsed.error().message;
    EXPECT_FALSE(parsed.error().message.empty()) << body;
  }
}

}  // namespace
}  // namespace termintreu::campaigns
