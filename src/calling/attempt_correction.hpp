#pragma once
// Correcting the call log: an attempt is never changed; a supervisor appends a correction, a new entry of the same
// call (number, caller ID, times, talk time) with the right outcome and the reason for the change, pointing at the
// corrected entry (corrects_seq). The lead is left as it is: what follows from the right outcome (a new call, an
// assignment) the supervisor arranges through the queue. Outcomes with consequences a correction cannot carry — a
// callback promised, an objection onto the block list, an info mail — are recorded as calls, not as corrections.
// An entry is corrected once: a second change corrects the correction, so that each entry has at most one later
// entry that replaces it, and the latest of a line of corrections is what holds.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "calling/call_attempt.hpp"
#include "identity/actor.hpp"
#include "platform/error.hpp"

namespace termintreu::calling {

struct CorrectionInput {
  std::string outcome;
  std::string reason;  // not_interested: why the person declined
  std::string note;    // why the entry is corrected; required
};

// Appends the correction of `attempt_id` (of the supervisor's agency) and an audit entry; returns the new entry.
// conflict (field "id") when the entry already has a correction.
platform::Result<CallAttempt> correct_attempt(soci::session& sql, const identity::Principal& supervisor,
                                              std::int64_t attempt_id, const CorrectionInput& input,
                                              const identity::RequestMeta& meta, std::int64_t now);

}  // namespace termintreu::calling
