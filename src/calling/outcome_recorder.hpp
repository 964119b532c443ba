#pragma once
// Recording a call on a lead, the same for an agent working the queue and for second level resolving an
// escalation: the attempt into the campaign's chain, callbacks kept and promised, the lead's next call (or its end),
// an objection onto the block list. Runs inside the caller's transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "calling/appointment_booking.hpp"
#include "calling/outcome.hpp"
#include "calling/queue_store.hpp"
#include "campaigns/calling_rules.hpp"
#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::calling {

struct CallbackRequest {
  platform::TimePoint at;
  std::string kind = "personal";  // personal | general
};

struct OutcomeInput {
  std::string outcome;
  std::string note;
  std::string reason;                             // not_interested: why
  std::optional<CallbackRequest> callback;        // callback: when and which kind
  std::string phone;                              // the dialled number (E.164); one of the person's
  std::optional<platform::TimePoint> started_at;  // when dialling began; default: when the lead was leased
  int talk_seconds = 0;
  std::string email;  // info_mail: the address the person gave in the call; empty: the stored one
  // appointment: the booking for a rep, made with the call; absent when the appointment was set outside Termintreu
  std::optional<AppointmentRequest> appointment;
};

struct Recorded {
  std::int64_t attempt_id = 0;
  std::int64_t seq = 0;
  std::string lead_state;
  std::optional<std::int64_t> next_call_at;
  std::optional<std::int64_t> callback_id;
  std::optional<std::int64_t> mail_id;  // info_mail: the queued mail
  std::optional<std::int64_t> appointment_id;
};

// Checks what needs no database: a known outcome, lengths, a reason or callback where the outcome needs one, times.
platform::Result<const OutcomeKind*> check_outcome_input(const OutcomeInput& input, platform::TimePoint now);

// Records the call by user `me` on `lead` of `campaign`. Refuses a number that is not the person's and a callback
// outside the calling windows in the person's local time. info_mail queues the campaign's mail in the same
// transaction, and so does an appointment through `booker` (null where no booking can be made: then a request with
// an appointment is refused).
platform::Result<Recorded> record_call(soci::session& sql, std::int64_t agency_id, std::int64_t me,
                                       const queue_store::LeadRow& lead, const queue_store::WorkCampaign& campaign,
                                       const OutcomeKind& outcome, const OutcomeInput& input, platform::TimePoint now,
                                       const AppointmentBooker* booker);

// The campaign's stored calling rules (the legal defaults when none were set).
campaigns::CallingRules rules_of(const queue_store::WorkCampaign& campaign);
// Start times of the lead's attempts recent enough for the daily and weekly caps.
std::vector<platform::TimePoint> recent_attempts(soci::session& sql, const queue_store::LeadRow& lead,
                                                 platform::TimePoint now);

}  // namespace termintreu::calling
