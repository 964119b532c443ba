#pragma once
// A client's campaign as far as the foundation knows it; goals, rules, scripts and briefings come with the
// campaigns issue.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::campaigns {

struct Campaign {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::string client_name;
  std::string name;
  std::string state;  // draft, active, paused, finished
  std::string goal_kind;
  std::int64_t goal_target = 0;
  std::optional<std::string> starts_on;  // YYYY-MM-DD
  std::optional<std::string> ends_on;
};

nlohmann::json to_json(const Campaign& campaign);

}  // namespace termintreu::campaigns
