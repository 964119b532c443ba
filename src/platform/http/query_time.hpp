#pragma once
// A time query parameter (ISO 8601) as microseconds since the epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "platform/clock.hpp"
#include "platform/error.hpp"
#include "platform/http/message.hpp"
#include "platform/time_text.hpp"

namespace termintreu::platform::http {

// nullopt when absent or empty; invalid input naming it when it is not a time.
inline Result<std::optional<std::int64_t>> query_time(const Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::optional<std::int64_t>{};
  const auto t = parse_iso8601(*text);
  if (!t)
    return fail(ErrorCode::invalid, "must be an ISO 8601 time in UTC such as 2026-11-22T10:00:00Z", std::string(name));
  return std::optional<std::int64_t>(to_micros(*t));
}

}  // namespace termintreu::platform::http
