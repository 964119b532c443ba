#pragma once
// Changing a booked appointment: moving it (another time, or another rep of the campaign) and cancelling it. Each
// change raises the sequence and sends the attendees the update (METHOD:REQUEST) or the cancellation
// (METHOD:CANCEL) with the same UID, so their calendars replace the entry rather than add one; a rep who loses the
// appointment to another rep gets a cancellation. After the date: how it went. Held in the audit log.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "appointments/appointment_outcome.hpp"
#include "appointments/mail_site.hpp"
#include "identity/actor.hpp"
#include "identity/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

struct Reschedule {
  platform::TimePoint starts_at;
  std::optional<std::int64_t> rep_id;   // empty: the same rep
  std::optional<int> duration_minutes;  // empty: the same length
};

class AppointmentChanges {
 public:
  AppointmentChanges(platform::db::Database& database, const platform::Clock& clock, MailSite site)
      : database_(database), clock_(clock), site_(std::move(site)) {}

  // Another time (and rep): the rep must be free then; refused once the appointment was cancelled or has passed.
  platform::Result<nlohmann::json> reschedule(const identity::Principal& actor, const identity::RequestMeta& meta,
                                              std::int64_t id, const Reschedule& change);
  // With the reason, which the attendees' mails do not show (it is for the agency and the client).
  platform::Result<nlohmann::json> cancel(const identity::Principal& actor, const identity::RequestMeta& meta,
                                          std::int64_t id, const std::string& reason);
  // How it went, after its start (appointment_outcome.hpp): the client's manager in the portal, or the agency.
  platform::Result<nlohmann::json> record_outcome(const identity::Principal& actor, const identity::RequestMeta& meta,
                                                  std::int64_t id, const OutcomeReport& report);
  // An appointment at risk: a callback at once to confirm it again with the person (call_again.hpp).
  platform::Result<nlohmann::json> call_to_confirm(const identity::Principal& actor, const identity::RequestMeta& meta,
                                                   std::int64_t id);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  MailSite site_;
};

}  // namespace termintreu::appointments
