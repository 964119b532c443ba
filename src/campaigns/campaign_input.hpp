#pragma once
// Reads the setup fields of a campaign from a request body onto a campaign: used for create (onto the defaults) and
// for edit (onto the stored campaign), so both refuse exactly the same input.
#include <initializer_list>
#include <string_view>

#include "campaigns/campaign.hpp"
#include "platform/json_input.hpp"

namespace termintreu::campaigns {

// The body fields apply_campaign_fields understands.
extern const std::initializer_list<std::string_view> kCampaignFields;

// Applies every present field; null clears the nullable ones (starts_on, ends_on, caller_id). The caller ID is read
// in the campaign's (possibly new) country.
platform::Result<void> apply_campaign_fields(Campaign& campaign, const platform::JsonFields& fields);

}  // namespace termintreu::campaigns
