#include "campaigns/rep.hpp"

#include <gtest/gtest.h>

namespace termintreu::campaigns {
namespace {

TEST(Territories, PrefixesAreNormalisedOrRefused) {
  const std::vector<std::pair<std::string, std::string>> good{
      {"32,33,48", "32,33,48"}, {" 32; 33 ,48 ", "32,33,48"}, {"01,01,02", "01,02"}, {"", ""}, {"80331", "80331"}};
  for (const auto& [input, expected] : good) {
    const auto result = normalise_territories(input);
    ASSERT_TRUE(result) << input;
    EXPECT_EQ(*result, expected) << input;
  }
  for (const auto* bad : {"32-33", "NRW", "123456", "3a"}) {
    const auto result = normalise_territories(bad);
    ASSERT_FALSE(result) << bad;
    EXPECT_EQ(result.error().field, "territories");
  }
}

TEST(Territories, APostalCodeIsCoveredByAnyOfItsPrefixes) {
  EXPECT_TRUE(covers("32,33,48", "33602"));
  EXPECT_TRUE(covers("32,33,48", "48143"));
  EXPECT_FALSE(covers("32,33,48", "34117"));
  EXPECT_FALSE(covers("", "33602"));
  EXPECT_FALSE(covers("01", "10115")) << "a prefix matches at the start only";
}

}  // namespace
}  // namespace termintreu::campaigns
