#pragma once
#include "calling/escalation_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::calling {

// Escalating from a call (/api/workspace/leads/{id}/escalations), second level's queue (/api/escalations) and
// resolving one with the call back (/api/escalations/{id}/resolve).
void add_escalation_routes(identity::Guard& guard, EscalationService& escalations, const platform::Clock& clock);

}  // namespace termintreu::calling
