#pragma once
#include "calling/dispatch_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::calling {

// The agent workspace (/api/workspace…): Next, the lead card, outcomes, skipping, heartbeat, callbacks due soon.
void add_workspace_routes(identity::Guard& guard, DispatchService& dispatch);

}  // namespace termintreu::calling
