#pragma once
// The checks a campaign's setup must pass, free of storage and HTTP: reading its nested documents (billing,
// script, qualification checklist) from JSON, the caller ID, and which state changes are allowed.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "campaigns/campaign.hpp"
#include "platform/error.hpp"

namespace termintreu::campaigns {

platform::Result<Billing> billing_from_json(const nlohmann::json& json);
platform::Result<Script> script_from_json(const nlohmann::json& json);
platform::Result<std::vector<QualificationItem>> qualification_from_json(const nlohmann::json& json);

// A caller ID as typed ("030 1234567", "+49 30 …") → E.164, read in the campaign's country.
platform::Result<std::string> normalise_caller_id(std::string_view text, std::string_view country);

// draft → active (needs a caller ID) ⇄ paused → finished; an archived or finished campaign does not change state.
platform::Result<void> check_state_change(const Campaign& campaign, std::string_view to);

// YYYY-MM-DD, and the end not before the start.
platform::Result<void> check_period(const std::optional<std::string>& starts_on,
                                    const std::optional<std::string>& ends_on);

}  // namespace termintreu::campaigns
