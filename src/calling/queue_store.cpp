#include "calling/queue_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::queue_store {
namespace {

constexpr const char* kCampaignsOfAgent =
    "SELECT c.id, c.client_id, c.name, c.country, COALESCE(c.caller_id, ''), c.calling_rules, "
    "c.callback_tolerance_minutes, b.id, CASE WHEN b.id IS NULL OR a.user_id IS NOT NULL THEN 1 ELSE 0 END "
    "FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id "
    "LEFT JOIN campaign_briefings b ON b.campaign_id = c.id AND b.version = "
    "  (SELECT MAX(v.version) FROM campaign_briefings v WHERE v.campaign_id = c.id) "
    "LEFT JOIN briefing_acknowledgements a ON a.briefing_id = b.id AND a.user_id = m.user_id "
    "WHERE m.user_id = :user_id AND m.member_role = 'agent' AND c.agency_id = :agency_id AND c.state = 'active' "
    "AND c.archived_at IS NULL ORDER BY c.id";

constexpr const char* kCampaignOfAgency =
    "SELECT c.id, c.client_id, c.name, c.country, COALESCE(c.caller_id, ''), c.calling_rules, "
    "c.callback_tolerance_minutes, CAST(NULL AS BIGINT), 1 FROM campaigns c "
    "WHERE c.id = :campaign_id AND c.agency_id = :agency_id";

constexpr const char* kHasUnplaced = "SELECT id FROM leads WHERE campaign_id = :campaign_id AND area_id IS NULL LIMIT 1";
// The person's own zone, the company's country (else the campaign's) and the company's state.
constexpr const char* kAddAreas =
    "INSERT INTO calling_areas (time_zone, country, subdivision) "
    "SELECT DISTINCT p.time_zone, UPPER(COALESCE(NULLIF(co.country, ''), c.country)), TRIM(COALESCE(co.state, '')) "
    "FROM leads l JOIN persons p ON p.id = l.person_id JOIN campaigns c ON c.id = l.campaign_id "
    "LEFT JOIN companies co ON co.id = p.company_id "
    "WHERE l.campaign_id = :campaign_id AND l.area_id IS NULL "
    "ON CONFLICT (time_zone, country, subdivision) DO NOTHING";
constexpr const char* kPlaceLeads =
    "UPDATE leads SET area_id = (SELECT a.id FROM persons p LEFT JOIN companies co ON co.id = p.company_id "
    "  JOIN campaigns c ON c.id = leads.campaign_id "
    "  JOIN calling_areas a ON a.time_zone = p.time_zone "
    "    AND a.country = UPPER(COALESCE(NULLIF(co.country, ''), c.country)) "
    "    AND a.subdivision = TRIM(COALESCE(co.state, '')) "
    "  WHERE p.id = leads.person_id) "
    "WHERE campaign_id = :campaign_id AND area_id IS NULL";
constexpr const char* kAreasOfCampaign =
    "SELECT a.id, a.time_zone, a.country, a.subdivision FROM calling_areas a WHERE a.id IN "
    "(SELECT DISTINCT area_id FROM leads WHERE campaign_id = :campaign_id AND state IN ('new', 'in_progress')) "
    "ORDER BY a.id";
constexpr const char* kFindArea = "SELECT id, time_zone, country, subdivision FROM calling_areas WHERE id = :id";

// The WHERE and ORDER BY match the partial index leads_queue, so this is one index seek.
constexpr const char* kBestLead =
    "SELECT id, priority, next_call_at FROM leads WHERE campaign_id = :campaign_id AND area_id = :area_id "
    "AND state IN ('new', 'in_progress') AND next_call_at <= :now ORDER BY priority DESC, next_call_at, id LIMIT 1";
constexpr const char* kLockSkipLocked = " FOR UPDATE SKIP LOCKED";

constexpr const char* kFindLead =
    "SELECT l.id, l.agency_id, l.campaign_id, l.person_id, l.state, l.area_id, l.attempts, l.leased_by, "
    "l.lease_until, l.next_call_at, CASE WHEN p.blocked_at IS NULL AND p.erased_at IS NULL THEN 0 ELSE 1 END "
    "FROM leads l JOIN persons p ON p.id = l.person_id WHERE l.id = :id AND l.agency_id = :agency_id";
constexpr const char* kAttemptTimes =
    "SELECT started_at FROM call_attempts WHERE lead_id = :lead_id AND started_at >= :since";

constexpr const char* kLease =
    "UPDATE leads SET leased_by = :user_id, lease_until = :until, next_call_at = :until2 "
    "WHERE id = :id AND next_call_at <= :now AND state IN ('new', 'in_progress')";
constexpr const char* kHold = "UPDATE leads SET leased_by = :user_id, lease_until = :until WHERE id = :id";
constexpr const char* kLeasedTo =
    "SELECT id FROM leads WHERE leased_by = :user_id AND agency_id = :agency_id AND lease_until > :now "
    "ORDER BY lease_until DESC LIMIT 1";
constexpr const char* kExtendLease =
    "UPDATE leads SET lease_until = :until, next_call_at = :until2 WHERE leased_by = :user_id AND lease_until > :now";
constexpr const char* kRelease =
    "UPDATE leads SET leased_by = NULL, lease_until = NULL, next_call_at = :at WHERE id = :id";
constexpr const char* kClose =
    "UPDATE leads SET state = :state, leased_by = NULL, lease_until = NULL, updated_at = :now WHERE id = :id";
constexpr const char* kRecordAttempt =
    "UPDATE leads SET state = :state, next_call_at = :next_call_at, attempts = attempts + 1, "
    "last_attempt_at = :attempted_at, last_outcome = :outcome, leased_by = NULL, lease_until = NULL, "
    "updated_at = :now WHERE id = :id";

struct WorkCampaignRow {
  long long id = 0, client_id = 0;
  int tolerance = 10, acknowledged = 1;
  std::string name, country, caller_id, rules;
  std::optional<long long> briefing_id;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(country));
    st.exchange(soci::into(caller_id));
    st.exchange(soci::into(rules));
    st.exchange(soci::into(tolerance));
    st.exchange(soci::into(briefing_id));
    st.exchange(soci::into(acknowledged));
  }
  WorkCampaign to_model() const {
    WorkCampaign c{id, client_id, name, country, caller_id, rules, tolerance, std::nullopt, acknowledged != 0};
    if (briefing_id) c.briefing_id = *briefing_id;
    return c;
  }
};

struct AreaRow {
  long long id = 0;
  std::string time_zone, country, subdivision;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(time_zone));
    st.exchange(soci::into(country));
    st.exchange(soci::into(subdivision));
  }
  Area to_model() const { return {id, time_zone, country, subdivision}; }
};

struct LeadPickRow {
  long long id = 0, next_call_at = 0;
  int priority = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(priority));
    st.exchange(soci::into(next_call_at));
  }
  LeadPick to_model() const { return {id, priority, next_call_at}; }
};

struct LeadRowBinding {
  long long id = 0, agency_id = 0, campaign_id = 0, person_id = 0, next_call_at = 0;
  int attempts = 0, blocked = 0;
  std::string state;
  std::optional<long long> area_id, leased_by, lease_until;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(state));
    st.exchange(soci::into(area_id));
    st.exchange(soci::into(attempts));
    st.exchange(soci::into(leased_by));
    st.exchange(soci::into(lease_until));
    st.exchange(soci::into(next_call_at));
    st.exchange(soci::into(blocked));
  }
  LeadRow to_model() const {
    LeadRow r;
    r.id = id;
    r.agency_id = agency_id;
    r.campaign_id = campaign_id;
    r.person_id = person_id;
    r.state = state;
    if (area_id) r.area_id = *area_id;
    r.attempts = attempts;
    if (leased_by) r.leased_by = *leased_by;
    if (lease_until) r.lease_until = *lease_until;
    r.next_call_at = next_call_at;
    r.person_blocked = blocked != 0;
    return r;
  }
};

struct TimeRow {
  long long at = 0;
  void bind(soci::statement& st) { st.exchange(soci::into(at)); }
  std::int64_t to_model() const { return at; }
};

bool is_postgresql(soci::session& sql) { return sql.get_backend_name() == "postgresql"; }

constexpr long long kAnalyzeAfterPlacing = 1000;
constexpr const char* kAnalyzeLeads = "ANALYZE leads";

}  // namespace

std::vector<WorkCampaign> campaigns_of_agent(soci::session& sql, std::int64_t agency_id, std::int64_t user_id) {
  const long long user = user_id, agency = agency_id;
  return platform::db::fetch_rows<WorkCampaignRow>(sql, kCampaignsOfAgent, user, agency);
}

std::optional<WorkCampaign> campaign_of_agency(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  const long long campaign = campaign_id, agency = agency_id;
  return platform::db::fetch_one<WorkCampaignRow>(sql, kCampaignOfAgency, campaign, agency);
}

bool has_unplaced(soci::session& sql, std::int64_t campaign_id) {
  const long long campaign = campaign_id;
  return platform::db::fetch_value<long long>(sql, kHasUnplaced, campaign).has_value();
}

void place_leads(soci::session& sql, std::int64_t campaign_id) {
  const long long campaign = campaign_id;
  platform::db::execute(sql, kAddAreas, campaign);
  soci::statement place = (sql.prepare << kPlaceLeads, soci::use(campaign));
  place.execute(true);
  // PostgreSQL plans has_unplaced from statistics taken while the leads were unplaced: it then scans the whole table
  // on every Next (measured 13 ms at 200k leads, 70 ms at 2M) until autovacuum analyses it again, minutes later.
  // After a placement of many leads the statistics are refreshed at once (a sample, a fraction of a second).
  if (place.get_affected_rows() >= kAnalyzeAfterPlacing && is_postgresql(sql)) sql << kAnalyzeLeads;
}

std::vector<Area> areas_of_campaign(soci::session& sql, std::int64_t campaign_id) {
  const long long campaign = campaign_id;
  return platform::db::fetch_rows<AreaRow>(sql, kAreasOfCampaign, campaign);
}

std::optional<Area> find_area(soci::session& sql, std::int64_t area_id) {
  const long long id = area_id;
  return platform::db::fetch_one<AreaRow>(sql, kFindArea, id);
}

std::optional<LeadPick> best_lead(soci::session& sql, std::int64_t campaign_id, std::int64_t area_id,
                                  std::int64_t now) {
  const long long campaign = campaign_id, area = area_id, at = now;
  static const std::string kPostgresql = std::string(kBestLead) + kLockSkipLocked;
  return platform::db::fetch_one<LeadPickRow>(sql, is_postgresql(sql) ? kPostgresql : std::string(kBestLead),
                                              campaign, area, at);
}

std::optional<LeadRow> find_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id) {
  const long long id = lead_id, agency = agency_id;
  return platform::db::fetch_one<LeadRowBinding>(sql, kFindLead, id, agency);
}

std::vector<std::int64_t> attempt_times(soci::session& sql, std::int64_t lead_id, std::int64_t since) {
  const long long lead = lead_id, from = since;
  return platform::db::fetch_rows<TimeRow>(sql, kAttemptTimes, lead, from);
}

bool lease(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t now, std::int64_t until) {
  const long long id = lead_id, user = user_id, at = now, end = until;
  return platform::db::execute(sql, kLease, user, end, end, id, at) == 1;
}

void hold(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t until) {
  const long long id = lead_id, user = user_id, end = until;
  platform::db::execute(sql, kHold, user, end, id);
}

std::optional<std::int64_t> leased_to(soci::session& sql, std::int64_t agency_id, std::int64_t user_id,
                                      std::int64_t now) {
  const long long user = user_id, agency = agency_id, at = now;
  return platform::db::fetch_value<long long>(sql, kLeasedTo, user, agency, at);
}

void extend_lease(soci::session& sql, std::int64_t user_id, std::int64_t now, std::int64_t until) {
  const long long user = user_id, at = now, end = until;
  platform::db::execute(sql, kExtendLease, end, end, user, at);
}

void release(soci::session& sql, std::int64_t lead_id, std::int64_t at) {
  const long long id = lead_id, when = at;
  platform::db::execute(sql, kRelease, when, id);
}

void close(soci::session& sql, std::int64_t lead_id, const std::string& state, std::int64_t now) {
  const long long id = lead_id, at = now;
  platform::db::execute(sql, kClose, state, at, id);
}

void record_attempt(soci::session& sql, std::int64_t lead_id, const AfterAttempt& after, std::int64_t now) {
  const long long id = lead_id, next = after.next_call_at, attempted = after.attempted_at, at = now;
  platform::db::execute(sql, kRecordAttempt, after.state, next, attempted, after.outcome, at, id);
}

}  // namespace termintreu::calling::queue_store
