#include "calling/call_ledger.hpp"

#include <nlohmann/json.hpp>

#include "platform/crypto.hpp"

namespace termintreu::calling {
namespace {

nlohmann::json or_null(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string note_sha256(std::string_view note) {
  return platform::crypto::sha256_hex(note);
}

std::string canonical_payload(const CallAttempt& a) {
  const nlohmann::json encoded =
      nlohmann::json::array({std::string(kLedgerVersion), a.campaign_id, a.seq, a.lead_id, a.person_id, a.agent_id,
                             a.phone, a.caller_id, a.outcome, a.reason, a.note_sha256, a.started_at, a.ended_at,
                             a.talk_seconds, or_null(a.callback_at), or_null(a.corrects_seq), a.recorded_at});
  std::string payload = a.prev_hash;
  payload += ' ';
  payload += encoded.dump();
  return payload;
}

std::string attempt_hash(const CallAttempt& attempt) {
  return platform::crypto::sha256_hex(canonical_payload(attempt));
}

void append_ledger_line(std::string& out, const CallAttempt& attempt) {
  out += attempt.hash;
  out += ' ';
  out += canonical_payload(attempt);
  out += '\n';
}

bool LedgerVerifier::add(const CallAttempt& attempt) {
  if (!check_.ok) return false;
  const auto position = check_.checked + 1;
  const auto broken = [&](const char* problem) {
    check_.ok = false;
    check_.broken = LedgerBreak{attempt.seq, position, problem};
    return false;
  };
  if (attempt.prev_hash != check_.head) return broken("prev_hash");
  if (attempt.seq != static_cast<std::int64_t>(position)) return broken("seq");
  if (attempt_hash(attempt) != attempt.hash) return broken("hash");
  check_.head = attempt.hash;
  check_.checked = position;
  return true;
}

LedgerCheck verify_ledger(const std::vector<CallAttempt>& chain) {
  LedgerVerifier verifier;
  for (const auto& attempt : chain) {
    if (!verifier.add(attempt)) break;
  }
  return verifier.result();
}

}  // namespace termintreu::calling
