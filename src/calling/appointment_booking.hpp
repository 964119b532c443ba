#pragma once
// The port through which a recorded call books the appointment it set: the calling feature records the attempt,
// the appointments feature (which knows reps, calendars and invitations) books in the same transaction, so an
// appointment never exists without its call, nor a call that claims one the rep's calendar refused.
#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::calling {

struct AppointmentRequest {
  std::int64_t rep_id = 0;
  platform::TimePoint starts_at;
  std::optional<int> duration_minutes;  // default: the rep's usual length
  std::string kind = "on_site";         // on_site | video | phone
  std::string agenda;                   // what the person wants to talk about, the qualification answers
  std::string location;                 // default for on_site: the company's address
};

struct BookingContext {
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t person_id = 0;
  std::int64_t agent_id = 0;
  std::int64_t attempt_id = 0;
  platform::TimePoint now;
};

class AppointmentBooker {
 public:
  virtual ~AppointmentBooker() = default;
  // Books inside the caller's transaction; returns the appointment's id. Errors name fields below "appointment".
  virtual platform::Result<std::int64_t> book(soci::session& sql, const BookingContext& context,
                                              const AppointmentRequest& request) const = 0;
};

}  // namespace termintreu::calling
