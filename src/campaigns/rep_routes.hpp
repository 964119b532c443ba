#pragma once
#include "identity/guard.hpp"
#include "platform/clock.hpp"

namespace termintreu::campaigns {

// A client's field reps: GET/POST /api/clients/{id}/reps, PATCH /api/reps/{id}.
void add_rep_routes(identity::Guard& guard, platform::db::Database& database, const platform::Clock& clock);

}  // namespace termintreu::campaigns
