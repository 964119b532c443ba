#pragma once
// One call attempt as the call log (call_attempts) keeps it: append-only and chained per campaign in seq order
// (docs/call-ledger.md). A correction is a new attempt whose corrects_seq names the corrected one.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::calling {

struct CallAttempt {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t seq = 0;  // 1, 2, … within the campaign
  std::int64_t lead_id = 0;
  std::int64_t person_id = 0;
  std::int64_t agent_id = 0;
  std::string phone;      // the number dialled (E.164)
  std::string caller_id;  // the number shown to the person (E.164)
  std::string outcome;
  std::string reason;
  std::string note_sha256;  // SHA-256 (hex) of the note: the chain holds this, not the note
  std::int64_t started_at = 0;
  std::int64_t ended_at = 0;
  std::int64_t talk_seconds = 0;
  std::optional<std::int64_t> callback_at;
  std::optional<std::int64_t> corrects_seq;
  std::int64_t recorded_at = 0;
  std::string prev_hash;
  std::string hash;
  // Kept in call_notes, outside the chain, so that a person's erasure can delete it; empty once erased.
  std::string note;
};

// An attempt as the lead card and the API show it: no hashes, the note included.
nlohmann::json to_json(const CallAttempt& attempt);

}  // namespace termintreu::calling
