#pragma once
// How an appointment went, recorded after its start by the rep (signed link in its mails) or in the portal by the
// client's manager or the agency: held (and whether the prospect was qualified), no-show (the person was not there:
// an agent calls to set a new one), or cancelled on the day. Recorded once; a wrong record is corrected by the
// agency, not overwritten through a link.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "appointments/appointment.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

struct OutcomeReport {
  std::string outcome;            // held | no_show | cancelled
  std::optional<bool> qualified;  // with held: whether the prospect has a real need and budget
  std::string note;               // with cancelled: the reason
};

// Checks the report (field names as in the request) and the appointment's state at `now`.
platform::Result<void> check_outcome(const Appointment& appointment, const OutcomeReport& report, std::int64_t now);

// Writes the outcome into `appointment` and the database, in the caller's transaction; a no-show creates the callback
// to set a new appointment. Call check_outcome first.
void record_outcome(soci::session& sql, Appointment& appointment, const OutcomeReport& report, std::int64_t now);

}  // namespace termintreu::appointments
