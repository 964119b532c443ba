#include "contacts/import_service.hpp"

#include <fstream>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "campaigns/campaign_store.hpp"
#include "contacts/column_mapping.hpp"
#include "contacts/import_store.hpp"
#include "identity/audit_log.hpp"
#include "identity/permissions.hpp"
#include "identity/tenant_store.hpp"
#include "identity/topics.hpp"
#include "platform/country.hpp"
#include "platform/crypto.hpp"
#include "platform/csv_writer.hpp"

namespace termintreu::contacts {

namespace {

// PostgreSQL plans from statistics that autovacuum refreshes only minutes after a large load; until then the
// queries on the imported contacts and leads are planned for the tables as they were. A sample takes a moment.
constexpr std::size_t kAnalyzeAfterRows = 1000;
constexpr const char* kAnalyzeImported = "ANALYZE companies, persons, phone_numbers, leads";

using platform::ErrorCode;
using platform::fail;
using platform::Result;

// Rows the preview shows.
constexpr std::size_t kPreviewRows = 10;

std::string mapping_json(const std::vector<ContactField>& mapping) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto field : mapping) out.push_back(std::string(to_string(field)));
  return out.dump();
}

std::string delimiter_text(char delimiter) { return std::string(1, delimiter); }

}  // namespace

ImportService::ImportService(platform::db::Database& database, const platform::Clock& clock,
                             platform::http::EventHub& events, std::filesystem::path upload_directory)
    : database_(database), clock_(clock), events_(events), upload_directory_(std::move(upload_directory)) {}

ImportService::~ImportService() {
  std::vector<std::thread> running;
  {
    std::lock_guard lock(mutex_);
    running.swap(running_);
  }
  for (auto& thread : running) thread.join();
}

std::filesystem::path ImportService::file_of(std::int64_t id) const {
  return upload_directory_ / (std::to_string(id) + ".csv");
}

void ImportService::fail_interrupted() {
  const auto now = platform::to_micros(clock_.now());
  const auto failed = database_.transaction(
      "import.fail_interrupted", [&](soci::session& sql) { return import_store::fail_interrupted(sql, now); });
  if (failed > 0) spdlog::warn("{} import(s) interrupted by the last stop marked failed; nothing of them was kept", failed);
}

Result<ImportJob> ImportService::visible(soci::session& sql, const identity::Principal& actor, std::int64_t id) {
  auto job = import_store::find(sql, actor.agency_id, id);
  if (!job || !identity::can_see_client(actor, job->client_id)) {
    return fail(ErrorCode::not_found, "no such import", "id");
  }
  return std::move(*job);
}

Result<ImportJob> ImportService::create(const identity::Principal& actor, std::int64_t client_id,
                                        const std::string& file_name, const std::filesystem::path& source, bool move,
                                        const identity::RequestMeta& meta) {
  std::error_code error;
  const auto size = std::filesystem::file_size(source, error);
  if (error) return fail(ErrorCode::invalid, "the file cannot be read", "file");
  if (size == 0) return fail(ErrorCode::invalid, "the file is empty", "file");
  const auto now = platform::to_micros(clock_.now());
  std::filesystem::create_directories(upload_directory_);
  return database_.transaction("import.create", [&](soci::session& sql) -> Result<ImportJob> {
    const auto client = identity::tenant_store::find_client(sql, actor.agency_id, client_id);
    if (!client || !identity::can_see_client(actor, client_id)) {
      return fail(ErrorCode::not_found, "no such client", "client_id");
    }
    ImportJob job;
    job.agency_id = actor.agency_id;
    job.client_id = client_id;
    job.created_by = actor.user_id;
    job.file_name = file_name.empty() ? std::string("upload.csv") : file_name;
    job.file_size = static_cast<std::int64_t>(size);
    job.created_at = now;
    job.id = import_store::insert(sql, job);
    // Inside the transaction: when the file cannot be placed, no job is left pointing at nothing.
    if (move) {
      std::filesystem::rename(source, file_of(job.id));
    } else {
      std::filesystem::copy_file(source, file_of(job.id), std::filesystem::copy_options::overwrite_existing);
    }
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "import.uploaded", "import", job.id,
                                                           {{"client_id", client_id},
                                                            {"file_name", job.file_name},
                                                            {"file_size", job.file_size}}));
    return job;
  });
}

Result<ImportJob> ImportService::create_from_bytes(const identity::Principal& actor, std::int64_t client_id,
                                                   const std::string& file_name, const std::string& bytes,
                                                   const identity::RequestMeta& meta) {
  std::filesystem::create_directories(upload_directory_);
  const auto part = upload_directory_ / ("upload-" + platform::crypto::random_token(12) + ".part");
  std::ofstream(part, std::ios::binary) << bytes;
  auto job = create(actor, client_id, file_name, part, true, meta);
  std::error_code ignored;
  std::filesystem::remove(part, ignored);  // left only when create failed
  return job;
}

std::vector<ContactField> ImportService::preferred_mapping(soci::session& sql, std::int64_t client_id,
                                                           const std::vector<std::string>& headers) {
  auto mapping = suggest_mapping(headers);
  const auto saved_text = import_store::saved_mapping(sql, client_id);
  if (!saved_text) return mapping;
  const auto saved = nlohmann::json::parse(*saved_text, nullptr, false);
  if (!saved.is_object()) return mapping;
  std::vector<bool> from_saved(headers.size(), false);
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const auto found = saved.find(normalize_header(headers[i]));
    if (found == saved.end() || !found->is_string()) continue;
    if (auto field = contact_field_from_string(found->get<std::string>())) {
      mapping[i] = *field;
      from_saved[i] = true;
    }
  }
  // A suggestion gives way to a saved choice of the same field.
  for (std::size_t i = 0; i < headers.size(); ++i) {
    if (from_saved[i] || mapping[i] == ContactField::ignore) continue;
    for (std::size_t j = 0; j < headers.size(); ++j) {
      if (from_saved[j] && mapping[j] == mapping[i]) mapping[i] = ContactField::ignore;
    }
  }
  return mapping;
}

Result<ImportPreview> ImportService::preview(const identity::Principal& actor, std::int64_t id,
                                             const std::string& encoding, std::optional<char> delimiter) {
  auto lease = database_.session();
  TT_TRY(job, visible(*lease, actor, id));
  CsvFileOptions options;
  options.encoding = encoding;
  options.delimiter = delimiter;
  TT_TRY(reader, CsvFileReader::open(file_of(job->id), options));
  ImportPreview preview;
  preview.encoding = (*reader)->encoding();
  preview.delimiter = (*reader)->dialect().delimiter;
  CsvRecord record;
  auto has_header = (*reader)->next(record);
  if (!has_header) {
    preview.error = has_header.error();
    return preview;
  }
  if (!*has_header) return fail(ErrorCode::invalid, "the file is empty", "file");
  preview.headers = record.fields;
  preview.mapping = preferred_mapping(*lease, job->client_id, preview.headers);
  while (preview.rows.size() < kPreviewRows) {
    auto more = (*reader)->next(record);
    if (!more) {
      preview.error = more.error();
      break;
    }
    if (!*more) break;
    preview.rows.push_back(record.fields);
  }
  return preview;
}

Result<ImportService::Prepared> ImportService::prepare(const identity::Principal& actor, std::int64_t id,
                                                       const RunChoices& choices) {
  const auto now = platform::to_micros(clock_.now());
  return database_.transaction("import.start", [&](soci::session& sql) -> Result<Prepared> {
    TT_TRY(job, visible(sql, actor, id));
    const auto client = identity::tenant_store::find_client(sql, actor.agency_id, job->client_id);
    if (!client) return fail(ErrorCode::not_found, "no such import", "id");
    std::string country = client->country;
    if (choices.campaign_id) {
      const auto campaign = campaigns::campaign_store::find(sql, actor.agency_id, *choices.campaign_id);
      if (!campaign || campaign->client_id != job->client_id) {
        return fail(ErrorCode::invalid, "no campaign of this client", "campaign_id");
      }
      country = campaign->country;
    }
    Prepared prepared;
    prepared.run.file = file_of(job->id);
    prepared.run.file_options.encoding = choices.encoding;
    prepared.run.file_options.delimiter = choices.delimiter;
    prepared.run.choices.duplicates = choices.duplicates;
    prepared.run.choices.mapping = choices.mapping;
    if (prepared.run.choices.mapping.empty()) {
      TT_TRY(reader, CsvFileReader::open(prepared.run.file, prepared.run.file_options));
      CsvRecord header;
      TT_TRY(has_header, (*reader)->next(header));
      if (!*has_header) return fail(ErrorCode::invalid, "the file is empty", "file");
      prepared.run.choices.mapping = preferred_mapping(sql, job->client_id, header.fields);
    }
    prepared.run.target.agency_id = actor.agency_id;
    prepared.run.target.client_id = job->client_id;
    prepared.run.target.campaign_id = choices.campaign_id;
    prepared.run.target.import_id = job->id;
    prepared.run.target.default_region = country;
    prepared.run.target.time_zone = platform::principal_time_zone(country).value_or("");
    prepared.run.now = now;

    job->campaign_id = choices.campaign_id;
    job->encoding = choices.encoding;
    job->delimiter = choices.delimiter ? delimiter_text(*choices.delimiter) : std::string{};
    job->mapping = mapping_json(prepared.run.choices.mapping);
    job->duplicates = choices.duplicates;
    if (!import_store::start(sql, *job, now)) {
      return fail(ErrorCode::conflict, "the import is running or done already", "id");
    }
    job->state = ImportState::running;
    job->started_at = now;
    prepared.job = std::move(*job);
    return prepared;
  });
}

Result<ImportSummary> ImportService::execute(const identity::Principal& actor, Prepared prepared,
                                             const identity::RequestMeta& meta,
                                             std::function<void(const ImportProgress&)> on_progress) {
  const auto id = prepared.job.id;
  {
    std::lock_guard lock(mutex_);
    progress_[id] = ImportProgress{};
  }
  prepared.run.on_progress = [&, id](const ImportProgress& progress) {
    {
      std::lock_guard lock(mutex_);
      progress_[id] = progress;
    }
    if (on_progress) on_progress(progress);
  };
  prepared.run.before_commit = [&](soci::session& sql, const ImportSummary& summary) {
    const auto now = platform::to_micros(clock_.now());
    import_store::finish(sql, id, summary, now);
    nlohmann::json saved = nlohmann::json::object();
    if (const auto previous = import_store::saved_mapping(sql, prepared.job.client_id)) {
      saved = nlohmann::json::parse(*previous, nullptr, false);
      if (!saved.is_object()) saved = nlohmann::json::object();
    }
    for (std::size_t i = 0; i < summary.headers.size() && i < summary.mapping.size(); ++i) {
      const auto key = normalize_header(summary.headers[i]);
      if (!key.empty()) saved[key] = std::string(to_string(summary.mapping[i]));
    }
    import_store::save_mapping(sql, prepared.job.client_id, saved.dump(), now);
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, now, "import.completed", "import", id,
                                   {{"rows", summary.rows},
                                    {"imported", summary.imported},
                                    {"merged", summary.merged},
                                    {"skipped_duplicates", summary.skipped_duplicates},
                                    {"skipped_blocked", summary.skipped_blocked},
                                    {"rejected", summary.rejected}}));
  };
  Result<ImportSummary> result = [&]() -> Result<ImportSummary> {
    try {
      return run_import(database_, prepared.run);
    } catch (const platform::db::DatabaseUnavailable& e) {
      return fail(ErrorCode::unavailable, e.what());
    } catch (const std::exception& e) {
      spdlog::error("import {} failed: {}", id, e.what());
      return fail(ErrorCode::invalid, std::string("the import failed: ") + e.what());
    }
  }();
  if (!result) {
    const auto message = result.error().field.empty() ? result.error().message
                                                      : result.error().field + ": " + result.error().message;
    database_.transaction("import.fail", [&](soci::session& sql) {
      import_store::fail(sql, id, message, platform::to_micros(clock_.now()));
    });
  }
  {
    std::lock_guard lock(mutex_);
    progress_.erase(id);
  }
  {
    auto lease = database_.session();
    if (result && result->imported + result->merged >= kAnalyzeAfterRows &&
        database_.engine() == platform::db::Engine::postgresql) {
      *lease << kAnalyzeImported;
    }
    if (auto job = import_store::find(*lease, actor.agency_id, id)) announce(*job);
  }
  return result;
}

Result<ImportSummary> ImportService::run(const identity::Principal& actor, std::int64_t id, const RunChoices& choices,
                                         const identity::RequestMeta& meta,
                                         std::function<void(const ImportProgress&)> on_progress) {
  TT_TRY(prepared, prepare(actor, id, choices));
  return execute(actor, std::move(*prepared), meta, std::move(on_progress));
}

Result<ImportJob> ImportService::start(const identity::Principal& actor, std::int64_t id, const RunChoices& choices,
                                       const identity::RequestMeta& meta) {
  TT_TRY(prepared, prepare(actor, id, choices));
  ImportJob job = prepared->job;
  announce(job);
  std::lock_guard lock(mutex_);
  running_.emplace_back([this, actor, meta, prepared = std::move(*prepared)]() mutable {
    auto last_announced = std::chrono::steady_clock::now();
    const auto agency = actor.agency_id;
    const auto id = prepared.job.id;
    execute(actor, std::move(prepared), meta, [&](const ImportProgress& progress) {
      // Live progress a few times a second is plenty for a progress bar.
      const auto now = std::chrono::steady_clock::now();
      if (now - last_announced < std::chrono::milliseconds(250)) return;
      last_announced = now;
      events_.publish(identity::agency_topic(agency), "import.progress",
                      {{"id", id}, {"rows_done", progress.rows_done}});
    });
  });
  return job;
}

Result<ImportJob> ImportService::get(const identity::Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  TT_TRY(job, visible(*lease, actor, id));
  std::lock_guard lock(mutex_);
  if (const auto found = progress_.find(id); found != progress_.end() && job->state == ImportState::running) {
    job->rows_done = static_cast<std::int64_t>(found->second.rows_done);
    // Rows to come, estimated from the share of the file read so far.
    if (found->second.bytes_read > 0) {
      const double share = std::min(1.0, static_cast<double>(found->second.bytes_read) /
                                              static_cast<double>(std::max<std::int64_t>(1, job->file_size)));
      job->rows_total = std::max(job->rows_done, static_cast<std::int64_t>(job->rows_done / std::max(share, 1e-6)));
    }
  }
  return std::move(*job);
}

Result<std::vector<ImportJob>> ImportService::list(const identity::Principal& actor, std::int64_t client_id) {
  auto lease = database_.session();
  const auto client = identity::tenant_store::find_client(*lease, actor.agency_id, client_id);
  if (!client || !identity::can_see_client(actor, client_id)) {
    return fail(ErrorCode::not_found, "no such client", "client_id");
  }
  return import_store::list_for_client(*lease, actor.agency_id, client_id);
}

Result<std::string> ImportService::rejects_csv(const identity::Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  TT_TRY(job, visible(*lease, actor, id));
  std::string out;
  platform::CsvWriter writer(out, platform::CsvWriterOptions{';', true});
  writer.row({"line", "reason", "field", "message", "row"});
  for (const auto& reject : import_store::rejects(*lease, job->id)) {
    const auto line = std::to_string(reject.line);
    writer.row({line, reject.reason, reject.field, reject.message, reject.raw});
  }
  writer.flush();
  return out;
}

void ImportService::announce(const ImportJob& job) {
  events_.publish(identity::agency_topic(job.agency_id), "import.changed",
                  {{"id", job.id}, {"client_id", job.client_id}, {"state", std::string(to_string(job.state))}});
}

}  // namespace termintreu::contacts
