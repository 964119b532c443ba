#include "calling/outcome_recorder.hpp"

#include <algorithm>

#include "calling/attempt_store.hpp"
#include "calling/callback_store.hpp"
#include "calling/info_mail.hpp"
#include "campaigns/campaign_store.hpp"
#include "contacts/blocking.hpp"
#include "contacts/contact_store.hpp"
#include "platform/mail/outbox_store.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::fail;
using platform::from_micros;
using platform::Result;
using platform::TimePoint;
using platform::to_micros;

namespace {

constexpr std::size_t kMaxNote = 4000;
constexpr std::size_t kMaxReason = 500;
constexpr int kMaxTalkSeconds = 4 * 60 * 60;
// Weekly caps look back 7 days; a day more covers the called person's local calendar day.
constexpr auto kHistoryWindow = std::chrono::days{8};

}  // namespace

campaigns::CallingRules rules_of(const queue_store::WorkCampaign& campaign) {
  return campaigns::campaign_store::stored_calling_rules(campaign.calling_rules);
}

std::vector<TimePoint> recent_attempts(soci::session& sql, const queue_store::LeadRow& lead, TimePoint now) {
  std::vector<TimePoint> out;
  if (lead.attempts == 0) return out;  // never called: nothing to look up
  for (const auto at : queue_store::attempt_times(sql, lead.id, to_micros(now - kHistoryWindow))) {
    out.push_back(from_micros(at));
  }
  return out;
}

Result<const OutcomeKind*> check_outcome_input(const OutcomeInput& input, TimePoint now) {
  const OutcomeKind* kind = find_outcome(input.outcome);
  if (kind == nullptr) return fail(ErrorCode::invalid, "is not a known outcome", "outcome");
  if (input.note.size() > kMaxNote) return fail(ErrorCode::invalid, "may hold at most 4000 bytes", "note");
  if (input.reason.size() > kMaxReason) return fail(ErrorCode::invalid, "may hold at most 500 bytes", "reason");
  if (kind->needs_reason && input.reason.empty()) return fail(ErrorCode::invalid, "is required", "reason");
  if (input.talk_seconds < 0 || input.talk_seconds > kMaxTalkSeconds) {
    return fail(ErrorCode::invalid, "must be between 0 and 14400", "talk_seconds");
  }
  if (kind->needs_callback && !input.callback) return fail(ErrorCode::invalid, "is required", "callback");
  if (!kind->needs_callback && input.callback) {
    return fail(ErrorCode::invalid, "only goes with the outcome callback", "callback");
  }
  if (!input.email.empty() && kind->name != "info_mail") {
    return fail(ErrorCode::invalid, "only goes with the outcome info_mail", "email");
  }
  if (input.appointment && kind->effect != LeadEffect::appointment) {
    return fail(ErrorCode::invalid, "only goes with the outcome appointment", "appointment");
  }
  if (input.appointment && input.appointment->starts_at <= now) {
    return fail(ErrorCode::invalid, "must be in the future", "appointment.starts_at");
  }
  if (input.callback && input.callback->at <= now)
    return fail(ErrorCode::invalid, "must be in the future", "callback.at");
  if (input.started_at && *input.started_at > now) {
    return fail(ErrorCode::invalid, "must not be in the future", "started_at");
  }

  return kind;
}

Result<Recorded> record_call(soci::session& sql, std::int64_t agency_id, std::int64_t me,
                             const queue_store::LeadRow& lead_row, const queue_store::WorkCampaign& work_campaign,
                             const OutcomeKind& outcome, const OutcomeInput& input, TimePoint now,
                             const AppointmentBooker* booker) {
  const std::int64_t now_us = to_micros(now);
  const auto* lead = &lead_row;
  const auto* campaign = &work_campaign;
  const auto* kind = &outcome;
  if (!contacts::contact_store::has_phone(sql, agency_id, lead->person_id, input.phone)) {
    return fail(ErrorCode::invalid, "must be one of the person's numbers (E.164)", "phone");
  }

  std::optional<std::int64_t> area_id = lead->area_id;
  if (!area_id) {
    queue_store::place_leads(sql, lead->campaign_id);
    const auto placed = queue_store::find_lead(sql, agency_id, lead->id);
    if (placed) area_id = placed->area_id;
  }
  const auto area = area_id ? queue_store::find_area(sql, *area_id) : std::nullopt;
  if (!area) throw std::runtime_error("a lead without a calling area after placing it");
  const auto rules = rules_of(*campaign);
  if (input.callback && !area_open(rules, input.callback->at, *area)) {
    return fail(ErrorCode::invalid, "lies outside the campaign's calling times in the person's local time",
                "callback.at");
  }

  // The person's details only matter to an info mail and to a block.
  std::optional<contacts::Person> person;
  if (kind->name == "info_mail" || kind->effect == LeadEffect::blocked) {
    person = contacts::contact_store::find_person(sql, agency_id, lead->person_id);
    if (!person) return fail(ErrorCode::not_found, "no such lead");
  }
  std::optional<platform::mail::outbox_store::OutboxMail> mail;
  if (kind->name == "info_mail") {
    const auto full_campaign = campaigns::campaign_store::find(sql, agency_id, lead->campaign_id);
    if (!full_campaign) return fail(ErrorCode::not_found, "no such lead");
    TT_TRY(composed, compose_info_mail(sql, agency_id, lead->id, *person, *full_campaign, me, input.email, now_us));
    mail = std::move(*composed);
  }

  CallAttempt attempt;
  attempt.agency_id = agency_id;
  attempt.campaign_id = lead->campaign_id;
  attempt.lead_id = lead->id;
  attempt.person_id = lead->person_id;
  attempt.agent_id = me;
  attempt.phone = input.phone;
  attempt.caller_id = campaign->caller_id;
  attempt.outcome = std::string(kind->name);
  attempt.reason = input.reason;
  attempt.note = input.note;
  attempt.started_at =
      input.started_at ? to_micros(*input.started_at) : now_us - std::int64_t{input.talk_seconds} * 1'000'000;
  attempt.ended_at = now_us;
  attempt.talk_seconds = input.talk_seconds;
  if (input.callback) attempt.callback_at = to_micros(input.callback->at);
  attempt.recorded_at = now_us;
  const std::int64_t attempt_id = attempt_store::append(sql, attempt);

  Recorded out;
  out.attempt_id = attempt_id;
  out.seq = attempt.seq;
  callback_store::keep(sql, lead->id, me, attempt_id, now_us);
  if (mail) {
    mail->attempt_id = attempt_id;
    out.mail_id = platform::mail::outbox_store::enqueue(sql, *mail);
  }
  if (input.appointment) {
    if (booker == nullptr)
      return fail(ErrorCode::invalid, "cannot be booked here: book from the workspace", "appointment");
    const BookingContext context{agency_id, lead->campaign_id, lead->id, lead->person_id, me, attempt_id, now};
    TT_TRY(booked, booker->book(sql, context, *input.appointment));
    out.appointment_id = *booked;
  }

  queue_store::AfterAttempt after;
  after.state = std::string(lead_state_after(kind->effect));
  after.outcome = attempt.outcome;
  after.attempted_at = attempt.started_at;
  after.next_call_at = now_us;
  switch (kind->effect) {
    case LeadEffect::retry: {
      // The attempt just appended is part of the history; for a lead called for the first time it is all of it.
      auto recent = recent_attempts(sql, *lead, now);
      if (lead->attempts == 0 && from_micros(attempt.started_at) >= now - kHistoryWindow) {
        recent.push_back(from_micros(attempt.started_at));
      }
      const auto next = next_call_after(rules, *kind, now, *area, history_of(recent, lead->attempts + 1, now, *area));
      if (next) {
        after.next_call_at = to_micros(*next);
        out.next_call_at = after.next_call_at;
      } else {
        after.state = "unreachable";
      }
      break;
    }
    case LeadEffect::callback: {
      Callback callback;
      callback.agency_id = agency_id;
      callback.campaign_id = lead->campaign_id;
      callback.lead_id = lead->id;
      callback.kind = input.callback->kind;
      callback.owner_id = me;
      if (callback.kind == "personal") callback.assigned_to = me;
      callback.due_at = to_micros(input.callback->at);
      callback.promised_in = attempt_id;
      callback.note = input.note;
      callback.created_at = now_us;
      out.callback_id = callback_store::insert(sql, callback);
      after.next_call_at = callback.due_at;
      break;
    }
    case LeadEffect::blocked: {
      contacts::block_person(sql, agency_id, *person, contacts::contact_store::phones(sql, agency_id, person->id),
                             "objection in a call", me, now_us);
      break;
    }
    case LeadEffect::appointment:
    case LeadEffect::not_interested:
    case LeadEffect::invalid:
      break;
  }
  queue_store::record_attempt(sql, lead->id, after, now_us);
  out.lead_state = after.state;
  return out;
}

}  // namespace termintreu::calling
