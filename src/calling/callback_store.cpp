#include "calling/callback_store.hpp"

#include "calling/callback_row.hpp"
#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::callback_store {
namespace {

constexpr std::int64_t kMicrosPerMinute = 60'000'000;

constexpr const char* kInsert =
    "INSERT INTO callbacks (agency_id, campaign_id, lead_id, kind, owner_id, assigned_to, due_at, state, promised_in, "
    "note, created_at, updated_at) VALUES (:agency_id, :campaign_id, :lead_id, :kind, :owner_id, :assigned_to, "
    ":due_at, 'pending', :promised_in, :note, :now, :now2) RETURNING id";
constexpr const char* kFind = " FROM callbacks cb WHERE cb.id = :id AND cb.agency_id = :agency_id";
constexpr const char* kDue =
    ", p.last_seen_at, COALESCE(p.state, ''), p.lead_id FROM callbacks cb "
    "LEFT JOIN agent_presence p ON p.user_id = cb.assigned_to "
    "WHERE cb.campaign_id = :campaign_id AND cb.state = 'pending' AND cb.due_at <= :now "
    "AND (cb.lease_until IS NULL OR cb.lease_until <= :now2) ORDER BY cb.due_at, cb.id LIMIT :limit";
constexpr const char* kLease =
    "UPDATE callbacks SET leased_by = :user_id, lease_until = :until, started_at = COALESCE(started_at, :now), "
    "started_by = COALESCE(started_by, :user_id2), updated_at = :now2 "
    "WHERE id = :id AND state = 'pending' AND (lease_until IS NULL OR lease_until <= :now3 OR leased_by = :user_id3)";
constexpr const char* kHeldOnLead =
    " FROM callbacks cb WHERE cb.lead_id = :lead_id AND cb.state = 'pending' AND cb.leased_by = :user_id "
    "AND cb.lease_until > :now ORDER BY cb.due_at LIMIT 1";
constexpr const char* kKeep =
    "UPDATE callbacks SET state = 'done', kept_in = :attempt_id, leased_by = NULL, lease_until = NULL, "
    "started_at = COALESCE(started_at, :now), started_by = COALESCE(started_by, :user_id), updated_at = :now2 "
    "WHERE lead_id = :lead_id AND state = 'pending' AND (leased_by = :user_id2 OR leased_by IS NULL "
    "OR lease_until <= :now3)";
constexpr const char* kReleaseHeldBy =
    "UPDATE callbacks SET leased_by = NULL, lease_until = NULL, updated_at = :now WHERE leased_by = :user_id "
    "AND state = 'pending'";
constexpr const char* kReassign =
    "UPDATE callbacks SET assigned_to = :user_id, leased_by = NULL, lease_until = NULL, updated_at = :now "
    "WHERE id = :id AND state = 'pending'";
constexpr const char* kRenew =
    "UPDATE callbacks SET note = :note, due_at = :due_at, updated_at = :now WHERE id = :id AND state = 'pending'";
constexpr const char* kOverdue =
    " FROM callbacks cb JOIN campaigns c ON c.id = cb.campaign_id WHERE cb.state = 'pending' "
    "AND cb.kind = 'personal' AND cb.started_at IS NULL "
    "AND cb.due_at + c.callback_tolerance_minutes * :micros_per_minute < :now";
constexpr const char* kMarkMissed =
    "UPDATE callbacks SET state = 'missed', updated_at = :now WHERE id = :id AND state = 'pending' "
    "AND started_at IS NULL";
constexpr const char* kOfLead =
    " FROM callbacks cb WHERE cb.agency_id = :agency_id AND cb.lead_id = :lead_id ORDER BY cb.due_at DESC, cb.id DESC";

std::string select(const char* rest) { return std::string("SELECT ") + kCallbackColumns + rest; }

struct DueColumns : CallbackRow {
  std::optional<long long> seen_at, presence_lead;
  std::string presence_state;
  void bind(soci::statement& st) {
    CallbackRow::bind(st);
    st.exchange(soci::into(seen_at));
    st.exchange(soci::into(presence_state));
    st.exchange(soci::into(presence_lead));
  }
  DueCallback to_model() const {
    return {CallbackRow::to_model(), id_of(seen_at), presence_state, id_of(presence_lead)};
  }
};

std::optional<long long> as_db(const std::optional<std::int64_t>& v) {
  return v ? std::optional<long long>(*v) : std::nullopt;
}

}  // namespace

std::int64_t insert(soci::session& sql, const Callback& c) {
  const long long agency = c.agency_id, campaign = c.campaign_id, lead = c.lead_id, due = c.due_at,
                  now = c.created_at;
  const auto owner = as_db(c.owner_id), assigned = as_db(c.assigned_to), promised = as_db(c.promised_in);
  return platform::db::fetch_value<long long>(sql, kInsert, agency, campaign, lead, c.kind, owner, assigned, due,
                                              promised, c.note, now, now)
      .value();
}

std::optional<Callback> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long key = id, agency = agency_id;
  return platform::db::fetch_one<CallbackRow>(sql, select(kFind), key, agency);
}

std::vector<DueCallback> due(soci::session& sql, std::int64_t campaign_id, std::int64_t now, int limit) {
  const long long campaign = campaign_id, at = now;
  return platform::db::fetch_rows<DueColumns>(sql, select(kDue), campaign, at, at, limit);
}

bool lease(soci::session& sql, std::int64_t id, std::int64_t user_id, std::int64_t now, std::int64_t until) {
  const long long key = id, user = user_id, at = now, end = until;
  return platform::db::execute(sql, kLease, user, end, at, user, at, key, at, user) == 1;
}

std::optional<Callback> held_on_lead(soci::session& sql, std::int64_t lead_id, std::int64_t user_id,
                                     std::int64_t now) {
  const long long lead = lead_id, user = user_id, at = now;
  return platform::db::fetch_one<CallbackRow>(sql, select(kHeldOnLead), lead, user, at);
}

void keep(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t attempt_id, std::int64_t now) {
  const long long lead = lead_id, user = user_id, attempt = attempt_id, at = now;
  platform::db::execute(sql, kKeep, attempt, at, user, at, lead, user, at);
}

void release_held_by(soci::session& sql, std::int64_t user_id, std::int64_t now) {
  const long long user = user_id, at = now;
  platform::db::execute(sql, kReleaseHeldBy, at, user);
}

void reassign(soci::session& sql, std::int64_t id, std::int64_t user_id, std::int64_t now) {
  const long long key = id, user = user_id, at = now;
  platform::db::execute(sql, kReassign, user, at, key);
}

void renew(soci::session& sql, std::int64_t id, const std::string& note, std::int64_t due_at, std::int64_t now) {
  const long long key = id, due = due_at, at = now;
  platform::db::execute(sql, kRenew, note, due, at, key);
}

std::vector<Callback> mark_missed(soci::session& sql, std::int64_t now) {
  const long long at = now, per_minute = kMicrosPerMinute;
  auto overdue = platform::db::fetch_rows<CallbackRow>(sql, select(kOverdue), per_minute, at);
  std::vector<Callback> missed;
  for (auto& callback : overdue) {
    const long long key = callback.id;
    if (platform::db::execute(sql, kMarkMissed, at, key) != 1) continue;  // another node got there first
    Callback apology;
    apology.agency_id = callback.agency_id;
    apology.campaign_id = callback.campaign_id;
    apology.lead_id = callback.lead_id;
    apology.kind = "apology";
    apology.owner_id = callback.owner_id;
    apology.due_at = now;
    apology.promised_in = callback.promised_in;
    apology.note = callback.note;
    apology.created_at = now;
    insert(sql, apology);
    missed.push_back(std::move(callback));
  }
  return missed;
}

std::vector<Callback> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id) {
  const long long agency = agency_id, lead = lead_id;
  return platform::db::fetch_rows<CallbackRow>(sql, select(kOfLead), agency, lead);
}

}  // namespace termintreu::calling::callback_store
