#pragma once
// What a supervisor watches live: who works which campaign in which state, calls per hour, reached decision makers,
// appointments, callbacks due and overdue, punctuality; and the two things a supervisor may change: who holds a
// callback, and to whom a lead goes next.
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "calling/attempt_correction.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::calling {

class SupervisionService {
 public:
  SupervisionService(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events);

  // GET /api/supervision (docs/openapi.yaml, SupervisionSnapshot).
  nlohmann::json snapshot(const identity::Principal& viewer);
  // Gives a pending callback to another agent of its campaign.
  platform::Result<nlohmann::json> reassign_callback(const identity::Principal& supervisor, std::int64_t callback_id,
                                                     std::int64_t user_id, const identity::RequestMeta& meta);
  // Sends a lead to an agent of its campaign first: a personal callback, due now, assigned to that agent.
  platform::Result<nlohmann::json> assign_lead(const identity::Principal& supervisor, std::int64_t lead_id,
                                               std::int64_t user_id, const identity::RequestMeta& meta);
  // Appends a correction of a call attempt to its campaign's call log (calling/attempt_correction.hpp).
  platform::Result<nlohmann::json> correct_attempt(const identity::Principal& supervisor, std::int64_t attempt_id,
                                                   const CorrectionInput& input, const identity::RequestMeta& meta);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
};

}  // namespace termintreu::calling
