#include "campaigns/rep.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace termintreu::campaigns {

WeekWindows Rep::default_working_hours() {
  WeekWindows week;
  for (std::size_t day = 0; day < 5; ++day) week[day] = {{8 * 60, 17 * 60}};
  return week;
}

nlohmann::json to_json(const Rep& rep) {
  return {{"id", rep.id},
          {"client_id", rep.client_id},
          {"name", rep.name},
          {"email", rep.email},
          {"phone", rep.phone},
          {"territories", rep.territories},
          {"active", rep.active},
          {"street", rep.street},
          {"postal_code", rep.postal_code},
          {"city", rep.city},
          {"country", rep.country},
          {"state", rep.state},
          {"time_zone", rep.time_zone},
          {"working_hours", week_windows_json(rep.working_hours)},
          {"appointment_minutes", rep.appointment_minutes},
          {"calendar_url", rep.calendar_url},
          {"has_feed", rep.has_feed}};
}

platform::Result<WeekWindows> working_hours_from_json(const nlohmann::json& body) {
  WeekWindows week;
  TT_TRY(read, read_week_windows(body, "working_hours", week));
  for (std::size_t day = 0; day < week.size(); ++day) {
    TT_TRY(ordered, check_window_order(week[day], "working_hours." + std::string(kWeekdayKeys[day])));
  }
  return week;
}

std::string working_hours_text(const WeekWindows& hours) {
  return hours == Rep::default_working_hours() ? std::string() : week_windows_json(hours).dump();
}

WeekWindows working_hours_of_text(const std::string& text) {
  if (text.empty()) return Rep::default_working_hours();
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  auto hours = working_hours_from_json(parsed);
  if (!hours) throw std::runtime_error("stored working hours do not parse: " + hours.error().message);
  return *hours;
}

platform::Result<std::string> normalise_territories(std::string_view text) {
  constexpr std::size_t kMaxPrefix = 5;
  std::vector<std::string> prefixes;
  std::string current;
  auto flush = [&]() -> platform::Result<void> {
    if (current.empty()) return {};
    if (current.size() > kMaxPrefix) {
      return platform::fail(platform::ErrorCode::invalid, "a postal-code prefix has at most 5 digits", "territories");
    }
    if (std::find(prefixes.begin(), prefixes.end(), current) == prefixes.end()) prefixes.push_back(current);
    current.clear();
    return {};
  };
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      current.push_back(c);
    } else if (c == ',' || c == ';' || c == ' ') {
      TT_TRY(done, flush());
    } else {
      return platform::fail(platform::ErrorCode::invalid,
                            "must list postal-code prefixes (digits) separated by commas", "territories");
    }
  }
  TT_TRY(done, flush());
  std::string out;
  for (const auto& prefix : prefixes) out += (out.empty() ? "" : ",") + prefix;
  return out;
}

bool covers(std::string_view territories, std::string_view postal_code) {
  while (!territories.empty()) {
    const auto comma = territories.find(',');
    const auto prefix = territories.substr(0, comma);
    if (!prefix.empty() && postal_code.starts_with(prefix)) return true;
    if (comma == std::string_view::npos) break;
    territories.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace termintreu::campaigns
