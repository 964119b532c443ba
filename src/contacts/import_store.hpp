#pragma once
// SQL of import jobs (table imports), their rejected rows (import_rejects) and the mapping each client's files used
// last (client_import_mappings). Every query by id also takes the agency.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "contacts/import.hpp"

namespace termintreu::contacts::import_store {

std::int64_t insert(soci::session& sql, const ImportJob& job);
std::optional<ImportJob> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// The client's imports, newest first.
std::vector<ImportJob> list_for_client(soci::session& sql, std::int64_t agency_id, std::int64_t client_id);

// Marks an uploaded or failed job running with the choices it runs with; false when it is running or done already
// (a second start is refused, not queued).
bool start(soci::session& sql, const ImportJob& choices, std::int64_t now);
void finish(soci::session& sql, std::int64_t id, const ImportSummary& summary, std::int64_t now);
void fail(soci::session& sql, std::int64_t id, const std::string& error, std::int64_t now);
// Jobs left 'running' by a process that ended: their transaction was rolled back, so they failed. Returns how many.
std::int64_t fail_interrupted(soci::session& sql, std::int64_t now);

std::vector<ImportReject> rejects(soci::session& sql, std::int64_t import_id);

// The client's saved mapping (JSON: normalised header → field id), if any.
std::optional<std::string> saved_mapping(soci::session& sql, std::int64_t client_id);
void save_mapping(soci::session& sql, std::int64_t client_id, const std::string& mapping, std::int64_t now);

}  // namespace termintreu::contacts::import_store
