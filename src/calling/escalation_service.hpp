#pragma once
// Second level: an agent on a call hands a question to a specialist (or supervisor) with its urgency and the time
// promised to the person; second level sees its open escalations, earliest promise first and overdue ones marked,
// and resolves one by calling the person back — recorded like any call (outcome_recorder).
#include <cstdint>
#include <string>
#include <vector>

#include "calling/escalation.hpp"
#include "calling/outcome_recorder.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::calling {

struct EscalationRequest {
  std::string question;
  std::string urgency = "normal";
  platform::TimePoint promised_at;
};

struct Resolved {
  Recorded call;
  Escalation escalation;
};

class EscalationService {
 public:
  EscalationService(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events);

  // By the agent holding the lead: the promise must lie in the future and inside the campaign's calling windows in
  // the person's local time.
  platform::Result<Escalation> raise(const identity::Principal& agent, std::int64_t lead_id,
                                     const EscalationRequest& request);
  // Supervision roles see every open escalation of the agency; others those of campaigns they are specialists of.
  std::vector<Escalation> open(const identity::Principal& viewer);
  // By a specialist of the campaign or a supervision role: the call back is recorded, the escalation closed.
  platform::Result<Resolved> resolve(const identity::Principal& specialist, std::int64_t escalation_id,
                                     const OutcomeInput& call);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
};

}  // namespace termintreu::calling
