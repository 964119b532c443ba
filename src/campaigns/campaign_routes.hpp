#pragma once
#include "campaigns/campaign_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::campaigns {

// Campaign setup (/api/campaigns…), briefings and their acknowledgement, the legal calling limits.
void add_campaign_routes(identity::Guard& guard, CampaignService& campaigns);

}  // namespace termintreu::campaigns
