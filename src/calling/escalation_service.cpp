#include "calling/escalation_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "calling/escalation_store.hpp"
#include "calling/queue_store.hpp"
#include "platform/http/events.hpp"

namespace termintreu::calling {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::to_micros;

namespace {

constexpr std::size_t kMaxQuestion = 2000;

bool supervises(const Principal& p) { return identity::role_has(p.role, Permission::supervision_view); }

}  // namespace

EscalationService::EscalationService(platform::db::Database& database, const platform::Clock& clock,
                                     platform::http::EventHub& events)
    : database_(database), clock_(clock), events_(events) {}

Result<Escalation> EscalationService::raise(const Principal& agent, std::int64_t lead_id,
                                            const EscalationRequest& request) {
  if (!agent.user_id || agent.token_id) return fail(ErrorCode::forbidden, "only a signed-in person escalates");
  if (request.question.empty()) return fail(ErrorCode::invalid, "is required", "question");
  if (request.question.size() > kMaxQuestion) return fail(ErrorCode::invalid, "may hold at most 2000 bytes", "question");
  if (std::find(std::begin(kUrgencies), std::end(kUrgencies), request.urgency) == std::end(kUrgencies)) {
    return fail(ErrorCode::invalid, "must be normal, high or critical", "urgency");
  }
  const auto now = clock_.now();
  const std::int64_t now_us = to_micros(now);
  if (request.promised_at <= now) return fail(ErrorCode::invalid, "must be in the future", "promised_at");
  auto raised = database_.transaction("escalation.raise", [&](soci::session& sql) -> Result<Escalation> {
    const auto lead = queue_store::find_lead(sql, agent.agency_id, lead_id);
    if (!lead) return fail(ErrorCode::not_found, "no such lead");
    if (lead->leased_by != agent.user_id) {
      return fail(ErrorCode::conflict, "escalate from the call: take the lead with Next first");
    }
    const auto campaign = queue_store::campaign_of_agency(sql, agent.agency_id, lead->campaign_id);
    if (!campaign) return fail(ErrorCode::not_found, "no such lead");
    if (!lead->area_id) queue_store::place_leads(sql, lead->campaign_id);
    const auto placed = queue_store::find_lead(sql, agent.agency_id, lead_id);
    const auto area = placed && placed->area_id ? queue_store::find_area(sql, *placed->area_id) : std::nullopt;
    if (!area) throw std::runtime_error("a lead without a calling area after placing it");
    if (!area_open(rules_of(*campaign), request.promised_at, *area)) {
      return fail(ErrorCode::invalid, "lies outside the campaign's calling times in the person's local time",
                  "promised_at");
    }
    Escalation e;
    e.agency_id = agent.agency_id;
    e.campaign_id = lead->campaign_id;
    e.lead_id = lead->id;
    e.raised_by = *agent.user_id;
    e.question = request.question;
    e.urgency = request.urgency;
    e.promised_at = to_micros(request.promised_at);
    e.created_at = now_us;
    const auto id = escalation_store::insert(sql, e);
    return *escalation_store::find(sql, agent.agency_id, id);
  });
  if (raised) events_.publish("agency:" + std::to_string(agent.agency_id), "calling", {{"change", "escalation"}});
  return raised;
}

std::vector<Escalation> EscalationService::open(const Principal& viewer) {
  auto lease = database_.session();
  if (supervises(viewer)) return escalation_store::open(*lease, viewer.agency_id, std::nullopt);
  if (!viewer.user_id) return {};
  return escalation_store::open(*lease, viewer.agency_id, *viewer.user_id);
}

Result<Resolved> EscalationService::resolve(const Principal& specialist, std::int64_t escalation_id,
                                            const OutcomeInput& call) {
  if (!specialist.user_id || specialist.token_id) return fail(ErrorCode::forbidden, "only a signed-in person calls");
  const std::int64_t me = *specialist.user_id;
  const auto now = clock_.now();
  TT_TRY(kind, check_outcome_input(call, now));
  auto resolved = database_.transaction("escalation.resolve", [&](soci::session& sql) -> Result<Resolved> {
    const auto escalation = escalation_store::find(sql, specialist.agency_id, escalation_id);
    if (!escalation) return fail(ErrorCode::not_found, "no such escalation");
    if (!supervises(specialist) && !escalation_store::is_specialist(sql, escalation->campaign_id, me)) {
      return fail(ErrorCode::not_found, "no such escalation");
    }
    if (escalation->state != "open") return fail(ErrorCode::conflict, "the escalation was resolved already");
    const auto lead = queue_store::find_lead(sql, specialist.agency_id, escalation->lead_id);
    const auto campaign = queue_store::campaign_of_agency(sql, specialist.agency_id, escalation->campaign_id);
    if (!lead || !campaign) return fail(ErrorCode::not_found, "no such escalation");
    if (lead->leased_by && *lead->leased_by != me && lead->lease_until && *lead->lease_until > to_micros(now)) {
      return fail(ErrorCode::conflict, "an agent is on a call with this person right now");
    }
    TT_TRY(recorded, record_call(sql, specialist.agency_id, me, *lead, *campaign, **kind, call, now, nullptr));
    escalation_store::resolve(sql, escalation_id, recorded->attempt_id, me, to_micros(now));
    return Resolved{*recorded, *escalation_store::find(sql, specialist.agency_id, escalation_id)};
  });
  if (resolved) {
    events_.publish("agency:" + std::to_string(specialist.agency_id), "calling", {{"change", "escalation"}});
  }
  return resolved;
}

}  // namespace termintreu::calling
