#pragma once
// Coordinates of an address from its country, postal code and city, for planning a field sales rep's appointments
// (docs/decisions/0013-place-coordinates.md). The data is packaged (npm, installed by scripts/setup) and compiled
// into the binary by a build step, so nothing is read or fetched at run time.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace termintreu::appointments {

struct Coordinates {
  double latitude = 0;
  double longitude = 0;
};

// Great-circle distance on the mean Earth sphere (haversine): the straight line, not the road.
double distance_km(Coordinates a, Coordinates b);

struct PostalCodePlace {
  std::string_view country;  // ISO 3166-1 alpha-2, upper case
  std::string_view postal_code;
  double latitude;
  double longitude;
};

struct NamedPlace {
  std::string_view country;
  std::string_view name;  // as the source spells it: "Frankfurt am Main", "Sankt Pölten"
  double latitude;
  double longitude;
};

struct PlaceData {
  std::span<const PostalCodePlace> postal_codes;
  std::span<const NamedPlace> places;
};

// The packaged data, generated at build time by scripts/generate-place-data.mjs.
PlaceData packaged_place_data();

// Built once (the composition root holds one), immutable afterwards: concurrent locate() calls need no lock.
class PlaceIndex {
 public:
  // A postal code prefix's centroid gives way to a place of the given city this close to it.
  static constexpr double kCityNearPrefixKm = 30;

  explicit PlaceIndex(PlaceData data);

  // In this order:
  // 1. the postal code itself;
  // 2. the centroid of the known codes sharing its longest prefix of at least 2 characters in that country (the
  //    input may itself be such a prefix: "336"), unless a place named like the city lies within kCityNearPrefixKm
  //    of that centroid: then that place, the finer of the two;
  // 3. the city, when the country has one place of that name;
  // 4. nullopt.
  // Country and postal code ignore case and surrounding blanks ("D-33602" too). The city ignores case, umlaut
  // spelling (ü = ue), punctuation and "St." for "Sankt"; a bare name also finds the source's names with a suffix
  // ("Frankfurt" finds "Frankfurt am Main" and "Frankfurt (Oder)", so only a code's prefix can choose between them).
  std::optional<Coordinates> locate(std::string_view country, std::string_view postal_code,
                                    std::string_view city) const;

  std::size_t postal_code_count() const { return postal_codes_.size(); }
  std::size_t place_count() const { return place_count_; }

 private:
  std::optional<Coordinates> by_prefix(const std::string& country, const std::string& postal_code) const;
  // The place of that name: the only one so named, else among its namesakes the one nearest to `near`.
  std::optional<Coordinates> by_city(const std::string& country, std::string_view city,
                                     std::optional<Coordinates> near) const;

  // Keys are country + postal code ("DE33602"); a prefix of 2 to n-1 characters maps to the centroid of its codes.
  std::unordered_map<std::string, Coordinates> postal_codes_;
  std::unordered_map<std::string, Coordinates> prefix_centroids_;
  // Key: country + '|' + normalised name, several entries for namesakes ("DE|neustadt"). The second map holds the
  // names without their suffix ("DE|frankfurt" for "Frankfurt am Main" and "Frankfurt (Oder)").
  std::unordered_map<std::string, std::vector<Coordinates>> places_;
  std::unordered_map<std::string, std::vector<Coordinates>> places_by_base_name_;
  std::size_t place_count_ = 0;
};

// How city names are compared: lower case, ä/ö/ü → ae/oe/ue, ß → ss, other Latin-1 capitals lowered, any run of
// ASCII characters other than letters and digits → one blank, the word "st" → "sankt".
std::string normalise_place_name(std::string_view name);
// The name without what follows "(", "/", "," or a joining word ("am", "an der", "bei", "im", "in", "ob", "vor"),
// normalised: "Frankfurt am Main" → "frankfurt", "Halle (Saale)" → "halle".
std::string base_place_name(std::string_view name);

}  // namespace termintreu::appointments
