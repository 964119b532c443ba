#pragma once
// What the appointment screens and the rep's calendar ask for: slot suggestions for the lead an agent is on,
// lists of appointments (a client user sees its own client's only), and the rep's calendar feed behind a secret.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "appointments/appointment_store.hpp"
#include "appointments/mail_site.hpp"
#include "appointments/place_coordinates.hpp"
#include "identity/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

struct SlotOptions {
  std::string kind = "on_site";  // video and phone appointments add no travel
  int working_days = 5;
  std::optional<std::chrono::minutes> duration;  // empty: each rep's usual length
  std::optional<platform::TimePoint> from;       // empty: now and the notice a rep needs
};

class AppointmentService {
 public:
  // A rep is not booked sooner than this after the call.
  static constexpr std::chrono::hours kNotice{2};

  AppointmentService(platform::db::Database& database, const platform::Clock& clock, const PlaceIndex& places,
                     MailSite site)
      : database_(database), clock_(clock), places_(places), site_(std::move(site)) {}

  // The best slots of the campaign's reps responsible for the lead's address (all its reps when none covers it),
  // for the agent who holds the lead or a supervisor.
  platform::Result<nlohmann::json> slots(const identity::Principal& viewer, std::int64_t lead_id,
                                         const SlotOptions& options);
  platform::Result<nlohmann::json> list(const identity::Principal& viewer, appointment_store::ListFilter filter);
  platform::Result<nlohmann::json> find(const identity::Principal& viewer, std::int64_t id);
  // Upcoming appointments (the next 14 days) at risk, with reasons and the recommended action, soonest first.
  platform::Result<nlohmann::json> at_risk(const identity::Principal& viewer, std::optional<std::int64_t> campaign_id);
  // The campaign's confirmation, no-show and qualification rates, per rep and in all.
  platform::Result<nlohmann::json> rates(const identity::Principal& viewer, std::int64_t campaign_id);

  // A new secret for the rep's feed (the old one stops working); returned once, kept as its hash.
  platform::Result<std::string> issue_feed_token(const identity::Principal& manager, std::int64_t rep_id);
  // The rep's appointments from 30 days back as an iCalendar feed; not_found for a wrong id or secret.
  platform::Result<std::string> feed(std::int64_t rep_id, const std::string& token);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  const PlaceIndex& places_;
  MailSite site_;
};

}  // namespace termintreu::appointments
