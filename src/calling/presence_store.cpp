#include "calling/presence_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::presence_store {
namespace {

constexpr const char* kUpsert =
    "INSERT INTO agent_presence (user_id, agency_id, campaign_id, state, lead_id, since, last_seen_at) "
    "VALUES (:user_id, :agency_id, :campaign_id, :state, :lead_id, :since, :now) "
    "ON CONFLICT (user_id) DO UPDATE SET campaign_id = COALESCE(excluded.campaign_id, agent_presence.campaign_id), lead_id = excluded.lead_id, "
    "since = CASE WHEN agent_presence.state = excluded.state THEN agent_presence.since ELSE excluded.since END, "
    "state = excluded.state, last_seen_at = excluded.last_seen_at";
constexpr const char* kRemove = "DELETE FROM agent_presence WHERE user_id = :user_id";
constexpr const char* kOfAgency =
    "SELECT p.user_id, u.name, p.campaign_id, p.state, p.lead_id, p.since, p.last_seen_at FROM agent_presence p "
    "JOIN users u ON u.id = p.user_id WHERE p.agency_id = :agency_id AND p.last_seen_at >= :seen_since "
    "ORDER BY u.name, p.user_id";

struct PresenceRow {
  long long user_id = 0, since = 0, last_seen_at = 0;
  std::optional<long long> campaign_id, lead_id;
  std::string name, state;
  void bind(soci::statement& st) {
    st.exchange(soci::into(user_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(state));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(since));
    st.exchange(soci::into(last_seen_at));
  }
  Presence to_model() const {
    Presence p{user_id, name, std::nullopt, state, std::nullopt, since, last_seen_at};
    if (campaign_id) p.campaign_id = *campaign_id;
    if (lead_id) p.lead_id = *lead_id;
    return p;
  }
};

}  // namespace

void upsert(soci::session& sql, std::int64_t agency_id, std::int64_t user_id, std::optional<std::int64_t> campaign_id,
            const std::string& state, std::optional<std::int64_t> lead_id, std::int64_t now) {
  const long long user = user_id, agency = agency_id, at = now;
  const std::optional<long long> campaign = campaign_id ? std::optional<long long>(*campaign_id) : std::nullopt;
  const std::optional<long long> lead = lead_id ? std::optional<long long>(*lead_id) : std::nullopt;
  platform::db::execute(sql, kUpsert, user, agency, campaign, state, lead, at, at);
}

void remove(soci::session& sql, std::int64_t user_id) {
  const long long user = user_id;
  platform::db::execute(sql, kRemove, user);
}

std::vector<Presence> of_agency(soci::session& sql, std::int64_t agency_id, std::int64_t seen_since) {
  const long long agency = agency_id, since = seen_since;
  return platform::db::fetch_rows<PresenceRow>(sql, kOfAgency, agency, since);
}

}  // namespace termintreu::calling::presence_store
