#include "platform/country.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>
#include <vector>

#include <date/tz.h>

namespace termintreu::platform {
namespace {

constexpr const char* kZoneTab = "/usr/share/zoneinfo/zone.tab";

// Country code → its zones in zone.tab order; read once.
const std::map<std::string, std::vector<std::string>, std::less<>>& zones_by_country() {
  static const auto table = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> out;
    std::ifstream in(kZoneTab);
    if (!in) throw std::runtime_error(std::string("cannot read ") + kZoneTab + " (is tzdata installed?)");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      const auto first_tab = line.find('\t');
      const auto second_tab = line.find('\t', first_tab + 1);
      if (first_tab == std::string::npos || second_tab == std::string::npos) continue;
      const auto third_tab = line.find('\t', second_tab + 1);
      out[line.substr(0, first_tab)].push_back(line.substr(second_tab + 1, third_tab - second_tab - 1));
    }
    if (out.empty()) throw std::runtime_error(std::string("no time zones in ") + kZoneTab);
    return out;
  }();
  return table;
}

std::string upper_trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

}  // namespace

Result<std::string> normalise_time_zone(std::string_view name, std::string_view field) {
  try {
    return std::string(date::locate_zone(name)->name());
  } catch (const std::runtime_error&) {
    return fail(ErrorCode::invalid, "must be a time zone such as Europe/Berlin", std::string(field));
  }
}

Result<std::string> normalise_country(std::string_view text, std::string_view field) {
  std::string code = upper_trimmed(text);
  if (code.size() != 2 || !zones_by_country().contains(code)) {
    return fail(ErrorCode::invalid, "must be a two-letter country code such as DE, AT or CH", std::string(field));
  }
  return code;
}

std::optional<std::string> principal_time_zone(std::string_view country) {
  const auto& table = zones_by_country();
  const auto found = table.find(upper_trimmed(country));
  if (found == table.end() || found->second.empty()) return std::nullopt;
  return found->second.front();
}

bool has_several_time_zones(std::string_view country) {
  const auto& table = zones_by_country();
  const auto found = table.find(upper_trimmed(country));
  return found != table.end() && found->second.size() > 1;
}

}  // namespace termintreu::platform
