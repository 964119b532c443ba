#pragma once
#include <functional>

#include "identity/guard.hpp"
#include "platform/clock.hpp"

namespace termintreu::app {

// POST /api/test/clock {"advance_minutes": N}: moves the server's clock forward for browser tests, for admins of a
// server started with --test-clock. Every other server answers 404, so the route list stays the same everywhere.
// `after_advance` runs after each move: the periodic work that became due (reminders), without waiting for its tick.
void add_test_clock_route(identity::Guard& guard, platform::OffsetClock& clock, bool enabled,
                          std::function<void()> after_advance = {});

}  // namespace termintreu::app
