#include "appointments/place_coordinates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace termintreu::appointments {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;  // IUGG mean radius
// Namesakes closer than this are one place listed twice.
constexpr double kSamePlaceKm = 1;
constexpr std::array<std::string_view, 8> kJoiningWords{"am", "an", "b", "bei", "im", "in", "ob", "vor"};

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_ascii_alnum(char c) {
  return is_ascii_letter(c) || (c >= '0' && c <= '9');
}
char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}
char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// "de" → "DE"; empty unless two ASCII letters.
std::string country_key(std::string_view country) {
  country = trimmed(country);
  if (country.size() != 2 || !is_ascii_letter(country[0]) || !is_ascii_letter(country[1])) return {};
  return {ascii_upper(country[0]), ascii_upper(country[1])};
}

// " d-33602 " → "33602": upper case, blanks dropped, an old-style country prefix ("D-", "A-", "CH-") cut off.
std::string postal_code_key(std::string_view postal_code) {
  std::string out;
  for (const char c : trimmed(postal_code)) {
    if (!is_blank(c)) out.push_back(ascii_upper(c));
  }
  const auto dash = out.find('-');
  if (dash != std::string::npos && dash > 0 && dash <= 2 && dash + 1 < out.size() &&
      std::all_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(dash), is_ascii_letter)) {
    out.erase(0, dash + 1);
  }
  return out;
}

std::string place_key(const std::string& country, std::string_view normalised_name) {
  std::string key = country;
  key.push_back('|');
  key.append(normalised_name);
  return key;
}

void add_place(std::unordered_map<std::string, std::vector<Coordinates>>& map, std::string key, Coordinates at) {
  if (key.size() <= 3) return;  // "DE|": a name of punctuation only
  auto& namesakes = map[std::move(key)];
  const bool listed = std::any_of(namesakes.begin(), namesakes.end(),
                                  [&](const Coordinates& other) { return distance_km(other, at) < kSamePlaceKm; });
  if (!listed) namesakes.push_back(at);
}

}  // namespace

double distance_km(Coordinates a, Coordinates b) {
  constexpr double kRadians = std::numbers::pi / 180;
  const double dlat = (b.latitude - a.latitude) * kRadians;
  const double dlon = (b.longitude - a.longitude) * kRadians;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.latitude * kRadians) *
                                                                 std::cos(b.latitude * kRadians) * std::sin(dlon / 2) *
                                                                 std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::string normalise_place_name(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 4);
  bool gap = false;  // a separator is owed before the next letter
  const auto put = [&](std::string_view text) {
    if (gap && !out.empty()) out.push_back(' ');
    gap = false;
    out.append(text);
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (is_ascii_alnum(name[i])) {
        const char lower = ascii_lower(name[i]);
        put(std::string_view(&lower, 1));
      } else {
        gap = true;
      }
      continue;
    }
    // Latin-1 letters are C3 xx in UTF-8; anything else (other scripts, combining marks) is kept as it is.
    if (c == 0xC3 && i + 1 < name.size()) {
      const auto next = static_cast<unsigned char>(name[i + 1]);
      ++i;
      switch (next) {
        case 0x84:
        case 0xA4:
          put("ae");
          continue;  // Ä ä
        case 0x96:
        case 0xB6:
          put("oe");
          continue;  // Ö ö
        case 0x9C:
        case 0xBC:
          put("ue");
          continue;  // Ü ü
        case 0x9F:
          put("ss");
          continue;  // ß
        default:
          break;
      }
      // Capitals À..Þ (not ×) are their small letter minus 0x20.
      const auto lower = static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      const std::array<char, 2> letter{static_cast<char>(0xC3), lower};
      put(std::string_view(letter.data(), letter.size()));
      continue;
    }
    put(std::string_view(&name[i], 1));
  }
  // "st" as a word is "Sankt": GeoNames writes "Sankt Pölten" and "St. Gallen", people write either.
  std::string result;
  std::size_t start = 0;
  while (start <= out.size()) {
    const auto end = std::min(out.find(' ', start), out.size());
    const std::string_view word(out.data() + start, end - start);
    if (!result.empty()) result.push_back(' ');
    result.append(word == "st" ? std::string_view("sankt") : word);
    start = end + 1;
  }
  return result;
}

std::string base_place_name(std::string_view name) {
  name = name.substr(0, std::min(name.find_first_of("(/,"), name.size()));
  std::string normalised = normalise_place_name(name);
  std::size_t start = normalised.find(' ');
  while (start != std::string::npos) {
    const auto end = std::min(normalised.find(' ', start + 1), normalised.size());
    const std::string_view word(normalised.data() + start + 1, end - start - 1);
    if (std::find(kJoiningWords.begin(), kJoiningWords.end(), word) != kJoiningWords.end()) {
      return normalised.substr(0, start);
    }
    start = normalised.find(' ', start + 1);
  }
  return normalised;
}

PlaceIndex::PlaceIndex(PlaceData data) {
  struct Sum {
    double latitude = 0;
    double longitude = 0;
    int count = 0;
  };
  std::unordered_map<std::string, Sum> prefix_sums;
  postal_codes_.reserve(data.postal_codes.size());
  for (const auto& p : data.postal_codes) {
    const std::string country = country_key(p.country);
    const std::string code = postal_code_key(p.postal_code);
    if (country.empty() || code.empty()) continue;
    const Coordinates at{p.latitude, p.longitude};
    postal_codes_.emplace(country + code, at);
    for (std::size_t length = 2; length < code.size(); ++length) {
      auto& sum = prefix_sums[country + code.substr(0, length)];
      sum.latitude += at.latitude;
      sum.longitude += at.longitude;
      ++sum.count;
    }
  }
  prefix_centroids_.reserve(prefix_sums.size());
  for (const auto& [prefix, sum] : prefix_sums) {
    prefix_centroids_.emplace(prefix, Coordinates{sum.latitude / sum.count, sum.longitude / sum.count});
  }
  for (const auto& p : data.places) {
    const std::string country = country_key(p.country);
    if (country.empty()) continue;
    const Coordinates at{p.latitude, p.longitude};
    add_place(places_, place_key(country, normalise_place_name(p.name)), at);
    add_place(places_by_base_name_, place_key(country, base_place_name(p.name)), at);
    ++place_count_;
  }
}

std::optional<Coordinates> PlaceIndex::locate(std::string_view country, std::string_view postal_code,
                                              std::string_view city) const {
  const std::string country_code = country_key(country);
  if (country_code.empty()) return std::nullopt;
  const std::string code = postal_code_key(postal_code);
  if (!code.empty()) {
    if (const auto exact = postal_codes_.find(country_code + code); exact != postal_codes_.end()) {
      return exact->second;
    }
    if (const auto centroid = by_prefix(country_code, code)) {
      if (const auto place = by_city(country_code, city, centroid);
          place && distance_km(*place, *centroid) <= kCityNearPrefixKm) {
        return place;
      }
      return centroid;
    }
  }
  return by_city(country_code, city, std::nullopt);
}

std::optional<Coordinates> PlaceIndex::by_prefix(const std::string& country, const std::string& postal_code) const {
  std::string key = country + postal_code;
  for (std::size_t length = postal_code.size(); length >= 2; --length) {
    key.resize(country.size() + length);
    if (const auto centroid = prefix_centroids_.find(key); centroid != prefix_centroids_.end()) {
      return centroid->second;
    }
    if (const auto code = postal_codes_.find(key); code != postal_codes_.end()) return code->second;
  }
  return std::nullopt;
}

std::optional<Coordinates> PlaceIndex::by_city(const std::string& country, std::string_view city,
                                               std::optional<Coordinates> near) const {
  const std::string name = normalise_place_name(city);
  if (name.empty()) return std::nullopt;
  const std::string base = base_place_name(city);
  const auto find = [&](const auto& map, const std::string& key) -> const std::vector<Coordinates>* {
    const auto found = map.find(place_key(country, key));
    return found == map.end() || found->second.empty() ? nullptr : &found->second;
  };
  const auto* exact = find(places_, name);
  const auto* by_base = find(places_by_base_name_, base);
  // "Zürich" is the city, not one of its districts "Zürich (Kreis 11) / Oerlikon"; a bare "Frankfurt" or "Halle"
  // may be any Frankfurt or Halle; "Halle (Saale)" is that one only.
  if (!near && exact != nullptr && exact->size() == 1) return exact->front();
  const auto* namesakes = name != base && exact != nullptr ? exact : by_base;
  if (namesakes == nullptr) return std::nullopt;
  if (namesakes->size() == 1) return namesakes->front();
  if (!near) return std::nullopt;
  return *std::min_element(namesakes->begin(), namesakes->end(), [&](const Coordinates& a, const Coordinates& b) {
    return distance_km(a, *near) < distance_km(b, *near);
  });
}

}  // namespace termintreu::appointments
