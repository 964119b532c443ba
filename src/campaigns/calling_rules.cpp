#include "campaigns/calling_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace termintreu::campaigns {
namespace {

using platform::ErrorCode;
using platform::fail;
using platform::TimePoint;
using std::chrono::minutes;

constexpr std::string_view kRoot = "calling_rules";
constexpr std::array<std::string_view, 7> kWeekdayNames{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                        "Friday", "Saturday", "Sunday"};
constexpr int kSundayIndex = 6;
// Far enough to cross Christmas to Epiphany even with windows on a single weekday.
constexpr int kSearchDays = 21;

std::string path(std::string_view leaf) {
  return fmt::format("{}.{}", kRoot, leaf);
}

std::string span_text(const TimeWindow& window) {
  return fmt::format("{}–{}", hh_mm(window.start_minute), hh_mm(window.end_minute));
}

int weekday_index(date::local_days day) {
  return static_cast<int>(date::weekday{day}.iso_encoding()) - 1;
}

bool inside(const std::vector<TimeWindow>& windows, int minute) {
  return std::any_of(windows.begin(), windows.end(),
                     [minute](const TimeWindow& w) { return w.start_minute <= minute && minute < w.end_minute; });
}

bool is_known_outcome(std::string_view outcome) {
  return std::find(kRetryOutcomes.begin(), kRetryOutcomes.end(), outcome) != kRetryOutcomes.end();
}

// ---- check_within_law ----

platform::Result<void> check_day(const std::vector<TimeWindow>& windows, const std::vector<TimeWindow>& legal,
                                 int index) {
  const std::string field = path(fmt::format("windows.{}", kWeekdayKeys[index]));
  const std::string_view day = kWeekdayNames[index];
  if (windows.empty()) return {};
  if (legal.empty()) return fail(ErrorCode::invalid, fmt::format("no calls on {}s (the law)", day), field);
  TT_TRY(ordered, check_window_order(windows, field));
  const TimeWindow& law = legal.front();
  for (const TimeWindow& w : windows) {
    if (w.start_minute < law.start_minute) {
      return fail(
          ErrorCode::invalid,
          fmt::format("{} may not start before {} on {} (the legal limit)", span_text(w), hh_mm(law.start_minute), day),
          field);
    }
    if (w.end_minute > law.end_minute) {
      return fail(
          ErrorCode::invalid,
          fmt::format("{} may not end after {} on {} (the legal limit)", span_text(w), hh_mm(law.end_minute), day),
          field);
    }
  }
  return {};
}

platform::Result<void> check_cap(int value, int legal, std::string_view name) {
  if (value < 1 || value > legal) {
    return fail(ErrorCode::invalid, fmt::format("must be between 1 and {} (the legal limit)", legal), path(name));
  }
  return {};
}

platform::Result<void> check_delay(minutes value, minutes least, std::string_view least_text,
                                   const std::string& field) {
  if (value < least) return fail(ErrorCode::invalid, fmt::format("must be at least {}", least_text), field);
  if (value > kMaxRetryDelay) {
    return fail(ErrorCode::invalid, fmt::format("must be at most {} minutes (30 days)", kMaxRetryDelay.count()), field);
  }
  return {};
}

// ---- JSON ----

platform::Result<int> read_int(const nlohmann::json& value, const std::string& field) {
  if (!value.is_number_integer()) return fail(ErrorCode::invalid, "must be a whole number", field);
  const bool fits = value.is_number_unsigned()
                        ? value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max())
                        : value.get<std::int64_t>() >= std::numeric_limits<int>::min() &&
                              value.get<std::int64_t>() <= std::numeric_limits<int>::max();
  if (!fits) return fail(ErrorCode::invalid, "is out of range", field);
  return static_cast<int>(value.get<std::int64_t>());
}

platform::Result<void> read_delays(const nlohmann::json& body, CallingRules& rules, std::set<std::string>& given) {
  const std::string field = path("retry_delay_minutes");
  if (!body.is_object()) return fail(ErrorCode::invalid, "must be an object keyed by outcome", field);
  for (const auto& [key, value] : body.items()) {
    const std::string outcome_field = field + "." + key;
    if (!is_known_outcome(key)) return fail(ErrorCode::invalid, "is not an outcome with a retry delay", outcome_field);
    TT_TRY(delay, read_int(value, outcome_field));
    rules.retry_delay[key] = minutes{*delay};
    given.insert(key);
  }
  return {};
}

// ---- may_call ----

// The person's calendar: which instants lie in a window of a callable day, in their zone and region.
class LocalCalendar {
 public:
  LocalCalendar(const CallingRules& rules, const CallingRules& law, const date::time_zone& zone, const Region& region)
      : rules_(rules), law_(law), zone_(zone), region_(region) {}

  // Empty when a call at `t` is inside the windows; otherwise sunday, public_holiday or outside_window.
  std::string_view refusal(TimePoint t) const {
    const auto local = zone_.to_local(t);
    const auto day = date::floor<date::days>(local);
    const int index = weekday_index(day);
    if (index == kSundayIndex) return "sunday";
    if (is_holiday(day)) return "public_holiday";
    const int minute = static_cast<int>(date::floor<minutes>(local - day).count());
    const auto w = static_cast<std::size_t>(index);
    if (!inside(rules_.windows[w], minute) || !inside(law_.windows[w], minute)) return "outside_window";
    return {};
  }

  // The first instant at or after `earliest` without refusal, searching kSearchDays local days ahead.
  std::optional<TimePoint> first_allowed_at_or_after(TimePoint earliest) const {
    if (refusal(earliest).empty()) return earliest;
    std::vector<TimePoint> candidates;
    const auto first_day = date::floor<date::days>(zone_.to_local(earliest));
    for (int offset = 0; offset <= kSearchDays; ++offset) {
      const auto day = first_day + date::days{offset};
      const auto w = static_cast<std::size_t>(weekday_index(day));
      if (law_.windows[w].empty()) continue;
      const int legal_start = law_.windows[w].front().start_minute;
      for (const auto& window : rules_.windows[w]) {
        const auto opens = day + minutes{std::max(window.start_minute, legal_start)};
        for (const auto t : instants_at_local(opens, zone_)) candidates.push_back(t);
      }
    }
    // A clock change can carry the local time into a window without passing its start.
    const auto horizon = earliest + date::days{kSearchDays + 2};
    for (auto info = zone_.get_info(earliest); info.end < horizon; info = zone_.get_info(info.end)) {
      candidates.push_back(info.end);
    }
    std::sort(candidates.begin(), candidates.end());
    for (const auto t : candidates) {
      if (t > earliest && refusal(t).empty()) return t;
    }
    return std::nullopt;
  }

  TimePoint next_local_midnight(TimePoint t) const {
    const auto tomorrow = date::floor<date::days>(zone_.to_local(t)) + date::days{1};
    return instants_at_local(date::local_time<minutes>{tomorrow}, zone_).front();
  }

 private:
  bool is_holiday(date::local_days day) const {
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (!holidays_year_ || *holidays_year_ != year) {
      holidays_ = public_holidays(year, region_);
      holidays_year_ = year;
    }
    return std::any_of(holidays_.begin(), holidays_.end(), [&](const Holiday& h) { return h.day == ymd; });
  }

  const CallingRules& rules_;
  const CallingRules& law_;
  const date::time_zone& zone_;
  const Region& region_;
  mutable std::optional<int> holidays_year_;
  mutable std::vector<Holiday> holidays_;
};

const date::time_zone* zone_of_country(std::string_view country) {
  std::string upper(country);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  if (upper == "DE") return date::locate_zone("Europe/Berlin");
  if (upper == "AT") return date::locate_zone("Europe/Vienna");
  if (upper == "CH") return date::locate_zone("Europe/Zurich");
  return nullptr;
}

}  // namespace

CallingRules legal_limits() {
  CallingRules rules;
  for (int day = 0; day < 5; ++day) rules.windows[static_cast<std::size_t>(day)] = {{8 * 60, 20 * 60}};
  rules.windows[5] = {{9 * 60, 18 * 60}};
  rules.max_attempts_per_day = 3;
  rules.max_attempts_per_week = 15;
  rules.max_attempts_per_campaign = 30;
  rules.min_gap = minutes{60};
  rules.retry_delay = {
      {"no_answer", minutes{3 * 60}},         {"busy", minutes{60}},
      {"voicemail", minutes{24 * 60}},        {"gatekeeper", minutes{4 * 60}},
      {"callback_general", minutes{24 * 60}}, {"info_mail", minutes{3 * 24 * 60}},
  };
  return rules;
}

platform::Result<void> check_within_law(const CallingRules& rules) {
  const CallingRules law = legal_limits();
  bool any_window = false;
  for (std::size_t day = 0; day < rules.windows.size(); ++day) {
    TT_TRY(checked, check_day(rules.windows[day], law.windows[day], static_cast<int>(day)));
    any_window = any_window || !rules.windows[day].empty();
  }
  if (!any_window) return fail(ErrorCode::invalid, "needs at least one calling window in the week", path("windows"));
  TT_TRY(day_cap, check_cap(rules.max_attempts_per_day, law.max_attempts_per_day, "max_attempts_per_day"));
  TT_TRY(week_cap, check_cap(rules.max_attempts_per_week, law.max_attempts_per_week, "max_attempts_per_week"));
  TT_TRY(campaign_cap,
         check_cap(rules.max_attempts_per_campaign, law.max_attempts_per_campaign, "max_attempts_per_campaign"));
  TT_TRY(gap, check_delay(rules.min_gap, law.min_gap,
                          fmt::format("{} minutes (the legal minimum)", law.min_gap.count()), path("min_gap_minutes")));
  for (const auto& [outcome, delay] : rules.retry_delay) {
    if (!is_known_outcome(outcome)) {
      return fail(ErrorCode::invalid, "is not an outcome with a retry delay",
                  path(fmt::format("retry_delay_minutes.{}", outcome)));
    }
  }
  const std::string gap_text = fmt::format("the minimum gap of {} minutes", rules.min_gap.count());
  for (const auto outcome : kRetryOutcomes) {
    const std::string field = path(fmt::format("retry_delay_minutes.{}", outcome));
    const auto found = rules.retry_delay.find(std::string(outcome));
    if (found == rules.retry_delay.end()) return fail(ErrorCode::invalid, "is required", field);
    TT_TRY(delay, check_delay(found->second, rules.min_gap, gap_text, field));
  }
  return {};
}

nlohmann::json to_json(const CallingRules& rules) {
  nlohmann::json delays = nlohmann::json::object();
  for (const auto& [outcome, delay] : rules.retry_delay) delays[outcome] = delay.count();
  return {
      {"windows", week_windows_json(rules.windows)},
      {"max_attempts_per_day", rules.max_attempts_per_day},
      {"max_attempts_per_week", rules.max_attempts_per_week},
      {"max_attempts_per_campaign", rules.max_attempts_per_campaign},
      {"min_gap_minutes", rules.min_gap.count()},
      {"retry_delay_minutes", std::move(delays)},
  };
}

platform::Result<CallingRules> calling_rules_from_json(const nlohmann::json& body) {
  if (!body.is_object()) return fail(ErrorCode::invalid, "must be an object", std::string(kRoot));
  CallingRules rules = legal_limits();
  std::set<std::string> given_delays;
  const std::array<std::pair<std::string_view, int*>, 3> caps{{
      {"max_attempts_per_day", &rules.max_attempts_per_day},
      {"max_attempts_per_week", &rules.max_attempts_per_week},
      {"max_attempts_per_campaign", &rules.max_attempts_per_campaign},
  }};
  for (const auto& [key, value] : body.items()) {
    const auto cap = std::find_if(caps.begin(), caps.end(), [&](const auto& c) { return c.first == key; });
    if (cap != caps.end()) {
      TT_TRY(number, read_int(value, path(key)));
      *cap->second = *number;
    } else if (key == "min_gap_minutes") {
      TT_TRY(number, read_int(value, path(key)));
      rules.min_gap = minutes{*number};
    } else if (key == "windows") {
      TT_TRY(read, read_week_windows(value, path("windows"), rules.windows));
    } else if (key == "retry_delay_minutes") {
      TT_TRY(read, read_delays(value, rules, given_delays));
    } else {
      return fail(ErrorCode::invalid, "is not a known field", path(key));
    }
  }
  // A longer gap lifts the defaults of the delays left out, so raising the gap alone does not make them unlawful.
  for (auto& [outcome, delay] : rules.retry_delay) {
    if (!given_delays.contains(outcome)) delay = std::max(delay, rules.min_gap);
  }
  TT_TRY(lawful, check_within_law(rules));
  return rules;
}

AttemptHistory count_attempts(std::span<const TimePoint> attempts, TimePoint now, const date::time_zone& zone) {
  AttemptHistory history;
  const auto today = date::floor<date::days>(zone.to_local(now));
  const auto week_start = now - date::days{7};
  for (const auto t : attempts) {
    ++history.total;
    if (t > now) continue;
    if (!history.last_attempt || t > *history.last_attempt) history.last_attempt = t;
    if (t > week_start) {
      ++history.this_week;
      if (!history.oldest_this_week || t < *history.oldest_this_week) history.oldest_this_week = t;
    }
    if (date::floor<date::days>(zone.to_local(t)) == today) ++history.today;
  }
  return history;
}

CallDecision may_call(const CallingRules& rules, TimePoint now, const date::time_zone* zone, const Region& region,
                      const AttemptHistory& history) {
  const date::time_zone* where = zone != nullptr ? zone : zone_of_country(region.country);
  if (where == nullptr) return {false, "unknown_time_zone", std::nullopt};
  const CallingRules law = legal_limits();
  if (history.total >= std::min(rules.max_attempts_per_campaign, law.max_attempts_per_campaign)) {
    return {false, "campaign_cap", std::nullopt};
  }
  const LocalCalendar calendar(rules, law, *where, region);
  std::string_view reason;
  TimePoint earliest = now;
  const auto hold = [&](std::string_view why, TimePoint until) {
    if (reason.empty()) reason = why;
    earliest = std::max(earliest, until);
  };
  if (history.today >= std::min(rules.max_attempts_per_day, law.max_attempts_per_day)) {
    hold("daily_cap", calendar.next_local_midnight(now));
  }
  if (history.this_week >= std::min(rules.max_attempts_per_week, law.max_attempts_per_week)) {
    hold("weekly_cap", history.oldest_this_week.value_or(now) + date::days{7});
  }
  if (const auto why = calendar.refusal(now); !why.empty()) hold(why, now);
  if (history.last_attempt) {
    const auto gap = std::clamp(rules.min_gap, law.min_gap, kMaxRetryDelay);
    if (now < *history.last_attempt + gap) hold("min_gap", *history.last_attempt + gap);
  }
  if (reason.empty()) return {true, "", now};
  return {false, std::string(reason), calendar.first_allowed_at_or_after(earliest)};
}

std::vector<TimePoint> instants_at_local(date::local_time<minutes> local, const date::time_zone& zone) {
  const date::local_seconds at{local};
  const auto info = zone.get_info(at);
  const auto instant = [&](const date::sys_info& period) {
    return TimePoint{date::sys_seconds{at.time_since_epoch() - period.offset}};
  };
  switch (info.result) {
    case date::local_info::unique:
      return {instant(info.first)};
    case date::local_info::nonexistent:
      return {TimePoint{info.second.begin}};
    case date::local_info::ambiguous:
      return {instant(info.first), instant(info.second)};
  }
  return {};
}

}  // namespace termintreu::campaigns
