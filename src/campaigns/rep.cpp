#include "campaigns/rep.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace termintreu::campaigns {

nlohmann::json to_json(const Rep& rep) {
  return {{"id", rep.id},       {"client_id", rep.client_id},     {"name", rep.name},
          {"email", rep.email}, {"phone", rep.phone},             {"territories", rep.territories},
          {"active", rep.active}};
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
