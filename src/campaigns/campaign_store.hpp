#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "campaigns/campaign.hpp"

namespace termintreu::campaigns::campaign_store {

struct NewCampaign {
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::string name;
  std::string state = "draft";
  std::string goal_kind = "appointments";
  std::int64_t goal_target = 0;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
};

std::int64_t insert(soci::session& sql, const NewCampaign& campaign, std::int64_t now);
std::optional<Campaign> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// The agency's campaigns, of one client when `client_id` is given.
std::vector<Campaign> list(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> client_id);

}  // namespace termintreu::campaigns::campaign_store
