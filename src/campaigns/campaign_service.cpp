#include "campaigns/campaign_service.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "campaigns/campaign_input.hpp"
#include "campaigns/campaign_rules.hpp"
#include "campaigns/campaign_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/topics.hpp"
#include "identity/user_store.hpp"

namespace termintreu::campaigns {

using identity::Principal;
using identity::RequestMeta;
using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

// What an edit changed, by field name, for the audit log.
std::vector<std::string> changed_fields(const Campaign& before, const Campaign& after) {
  const nlohmann::json a = to_json(before), b = to_json(after);
  std::vector<std::string> out;
  for (const auto& [key, value] : b.items()) {
    if (a.at(key) != value) out.push_back(key);
  }
  return out;
}

// Ids without repeats, in the order given.
std::vector<std::int64_t> distinct(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  std::set<std::int64_t> seen;
  for (const auto id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

// Every id of `wanted` must be in `valid`; the first that is not is named in the error.
Result<void> all_known(const std::vector<std::int64_t>& wanted, const std::vector<std::int64_t>& valid,
                       std::string_view field, std::string_view what) {
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    if (std::find(valid.begin(), valid.end(), wanted[i]) == valid.end()) {
      return fail(ErrorCode::invalid, fmt::format("{} is not {}", wanted[i], what), fmt::format("{}[{}]", field, i));
    }
  }
  return {};
}

}  // namespace

CampaignService::CampaignService(platform::db::Database& database, const platform::Clock& clock,
                                 platform::http::EventHub& events)
    : database_(database), clock_(clock), events_(events) {}

std::vector<Campaign> CampaignService::list(const Principal& actor) {
  auto lease = database_.session();
  return campaign_store::list(*lease, actor.agency_id, actor.client_id);
}

Result<std::vector<Campaign>> CampaignService::list_of_client(const Principal& actor, std::int64_t client_id) {
  auto lease = database_.session();
  // Another agency's client and another client of a client-bound user answer alike: there is no such client.
  if (!identity::can_see_client(actor, client_id) || !identity::tenant_store::find_client(*lease, actor.agency_id, client_id)) {
    return fail(ErrorCode::not_found, "no such client", "id");
  }
  return campaign_store::list(*lease, actor.agency_id, client_id);
}

std::vector<identity::User> CampaignService::staff_candidates(const Principal& actor) {
  auto lease = database_.session();
  auto users = identity::user_store::list(*lease, actor.agency_id);
  std::erase_if(users, [](const identity::User& user) {
    return !user.active || (user.role != identity::Role::agent && user.role != identity::Role::supervisor &&
                            user.role != identity::Role::project_manager);
  });
  return users;
}

Result<Campaign> CampaignService::visible(soci::session& sql, const Principal& actor, std::int64_t id) {
  auto campaign = campaign_store::find(sql, actor.agency_id, id);
  if (!campaign || !identity::can_see_client(actor, campaign->client_id)) {
    return fail(ErrorCode::not_found, "no such campaign", "id");
  }
  return std::move(*campaign);
}

CampaignDetail CampaignService::detail(soci::session& sql, const Principal& actor, Campaign campaign) {
  CampaignDetail out;
  out.staff = campaign_store::staff(sql, campaign.id);
  out.briefing = campaign_store::current_briefing(sql, campaign.id);
  if (out.briefing && actor.user_id) {
    out.briefing_acknowledged_at = campaign_store::acknowledged_at(sql, out.briefing->id, *actor.user_id);
  }
  out.campaign = std::move(campaign);
  return out;
}

Result<CampaignDetail> CampaignService::get(const Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  TT_TRY(campaign, visible(*lease, actor, id));
  return detail(*lease, actor, std::move(*campaign));
}

Result<CampaignDetail> CampaignService::create(const Principal& actor, std::int64_t client_id,
                                               const platform::JsonFields& fields, const RequestMeta& meta) {
  if (!fields.has("name")) return fail(ErrorCode::invalid, "is required", "name");
  const std::int64_t now = platform::to_micros(clock_.now());
  auto created = database_.transaction("campaign.create", [&](soci::session& sql) -> Result<CampaignDetail> {
    const auto client = identity::tenant_store::find_client(sql, actor.agency_id, client_id);
    if (!client || !identity::can_see_client(actor, client_id)) {
      return fail(ErrorCode::invalid, "no such client", "client_id");
    }
    if (client->archived) return fail(ErrorCode::conflict, "the client is archived", "client_id");
    Campaign campaign;
    campaign.agency_id = actor.agency_id;
    campaign.client_id = client_id;
    campaign.country = client->country;
    TT_TRY(applied, apply_campaign_fields(campaign, fields));
    if (campaign.archived) return fail(ErrorCode::invalid, "a new campaign cannot be archived", "archived");
    if (campaign_store::name_taken(sql, client_id, campaign.name, 0)) {
      return fail(ErrorCode::conflict, "the client has a campaign with this name", "name");
    }
    const auto id = campaign_store::insert(sql, campaign, now);
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, now, "campaign.created", "campaign", id, {{"name", campaign.name}}));
    return detail(sql, actor, *campaign_store::find(sql, actor.agency_id, id));
  });
  if (created) announce(created->campaign);
  return created;
}

Result<CampaignDetail> CampaignService::update(const Principal& actor, std::int64_t id,
                                               const platform::JsonFields& fields, const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  auto updated = database_.transaction("campaign.update", [&](soci::session& sql) -> Result<CampaignDetail> {
    TT_TRY(before, visible(sql, actor, id));
    Campaign after = *before;
    TT_TRY(applied, apply_campaign_fields(after, fields));
    if (after.state == "active" && !after.caller_id) {
      return fail(ErrorCode::conflict, "an active campaign must keep its caller ID", "caller_id");
    }
    if (after.name != before->name && campaign_store::name_taken(sql, after.client_id, after.name, id)) {
      return fail(ErrorCode::conflict, "the client has a campaign with this name", "name");
    }
    const auto changed = changed_fields(*before, after);
    if (!changed.empty()) {
      campaign_store::update(sql, after, now);
      const char* action = after.archived != before->archived ? (after.archived ? "campaign.archived" : "campaign.restored")
                                                               : "campaign.updated";
      identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, action, "campaign", id, {{"fields", changed}}));
    }
    return detail(sql, actor, *campaign_store::find(sql, actor.agency_id, id));
  });
  if (updated) announce(updated->campaign);
  return updated;
}

Result<CampaignDetail> CampaignService::change_state(const Principal& actor, std::int64_t id, const std::string& state,
                                                     const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  auto changed = database_.transaction("campaign.state", [&](soci::session& sql) -> Result<CampaignDetail> {
    TT_TRY(campaign, visible(sql, actor, id));
    TT_TRY(allowed, check_state_change(*campaign, state));
    if (campaign->state != state) {
      campaign_store::set_state(sql, id, state, now);
      identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "campaign.state_changed", "campaign", id,
                                                             {{"from", campaign->state}, {"to", state}}));
    }
    return detail(sql, actor, *campaign_store::find(sql, actor.agency_id, id));
  });
  if (changed) announce(changed->campaign);
  return changed;
}

Result<CampaignDetail> CampaignService::change_staff(const Principal& actor, std::int64_t id, const StaffChange& change,
                                                     const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  auto changed = database_.transaction("campaign.staff", [&](soci::session& sql) -> Result<CampaignDetail> {
    TT_TRY(campaign, visible(sql, actor, id));
    CampaignStaff staff = campaign_store::staff(sql, id);
    if (change.agents) {
      const auto wanted = distinct(*change.agents);
      const auto valid = campaign_store::users_with_roles(sql, actor.agency_id, wanted, {"agent", "supervisor"});
      TT_TRY(known, all_known(wanted, valid, "agents", "an active agent or supervisor of the agency"));
      staff.agents = wanted;
    }
    if (change.specialists) {
      const auto wanted = distinct(*change.specialists);
      const auto valid = campaign_store::users_with_roles(sql, actor.agency_id, wanted,
                                                          {"agent", "supervisor", "project_manager"});
      TT_TRY(known, all_known(wanted, valid, "specialists", "an active user who can take escalations"));
      staff.specialists = wanted;
    }
    for (const auto user : staff.agents) {
      if (std::find(staff.specialists.begin(), staff.specialists.end(), user) != staff.specialists.end()) {
        return fail(ErrorCode::invalid, fmt::format("{} cannot be agent and specialist at once", user), "specialists");
      }
    }
    if (change.rep_ids) {
      const auto wanted = distinct(*change.rep_ids);
      const auto valid = campaign_store::reps_of_client(sql, campaign->client_id, wanted);
      TT_TRY(known, all_known(wanted, valid, "rep_ids", "a rep of the campaign's client"));
      staff.rep_ids = wanted;
    }
    campaign_store::replace_members(sql, id, staff.agents, staff.specialists);
    campaign_store::replace_reps(sql, id, staff.rep_ids);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "campaign.staff_changed", "campaign", id,
                                                           to_json(staff)));
    return detail(sql, actor, std::move(*campaign));
  });
  if (changed) announce(changed->campaign);
  return changed;
}

Result<std::vector<Briefing>> CampaignService::briefings(const Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  TT_TRY(campaign, visible(*lease, actor, id));
  return campaign_store::briefings(*lease, id);
}

Result<Briefing> CampaignService::publish_briefing(const Principal& actor, std::int64_t id, const std::string& body,
                                                   const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  auto published = database_.transaction("briefing.publish", [&](soci::session& sql) -> Result<Briefing> {
    TT_TRY(campaign, visible(sql, actor, id));
    if (const auto current = campaign_store::current_briefing(sql, id); current && current->body == body) {
      return fail(ErrorCode::conflict, "the briefing is unchanged", "body");
    }
    auto briefing = campaign_store::insert_briefing(sql, actor.agency_id, id, body, actor.user_id, now);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "briefing.published", "campaign", id,
                                                           {{"version", briefing.version}}));
    return briefing;
  });
  if (published) {
    events_.publish(identity::agency_topic(actor.agency_id), "briefing.published",
                    {{"campaign_id", id}, {"version", published->version}});
  }
  return published;
}

Result<CampaignDetail> CampaignService::acknowledge_briefing(const Principal& actor, std::int64_t id,
                                                             std::int64_t version, const RequestMeta& meta) {
  if (!actor.user_id || actor.token_id) return fail(ErrorCode::forbidden, "a briefing is acknowledged by a person");
  const std::int64_t now = platform::to_micros(clock_.now());
  return database_.transaction("briefing.acknowledge", [&](soci::session& sql) -> Result<CampaignDetail> {
    TT_TRY(campaign, visible(sql, actor, id));
    const auto current = campaign_store::current_briefing(sql, id);
    if (!current) return fail(ErrorCode::conflict, "the campaign has no briefing yet", "version");
    if (current->version != version) {
      return fail(ErrorCode::conflict, fmt::format("version {} is current; read it first", current->version), "version");
    }
    if (!campaign_store::acknowledged_at(sql, current->id, *actor.user_id)) {
      campaign_store::acknowledge(sql, current->id, *actor.user_id, now);
      identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "briefing.acknowledged", "campaign", id,
                                                             {{"version", version}}));
    }
    return detail(sql, actor, std::move(*campaign));
  });
}

void CampaignService::announce(const Campaign& campaign) {
  const nlohmann::json data{{"id", campaign.id}};
  events_.publish(identity::agency_topic(campaign.agency_id), "campaign.changed", data);
  events_.publish(identity::client_topic(campaign.client_id), "campaign.changed", data);
}

}  // namespace termintreu::campaigns
