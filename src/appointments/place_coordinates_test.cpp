#include "appointments/place_coordinates.hpp"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace termintreu::appointments {
namespace {

constexpr Coordinates kBielefeld{52.0302, 8.5325};
constexpr Coordinates kBerlin{52.5200, 13.4050};
constexpr Coordinates kMunich{48.1374, 11.5755};

struct NearCase {
  std::string country;
  std::string postal_code;
  std::string city;
  Coordinates expected;
  double within_km;
};

TEST(PlaceIndex, PackagedDataPlacesKnownAddresses) {
  const PlaceIndex packaged(packaged_place_data());
  const std::vector<NearCase> cases{
      {"DE", "33602", "Bielefeld", kBielefeld, 3},
      {"de", " 33602 ", "", kBielefeld, 3},    // case and blanks; no city needed
      {"DE", "D-33602", "", kBielefeld, 3},    // old-style prefix
      {"DE", "80331", "München", kMunich, 3},  // GeoNames calls it Munich
      {"DE", "15230", "Frankfurt (Oder)", {52.347, 14.551}, 5},
      {"DE", "60311", "Frankfurt am Main", {50.111, 8.682}, 5},
      {"DE", "78267", "Aach", {47.842, 8.854}, 5},  // two German Aachs: the code tells them apart
      {"DE", "54298", "Aach", {49.811, 6.593}, 5},
      {"AT", "1010", "Wien", {48.208, 16.372}, 3},    // no Austrian codes: by city
      {"AT", "", "St. Pölten", {48.204, 15.623}, 3},  // GeoNames: "Sankt Pölten"
      {"CH", "8001", "zürich", {47.377, 8.540}, 3},
      {"CH", "", "Zuerich", {47.377, 8.540}, 3},
      {"DE", "", "Bielefeld", kBielefeld, 3},  // no code: by city
  };
  for (const auto& c : cases) {
    const auto at = packaged.locate(c.country, c.postal_code, c.city);
    ASSERT_TRUE(at) << c.country << " " << c.postal_code << " " << c.city;
    EXPECT_LT(distance_km(*at, c.expected), c.within_km) << c.country << " " << c.postal_code << " " << c.city;
  }
}

TEST(PlaceIndex, PackagedDataCoversMostGermanCodes) {
  const PlaceIndex packaged(packaged_place_data());
  // About 8,200 German postal codes exist; those the join cannot place are left to the prefix fallback.
  EXPECT_GT(packaged.postal_code_count(), 7000U);
  EXPECT_GT(packaged.place_count(), 11000U);
}

TEST(PlaceIndex, UnknownCodeFallsBackToTheCentroidOfItsLongestKnownPrefix) {
  // 33600 is not a postal code; 33602…33609 are Bielefeld's centre.
  const auto at = PlaceIndex(packaged_place_data()).locate("DE", "33600", "");
  ASSERT_TRUE(at);
  EXPECT_LT(distance_km(*at, kBielefeld), 10);

  constexpr PostalCodePlace kCodes[] = {
      {"DE", "12345", 50.0, 10.0}, {"DE", "12346", 52.0, 10.0}, {"DE", "12400", 40.0, 0.0}, {"DE", "99999", 0, 0}};
  const PlaceIndex index({kCodes, {}});
  const auto same_four = index.locate("DE", "12347", "");  // 1234x: the mean of 12345 and 12346
  ASSERT_TRUE(same_four);
  EXPECT_DOUBLE_EQ(same_four->latitude, 51.0);
  EXPECT_DOUBLE_EQ(same_four->longitude, 10.0);
  const auto same_three = index.locate("DE", "12399", "");  // 123xx: 12345 and 12346 again
  ASSERT_TRUE(same_three);
  EXPECT_DOUBLE_EQ(same_three->latitude, 51.0);
  const auto same_two = index.locate("DE", "12999", "");  // 12xxx: all three
  ASSERT_TRUE(same_two);
  EXPECT_DOUBLE_EQ(same_two->latitude, 142.0 / 3);
  EXPECT_DOUBLE_EQ(same_two->longitude, 20.0 / 3);
  const auto typed_prefix = index.locate("DE", "124", "");  // a partial code is its own prefix
  ASSERT_TRUE(typed_prefix);
  EXPECT_DOUBLE_EQ(typed_prefix->latitude, 40.0);
  EXPECT_FALSE(index.locate("DE", "13000", ""));  // one shared digit is not enough
  EXPECT_FALSE(index.locate("AT", "12345", ""));  // codes belong to their country
}

TEST(PlaceIndex, CityNearTheCodesPrefixIsFinerThanThePrefixCentroid) {
  constexpr PostalCodePlace kCodes[] = {{"DE", "33602", 52.03, 8.53}, {"DE", "33000", 51.70, 8.70}};
  constexpr NamedPlace kPlaces[] = {{"DE", "Bad Salzuflen", 52.087, 8.749},
                                    {"DE", "Neustadt", 52.0, 8.6},
                                    {"DE", "Neustadt", 49.0, 8.0},
                                    {"DE", "Fernstadt", 48.0, 11.0}};
  const PlaceIndex index({kCodes, kPlaces});
  // 33xxx's centroid is 51.865, 8.615; each place below is within 30 km of it, but Fernstadt is not.
  const auto salzuflen = index.locate("DE", "33999", "Bad Salzuflen");
  ASSERT_TRUE(salzuflen);
  EXPECT_DOUBLE_EQ(salzuflen->latitude, 52.087);
  const auto neustadt = index.locate("DE", "33999", "Neustadt");  // the namesake near the code
  ASSERT_TRUE(neustadt);
  EXPECT_DOUBLE_EQ(neustadt->latitude, 52.0);
  const auto far = index.locate("DE", "33999", "Fernstadt");  // too far from the code: the code wins
  ASSERT_TRUE(far);
  EXPECT_DOUBLE_EQ(far->latitude, 51.865);
  const auto exact = index.locate("DE", "33602", "Bad Salzuflen");  // a known code is never overridden
  ASSERT_TRUE(exact);
  EXPECT_DOUBLE_EQ(exact->latitude, 52.03);
  EXPECT_FALSE(index.locate("DE", "", "Neustadt"));  // namesakes and nothing to choose by
}

TEST(PlaceIndex, GarbageFindsNothing) {
  const PlaceIndex packaged(packaged_place_data());
  const std::vector<std::vector<std::string>> cases{
      {"", "33602", "Bielefeld"},
      {"XX", "33602", "Bielefeld"},
      {"DEU", "33602", "Bielefeld"},
      {"D", "", ""},
      {"DE", "", ""},
      {"DE", "abc", "Qwxzrtplk"},
      {"DE", "1", "!!!"},
      {"FR", "75001", "Paris"},
      {"DE", "", "Neustadt"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(packaged.locate(c[0], c[1], c[2])) << c[0] << " " << c[1] << " " << c[2];
  }
}

TEST(PlaceCoordinates, DistanceIsTheGreatCircle) {
  EXPECT_NEAR(distance_km(kBerlin, kMunich), 504, 3);
  EXPECT_NEAR(distance_km(kBerlin, kBerlin), 0, 1e-9);
  EXPECT_NEAR(distance_km({0, 0}, {0, 180}), 20015.1, 0.5);  // half the equator
  EXPECT_NEAR(distance_km(kMunich, kBerlin), distance_km(kBerlin, kMunich), 1e-9);
}

TEST(PlaceCoordinates, NamesCompareWithoutCaseUmlautsAndPunctuation) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"München", "muenchen"},
      {"MÜNCHEN", "muenchen"},
      {"Muenchen", "muenchen"},
      {"  Frankfurt am  Main ", "frankfurt am main"},
      {"Halle (Saale)", "halle saale"},
      {"Gießen", "giessen"},
      {"St. Gallen", "sankt gallen"},
      {"St.Gallen", "sankt gallen"},
      {"Neuchâtel", "neuchâtel"},
      {"ÉCHALLENS", "échallens"},
      {"Biel/Bienne", "biel bienne"},
      {"Crostwitz - Chrósćicy", "crostwitz chrósćicy"},
      {"", ""},
      {"-/-", ""},
  };
  for (const auto& [name, expected] : cases) EXPECT_EQ(normalise_place_name(name), expected) << name;
  EXPECT_EQ(base_place_name("Frankfurt am Main"), "frankfurt");
  EXPECT_EQ(base_place_name("Halle (Saale)"), "halle");
  EXPECT_EQ(base_place_name("Rüdersdorf bei Berlin"), "ruedersdorf");
  EXPECT_EQ(base_place_name("Fürstenwalde/Spree"), "fuerstenwalde");
  EXPECT_EQ(base_place_name("Bielefeld"), "bielefeld");
  EXPECT_EQ(base_place_name("Am Mellensee"), "am mellensee");  // a joining word first is part of the name
}

}  // namespace
}  // namespace termintreu::appointments
