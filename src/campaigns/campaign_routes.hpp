#pragma once
#include "identity/guard.hpp"

namespace termintreu::campaigns {

// GET /api/campaigns, /api/campaigns/{id}, /api/clients/{id}/campaigns; client-bound principals see their client's.
void add_campaign_routes(identity::Guard& guard, platform::db::Database& database);

}  // namespace termintreu::campaigns
