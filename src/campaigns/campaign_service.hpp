#pragma once
// Campaign setup as the project manager does it: create, edit, archive, change state, staff it, publish briefings;
// and the agent's acknowledgement of the current briefing. Every change is audited and announced live.
#include <cstdint>
#include <optional>
#include <vector>

#include "campaigns/campaign.hpp"
#include "identity/actor.hpp"
#include "identity/model.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/http/events.hpp"
#include "platform/json_input.hpp"

namespace termintreu::campaigns {

struct CampaignDetail {
  Campaign campaign;
  CampaignStaff staff;
  std::optional<Briefing> briefing;                    // the current version
  std::optional<std::int64_t> briefing_acknowledged_at;  // by the asking user
};

struct StaffChange {
  std::optional<std::vector<std::int64_t>> agents;
  std::optional<std::vector<std::int64_t>> specialists;
  std::optional<std::vector<std::int64_t>> rep_ids;
};

class CampaignService {
 public:
  CampaignService(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events);

  // The campaigns the actor may see: all of the agency's, or only its client's for a client-bound user.
  std::vector<Campaign> list(const identity::Principal& actor);
  // One client's campaigns; not_found for a client of another agency or one the actor may not see.
  platform::Result<std::vector<Campaign>> list_of_client(const identity::Principal& actor, std::int64_t client_id);
  // The agency's active users who can work a campaign (agents, supervisors, project managers), for staffing: a
  // project manager staffs campaigns without being allowed to manage users.
  std::vector<identity::User> staff_candidates(const identity::Principal& actor);
  platform::Result<CampaignDetail> get(const identity::Principal& actor, std::int64_t id);
  // `fields` holds the setup fields (see campaign_input.hpp); the client comes separately.
  platform::Result<CampaignDetail> create(const identity::Principal& actor, std::int64_t client_id,
                                          const platform::JsonFields& fields, const identity::RequestMeta& meta);
  platform::Result<CampaignDetail> update(const identity::Principal& actor, std::int64_t id,
                                          const platform::JsonFields& fields, const identity::RequestMeta& meta);
  platform::Result<CampaignDetail> change_state(const identity::Principal& actor, std::int64_t id,
                                                const std::string& state, const identity::RequestMeta& meta);
  platform::Result<CampaignDetail> change_staff(const identity::Principal& actor, std::int64_t id,
                                                const StaffChange& change, const identity::RequestMeta& meta);

  platform::Result<std::vector<Briefing>> briefings(const identity::Principal& actor, std::int64_t id);
  platform::Result<Briefing> publish_briefing(const identity::Principal& actor, std::int64_t id,
                                              const std::string& body, const identity::RequestMeta& meta);
  // The asking user acknowledges the campaign's current briefing (whose version it names, so an agent never
  // acknowledges a version it has not seen).
  platform::Result<CampaignDetail> acknowledge_briefing(const identity::Principal& actor, std::int64_t id,
                                                        std::int64_t version, const identity::RequestMeta& meta);

 private:
  // The campaign if it exists in the actor's agency and the actor may see its client.
  platform::Result<Campaign> visible(soci::session& sql, const identity::Principal& actor, std::int64_t id);
  CampaignDetail detail(soci::session& sql, const identity::Principal& actor, Campaign campaign);
  void announce(const Campaign& campaign);

  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
};

}  // namespace termintreu::campaigns
