#include "calling/dispatch_service.hpp"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "calling/callback_store.hpp"
#include "calling/lead_card.hpp"
#include "calling/outcome.hpp"
#include "calling/presence_store.hpp"
#include "calling/queue_store.hpp"
#include "platform/http/events.hpp"

namespace termintreu::calling {

using identity::Principal;
using platform::ErrorCode;
using platform::fail;
using platform::from_micros;
using platform::Result;
using platform::TimePoint;
using platform::to_micros;

namespace {

// The queue is worked by people: an API token (even one its creator made) gets 403.
Result<std::int64_t> person_of(const Principal& principal) {
  if (!principal.user_id || principal.token_id) {
    return fail(ErrorCode::forbidden, "only a signed-in person works the queue");
  }
  return *principal.user_id;
}

// How many candidates Next tries before it gives up for this press (each refused one is pushed to its next
// possible time, so a later press does not meet it again).
constexpr int kMaxTries = 32;
constexpr int kCallbacksPerCampaign = 20;

struct Pick {
  Candidate order;
  const queue_store::WorkCampaign* campaign = nullptr;
  std::optional<Callback> callback;  // set for callbacks; order.id is then the callback's id
  std::optional<Area> area;          // set for leads: the open area the queue found it in
};

OwnerPresence presence_of(const callback_store::DueCallback& due, std::int64_t now) {
  OwnerPresence p;
  p.signed_in =
      due.assignee_seen_at &&
      *due.assignee_seen_at >= now - std::chrono::duration_cast<std::chrono::microseconds>(kPresenceTimeout).count();
  p.busy = p.signed_in && due.assignee_state == "on_call" && due.assignee_lead != due.callback.lead_id;
  return p;
}

const queue_store::WorkCampaign* campaign_of(const std::vector<queue_store::WorkCampaign>& campaigns, std::int64_t id) {
  for (const auto& c : campaigns) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace

DispatchService::DispatchService(platform::db::Database& database, const platform::Clock& clock,
                                 platform::http::EventHub& events, const AppointmentBooker* booker)
    : database_(database), clock_(clock), events_(events), booker_(booker) {}

std::vector<Area> DispatchService::open_areas(soci::session& sql, std::int64_t campaign_id,
                                              const campaigns::CallingRules& rules, TimePoint now, bool placed) {
  // Windows are whole minutes, so what is open stays open for the rest of the clock minute.
  const auto minute = std::chrono::floor<std::chrono::minutes>(now).time_since_epoch().count();
  {
    std::lock_guard lock(areas_mutex_);
    const auto found = open_areas_.find(campaign_id);
    if (!placed && found != open_areas_.end() && found->second.minute == minute) return found->second.areas;
  }
  std::vector<Area> open;
  for (auto& area : queue_store::areas_of_campaign(sql, campaign_id)) {
    if (area_open(rules, now, area)) open.push_back(std::move(area));
  }
  std::lock_guard lock(areas_mutex_);
  open_areas_[campaign_id] = {minute, open};
  return open;
}

Result<Assignment> DispatchService::next(const Principal& agent) {
  TT_TRY(person, person_of(agent));
  const std::int64_t me = *agent.user_id;
  const TimePoint now = clock_.now();
  const std::int64_t now_us = to_micros(now);
  auto assignment = database_.transaction("dispatch.next", [&](soci::session& sql) -> Result<Assignment> {
    auto out = take_next(sql, agent, now);
    if (out) {
      presence_store::upsert(sql, agent.agency_id, me, out->campaign_id, out->lead_id ? "on_call" : "ready",
                             out->lead_id, now_us);
    }
    return out;
  });
  if (assignment) publish(agent.agency_id, "agent", me);
  return assignment;
}

Result<Assignment> DispatchService::take_next(soci::session& sql, const Principal& agent, TimePoint now) {
  const std::int64_t me = *agent.user_id;
  const std::int64_t now_us = to_micros(now);
  const std::int64_t until = to_micros(now + kLeaseFor);
  Assignment out;
  const auto all = queue_store::campaigns_of_agent(sql, agent.agency_id, me);
  std::vector<queue_store::WorkCampaign> ready;
  for (const auto& c : all) {
    if (c.briefing_acknowledged) {
      ready.push_back(c);
    } else {
      out.briefings_pending.push_back(c.id);
    }
  }
  if (const auto held = queue_store::leased_to(sql, agent.agency_id, me, now_us)) {
    const auto lead = queue_store::find_lead(sql, agent.agency_id, *held);
    if (lead) {
      queue_store::extend_lease(sql, me, now_us, until);
      out.lead_id = lead->id;
      out.campaign_id = lead->campaign_id;
      out.lease_until = until;
      out.callback = callback_store::held_on_lead(sql, lead->id, me, now_us);
      return out;
    }
  }
  if (all.empty()) {
    out.empty_reason = "no_campaign";
    return out;
  }
  if (ready.empty()) {
    out.empty_reason = "briefing";
    return out;
  }
  std::map<std::int64_t, campaigns::CallingRules> rules;
  std::map<std::int64_t, bool> placed;  // leads got their areas in this press: the open areas are recomputed once
  for (const auto& c : ready) {
    rules.emplace(c.id, rules_of(c));
    const bool unplaced = queue_store::has_unplaced(sql, c.id);
    if (unplaced) queue_store::place_leads(sql, c.id);
    placed.emplace(c.id, unplaced);
  }

  for (int attempt = 0; attempt < kMaxTries; ++attempt) {
    std::optional<Pick> best;
    const auto consider = [&](Pick pick) {
      if (!best || comes_before(pick.order, best->order)) best = std::move(pick);
    };
    for (const auto& c : ready) {
      for (auto& due : callback_store::due(sql, c.id, now_us, kCallbacksPerCampaign)) {
        const auto rank = callback_rank(due.callback.kind, due.callback.assigned_to, me, presence_of(due, now_us));
        if (!rank) continue;
        consider({{*rank, 0, from_micros(due.callback.due_at), due.callback.id}, &c, std::move(due.callback), {}});
      }
      for (const auto& area : open_areas(sql, c.id, rules.at(c.id), now, std::exchange(placed[c.id], false))) {
        if (const auto lead = queue_store::best_lead(sql, c.id, area.id, now_us)) {
          consider({{Rank::lead, lead->priority, from_micros(lead->next_call_at), lead->id}, &c, std::nullopt, area});
        }
      }
    }
    if (!best) break;

    if (best->callback) {
      if (!callback_store::lease(sql, best->callback->id, me, now_us, until)) continue;
      queue_store::hold(sql, best->callback->lead_id, me, until);
      out.lead_id = best->callback->lead_id;
      out.callback = best->callback;
      out.callback->started_at = out.callback->started_at.value_or(now_us);
      out.campaign_id = best->campaign->id;
      out.lease_until = until;
      return out;
    }

    // The queue placed the lead by its area; the rules on the lead's own history have the last word.
    const auto lead = queue_store::find_lead(sql, agent.agency_id, best->order.id);
    if (!lead) continue;
    if (lead->person_blocked) {
      queue_store::close(sql, lead->id, "blocked", now_us);
      continue;
    }
    // Areas never change; only a lead placed anew since the queue read it needs its area looked up.
    const auto area = !lead->area_id                                   ? std::nullopt
                      : best->area && best->area->id == *lead->area_id ? best->area
                                                                       : queue_store::find_area(sql, *lead->area_id);
    if (!area) continue;
    const auto recent = recent_attempts(sql, *lead, now);
    const auto decision =
        campaigns::may_call(rules.at(best->campaign->id), now, zone_of(*area), {area->country, area->subdivision},
                            history_of(recent, lead->attempts, now, *area));
    if (!decision.allowed) {
      if (decision.next_possible) {
        queue_store::release(sql, lead->id, to_micros(*decision.next_possible));
      } else {
        queue_store::close(sql, lead->id, "unreachable", now_us);
      }
      continue;
    }
    if (!queue_store::lease(sql, lead->id, me, now_us, until)) continue;
    out.lead_id = lead->id;
    out.campaign_id = best->campaign->id;
    out.lease_until = until;
    return out;
  }
  out.empty_reason = "nothing_due";
  return out;
}

Result<void> DispatchService::release(const Principal& agent, std::int64_t lead_id) {
  TT_TRY(person, person_of(agent));
  const std::int64_t now_us = to_micros(clock_.now());
  auto done = database_.transaction("dispatch.release", [&](soci::session& sql) -> Result<void> {
    const auto lead = queue_store::find_lead(sql, agent.agency_id, lead_id);
    if (!lead) return fail(ErrorCode::not_found, "no such lead");
    if (lead->leased_by != agent.user_id || !lead->lease_until || *lead->lease_until <= now_us) {
      return fail(ErrorCode::conflict, "you do not hold this lead");
    }
    queue_store::release(sql, lead->id, lead->state == "callback_due" ? lead->next_call_at : now_us);
    callback_store::release_held_by(sql, *agent.user_id, now_us);
    presence_store::upsert(sql, agent.agency_id, *agent.user_id, lead->campaign_id, "ready", std::nullopt, now_us);
    return {};
  });
  if (done) publish(agent.agency_id, "agent", *agent.user_id);
  return done;
}

Result<Recorded> DispatchService::record_outcome(const Principal& agent, std::int64_t lead_id,
                                                 const OutcomeInput& input) {
  TT_TRY(person, person_of(agent));
  const std::int64_t me = *agent.user_id;
  const TimePoint now = clock_.now();
  const std::int64_t now_us = to_micros(now);
  TT_TRY(kind, check_outcome_input(input, now));

  auto recorded = database_.transaction("dispatch.outcome", [&](soci::session& sql) -> Result<Recorded> {
    const auto lead = queue_store::find_lead(sql, agent.agency_id, lead_id);
    if (!lead) return fail(ErrorCode::not_found, "no such lead");
    const auto campaigns = queue_store::campaigns_of_agent(sql, agent.agency_id, me);
    const auto* campaign = campaign_of(campaigns, lead->campaign_id);
    if (campaign == nullptr) return fail(ErrorCode::not_found, "no such lead in your active campaigns");
    // A lapsed lease still names its agent until someone else takes the lead: the call that agent made counts.
    if (lead->leased_by != me) {
      const bool held_by_other = lead->leased_by && lead->lease_until && *lead->lease_until > now_us;
      return fail(ErrorCode::conflict,
                  held_by_other ? "another agent holds this lead" : "take the lead with Next before recording a call");
    }
    auto out = record_call(sql, agent.agency_id, me, *lead, *campaign, **kind, input, now, booker_);
    if (out) presence_store::upsert(sql, agent.agency_id, me, lead->campaign_id, "ready", std::nullopt, now_us);
    return out;
  });
  if (recorded) publish(agent.agency_id, "attempt", me);
  return recorded;
}

Result<void> DispatchService::heartbeat(const Principal& agent, const std::string& state) {
  TT_TRY(person, person_of(agent));
  if (std::find(std::begin(presence_store::kPresenceStates), std::end(presence_store::kPresenceStates), state) ==
      std::end(presence_store::kPresenceStates)) {
    return fail(ErrorCode::invalid, "must be ready, on_call, wrap_up or paused", "state");
  }
  const TimePoint now = clock_.now();
  const std::int64_t now_us = to_micros(now);
  database_.transaction("dispatch.heartbeat", [&](soci::session& sql) {
    const auto held = queue_store::leased_to(sql, agent.agency_id, *agent.user_id, now_us);
    std::optional<std::int64_t> campaign;
    if (held) {
      queue_store::extend_lease(sql, *agent.user_id, now_us, to_micros(now + kLeaseFor));
      if (const auto lead = queue_store::find_lead(sql, agent.agency_id, *held)) campaign = lead->campaign_id;
    } else if (queue_store::campaigns_of_agent(sql, agent.agency_id, *agent.user_id).empty()) {
      // Someone who only looks at the workspace (an admin, a specialist) is not an agent at work.
      presence_store::remove(sql, *agent.user_id);
      return;
    }
    presence_store::upsert(sql, agent.agency_id, *agent.user_id, campaign, state, held, now_us);
  });
  publish(agent.agency_id, "agent", *agent.user_id);
  return {};
}

Result<void> DispatchService::sign_off(const Principal& agent) {
  TT_TRY(person, person_of(agent));
  const std::int64_t now_us = to_micros(clock_.now());
  database_.transaction("dispatch.sign_off", [&](soci::session& sql) {
    if (const auto held = queue_store::leased_to(sql, agent.agency_id, *agent.user_id, now_us)) {
      queue_store::release(sql, *held, now_us);
    }
    callback_store::release_held_by(sql, *agent.user_id, now_us);
    presence_store::remove(sql, *agent.user_id);
  });
  publish(agent.agency_id, "agent", *agent.user_id);
  return {};
}

Result<nlohmann::json> DispatchService::card(const Principal& viewer, std::int64_t lead_id) {
  auto lease = database_.session();
  return lead_card(*lease, viewer, lead_id, clock_.now());
}

Result<std::vector<supervision_store::CallbackLine>> DispatchService::upcoming_callbacks(const Principal& agent,
                                                                                       std::chrono::minutes ahead) {
  TT_TRY(person, person_of(agent));
  auto lease = database_.session();
  return supervision_store::callbacks_of_before(*lease, agent.agency_id, *agent.user_id,
                                                to_micros(clock_.now() + ahead), kMaxReminders);
}

std::size_t DispatchService::sweep_missed_callbacks() {
  const std::int64_t now_us = to_micros(clock_.now());
  const auto missed = database_.transaction(
      "dispatch.sweep", [&](soci::session& sql) { return callback_store::mark_missed(sql, now_us); });
  for (const auto& callback : missed) publish(callback.agency_id, "callback_missed", callback.owner_id.value_or(0));
  return missed.size();
}

void DispatchService::publish(std::int64_t agency_id, std::string_view name, std::int64_t user_id) {
  events_.publish("agency:" + std::to_string(agency_id), "calling", {{"change", name}, {"user_id", user_id}});
}

}  // namespace termintreu::calling
