#include "calling/queue_rules.hpp"

#include <gtest/gtest.h>

#include "platform/time_text.hpp"

namespace termintreu::calling {
namespace {

using campaigns::AttemptHistory;
using campaigns::legal_limits;
using platform::TimePoint;

TimePoint at(std::string_view iso) {
  auto t = platform::parse_iso8601(iso);
  EXPECT_TRUE(t.has_value()) << iso;
  return t.value_or(TimePoint{});
}

const Area kBerlin{1, "", "DE", "BE"};
const Area kMunich{2, "Europe/Berlin", "DE", "BY"};
const Area kVienna{3, "Europe/Vienna", "AT", "9"};
const Area kLisbon{4, "Europe/Lisbon", "PT", ""};

struct OpenCase {
  const char* what;
  Area area;
  const char* now;  // UTC
  bool open;
};

TEST(QueueRules, AreaOpensAndClosesWithTheLocalWindowsSundaysAndHolidays) {
  const OpenCase cases[] = {
      {"Monday 10:00 in Berlin", kBerlin, "2026-03-02T09:00:00Z", true},
      {"Monday 07:59 in Berlin", kBerlin, "2026-03-02T06:59:00Z", false},
      {"Monday 08:00 in Berlin", kBerlin, "2026-03-02T07:00:00Z", true},
      {"Monday 19:59 in Berlin", kBerlin, "2026-03-02T18:59:00Z", true},
      {"Monday 20:00 in Berlin", kBerlin, "2026-03-02T19:00:00Z", false},
      {"Sunday 10:00", kBerlin, "2026-03-01T09:00:00Z", false},
      {"Saturday 10:00", kBerlin, "2026-03-07T09:00:00Z", true},
      {"Saturday 18:00", kBerlin, "2026-03-07T17:00:00Z", false},
      {"Good Friday 2026", kBerlin, "2026-04-03T08:00:00Z", false},
      {"Epiphany is a holiday in Bavaria", kMunich, "2026-01-06T09:00:00Z", false},
      {"but not in Berlin", kBerlin, "2026-01-06T09:00:00Z", true},
      {"Monday after spring forward, 07:59 CEST", kBerlin, "2026-03-30T05:59:00Z", false},
      {"Monday after spring forward, 08:00 CEST", kBerlin, "2026-03-30T06:00:00Z", true},
      {"Monday after fall back, 07:59 CET", kBerlin, "2026-10-26T06:59:00Z", false},
      {"Monday after fall back, 08:00 CET", kBerlin, "2026-10-26T07:00:00Z", true},
      {"8 December is a holiday in Austria", kVienna, "2026-12-08T09:00:00Z", false},
      {"but not in Germany", kBerlin, "2026-12-08T09:00:00Z", true},
      {"07:30 in Lisbon while Berlin is open", kLisbon, "2026-03-02T07:30:00Z", false},
      {"08:30 in Lisbon", kLisbon, "2026-03-02T08:30:00Z", true},
      {"19:30 in Lisbon while Berlin is closed", kLisbon, "2026-03-02T19:30:00Z", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(area_open(legal_limits(), at(c.now), c.area), c.open) << c.what;
  }
}

TEST(QueueRules, AreaWindowsOfTheCampaignCountWhenStricterThanTheLaw) {
  auto rules = legal_limits();
  rules.windows[0] = {{9 * 60, 12 * 60}};  // Mondays 09:00–12:00 only
  EXPECT_FALSE(area_open(rules, at("2026-03-02T07:30:00Z"), kBerlin));  // 08:30
  EXPECT_TRUE(area_open(rules, at("2026-03-02T08:00:00Z"), kBerlin));   // 09:00
  EXPECT_FALSE(area_open(rules, at("2026-03-02T11:00:00Z"), kBerlin));  // 12:00
}

struct NextCase {
  const char* what;
  const char* outcome;
  const char* now;
  AttemptHistory history;  // including the attempt just made
  std::optional<const char*> expected;
};

TEST(QueueRules, NextCallAfterAnOutcomeHonoursDelayWindowsCapsAndHolidays) {
  const auto monday10 = at("2026-03-02T09:00:00Z");
  const NextCase cases[] = {
      {"no answer: 3 hours later", "no_answer", "2026-03-02T09:00:00Z", {1, 1, 1, monday10, monday10},
       "2026-03-02T12:00:00Z"},
      {"busy: the 60-minute gap", "busy", "2026-03-02T09:00:00Z", {1, 1, 1, monday10, monday10},
       "2026-03-02T10:00:00Z"},
      {"no answer at 18:00 lands after the window: next morning 08:00", "no_answer", "2026-03-02T17:00:00Z",
       {1, 1, 1, at("2026-03-02T17:00:00Z"), at("2026-03-02T17:00:00Z")}, "2026-03-03T07:00:00Z"},
      {"third attempt of the day: tomorrow", "busy", "2026-03-02T09:00:00Z", {3, 3, 3, monday10, monday10},
       "2026-03-03T07:00:00Z"},
      {"voicemail on Saturday: Monday (Sunday is closed)", "voicemail", "2026-03-07T09:00:00Z",
       {1, 1, 1, at("2026-03-07T09:00:00Z"), at("2026-03-07T09:00:00Z")}, "2026-03-09T07:00:00Z"},
      {"voicemail on Maundy Thursday: Good Friday is skipped, Saturday 09:00", "voicemail", "2026-04-02T08:00:00Z",
       {1, 1, 1, at("2026-04-02T08:00:00Z"), at("2026-04-02T08:00:00Z")}, "2026-04-04T07:00:00Z"},
      {"campaign cap reached: unreachable", "no_answer", "2026-03-02T09:00:00Z", {1, 1, 30, monday10, monday10},
       std::nullopt},
  };
  for (const auto& c : cases) {
    const auto* outcome = find_outcome(c.outcome);
    ASSERT_NE(outcome, nullptr) << c.what;
    const auto next = next_call_after(legal_limits(), *outcome, at(c.now), kBerlin, c.history);
    if (c.expected) {
      ASSERT_TRUE(next.has_value()) << c.what;
      EXPECT_EQ(platform::iso8601(*next), platform::iso8601(at(*c.expected))) << c.what;
    } else {
      EXPECT_FALSE(next.has_value()) << c.what;
    }
  }
}

TEST(QueueRules, HistoryCountsTheCalledPersonsDayAndTakesTheLargerTotal) {
  // 23:30 UTC on 2 March is already 3 March in Berlin: only the later attempt counts for "today" there.
  const std::vector<TimePoint> recent{at("2026-03-02T18:00:00Z"), at("2026-03-02T23:10:00Z")};
  const auto history = history_of(recent, 7, at("2026-03-02T23:30:00Z"), kBerlin);
  EXPECT_EQ(history.today, 1);
  EXPECT_EQ(history.this_week, 2);
  EXPECT_EQ(history.total, 7);
  ASSERT_TRUE(history.last_attempt.has_value());
  EXPECT_EQ(*history.last_attempt, at("2026-03-02T23:10:00Z"));
}

TEST(QueueRules, DueWorkIsOrderedApologyOwnCallbackHandedOverGeneralThenLeadsByPriorityAndWait) {
  const auto t0 = at("2026-03-02T09:00:00Z");
  const auto t1 = at("2026-03-02T09:05:00Z");
  const std::vector<Candidate> in_order{
      {Rank::apology, 0, t1, 9},          {Rank::own_callback, 0, t0, 8},   {Rank::own_callback, 0, t1, 2},
      {Rank::handed_over, 0, t0, 7},      {Rank::general_callback, 0, t0, 6}, {Rank::lead, 5, t1, 5},
      {Rank::lead, 0, t0, 4},             {Rank::lead, 0, t1, 1},           {Rank::lead, 0, t1, 3},
  };
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    for (std::size_t j = 0; j < in_order.size(); ++j) {
      EXPECT_EQ(comes_before(in_order[i], in_order[j]), i < j) << i << " before " << j;
    }
  }
}

TEST(QueueRules, APersonalCallbackPassesToOthersOnlyWhenItsOwnerIsAwayOrBusy) {
  const OwnerPresence ready{true, false};
  const OwnerPresence busy{true, true};
  const OwnerPresence away{false, false};
  EXPECT_EQ(callback_rank("personal", 7, 7, ready), Rank::own_callback);
  EXPECT_EQ(callback_rank("personal", 7, 7, busy), Rank::own_callback);
  EXPECT_EQ(callback_rank("personal", 7, 8, ready), std::nullopt);
  EXPECT_EQ(callback_rank("personal", 7, 8, busy), Rank::handed_over);
  EXPECT_EQ(callback_rank("personal", 7, 8, away), Rank::handed_over);
  EXPECT_EQ(callback_rank("general", 7, 8, ready), Rank::general_callback);
  EXPECT_EQ(callback_rank("apology", 7, 8, ready), Rank::apology);
}

TEST(QueueRules, EveryOutcomeIsKnownByNameAndLeavesAKnownLeadState) {
  for (const auto& kind : outcome_kinds()) {
    EXPECT_EQ(find_outcome(kind.name), &kind);
    EXPECT_FALSE(lead_state_after(kind.effect).empty());
    if (kind.effect == LeadEffect::retry) {
      EXPECT_FALSE(kind.retry_delay.empty()) << kind.name;
    }
  }
  EXPECT_EQ(find_outcome("hung_up_angrily"), nullptr);
}

}  // namespace
}  // namespace termintreu::calling
