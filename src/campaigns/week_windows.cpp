#include "campaigns/week_windows.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace termintreu::campaigns {
namespace {

using platform::ErrorCode;
using platform::fail;

constexpr int kMinutesPerDay = 24 * 60;

std::string span_text(const TimeWindow& window) {
  return fmt::format("{}–{}", hh_mm(window.start_minute), hh_mm(window.end_minute));
}

platform::Result<int> read_time(const nlohmann::json& window, std::string_view key, const std::string& field) {
  const auto found = window.find(key);
  if (found == window.end()) return fail(ErrorCode::invalid, "is required", field);
  if (!found->is_string()) return fail(ErrorCode::invalid, "must be a time \"HH:MM\"", field);
  const auto minute = parse_hh_mm(found->get_ref<const std::string&>());
  if (!minute) return fail(ErrorCode::invalid, "must be a time \"HH:MM\" (00:00 to 23:59)", field);
  return *minute;
}

platform::Result<std::vector<TimeWindow>> read_day(const nlohmann::json& list, const std::string& field) {
  if (!list.is_array()) return fail(ErrorCode::invalid, "must be a list of windows", field);
  std::vector<TimeWindow> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string item = fmt::format("{}[{}]", field, i);
    const auto& window = list[i];
    if (!window.is_object()) return fail(ErrorCode::invalid, "must be an object with start and end", item);
    for (const auto& [key, value] : window.items()) {
      if (key != "start" && key != "end") return fail(ErrorCode::invalid, "is not a known field", item + "." + key);
    }
    TT_TRY(start, read_time(window, "start", item + ".start"));
    TT_TRY(end, read_time(window, "end", item + ".end"));
    out.push_back({*start, *end});
  }
  return out;
}

}  // namespace

std::string hh_mm(int minute) {
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

std::optional<int> parse_hh_mm(std::string_view text) {
  const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1; };
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const int digits[] = {digit(0), digit(1), digit(3), digit(4)};
  if (std::any_of(std::begin(digits), std::end(digits), [](int d) { return d < 0; })) return std::nullopt;
  const int hours = digits[0] * 10 + digits[1];
  const int mins = digits[2] * 10 + digits[3];
  if (hours > 23 || mins > 59) return std::nullopt;
  return hours * 60 + mins;
}

platform::Result<void> read_week_windows(const nlohmann::json& body, const std::string& field, WeekWindows& week) {
  if (!body.is_object()) return fail(ErrorCode::invalid, "must be an object keyed by weekday", field);
  for (const auto& [key, value] : body.items()) {
    const auto found = std::find(kWeekdayKeys.begin(), kWeekdayKeys.end(), key);
    const std::string day_field = field + "." + key;
    if (found == kWeekdayKeys.end()) {
      return fail(ErrorCode::invalid, "is not a weekday (monday … sunday)", day_field);
    }
    TT_TRY(day, read_day(value, day_field));
    week[static_cast<std::size_t>(found - kWeekdayKeys.begin())] = std::move(*day);
  }
  return {};
}

nlohmann::json week_windows_json(const WeekWindows& week) {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t day = 0; day < week.size(); ++day) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& w : week[day]) list.push_back({{"start", hh_mm(w.start_minute)}, {"end", hh_mm(w.end_minute)}});
    out[std::string(kWeekdayKeys[day])] = std::move(list);
  }
  return out;
}

platform::Result<void> check_window_order(const std::vector<TimeWindow>& windows, const std::string& field) {
  if (windows.size() > static_cast<std::size_t>(kMaxWindowsPerDay)) {
    return fail(ErrorCode::invalid, fmt::format("may have at most {} windows a day", kMaxWindowsPerDay), field);
  }
  for (std::size_t i = 0; i < windows.size(); ++i) {
    const TimeWindow& w = windows[i];
    if (w.start_minute < 0 || w.end_minute > kMinutesPerDay || w.start_minute >= kMinutesPerDay) {
      return fail(ErrorCode::invalid, "has a time outside the day", field);
    }
    if (w.start_minute >= w.end_minute) {
      return fail(ErrorCode::invalid, fmt::format("{} must start before it ends", span_text(w)), field);
    }
    if (i > 0 && w.start_minute < windows[i - 1].end_minute) {
      return fail(
          ErrorCode::invalid,
          fmt::format("{} and {} must be in time order and must not overlap", span_text(windows[i - 1]), span_text(w)),
          field);
    }
  }
  return {};
}

}  // namespace termintreu::campaigns
