#include "campaigns/campaign_routes.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/campaign_input.hpp"
#include "platform/http/path_id.hpp"
#include "platform/time_text.hpp"

namespace termintreu::campaigns {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

const std::vector<Permission> kReaders{Permission::campaigns_read, Permission::portal_view};
const std::vector<Permission> kManagers{Permission::campaigns_manage};
constexpr std::size_t kMaxStaff = 500;

Response campaign_list(const std::vector<Campaign>& campaigns) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& campaign : campaigns) list.push_back(to_summary_json(campaign));
  return Response::json(200, {{"campaigns", list}});
}

nlohmann::json detail_json(const CampaignDetail& d) {
  nlohmann::json out = to_json(d.campaign);
  out["staff"] = to_json(d.staff);
  out["briefing"] = d.briefing ? to_json(*d.briefing) : nlohmann::json(nullptr);
  out["briefing_acknowledged_at"] =
      platform::iso8601_or_null(d.briefing_acknowledged_at);
  return out;
}

// A list of positive ids, or nullopt when the field is absent.
Result<std::optional<std::vector<std::int64_t>>> id_list(const JsonFields& fields, std::string_view name) {
  const auto* value = fields.value(name);
  if (value == nullptr) return std::optional<std::vector<std::int64_t>>{};
  if (!value->is_array()) return platform::fail(ErrorCode::invalid, "must be a list of ids", std::string(name));
  if (value->size() > kMaxStaff) {
    return platform::fail(ErrorCode::invalid, fmt::format("may hold at most {} ids", kMaxStaff), std::string(name));
  }
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      return platform::fail(ErrorCode::invalid, "must be a positive integer", fmt::format("{}[{}]", name, i));
    }
    ids.push_back(item.get<std::int64_t>());
  }
  return std::optional<std::vector<std::int64_t>>(std::move(ids));
}

}  // namespace

void add_campaign_routes(identity::Guard& guard, CampaignService& campaigns) {
  guard.add(Method::get, "/api/campaigns", kReaders, [&campaigns](Request&, const Principal& p) -> Result<Response> {
    return campaign_list(campaigns.list(p));
  });

  guard.add(Method::post, "/api/campaigns", kManagers, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    std::vector<std::string_view> allowed(kCampaignFields.begin(), kCampaignFields.end());
    allowed.push_back("client_id");
    TT_TRY(fields, JsonFields::from_request(request, allowed));
    TT_TRY(client_id, fields->required_integer("client_id", 1, std::numeric_limits<std::int64_t>::max()));
    TT_TRY(created, campaigns.create(p, *client_id, *fields, identity::meta_of(request)));
    return Response::json(201, detail_json(*created));
  });

  guard.add(Method::get, "/api/campaigns/{id}", kReaders, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(found, campaigns.get(p, *id));
    return Response::json(200, detail_json(*found));
  });

  guard.add(Method::patch, "/api/campaigns/{id}", kManagers, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, kCampaignFields));
    TT_TRY(updated, campaigns.update(p, *id, *fields, identity::meta_of(request)));
    return Response::json(200, detail_json(*updated));
  });

  guard.add(Method::post, "/api/campaigns/{id}/state", kManagers, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"state"}));
    TT_TRY(state, fields->required_text("state", {1, 20, true}));
    TT_TRY(changed, campaigns.change_state(p, *id, *state, identity::meta_of(request)));
    return Response::json(200, detail_json(*changed));
  });

  guard.add(Method::put, "/api/campaigns/{id}/staff", kManagers, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"agents", "specialists", "rep_ids"}));
    StaffChange change;
    TT_TRY(agents, id_list(*fields, "agents"));
    TT_TRY(specialists, id_list(*fields, "specialists"));
    TT_TRY(reps, id_list(*fields, "rep_ids"));
    change.agents = std::move(*agents);
    change.specialists = std::move(*specialists);
    change.rep_ids = std::move(*reps);
    TT_TRY(changed, campaigns.change_staff(p, *id, change, identity::meta_of(request)));
    return Response::json(200, detail_json(*changed));
  });

  guard.add(Method::get, "/api/campaigns/{id}/briefings", kReaders, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(list, campaigns.briefings(p, *id));
    nlohmann::json out = nlohmann::json::array();
    for (const auto& briefing : *list) out.push_back(to_json(briefing));
    return Response::json(200, {{"briefings", out}});
  });

  guard.add(Method::post, "/api/campaigns/{id}/briefings", kManagers, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"body"}));
    TT_TRY(body, fields->required_text("body", {1, 50'000, false}));
    TT_TRY(published, campaigns.publish_briefing(p, *id, *body, identity::meta_of(request)));
    return Response::json(201, to_json(*published));
  });

  guard.add(Method::post, "/api/campaigns/{id}/briefing-acknowledgements", {Permission::workspace_use},
            [&campaigns](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"version"}));
              TT_TRY(version, fields->required_integer("version", 1, 1'000'000));
              TT_TRY(acknowledged, campaigns.acknowledge_briefing(p, *id, *version, identity::meta_of(request)));
              return Response::json(200, detail_json(*acknowledged));
            });

  guard.add(Method::get, "/api/clients/{id}/campaigns", kReaders, [&campaigns](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(list, campaigns.list_of_client(p, *id));
    return campaign_list(*list);
  });

  guard.add(Method::get, "/api/staff-candidates", kManagers, [&campaigns](Request&, const Principal& p) -> Result<Response> {
    nlohmann::json users = nlohmann::json::array();
    for (const auto& user : campaigns.staff_candidates(p)) {
      users.push_back({{"id", user.id}, {"name", user.name}, {"role", identity::to_string(user.role)}});
    }
    return Response::json(200, {{"users", users}});
  });

  guard.add(Method::get, "/api/calling-rules/legal", {}, [](Request&, const Principal&) -> Result<Response> {
    return Response::json(200, to_json(legal_limits()));
  });
}

}  // namespace termintreu::campaigns
