#pragma once
// A callback on an appointment's lead, due at once and open to every agent of the campaign, owned by and listed for
// the agent who set the appointment: after a no-show, to set a new appointment; for an appointment at risk, to
// confirm it again. The lead goes back into the queue for it.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "appointments/appointment.hpp"

namespace termintreu::appointments {

// Returns the callback's id. A lead has one pending callback at most: one already there takes the new note and is
// due now at the latest.
std::int64_t call_again(soci::session& sql, const Appointment& appointment, const std::string& note, std::int64_t now);

}  // namespace termintreu::appointments
