#include "platform/country.hpp"

#include <gtest/gtest.h>

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

TEST(Country, PrincipalZonesComeFromTheSystemTable) {
  EXPECT_EQ(principal_time_zone("DE"), "Europe/Berlin");
  EXPECT_EQ(principal_time_zone("at"), "Europe/Vienna");
  EXPECT_EQ(principal_time_zone("CH"), "Europe/Zurich");
  EXPECT_EQ(principal_time_zone("US"), "America/New_York");
  EXPECT_FALSE(principal_time_zone("XX"));
  EXPECT_TRUE(has_several_time_zones("US"));
  EXPECT_FALSE(has_several_time_zones("AT"));
}

}  // namespace
}  // namespace termintreu::platform
