#include "appointments/appointment.hpp"

#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::appointments {
namespace {

nlohmann::json moment(const std::optional<std::int64_t>& micros) {
  return micros ? nlohmann::json(platform::iso8601(platform::from_micros(*micros))) : nlohmann::json();
}

}  // namespace

nlohmann::json to_json(const Appointment& a) {
  nlohmann::json out = {
      {"id", a.id},
      {"client_id", a.client_id},
      {"campaign_id", a.campaign_id},
      {"lead_id", a.lead_id},
      {"person_id", a.person_id},
      {"rep_id", a.rep_id},
      {"attempt_id", a.attempt_id ? nlohmann::json(*a.attempt_id) : nlohmann::json()},
      {"booked_by", a.booked_by},
      {"kind", a.kind},
      {"starts_at", platform::iso8601(a.starts_at)},
      {"ends_at", platform::iso8601(a.ends_at)},
      {"time_zone", a.time_zone},
      {"location", a.location},
      {"agenda", a.agenda},
      {"state", a.state},
      {"qualified", a.qualified ? nlohmann::json(*a.qualified) : nlohmann::json()},
      {"sequence", a.sequence},
      {"cancel_reason", a.cancel_reason},
      {"person_note", a.person_note},
      {"confirmed_at", moment(a.confirmed_at)},
      {"outcome_at", moment(a.outcome_at)},
      {"created_at", platform::iso8601(platform::from_micros(a.created_at))},
  };
  if (a.place) {
    out["latitude"] = a.place->latitude;
    out["longitude"] = a.place->longitude;
  } else {
    out["latitude"] = nullptr;
    out["longitude"] = nullptr;
  }
  return out;
}

nlohmann::json to_json(const AppointmentView& view) {
  nlohmann::json out = to_json(view.appointment);
  out["rep_name"] = view.rep_name;
  out["person_name"] = view.person_name;
  out["company_name"] = view.company_name;
  out["campaign_name"] = view.campaign_name;
  out["client_name"] = view.client_name;
  return out;
}

}  // namespace termintreu::appointments
