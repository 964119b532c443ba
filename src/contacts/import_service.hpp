#pragma once
// Imports as a job of the project manager: a file is uploaded (or named at the command line), previewed with a
// suggested mapping, then run – in the background for the API, in the foreground for the CLI – in one transaction
// that also records its outcome. Progress is kept in memory while a job runs and announced live on the agency's
// topic; the rejected rows are kept for the downloadable report.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "contacts/csv_reader.hpp"
#include "contacts/import.hpp"
#include "contacts/import_pipeline.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/http/events.hpp"

namespace termintreu::contacts {

struct ImportPreview {
  std::string encoding;
  char delimiter = ';';
  std::vector<std::string> headers;
  std::vector<ContactField> mapping;  // the client's saved choices where a header matches, else suggested
  std::vector<std::vector<std::string>> rows;  // the first data rows
  std::optional<platform::Error> error;        // a file that cannot be read past the first rows: which line
};

struct RunChoices {
  std::vector<ContactField> mapping;  // empty: the preview's
  DuplicatePolicy duplicates = DuplicatePolicy::skip;
  std::optional<std::int64_t> campaign_id;
  std::string encoding;            // empty: detect
  std::optional<char> delimiter;   // empty: detect
};

class ImportService {
 public:
  // Uploaded files live in `upload_directory` as <import id>.csv.
  ImportService(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events,
                std::filesystem::path upload_directory);
  ~ImportService();  // waits for running jobs
  ImportService(const ImportService&) = delete;
  ImportService& operator=(const ImportService&) = delete;

  // Jobs left running by a process that stopped: failed (their transaction never committed).
  void fail_interrupted();

  // Takes the file at `source` (moved when `move`, else copied) as a new job for the client.
  platform::Result<ImportJob> create(const identity::Principal& actor, std::int64_t client_id,
                                     const std::string& file_name, const std::filesystem::path& source, bool move,
                                     const identity::RequestMeta& meta);
  // The same for a body that arrived in memory (small uploads).
  platform::Result<ImportJob> create_from_bytes(const identity::Principal& actor, std::int64_t client_id,
                                                const std::string& file_name, const std::string& bytes,
                                                const identity::RequestMeta& meta);
  platform::Result<ImportPreview> preview(const identity::Principal& actor, std::int64_t id,
                                          const std::string& encoding, std::optional<char> delimiter);
  // Runs the job here and now; `on_progress` as in ImportRun. The summary carries every reject.
  platform::Result<ImportSummary> run(const identity::Principal& actor, std::int64_t id, const RunChoices& choices,
                                      const identity::RequestMeta& meta,
                                      std::function<void(const ImportProgress&)> on_progress = {});
  // Marks the job running and runs it on a thread of its own; the job as it starts.
  platform::Result<ImportJob> start(const identity::Principal& actor, std::int64_t id, const RunChoices& choices,
                                    const identity::RequestMeta& meta);

  // With live progress while it runs.
  platform::Result<ImportJob> get(const identity::Principal& actor, std::int64_t id);
  platform::Result<std::vector<ImportJob>> list(const identity::Principal& actor, std::int64_t client_id);
  // The report: line, reason, field, message and the raw row, formula-neutralised.
  platform::Result<std::string> rejects_csv(const identity::Principal& actor, std::int64_t id);

  std::filesystem::path file_of(std::int64_t id) const;

 private:
  struct Prepared {
    ImportJob job;
    ImportRun run;
  };
  platform::Result<ImportJob> visible(soci::session& sql, const identity::Principal& actor, std::int64_t id);
  platform::Result<Prepared> prepare(const identity::Principal& actor, std::int64_t id, const RunChoices& choices);
  platform::Result<ImportSummary> execute(const identity::Principal& actor, Prepared prepared,
                                          const identity::RequestMeta& meta,
                                          std::function<void(const ImportProgress&)> on_progress);
  std::vector<ContactField> preferred_mapping(soci::session& sql, std::int64_t client_id,
                                              const std::vector<std::string>& headers);
  void announce(const ImportJob& job);

  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
  std::filesystem::path upload_directory_;

  std::mutex mutex_;
  std::map<std::int64_t, ImportProgress> progress_;  // of running jobs
  std::vector<std::thread> running_;
};

}  // namespace termintreu::contacts
