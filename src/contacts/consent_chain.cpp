#include "contacts/consent_chain.hpp"

#include <nlohmann/json.hpp>

#include "platform/crypto.hpp"
#include "platform/time_text.hpp"

namespace termintreu::contacts {

std::string canonical_encoding(const ConsentRecord& r) {
  const nlohmann::json encoded = nlohmann::json::array(
      {"termintreu-consent-v1", r.agency_id, r.person_id, r.kind, r.given_by, r.beneficiary, r.purpose, r.given_at,
       r.channel, r.evidence, r.recorded_by ? nlohmann::json(*r.recorded_by) : nlohmann::json(nullptr),
       r.recorded_at, r.prev_hash});
  return encoded.dump();
}

std::string consent_hash(const ConsentRecord& record) {
  return platform::crypto::sha256_hex(canonical_encoding(record));
}

ChainCheck verify_chain(const std::vector<ConsentRecord>& records) {
  ChainCheck check;
  check.head = kGenesisHash;
  for (const auto& record : records) {
    if (record.prev_hash != check.head) {
      check.ok = false;
      check.broken_id = record.id;
      check.problem = "prev_hash";
      return check;
    }
    if (consent_hash(record) != record.hash) {
      check.ok = false;
      check.broken_id = record.id;
      check.problem = "hash";
      return check;
    }
    check.head = record.hash;
    ++check.checked;
  }
  return check;
}

nlohmann::json to_json(const ConsentRecord& r) {
  return {{"id", r.id},
          {"person_id", r.person_id},
          {"kind", r.kind},
          {"given_by", r.given_by},
          {"beneficiary", r.beneficiary},
          {"purpose", r.purpose},
          {"given_at", platform::iso8601_or_null(r.given_at)},
          {"channel", r.channel},
          {"evidence", r.evidence},
          {"recorded_by", r.recorded_by ? nlohmann::json(*r.recorded_by) : nlohmann::json(nullptr)},
          {"recorded_at", platform::iso8601_or_null(r.recorded_at)},
          {"prev_hash", r.prev_hash},
          {"hash", r.hash}};
}

}  // namespace termintreu::contacts
