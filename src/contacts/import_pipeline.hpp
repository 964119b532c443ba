#pragma once
// Importing a contact file: reader (decode + CSV + rules) → normaliser threads (libphonenumber) → one writer in
// one transaction, with bounded queues between them so memory stays flat however long the file. All or nothing:
// an error anywhere (an unreadable file, a database failure) rolls everything back.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "contacts/csv_reader.hpp"
#include "contacts/import.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

struct ImportProgress {
  std::size_t rows_done = 0;
  std::uint64_t bytes_read = 0;  // of the UTF-8 text, roughly: for an estimate of the rows to come
};

struct ImportRun {
  std::filesystem::path file;
  CsvFileOptions file_options;  // encoding and delimiter corrections from the preview
  ImportChoices choices;        // an empty mapping means the suggested one
  ImportTarget target;
  std::int64_t now = 0;
  unsigned normalisers = 0;  // threads parsing phone numbers; 0: one per core
  std::function<void(const ImportProgress&)> on_progress;  // called by the writer thread after each batch
  // Called inside the import's transaction once every row is written: the job's own bookkeeping commits with it.
  std::function<void(soci::session&, const ImportSummary&)> before_commit;
};

// Runs the import in one transaction of `db`. Refuses a mapping whose length differs from the header's. The
// summary lists every row not imported as a new person, with its line.
platform::Result<ImportSummary> run_import(platform::db::Database& db, const ImportRun& run);

}  // namespace termintreu::contacts
