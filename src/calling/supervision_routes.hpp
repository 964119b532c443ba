#pragma once
#include "calling/supervision_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::calling {

// Supervision (/api/supervision), reassigning a callback (/api/callbacks/{id}/reassign) and sending a lead to an
// agent (/api/leads/{id}/assign).
void add_supervision_routes(identity::Guard& guard, SupervisionService& supervision);

}  // namespace termintreu::calling
