#pragma once
// Local-time windows per weekday, as a campaign's calling windows and a rep's working hours are given:
// {"monday": [{"start": "08:00", "end": "20:00"}], …, "sunday": []}. Pure functions.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "platform/error.hpp"

namespace termintreu::campaigns {

// Minutes after local midnight; the end is exclusive (08:00–20:00 allows 19:59, not 20:00).
struct TimeWindow {
  int start_minute = 0;
  int end_minute = 0;

  friend bool operator==(const TimeWindow&, const TimeWindow&) = default;
};

using WeekWindows = std::array<std::vector<TimeWindow>, 7>;  // [0] = Monday … [6] = Sunday

inline constexpr std::array<std::string_view, 7> kWeekdayKeys{"monday", "tuesday",  "wednesday", "thursday",
                                                              "friday", "saturday", "sunday"};
inline constexpr int kMaxWindowsPerDay = 4;

std::string hh_mm(int minute);
// "HH:MM" (00:00 to 23:59) → minutes after midnight.
std::optional<int> parse_hh_mm(std::string_view text);

// Sets the days present in `body` (an object keyed by weekday) on `week`; days left out keep their windows.
// Strict: unknown keys, wrong types and times other than "HH:MM" are refused with their path below `field`.
platform::Result<void> read_week_windows(const nlohmann::json& body, const std::string& field, WeekWindows& week);
nlohmann::json week_windows_json(const WeekWindows& week);

// A day's windows start before they end, lie in the day, are in time order without overlap, at most
// kMaxWindowsPerDay. Errors name `field`.
platform::Result<void> check_window_order(const std::vector<TimeWindow>& windows, const std::string& field);

}  // namespace termintreu::campaigns
