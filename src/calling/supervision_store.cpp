#include "calling/supervision_store.hpp"

#include "calling/callback_row.hpp"
#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::supervision_store {
namespace {

constexpr long long kMicrosPerMinute = 60'000'000;

constexpr const char* kAttemptsSince =
    "SELECT agent_id, campaign_id, outcome, COUNT(*) FROM call_attempts WHERE agency_id = :agency_id "
    "AND started_at >= :since GROUP BY agent_id, campaign_id, outcome";
constexpr const char* kWaiting =
    "SELECT campaign_id, assigned_to, SUM(CASE WHEN due_at > :now THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN due_at <= :now2 AND started_at IS NULL THEN 1 ELSE 0 END) FROM callbacks "
    "WHERE agency_id = :agency_id AND state = 'pending' AND due_at <= :soon GROUP BY campaign_id, assigned_to";
constexpr const char* kPunctuality =
    "SELECT cb.owner_id, cb.campaign_id, COUNT(*), "
    "SUM(CASE WHEN cb.state = 'done' AND cb.started_at <= cb.due_at + c.callback_tolerance_minutes * :per_minute "
    "THEN 1 ELSE 0 END), SUM(CASE WHEN cb.state = 'missed' THEN 1 ELSE 0 END) "
    "FROM callbacks cb JOIN campaigns c ON c.id = cb.campaign_id WHERE cb.agency_id = :agency_id "
    "AND cb.kind = 'personal' AND cb.state IN ('done', 'missed') AND cb.owner_id IS NOT NULL AND cb.due_at >= :since "
    "GROUP BY cb.owner_id, cb.campaign_id";
constexpr const char* kCallbacksDue =
    ", TRIM(p.first_name || ' ' || p.last_name), COALESCE(u.name, '') FROM callbacks cb "
    "JOIN leads l ON l.id = cb.lead_id JOIN persons p ON p.id = l.person_id "
    "LEFT JOIN users u ON u.id = cb.assigned_to WHERE cb.agency_id = :agency_id AND cb.state = 'pending' "
    "AND cb.due_at <= :until ";
constexpr const char* kAnyAssignee = "ORDER BY cb.due_at, cb.id LIMIT :limit";
constexpr const char* kAssignedTo = "AND cb.assigned_to = :user_id ORDER BY cb.due_at, cb.id LIMIT :limit";
constexpr const char* kRunningCampaigns =
    "SELECT id, name FROM campaigns WHERE agency_id = :agency_id AND state IN ('active', 'paused') "
    "AND archived_at IS NULL ORDER BY name, id";
constexpr const char* kIsCampaignAgent =
    "SELECT user_id FROM campaign_members WHERE campaign_id = :campaign_id AND user_id = :user_id "
    "AND member_role = 'agent'";

struct AttemptCountRow {
  long long agent_id = 0, campaign_id = 0, count = 0;
  std::string outcome;
  void bind(soci::statement& st) {
    st.exchange(soci::into(agent_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(outcome));
    st.exchange(soci::into(count));
  }
  AttemptCount to_model() const { return {agent_id, campaign_id, outcome, count}; }
};

struct WaitingRow {
  long long campaign_id = 0, due_soon = 0, overdue = 0;
  std::optional<long long> assigned_to;
  void bind(soci::statement& st) {
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(assigned_to));
    st.exchange(soci::into(due_soon));
    st.exchange(soci::into(overdue));
  }
  WaitingCallbacks to_model() const {
    WaitingCallbacks w{campaign_id, std::nullopt, due_soon, overdue};
    if (assigned_to) w.assigned_to = *assigned_to;
    return w;
  }
};

struct PunctualityRow {
  long long owner_id = 0, campaign_id = 0, settled = 0, on_time = 0, missed = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(owner_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(settled));
    st.exchange(soci::into(on_time));
    st.exchange(soci::into(missed));
  }
  Punctuality to_model() const { return {owner_id, campaign_id, settled, on_time, missed}; }
};

struct CallbackLineRow : CallbackRow {
  std::string person_name, assigned_name;
  void bind(soci::statement& st) {
    CallbackRow::bind(st);
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(assigned_name));
  }
  CallbackLine to_model() const { return {CallbackRow::to_model(), person_name, assigned_name}; }
};

struct NamedIdRow {
  long long id = 0;
  std::string name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
  }
  NamedId to_model() const { return {id, name}; }
};

}  // namespace

std::vector<AttemptCount> attempts_since(soci::session& sql, std::int64_t agency_id, std::int64_t since) {
  const long long agency = agency_id, from = since;
  return platform::db::fetch_rows<AttemptCountRow>(sql, kAttemptsSince, agency, from);
}

std::vector<WaitingCallbacks> waiting_callbacks(soci::session& sql, std::int64_t agency_id, std::int64_t now,
                                                std::int64_t soon) {
  const long long agency = agency_id, at = now, until = soon;
  return platform::db::fetch_rows<WaitingRow>(sql, kWaiting, at, at, agency, until);
}

std::vector<Punctuality> punctuality_since(soci::session& sql, std::int64_t agency_id, std::int64_t since) {
  const long long agency = agency_id, from = since, per_minute = kMicrosPerMinute;
  return platform::db::fetch_rows<PunctualityRow>(sql, kPunctuality, per_minute, agency, from);
}

std::vector<CallbackLine> callbacks_due_before(soci::session& sql, std::int64_t agency_id, std::int64_t until,
                                               int limit) {
  const long long agency = agency_id, end = until;
  return platform::db::fetch_rows<CallbackLineRow>(
      sql, std::string("SELECT ") + kCallbackColumns + kCallbacksDue + kAnyAssignee, agency, end, limit);
}

std::vector<CallbackLine> callbacks_of_before(soci::session& sql, std::int64_t agency_id, std::int64_t user_id,
                                              std::int64_t until, int limit) {
  const long long agency = agency_id, user = user_id, end = until;
  return platform::db::fetch_rows<CallbackLineRow>(
      sql, std::string("SELECT ") + kCallbackColumns + kCallbacksDue + kAssignedTo, agency, end, user, limit);
}

std::vector<NamedId> running_campaigns(soci::session& sql, std::int64_t agency_id) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<NamedIdRow>(sql, kRunningCampaigns, agency);
}

bool is_campaign_agent(soci::session& sql, std::int64_t campaign_id, std::int64_t user_id) {
  const long long campaign = campaign_id, user = user_id;
  long long found = 0;
  sql << kIsCampaignAgent, soci::use(campaign), soci::use(user), soci::into(found);
  return sql.got_data();
}

}  // namespace termintreu::calling::supervision_store
