#include "calling/attempt_correction.hpp"

#include <fmt/format.h>

#include "calling/attempt_store.hpp"
#include "calling/outcome.hpp"
#include "identity/audit_log.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::fail;

platform::Result<CallAttempt> correct_attempt(soci::session& sql, const identity::Principal& supervisor,
                                              std::int64_t attempt_id, const CorrectionInput& input,
                                              const identity::RequestMeta& meta, std::int64_t now) {
  const auto original = attempt_store::find(sql, supervisor.agency_id, attempt_id);
  if (!original) return fail(ErrorCode::not_found, "no such call attempt");
  const OutcomeKind* kind = find_outcome(input.outcome);
  if (kind == nullptr) return fail(ErrorCode::invalid, "is not a known outcome", "outcome");
  if (kind->needs_callback || kind->effect == LeadEffect::blocked || kind->name == "info_mail") {
    return fail(ErrorCode::invalid, "cannot be set by a correction: record it as a call", "outcome");
  }
  if (input.outcome == original->outcome && input.reason == original->reason) {
    return fail(ErrorCode::invalid, "is what the entry already says", "outcome");
  }
  if (kind->needs_reason && input.reason.empty()) return fail(ErrorCode::invalid, "is required", "reason");
  if (input.note.empty()) return fail(ErrorCode::invalid, "is required: say why the entry is corrected", "note");
  // Under the chain's lock, so that two supervisors correcting the same entry at once cannot both pass.
  attempt_store::hold_chain(sql, supervisor.agency_id, original->campaign_id);
  if (const auto by = attempt_store::corrected_by(sql, supervisor.agency_id, original->campaign_id, original->seq)) {
    return fail(ErrorCode::conflict, fmt::format("is already corrected by entry {}: correct that entry", *by), "id");
  }

  CallAttempt correction = *original;
  correction.id = 0;
  correction.agent_id = *supervisor.user_id;
  correction.outcome = input.outcome;
  correction.reason = kind->needs_reason ? input.reason : std::string();
  correction.note = input.note;
  correction.callback_at.reset();
  correction.corrects_seq = original->seq;
  correction.recorded_at = now;
  attempt_store::append(sql, correction);
  identity::audit_log::append(sql, identity::audit_entry(supervisor, meta, now, "call_attempt.corrected",
                                                         "call_attempt", attempt_id,
                                                         {{"from", original->outcome},
                                                          {"to", correction.outcome},
                                                          {"correction_seq", correction.seq}}));
  return correction;
}

}  // namespace termintreu::calling
