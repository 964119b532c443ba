#pragma once
// What an agent can record after a call, and what each outcome does to the lead: the state it leaves, the retry
// delay of the campaign's calling rules that applies, and what else it needs (a reason, a callback time).
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace termintreu::calling {

enum class LeadEffect {
  retry,          // stays in the queue; next call after the retry delay (and the calling rules)
  callback,       // waits for the callback the outcome creates
  appointment,    // done: an appointment was set
  not_interested, // done: declined, with a reason
  invalid,        // done: wrong person or wrong number
  blocked,        // done for good: the person objected; the block list takes their number and name
};

struct OutcomeKind {
  std::string_view name;
  LeadEffect effect;
  std::string_view retry_delay;  // the calling-rules delay key for retry outcomes; empty otherwise
  bool reached;                  // the decision maker was on the line
  bool needs_reason;
  bool needs_callback;
};

// no_answer, busy, voicemail, gatekeeper, decision_maker (reached, no result yet), wrong_person, wrong_number,
// appointment, callback, info_mail, not_interested, objection.
std::span<const OutcomeKind> outcome_kinds();
const OutcomeKind* find_outcome(std::string_view name);

// The lead state an effect leaves ("in_progress", "callback_due", "appointment", …; see contacts::kLeadStates).
std::string_view lead_state_after(LeadEffect effect);

}  // namespace termintreu::calling
