#pragma once
#include "identity/guard.hpp"
#include "platform/clock.hpp"

namespace termintreu::app {

// POST /api/test/clock {"advance_minutes": N}: moves the server's clock forward for browser tests, for admins of a
// server started with --test-clock. Every other server answers 404, so the route list stays the same everywhere.
void add_test_clock_route(identity::Guard& guard, platform::OffsetClock& clock, bool enabled);

}  // namespace termintreu::app
