#pragma once
// The call log's hash chain, one per campaign (docs/call-ledger.md says the same for auditors).
//
// Each entry is written out as one line `<hash> <payload>`, where
//   payload = <prev_hash> <canonical JSON>
//   canonical JSON (version 1) = ["termintreu-call-v1", campaign_id, seq, lead_id, person_id, agent_id, phone,
//       caller_id, outcome, reason, note_sha256, started_at, ended_at, talk_seconds, callback_at, corrects_seq,
//       recorded_at]
//   hash = lower-case hex SHA-256 of payload
// serialised compactly by nlohmann::json (no spaces between elements, strings UTF-8 with JSON escapes, so a payload
// never holds a line break; integers in decimal; times as integer microseconds since the Unix epoch UTC;
// callback_at and corrects_seq null when absent). The first entry's prev_hash is 64 zeros. Because the hashed text
// is exactly the rest of the line, `printf '%s' "$payload" | sha256sum` checks an entry without any JSON tooling.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calling/call_attempt.hpp"

namespace termintreu::calling {

constexpr std::string_view kLedgerVersion = "termintreu-call-v1";
inline const std::string kGenesisHash(64, '0');

std::string note_sha256(std::string_view note);
// `<prev_hash> <canonical JSON>`: the text the hash is taken over.
std::string canonical_payload(const CallAttempt& attempt);
// The hash `attempt` must carry given its fields and prev_hash.
std::string attempt_hash(const CallAttempt& attempt);
// Appends the download line `<hash> <payload>\n` of the stored entry (its stored hash, not a recomputed one).
void append_ledger_line(std::string& out, const CallAttempt& attempt);

struct LedgerBreak {
  std::int64_t seq = 0;      // the entry's seq as stored
  std::size_t position = 0;  // 1-based place in the chain as read (the line number of a download)
  std::string problem;       // "prev_hash": an entry before it was removed, inserted or moved;
                             // "seq": not the previous seq + 1; "hash": its content no longer matches its hash
};

struct LedgerCheck {
  bool ok = true;
  std::size_t checked = 0;          // entries found intact before the break (all when ok)
  std::string head = kGenesisHash;  // the hash of the last intact entry
  std::optional<LedgerBreak> broken;
};

// Checks a chain fed entry by entry in seq order, so that a long chain can be read page by page.
class LedgerVerifier {
 public:
  // False once the chain is broken; later entries are then ignored.
  bool add(const CallAttempt& attempt);
  const LedgerCheck& result() const { return check_; }

 private:
  LedgerCheck check_;
};

LedgerCheck verify_ledger(const std::vector<CallAttempt>& chain);

}  // namespace termintreu::calling
