#pragma once
// A field sales rep of a client, who receives the appointments for the postal-code areas of its territories.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "platform/error.hpp"

namespace termintreu::campaigns {

struct Rep {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::string name;
  std::string email;
  std::string phone;
  std::string territories;  // postal-code prefixes, comma-separated: "32,33,48"
  bool active = true;
};

nlohmann::json to_json(const Rep& rep);

// "32, 33;480 " → "32,33,480": digits only, 1 to 5 of them, no repeats, in the given order.
platform::Result<std::string> normalise_territories(std::string_view text);
// Whether a postal code lies in one of the territories (the longest prefix is not needed: any match counts).
bool covers(std::string_view territories, std::string_view postal_code);

}  // namespace termintreu::campaigns
