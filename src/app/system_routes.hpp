#pragma once
#include "identity/guard.hpp"
#include "platform/metrics.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::app {

// /healthz (the process answers), /readyz (and its database does), /metrics (Prometheus text).
void add_system_routes(identity::Guard& guard, platform::db::Database& database, platform::Metrics& metrics,
                       platform::http::EventHub& events);

}  // namespace termintreu::app
