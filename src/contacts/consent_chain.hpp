#pragma once
// The consent records' hash chain (UWG §7a: who consented, for whom, for what, when and how; kept five years).
// Records are append-only (database triggers) and chained per agency in id order: each record's hash is SHA-256
// over its canonical encoding, which includes the previous record's hash, so a changed, deleted, inserted or
// reordered record breaks the chain at that point.
//
// Canonical encoding (version 1): the JSON array
//   ["termintreu-consent-v1", agency_id, person_id, kind, given_by, beneficiary, purpose, given_at, channel,
//    evidence, recorded_by, recorded_at, prev_hash]
// serialised compactly by nlohmann::json (no spaces, strings UTF-8 with JSON escapes, integers in decimal, times as
// integer microseconds since the Unix epoch UTC, recorded_by null when no user recorded it). The first record of an
// agency has prev_hash = 64 zeros. Hashes are lower-case hex. docs/consent-chain.md says the same for auditors.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::contacts {

constexpr std::string_view kConsentKinds[] = {"consent", "withdrawal"};
inline const std::string kGenesisHash(64, '0');

struct ConsentRecord {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t person_id = 0;
  std::string kind;         // consent | withdrawal
  std::string given_by;     // who declared it (name, function)
  std::string beneficiary;  // for whom: the client (and agency) allowed to call
  std::string purpose;      // what for
  std::int64_t given_at = 0;
  std::string channel;      // how: phone, e-mail, form, letter, …
  std::string evidence;     // reference to the proof (recording id, document, message id)
  std::optional<std::int64_t> recorded_by;
  std::int64_t recorded_at = 0;
  std::string prev_hash;
  std::string hash;
};

std::string canonical_encoding(const ConsentRecord& record);
// The hash `record` must carry given its fields and prev_hash.
std::string consent_hash(const ConsentRecord& record);

struct ChainCheck {
  bool ok = true;
  std::optional<std::int64_t> broken_id;  // the first record where the chain breaks
  std::string problem;                     // "hash" (its content changed) or "prev_hash" (a record before it
                                           // was removed, inserted or moved)
  std::size_t checked = 0;
  std::string head;  // the last record's hash (kGenesisHash for an empty chain)
};

// Checks one agency's records in id order.
ChainCheck verify_chain(const std::vector<ConsentRecord>& records);

nlohmann::json to_json(const ConsentRecord& record);

}  // namespace termintreu::contacts
