#pragma once
// What the signed links in an appointment's mails open (appointment_links.hpp), without signing in: the link is the
// credential. The page first shows the appointment and what the link does (opening a link changes nothing: mail
// filters open links to scan them); the person or rep then confirms, asks for another time, or records how it went.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "appointments/appointment_outcome.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/http/events.hpp"

namespace termintreu::appointments {

struct LinkAnswer {
  std::string note;                      // change: what the person wants instead; outcome: the reason of a cancellation
  std::optional<OutcomeReport> outcome;  // outcome links only, and required there
};

class AppointmentLinkService {
 public:
  AppointmentLinkService(platform::db::Database& database, const platform::Clock& clock,
                         platform::http::EventHub& events)
      : database_(database), clock_(clock), events_(events) {}

  // The appointment as the link's holder may see it, what the link does, and whether that was done already.
  platform::Result<nlohmann::json> open(const std::string& token);
  // Does what the link says; confirming twice is no error.
  platform::Result<nlohmann::json> act(const std::string& token, const LinkAnswer& answer,
                                       const identity::RequestMeta& meta);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
};

}  // namespace termintreu::appointments
