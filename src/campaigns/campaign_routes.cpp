#include "campaigns/campaign_routes.hpp"

#include <nlohmann/json.hpp>

#include "campaigns/campaign_store.hpp"
#include "identity/tenant_store.hpp"
#include "platform/http/path_id.hpp"

namespace termintreu::campaigns {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {
const std::vector<Permission> kReaders{Permission::campaigns_read, Permission::portal_view};

Response campaign_list(const std::vector<Campaign>& campaigns) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& campaign : campaigns) list.push_back(to_json(campaign));
  return Response::json(200, {{"campaigns", list}});
}
}  // namespace

void add_campaign_routes(identity::Guard& guard, platform::db::Database& database) {
  guard.add(Method::get, "/api/campaigns", kReaders, [&database](Request&, const Principal& p) -> Result<Response> {
    auto lease = database.session();
    return campaign_list(campaign_store::list(*lease, p.agency_id, p.client_id));
  });

  guard.add(Method::get, "/api/campaigns/{id}", kReaders, [&database](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    auto lease = database.session();
    const auto campaign = campaign_store::find(*lease, p.agency_id, *id);
    if (!campaign || !identity::can_see_client(p, campaign->client_id)) {
      return platform::fail(ErrorCode::not_found, "no such campaign", "id");
    }
    return Response::json(200, to_json(*campaign));
  });

  guard.add(Method::get, "/api/clients/{id}/campaigns", kReaders,
            [&database](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              auto lease = database.session();
              if (!identity::can_see_client(p, *id) || !identity::tenant_store::find_client(*lease, p.agency_id, *id)) {
                return platform::fail(ErrorCode::not_found, "no such client", "id");
              }
              return campaign_list(campaign_store::list(*lease, p.agency_id, *id));
            });
}

}  // namespace termintreu::campaigns
