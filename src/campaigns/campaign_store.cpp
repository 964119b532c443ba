#include "campaigns/campaign_store.hpp"

#include <nlohmann/json.hpp>

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::campaigns {

nlohmann::json to_json(const Campaign& c) {
  return {{"id", c.id},
          {"client_id", c.client_id},
          {"client_name", c.client_name},
          {"name", c.name},
          {"state", c.state},
          {"goal_kind", c.goal_kind},
          {"goal_target", c.goal_target},
          {"starts_on", c.starts_on ? nlohmann::json(*c.starts_on) : nlohmann::json(nullptr)},
          {"ends_on", c.ends_on ? nlohmann::json(*c.ends_on) : nlohmann::json(nullptr)}};
}

namespace campaign_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO campaigns (agency_id, client_id, name, state, goal_kind, goal_target, starts_on, ends_on, "
    "created_at) VALUES (:agency_id, :client_id, :name, :state, :goal_kind, :goal_target, :starts_on, :ends_on, "
    ":now) RETURNING id";
constexpr const char* kSelect =
    "SELECT k.id, k.agency_id, k.client_id, c.name, k.name, k.state, k.goal_kind, k.goal_target, k.starts_on, "
    "k.ends_on FROM campaigns k JOIN clients c ON c.id = k.client_id ";

struct CampaignRow {
  long long id = 0, agency_id = 0, client_id = 0, goal_target = 0;
  std::string client_name, name, state, goal_kind;
  std::optional<std::string> starts_on, ends_on;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(client_name));
    st.exchange(soci::into(name));
    st.exchange(soci::into(state));
    st.exchange(soci::into(goal_kind));
    st.exchange(soci::into(goal_target));
    st.exchange(soci::into(starts_on));
    st.exchange(soci::into(ends_on));
  }
  Campaign to_model() const {
    return Campaign{id, agency_id, client_id, client_name, name, state, goal_kind, goal_target, starts_on, ends_on};
  }
};

}  // namespace

std::int64_t insert(soci::session& sql, const NewCampaign& c, std::int64_t now) {
  long long id = 0;
  const long long agency_id = c.agency_id, client_id = c.client_id, goal_target = c.goal_target, at = now;
  sql << kInsert, soci::use(agency_id), soci::use(client_id), soci::use(c.name), soci::use(c.state),
      soci::use(c.goal_kind), soci::use(goal_target), soci::use(c.starts_on), soci::use(c.ends_on), soci::use(at),
      soci::into(id);
  return id;
}

std::optional<Campaign> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<CampaignRow>(sql, kSelect + std::string("WHERE k.id = :id AND k.agency_id = :agency_id"),
                                              wanted, agency);
}

std::vector<Campaign> list(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> client_id) {
  const long long agency = agency_id;
  if (client_id) {
    const long long client = *client_id;
    return platform::db::fetch_rows<CampaignRow>(
        sql, kSelect + std::string("WHERE k.agency_id = :agency_id AND k.client_id = :client_id ORDER BY k.name"),
        agency, client);
  }
  return platform::db::fetch_rows<CampaignRow>(
      sql, kSelect + std::string("WHERE k.agency_id = :agency_id ORDER BY c.name, k.name"), agency);
}

}  // namespace campaign_store
}  // namespace termintreu::campaigns
