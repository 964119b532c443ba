#pragma once
// HTTP routes of the appointments: slot suggestions for the lead on the phone, appointment lists, the rep's feed,
// the rep's own calendar (uploaded or fetched), changes and outcomes, the links in mails, the at-risk list, rates and
// reminder settings.
#include "appointments/appointment_changes.hpp"
#include "appointments/appointment_link_service.hpp"
#include "appointments/appointment_service.hpp"
#include "appointments/rep_calendar_sync.hpp"
#include "identity/guard.hpp"

namespace termintreu::appointments {

void add_appointment_routes(identity::Guard& guard, AppointmentService& appointments, AppointmentChanges& changes,
                            RepCalendarSync& calendars, AppointmentLinkService& links, platform::db::Database& database,
                            const platform::Clock& clock);

}  // namespace termintreu::appointments
