#pragma once
// A field sales rep of a client, who receives the appointments for the postal-code areas of its territories.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "campaigns/week_windows.hpp"
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
  // Where the rep's day starts and ends (its home base or office), for the travel a new appointment adds.
  std::string street;
  std::string postal_code;
  std::string city;
  std::string country = "DE";
  std::string state;                        // subdivision for public holidays (Region), may be empty
  std::string time_zone = "Europe/Berlin";  // its working hours are on this clock
  WeekWindows working_hours = default_working_hours();
  int appointment_minutes = 60;  // how long an appointment with this rep lasts unless booked otherwise
  std::string calendar_url;      // an ICS URL the rep's own calendar publishes; its events block slots
  bool has_feed = false;         // a feed secret was issued (the secret itself is shown once)

  static WeekWindows default_working_hours();
};

nlohmann::json to_json(const Rep& rep);

// Working hours as week_windows_json() writes them; every day's windows in order (check_window_order). Errors name
// "working_hours.<day>".
platform::Result<WeekWindows> working_hours_from_json(const nlohmann::json& body);
// As stored: JSON text, or empty for the default.
std::string working_hours_text(const WeekWindows& hours);
WeekWindows working_hours_of_text(const std::string& text);

// "32, 33;480 " → "32,33,480": digits only, 1 to 5 of them, no repeats, in the given order.
platform::Result<std::string> normalise_territories(std::string_view text);
// Whether a postal code lies in one of the territories (the longest prefix is not needed: any match counts).
bool covers(std::string_view territories, std::string_view postal_code);

}  // namespace termintreu::campaigns
