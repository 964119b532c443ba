#pragma once
// SQL of the consent records (append-only: the database refuses UPDATE and DELETE).
#include <cstdint>
#include <vector>

#include <soci/soci.h>

#include "contacts/consent_chain.hpp"

namespace termintreu::contacts::consent_store {

// Serialises appends to the agency's chain until the transaction ends. SQLite's BEGIN IMMEDIATE already admits one
// writer; on PostgreSQL two transactions would otherwise both read the same head and fork the chain.
void lock_chain(soci::session& sql, std::int64_t agency_id);
// The hash of the agency's last record, kGenesisHash when it has none.
std::string head(soci::session& sql, std::int64_t agency_id);
std::int64_t insert(soci::session& sql, const ConsentRecord& record);
// In chain (id) order.
std::vector<ConsentRecord> of_agency(soci::session& sql, std::int64_t agency_id);
std::vector<ConsentRecord> of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id);

}  // namespace termintreu::contacts::consent_store
