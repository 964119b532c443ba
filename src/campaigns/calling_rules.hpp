#pragma once
// When a campaign may call a person: local-time windows per weekday, caps on attempts, a minimum gap between two
// attempts and retry delays per outcome. The law and the German call-centre code set the outer bounds
// (legal_limits()); a campaign may be stricter, never looser. Pure functions: no clock, no database.
// Defaults and reasons: docs/decisions/0006-calling-rules-and-holidays.md.
#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>
#include <nlohmann/json_fwd.hpp>

#include "campaigns/public_holidays.hpp"
#include "campaigns/week_windows.hpp"
#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::campaigns {

// The outcomes that have a retry delay; every rule set has a delay for each, and no others.
inline constexpr std::array<std::string_view, 6> kRetryOutcomes{
    "no_answer", "busy", "voicemail", "gatekeeper", "callback_general", "info_mail"};
inline constexpr std::chrono::minutes kMaxRetryDelay{30 * 24 * 60};

struct CallingRules {
  WeekWindows windows;  // in the called person's local time; in time order, not overlapping
  int max_attempts_per_day = 0;
  int max_attempts_per_week = 0;
  int max_attempts_per_campaign = 0;
  std::chrono::minutes min_gap{0};
  std::map<std::string, std::chrono::minutes> retry_delay;  // keyed by kRetryOutcomes

  friend bool operator==(const CallingRules&, const CallingRules&) = default;
};

// The defaults of a new campaign and at the same time the loosest rules allowed: Mon–Fri 08:00–20:00,
// Sat 09:00–18:00, never on Sundays or public holidays; 3 attempts a day, 15 a week, 30 per campaign; 60 minutes
// between two attempts; retry delays no_answer 3 h, busy 1 h, voicemail 1 day, gatekeeper 4 h, callback_general
// 1 day, info_mail 3 days.
CallingRules legal_limits();

// Refuses rules that are looser than the law or malformed, naming the JSON path of the first offending field
// ("calling_rules.windows.saturday", "calling_rules.max_attempts_per_day", …) with ErrorCode::invalid.
platform::Result<void> check_within_law(const CallingRules& rules);

// {"windows": {"monday": [{"start": "08:00", "end": "20:00"}], …, "sunday": []}, "max_attempts_per_day": 3,
//  "max_attempts_per_week": 15, "max_attempts_per_campaign": 30, "min_gap_minutes": 60,
//  "retry_delay_minutes": {"no_answer": 180, …}}
nlohmann::json to_json(const CallingRules& rules);
// The inverse of to_json. Strict: unknown keys, wrong types and times other than "HH:MM" are refused with their path.
// A missing key (a weekday, a cap, an outcome's delay) takes the legal default, so {} gives legal_limits(); an
// empty list for a weekday means no calls that day; a missing delay is raised to min_gap_minutes when that is
// longer. The result has passed check_within_law().
platform::Result<CallingRules> calling_rules_from_json(const nlohmann::json& body);

// What the caller knows about earlier attempts on the person in this campaign (count_attempts() derives it).
struct AttemptHistory {
  int today = 0;      // attempts since the called person's local midnight (their calendar day, not ours)
  int this_week = 0;  // attempts in the 7 × 24 hours up to now (rolling, not the calendar week)
  int total = 0;      // attempts in this campaign
  std::optional<platform::TimePoint> last_attempt;
  // The earliest attempt counted in this_week: the weekly cap frees up 7 days after it. When the cap is reached and
  // this is missing, the cap is assumed to last 7 days from now.
  std::optional<platform::TimePoint> oldest_this_week;
};

// Counts `attempts` (in any order; later than `now` only counted in total) as AttemptHistory defines it.
AttemptHistory count_attempts(std::span<const platform::TimePoint> attempts, platform::TimePoint now,
                              const date::time_zone& zone);

struct CallDecision {
  bool allowed = false;
  // Empty when allowed; otherwise the first that applies of: campaign_cap, daily_cap, weekly_cap, sunday,
  // public_holiday, outside_window, min_gap, unknown_time_zone.
  std::string reason;
  // The earliest moment (UTC) from which windows, Sundays, holidays, the gap and the daily and weekly caps allow a
  // call; `now` when allowed. nullopt when the campaign cap is reached, when no zone is known, or when nothing is
  // allowed in the next 21 days (rules with windows on one weekday only, in a run of holidays).
  std::optional<platform::TimePoint> next_possible;
};

// Whether a call to a person in `zone` (their local time counts) and `region` (their public holidays) may be made at
// `now`. `zone` may be null: then the zone of the region's country is used (DE Europe/Berlin, AT Europe/Vienna,
// CH Europe/Zurich), and for other countries no call is allowed ("unknown_time_zone").
// The law is applied even to rules that never passed check_within_law(): windows are cut to the legal ones and the
// caps and the gap are never looser than legal_limits().
// Clock changes: a window is the set of instants whose local time lies in it. A window start that does not exist
// (skipped by a spring-forward) opens the window at the first instant after the gap; a start that occurs twice (a
// fall-back) opens it at its first occurrence, and it is open again from the second if the clock fell back out of it.
CallDecision may_call(const CallingRules& rules, platform::TimePoint now, const date::time_zone* zone,
                      const Region& region, const AttemptHistory& history);

// The instants at which the clock in `zone` reads `local`: one, or two in a repeated hour (earlier first); for a
// local time skipped by a clock change, the instant the skip ends.
std::vector<platform::TimePoint> instants_at_local(date::local_time<std::chrono::minutes> local,
                                                   const date::time_zone& zone);

}  // namespace termintreu::campaigns
