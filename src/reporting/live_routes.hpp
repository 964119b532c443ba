#pragma once
#include "identity/guard.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::reporting {

// GET /api/events: the server-sent event stream of the principal's agency (client-bound principals: their client's).
void add_live_routes(identity::Guard& guard, platform::http::EventHub& events);

}  // namespace termintreu::reporting
