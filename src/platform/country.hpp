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

// An IANA zone name the system's tz database knows ("Europe/Berlin"), in its canonical spelling; else an
// invalid-input error naming `field`.
Result<std::string> normalise_time_zone(std::string_view name, std::string_view field);

// The first zone zone.tab lists for the country (its principal one: DE → Europe/Berlin, US → America/New_York);
// nullopt for an unknown code (also "001", libphonenumber's region of non-geographic numbers). zone.tab orders a
// country's zones by geography first and population second, so the first is not always the main one
// (CA → St_Johns, AU → Lord_Howe): check has_several_time_zones. zone.tab is read once, on first use,
// thread-safely; throws std::runtime_error when it cannot be read (tzdata missing).
std::optional<std::string> principal_time_zone(std::string_view country);
// Whether the country spans several zones, so that a person's zone should come from the address, not the country.
bool has_several_time_zones(std::string_view country);

}  // namespace termintreu::platform
