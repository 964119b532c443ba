#include "contacts/consent_service.hpp"

#include <nlohmann/json.hpp>

#include "contacts/consent_store.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/contact_store.hpp"

namespace termintreu::contacts {

using identity::Principal;
using identity::RequestMeta;
using platform::ErrorCode;
using platform::fail;
using platform::Result;

ConsentService::ConsentService(platform::db::Database& database, const platform::Clock& clock)
    : database_(database), clock_(clock) {}

Result<ConsentRecord> ConsentService::record(const Principal& actor, std::int64_t person_id,
                                             const ConsentInput& input, const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  if (input.given_at > now) return fail(ErrorCode::invalid, "must not lie in the future", "given_at");
  return database_.transaction("consent.record", [&](soci::session& sql) -> Result<ConsentRecord> {
    TT_TRY(person, visible_person(sql, actor, person_id));
    if (person->erased_at) return fail(ErrorCode::conflict, "the contact was erased", "id");
    consent_store::lock_chain(sql, actor.agency_id);
    ConsentRecord record;
    record.agency_id = actor.agency_id;
    record.person_id = person_id;
    record.kind = input.kind;
    record.given_by = input.given_by;
    record.beneficiary = input.beneficiary;
    record.purpose = input.purpose;
    record.given_at = input.given_at;
    record.channel = input.channel;
    record.evidence = input.evidence;
    record.recorded_by = actor.user_id;
    record.recorded_at = now;
    record.prev_hash = consent_store::head(sql, actor.agency_id);
    record.hash = consent_hash(record);
    record.id = consent_store::insert(sql, record);
    const std::string before = person->legal_basis;
    if (record.kind == "consent" && person->legal_basis == "none") person->legal_basis = "consent";
    if (record.kind == "withdrawal" && person->legal_basis == "consent") person->legal_basis = "none";
    if (person->legal_basis != before) contact_store::update_person(sql, *person, now);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "consent.recorded", "person", person_id,
                                                           {{"consent_record_id", record.id},
                                                            {"kind", record.kind},
                                                            {"hash", record.hash},
                                                            {"legal_basis", person->legal_basis}}));
    return record;
  });
}

ChainCheck ConsentService::verify(const Principal& actor) {
  auto lease = database_.session();
  return verify_chain(consent_store::of_agency(*lease, actor.agency_id));
}

std::vector<ConsentRecord> ConsentService::chain(const Principal& actor) {
  auto lease = database_.session();
  return consent_store::of_agency(*lease, actor.agency_id);
}

}  // namespace termintreu::contacts
