#pragma once
// Reminders before each appointment at its campaign's offsets (default 24 h and 2 h before the start), to the
// person and the rep, through the outbox: a sweep every minute queues those that are due. A reminder whose moment
// passed while the server was down is sent late rather than not at all, and of several due at once only the last;
// one whose moment lay before the booking or within the hour after it is left out (the invitation just went). Each
// is queued once per appointment time (sequence).
#include <cstddef>
#include <string_view>
#include <vector>

#include "appointments/mail_site.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"

namespace termintreu::appointments {

// "1440,120" → {1440, 120}; malformed parts are left out.
std::vector<int> reminder_offsets(std::string_view text);

class AppointmentReminders {
 public:
  AppointmentReminders(platform::db::Database& database, const platform::Clock& clock, MailSite site)
      : database_(database), clock_(clock), site_(std::move(site)) {}

  // Queues the reminders due now; returns how many mails.
  std::size_t queue_due();

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  MailSite site_;
};

}  // namespace termintreu::appointments
