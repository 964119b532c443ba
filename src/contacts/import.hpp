#pragma once
// The model of a contact-list import: what the project manager chose in the preview, and what came of it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/column_mapping.hpp"

namespace termintreu::contacts {

// What happens to a row that names a person already known (in the client's data or earlier in the file).
enum class DuplicatePolicy {
  skip,   // the row is left out and reported
  merge,  // empty fields of the known person are filled, new numbers added, the lead created if missing
};

std::string_view to_string(DuplicatePolicy policy);
std::optional<DuplicatePolicy> duplicate_policy_from_string(std::string_view text);

struct ImportTarget {
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::optional<std::int64_t> campaign_id;  // leads are created for it when given
  std::optional<std::int64_t> import_id;    // the imports row the leads and rejects belong to
  std::string default_region = "DE";        // numbers without a country code are read as this country's
  std::string time_zone;                    // the region's principal time zone, stored with each person
};

struct ImportChoices {
  std::vector<ContactField> mapping;  // one per column of the file
  DuplicatePolicy duplicates = DuplicatePolicy::skip;
};

// A row that was not imported as a new person, with its physical line in the file. `raw` is the row as read
// (fields joined by the file's delimiter); left empty for a blocked row, so that the report keeps nothing of a
// person who objected.
struct ImportReject {
  std::size_t line = 0;
  std::string reason;  // "invalid", "duplicate", "blocked"
  std::string field;   // the field at fault, when there is one
  std::string message; // in words, for the report
  std::string raw;
};

struct ImportSummary {
  std::vector<std::string> headers;
  std::vector<ContactField> mapping;  // the one used (the suggested one when none was given)
  std::string encoding;
  char delimiter = ';';
  std::size_t rows = 0;  // data rows read (the header not counted, blank lines skipped)
  std::size_t imported = 0;
  std::size_t merged = 0;
  std::size_t skipped_duplicates = 0;
  std::size_t skipped_blocked = 0;
  std::size_t rejected = 0;
  std::vector<ImportReject> rejects;  // every row counted in the last three, in file order
};

enum class ImportState { uploaded, running, done, failed };
std::string_view to_string(ImportState state);
std::optional<ImportState> import_state_from_string(std::string_view text);

// A row of the imports table: an uploaded file, the choices it ran with and its outcome.
struct ImportJob {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::optional<std::int64_t> campaign_id;
  std::optional<std::int64_t> created_by;
  std::string file_name;
  std::int64_t file_size = 0;
  std::string encoding;
  std::string delimiter;
  std::string headers = "[]";  // JSON array of the header cells
  std::string mapping = "{}";  // JSON: column index → field id
  DuplicatePolicy duplicates = DuplicatePolicy::skip;
  ImportState state = ImportState::uploaded;
  std::int64_t rows_total = 0;
  std::int64_t rows_done = 0;
  std::int64_t imported = 0;
  std::int64_t merged = 0;
  std::int64_t skipped_duplicates = 0;
  std::int64_t skipped_blocked = 0;
  std::int64_t rejected = 0;
  std::string error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> finished_at;
};

}  // namespace termintreu::contacts
