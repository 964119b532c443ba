#pragma once
// Countries as the system's time zone data knows them (tzdata's zone.tab): whether a two-letter code is a country,
// and its principal time zone.
#include <optional>
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace termintreu::platform {

// "de" / " DE " → "DE" when it is a country of zone.tab; else an invalid-input error naming `field`.
Result<std::string> normalise_country(std::string_view text, std::string_view field);

// The first zone zone.tab lists for the country (its principal one: DE → Europe/Berlin, US → America/New_York).
std::optional<std::string> principal_time_zone(std::string_view country);
// Whether the country spans several zones, so that a person's zone should come from the address, not the country.
bool has_several_time_zones(std::string_view country);

}  // namespace termintreu::platform
