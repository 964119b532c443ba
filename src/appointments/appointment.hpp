#pragma once
// An appointment set in a call for one of the client's field reps with the called person: what the client pays
// for. It keeps the call attempt that set it, and a sequence that grows with every change, so that calendar
// invitations sent for it replace each other (RFC 5546).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "appointments/place_coordinates.hpp"
#include "platform/clock.hpp"

namespace termintreu::appointments {

inline constexpr std::array<std::string_view, 3> kAppointmentKinds{"on_site", "video", "phone"};
// booked → confirmed (the person confirmed) or change_requested (the person asked for another time) → held or
// no_show after the date; cancelled at any time before.
inline constexpr std::array<std::string_view, 6> kAppointmentStates{"booked",    "confirmed", "change_requested",
                                                                    "cancelled", "held",      "no_show"};

struct Appointment {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t person_id = 0;
  std::int64_t rep_id = 0;
  std::optional<std::int64_t> attempt_id;
  std::int64_t booked_by = 0;
  std::string kind = "on_site";
  platform::TimePoint starts_at;
  platform::TimePoint ends_at;
  std::string time_zone;  // the person's, in which the invitation and the mails show the time
  std::string location;
  std::optional<Coordinates> place;
  std::string agenda;
  std::string state = "booked";
  std::optional<bool> qualified;
  int sequence = 0;
  std::string cancel_reason;
  std::string person_note;                   // what the person wrote when asking for another time
  std::optional<std::int64_t> confirmed_at;  // when the person confirmed
  std::optional<std::int64_t> outcome_at;    // when held or no-show was recorded
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// Names of the rep, the person and the company go alongside, for lists and the calendar.
struct AppointmentView {
  Appointment appointment;
  std::string rep_name;
  std::string person_name;
  std::string company_name;
  std::string campaign_name;
  std::string client_name;
};

nlohmann::json to_json(const Appointment& appointment);
nlohmann::json to_json(const AppointmentView& view);

}  // namespace termintreu::appointments
