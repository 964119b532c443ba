#pragma once
// Who an appointment's mails name and go to, read from the database, and queuing them: the invitation (or its update
// or cancellation) to the rep and the person, in the caller's transaction.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "appointments/appointment.hpp"
#include "appointments/invitation_mail.hpp"
#include "appointments/mail_site.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

// The parties of `appointment`: its campaign's client, the person and company, the rep, and the user who booked it
// (the organiser, who receives the replies). Addresses that are not plain are left empty (no mail to them).
// The links are signed with the installation's key (made on first use).
AppointmentParties parties_of(soci::session& sql, const Appointment& appointment, const MailSite& site);

// Queues the mails for the appointment's current state (invitation, update or cancellation); returns how many.
platform::Result<std::size_t> queue_invitations(soci::session& sql, const Appointment& appointment,
                                                const AppointmentParties& parties, std::int64_t now);

}  // namespace termintreu::appointments
