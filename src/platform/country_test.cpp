#include "platform/country.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace termintreu::platform {
namespace {

TEST(Country, CodesAreNormalisedOrRefusedWithTheField) {
  EXPECT_EQ(normalise_country("de", "country").value(), "DE");
  EXPECT_EQ(normalise_country(" ch ", "country").value(), "CH");
  for (const auto* bad : {"", "D", "DEU", "XX", "12", "Deutschland"}) {
    const auto refused = normalise_country(bad, "campaign.country");
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().field, "campaign.country");
    EXPECT_EQ(refused.error().code, ErrorCode::invalid);
  }
}

struct ZoneCase {
  std::string country;
  std::optional<std::string> zone;
  bool several;
};

TEST(Country, PrincipalZonesComeFromTheSystemTable) {
  const std::vector<ZoneCase> cases{
      {"DE", "Europe/Berlin", true},  {"AT", "Europe/Vienna", false},   {"CH", "Europe/Zurich", false},
      {"GB", "Europe/London", false}, {"US", "America/New_York", true}, {"de", "Europe/Berlin", true},
      {"at", "Europe/Vienna", false}, {"XX", std::nullopt, false},      {"", std::nullopt, false},
      {"DEU", std::nullopt, false},   {"001", std::nullopt, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(principal_time_zone(c.country), c.zone) << c.country;
    EXPECT_EQ(has_several_time_zones(c.country), c.several) << c.country;
  }
}

}  // namespace
}  // namespace termintreu::platform
