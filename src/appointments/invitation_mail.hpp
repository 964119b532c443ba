#pragma once
// The mails an appointment sends through the outbox: the invitation (or its update or cancellation) to the rep and
// to the person, each with the calendar part that mail programs show with accept and decline. German text: the
// persons and reps are in Germany, Austria and Switzerland; times in the person's zone.
#include <cstdint>
#include <string>
#include <vector>

#include "appointments/appointment.hpp"
#include "appointments/calendar_event.hpp"
#include "platform/error.hpp"
#include "platform/mail/outbox_store.hpp"

namespace termintreu::appointments {

// Who is involved, as the mails name them.
struct AppointmentParties {
  std::string client_name;
  std::string company_name;
  std::string person_name;   // "Dr. Anna Berger"
  std::string person_email;  // may be empty: no mail to the person
  std::string rep_name;
  std::string rep_email;  // may be empty: no mail to the rep
  std::string agent_name;
  std::string agent_email;  // organiser of the event; receives the replies
  std::string mail_host;    // the right-hand side of the event's UID
  // Signed links (appointment_links.hpp); empty: the mail goes without them.
  std::string confirm_url;  // the person confirms
  std::string change_url;   // the person asks for another time
  std::string outcome_url;  // the rep records how it went
};

// The event as every invitation and the feed describe it.
CalendarEvent calendar_event_of(const Appointment& appointment, const AppointmentParties& parties, std::int64_t stamp);

// The outbox mails for `appointment` (one per party with an address), invitations for a booked or moved
// appointment, cancellations for a cancelled one. Empty when nobody has an address.
platform::Result<std::vector<platform::mail::outbox_store::OutboxMail>> invitation_mails(
    const Appointment& appointment, const AppointmentParties& parties, std::int64_t now);

// Reminders before the appointment, sent at `now`: the person's (with the links to confirm or ask for another time
// while it is not confirmed) and the rep's (with the link to record how it went). No calendar part.
std::vector<platform::mail::outbox_store::OutboxMail> reminder_mails(const Appointment& appointment,
                                                                     const AppointmentParties& parties,
                                                                     std::int64_t now);

// The person's links to confirm or ask for another time, and the rep's link to record how it went, as mail text
// (empty without links).
std::string person_links(const AppointmentParties& parties);
std::string rep_link(const AppointmentParties& parties);

// "Di., 02.12.2026, 10:00 Uhr" in `zone` (the person's).
std::string german_time(platform::TimePoint t, const std::string& zone);

}  // namespace termintreu::appointments
