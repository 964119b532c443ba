#pragma once
// Times in API bodies: ISO 8601 in UTC with a Z, to the second ("2026-11-22T10:00:00Z").
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "platform/clock.hpp"

namespace termintreu::platform {

std::string iso8601(TimePoint t);
std::optional<TimePoint> parse_iso8601(std::string_view text);
// JSON null for an absent time.
nlohmann::json iso8601_or_null(const std::optional<std::int64_t>& micros);

}  // namespace termintreu::platform
