#pragma once
#include "identity/guard.hpp"
#include "platform/clock.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::identity {

// GET /api/agency, GET/POST /api/clients, GET /api/clients/{id}.
void add_tenant_routes(Guard& guard, platform::db::Database& database, const platform::Clock& clock,
                       platform::http::EventHub& events);

}  // namespace termintreu::identity
