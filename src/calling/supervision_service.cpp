#include "calling/supervision_service.hpp"

#include <map>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "calling/callback_store.hpp"
#include "calling/outcome.hpp"
#include "calling/presence_store.hpp"
#include "calling/queue_rules.hpp"
#include "calling/queue_store.hpp"
#include "calling/supervision_store.hpp"
#include "identity/audit_log.hpp"
#include "platform/http/events.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

using identity::Principal;
using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::TimePoint;
using platform::to_micros;

namespace {

// The agency works German hours: "today" begins at midnight in Berlin.
constexpr const char* kAgencyZone = "Europe/Berlin";
constexpr auto kSoon = std::chrono::minutes{60};
constexpr auto kPunctualityWindow = std::chrono::days{30};
constexpr int kCallbackLines = 200;

TimePoint start_of_day(TimePoint now) {
  const date::zoned_time local{kAgencyZone, now};
  const auto midnight = date::floor<date::days>(local.get_local_time());
  const date::zoned_time start{kAgencyZone, midnight, date::choose::earliest};
  return std::chrono::time_point_cast<std::chrono::microseconds>(start.get_sys_time());
}

struct Figures {
  std::int64_t calls_today = 0, calls_last_hour = 0, reached_today = 0, appointments_today = 0;
  std::int64_t callbacks_due = 0, callbacks_overdue = 0;
  std::int64_t settled = 0, on_time = 0, missed = 0;

  void count(const supervision_store::AttemptCount& c) {
    calls_today += c.count;
    const auto* kind = find_outcome(c.outcome);
    if (kind != nullptr && kind->reached) reached_today += c.count;
    if (c.outcome == "appointment") appointments_today += c.count;
  }
  nlohmann::json punctuality() const {
    return settled == 0 ? nlohmann::json(nullptr)
                        : nlohmann::json(static_cast<double>(on_time) / static_cast<double>(settled));
  }
  void write(nlohmann::json& out) const {
    out["calls_today"] = calls_today;
    out["calls_last_hour"] = calls_last_hour;
    out["reached_today"] = reached_today;
    out["appointments_today"] = appointments_today;
    out["callbacks_due"] = callbacks_due;
    out["callbacks_overdue"] = callbacks_overdue;
    out["missed_30d"] = missed;
    out["punctuality"] = punctuality();
  }
};

}  // namespace

SupervisionService::SupervisionService(platform::db::Database& database, const platform::Clock& clock,
                                       platform::http::EventHub& events)
    : database_(database), clock_(clock), events_(events) {}

nlohmann::json SupervisionService::snapshot(const Principal& viewer) {
  const TimePoint now = clock_.now();
  const std::int64_t now_us = to_micros(now);
  const std::int64_t day_us = to_micros(start_of_day(now));
  auto lease = database_.session();
  soci::session& sql = *lease;

  std::map<std::int64_t, Figures> by_agent, by_campaign;
  for (const auto& c : supervision_store::attempts_since(sql, viewer.agency_id, day_us)) {
    by_agent[c.agent_id].count(c);
    by_campaign[c.campaign_id].count(c);
  }
  for (const auto& c : supervision_store::attempts_since(sql, viewer.agency_id, to_micros(now - std::chrono::hours{1}))) {
    by_agent[c.agent_id].calls_last_hour += c.count;
    by_campaign[c.campaign_id].calls_last_hour += c.count;
  }
  for (const auto& w : supervision_store::waiting_callbacks(sql, viewer.agency_id, now_us, to_micros(now + kSoon))) {
    by_campaign[w.campaign_id].callbacks_due += w.due_soon;
    by_campaign[w.campaign_id].callbacks_overdue += w.overdue;
    if (w.assigned_to) {
      by_agent[*w.assigned_to].callbacks_due += w.due_soon;
      by_agent[*w.assigned_to].callbacks_overdue += w.overdue;
    }
  }
  for (const auto& p :
       supervision_store::punctuality_since(sql, viewer.agency_id, to_micros(now - kPunctualityWindow))) {
    for (auto* f : {&by_agent[p.owner_id], &by_campaign[p.campaign_id]}) {
      f->settled += p.settled;
      f->on_time += p.on_time;
      f->missed += p.missed;
    }
  }

  std::map<std::int64_t, std::string> campaign_names;
  nlohmann::json campaigns = nlohmann::json::array();
  for (const auto& c : supervision_store::running_campaigns(sql, viewer.agency_id)) {
    campaign_names[c.id] = c.name;
    nlohmann::json line = {{"campaign_id", c.id}, {"name", c.name}};
    by_campaign[c.id].write(line);
    campaigns.push_back(std::move(line));
  }

  const auto present_since = now_us - std::chrono::duration_cast<std::chrono::microseconds>(kPresenceTimeout).count();
  nlohmann::json agents = nlohmann::json::array();
  for (const auto& p : presence_store::of_agency(sql, viewer.agency_id, day_us)) {
    nlohmann::json line = {
        {"user_id", p.user_id},
        {"name", p.user_name},
        {"state", p.last_seen_at >= present_since ? p.state : std::string("away")},
        {"since", platform::iso8601(platform::from_micros(p.since))},
        {"last_seen_at", platform::iso8601(platform::from_micros(p.last_seen_at))},
        {"campaign_id", p.campaign_id ? nlohmann::json(*p.campaign_id) : nlohmann::json(nullptr)},
        {"campaign_name", p.campaign_id && campaign_names.count(*p.campaign_id) != 0
                              ? nlohmann::json(campaign_names[*p.campaign_id])
                              : nlohmann::json(nullptr)},
        {"lead_id", p.lead_id ? nlohmann::json(*p.lead_id) : nlohmann::json(nullptr)}};
    by_agent[p.user_id].write(line);
    agents.push_back(std::move(line));
  }

  nlohmann::json callbacks = nlohmann::json::array();
  for (const auto& c : supervision_store::callbacks_due_before(sql, viewer.agency_id, to_micros(now + kSoon),
                                                               kCallbackLines)) {
    nlohmann::json line = to_json(c.callback);
    line["person_name"] = c.person_name;
    line["assigned_name"] = c.assigned_name;
    line["overdue"] = c.callback.due_at <= now_us && !c.callback.started_at;
    callbacks.push_back(std::move(line));
  }
  return {{"generated_at", platform::iso8601(now)},
          {"agents", std::move(agents)},
          {"campaigns", std::move(campaigns)},
          {"callbacks", std::move(callbacks)}};
}

Result<nlohmann::json> SupervisionService::reassign_callback(const Principal& supervisor, std::int64_t callback_id,
                                                             std::int64_t user_id, const identity::RequestMeta& meta) {
  const std::int64_t now_us = to_micros(clock_.now());
  auto done = database_.transaction("supervision.reassign", [&](soci::session& sql) -> Result<nlohmann::json> {
    const auto callback = callback_store::find(sql, supervisor.agency_id, callback_id);
    if (!callback) return fail(ErrorCode::not_found, "no such callback");
    if (callback->state != "pending") return fail(ErrorCode::conflict, "the callback is no longer pending");
    if (!supervision_store::is_campaign_agent(sql, callback->campaign_id, user_id)) {
      return fail(ErrorCode::invalid, "is not an agent of the callback's campaign", "user_id");
    }
    callback_store::reassign(sql, callback_id, user_id, now_us);
    identity::audit_log::append(
        sql, identity::audit_entry(supervisor, meta, now_us, "callback.reassigned", "callback", callback_id,
                                   {{"from", callback->assigned_to ? nlohmann::json(*callback->assigned_to) : nullptr},
                                    {"to", user_id}}));
    auto updated = callback_store::find(sql, supervisor.agency_id, callback_id);
    return to_json(*updated);
  });
  if (done) events_.publish("agency:" + std::to_string(supervisor.agency_id), "calling", {{"change", "callback"}});
  return done;
}

Result<nlohmann::json> SupervisionService::assign_lead(const Principal& supervisor, std::int64_t lead_id,
                                                       std::int64_t user_id, const identity::RequestMeta& meta) {
  const std::int64_t now_us = to_micros(clock_.now());
  auto done = database_.transaction("supervision.assign_lead", [&](soci::session& sql) -> Result<nlohmann::json> {
    const auto lead = queue_store::find_lead(sql, supervisor.agency_id, lead_id);
    if (!lead) return fail(ErrorCode::not_found, "no such lead");
    if (lead->state != "new" && lead->state != "in_progress") {
      return fail(ErrorCode::conflict, "the lead is not open for calls (" + lead->state + ")");
    }
    if (lead->person_blocked) return fail(ErrorCode::conflict, "the person is blocked");
    if (lead->leased_by && lead->lease_until && *lead->lease_until > now_us) {
      return fail(ErrorCode::conflict, "an agent is working this lead right now");
    }
    if (!supervision_store::is_campaign_agent(sql, lead->campaign_id, user_id)) {
      return fail(ErrorCode::invalid, "is not an agent of the lead's campaign", "user_id");
    }
    Callback callback;
    callback.agency_id = supervisor.agency_id;
    callback.campaign_id = lead->campaign_id;
    callback.lead_id = lead->id;
    callback.kind = "personal";
    callback.owner_id = user_id;
    callback.assigned_to = user_id;
    callback.due_at = now_us;
    callback.note = "assigned by " + supervisor.name;
    callback.created_at = now_us;
    callback.id = callback_store::insert(sql, callback);
    queue_store::close(sql, lead->id, "callback_due", now_us);
    identity::audit_log::append(sql, identity::audit_entry(supervisor, meta, now_us, "lead.assigned", "lead", lead->id,
                                                           {{"to", user_id}, {"callback_id", callback.id}}));
    return to_json(callback);
  });
  if (done) events_.publish("agency:" + std::to_string(supervisor.agency_id), "calling", {{"change", "lead"}});
  return done;
}

Result<nlohmann::json> SupervisionService::correct_attempt(const Principal& supervisor, std::int64_t attempt_id,
                                                           const CorrectionInput& input,
                                                           const identity::RequestMeta& meta) {
  const std::int64_t now_us = to_micros(clock_.now());
  auto done = database_.transaction("supervision.correct_attempt", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(correction, calling::correct_attempt(sql, supervisor, attempt_id, input, meta, now_us));
    return to_json(*correction);
  });
  if (done) events_.publish("agency:" + std::to_string(supervisor.agency_id), "calling", {{"change", "attempt"}});
  return done;
}

}  // namespace termintreu::calling
