#include "platform/time_text.hpp"

#include <sstream>

#include <date/date.h>
#include <nlohmann/json.hpp>

namespace termintreu::platform {

std::string iso8601(TimePoint t) {
  return date::format("%FT%TZ", std::chrono::floor<std::chrono::seconds>(t));
}

std::optional<TimePoint> parse_iso8601(std::string_view text) {
  std::istringstream in{std::string(text)};
  date::sys_time<std::chrono::microseconds> parsed;
  in >> date::parse("%FT%TZ", parsed);
  if (in.fail() || in.peek() != std::char_traits<char>::eof()) return std::nullopt;
  return TimePoint(parsed.time_since_epoch());
}

nlohmann::json iso8601_or_null(const std::optional<std::int64_t>& micros) {
  if (!micros) return nullptr;
  return iso8601(from_micros(*micros));
}

}  // namespace termintreu::platform
