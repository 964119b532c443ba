#include "contacts/import_store.hpp"

#include <stdexcept>

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::contacts::import_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO imports (agency_id, client_id, campaign_id, created_by, file_name, file_size, encoding, delimiter, "
    "headers, mapping, duplicates, state, rows_total, created_at) VALUES (:agency_id, :client_id, :campaign_id, "
    ":created_by, :file_name, :file_size, :encoding, :delimiter, :headers, :mapping, :duplicates, 'uploaded', "
    ":rows_total, :created_at) RETURNING id";
constexpr const char* kSelect =
    "SELECT id, agency_id, client_id, campaign_id, created_by, file_name, file_size, encoding, delimiter, headers, "
    "mapping, duplicates, state, rows_total, rows_done, imported, merged, skipped_duplicates, skipped_blocked, "
    "rejected, error, created_at, started_at, finished_at FROM imports ";
constexpr const char* kById = "WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kByClient = "WHERE client_id = :client_id AND agency_id = :agency_id ORDER BY id DESC";
constexpr const char* kStart =
    "UPDATE imports SET state = 'running', campaign_id = :campaign_id, encoding = :encoding, delimiter = :delimiter, "
    "mapping = :mapping, duplicates = :duplicates, rows_done = 0, error = '', started_at = :now, finished_at = NULL "
    "WHERE id = :id AND agency_id = :agency_id AND state IN ('uploaded', 'failed')";
constexpr const char* kFinish =
    "UPDATE imports SET state = 'done', rows_total = :rows, rows_done = :rows_done, imported = :imported, "
    "merged = :merged, skipped_duplicates = :skipped_duplicates, skipped_blocked = :skipped_blocked, "
    "rejected = :rejected, encoding = :encoding, finished_at = :now WHERE id = :id";
constexpr const char* kFail =
    "UPDATE imports SET state = 'failed', error = :error, finished_at = :now WHERE id = :id";
constexpr const char* kFailInterrupted =
    "UPDATE imports SET state = 'failed', error = 'interrupted: the server stopped during the import; nothing was "
    "imported', finished_at = :now WHERE state = 'running'";
constexpr const char* kRejects =
    "SELECT line, reason, field, message, raw FROM import_rejects WHERE import_id = :import_id ORDER BY line";
constexpr const char* kSavedMapping = "SELECT mapping FROM client_import_mappings WHERE client_id = :client_id";
constexpr const char* kSaveMapping =
    "INSERT INTO client_import_mappings (client_id, mapping, updated_at) VALUES (:client_id, :mapping, :now) "
    "ON CONFLICT (client_id) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at";

struct JobRow {
  long long id = 0, agency_id = 0, client_id = 0, file_size = 0, rows_total = 0, rows_done = 0, imported = 0,
            merged = 0, skipped_duplicates = 0, skipped_blocked = 0, rejected = 0, created_at = 0;
  std::optional<long long> campaign_id, created_by, started_at, finished_at;
  std::string file_name, encoding, delimiter, headers, mapping, duplicates, state, error;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(file_name));
    st.exchange(soci::into(file_size));
    st.exchange(soci::into(encoding));
    st.exchange(soci::into(delimiter));
    st.exchange(soci::into(headers));
    st.exchange(soci::into(mapping));
    st.exchange(soci::into(duplicates));
    st.exchange(soci::into(state));
    st.exchange(soci::into(rows_total));
    st.exchange(soci::into(rows_done));
    st.exchange(soci::into(imported));
    st.exchange(soci::into(merged));
    st.exchange(soci::into(skipped_duplicates));
    st.exchange(soci::into(skipped_blocked));
    st.exchange(soci::into(rejected));
    st.exchange(soci::into(error));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(started_at));
    st.exchange(soci::into(finished_at));
  }
  ImportJob to_model() const {
    ImportJob job;
    job.id = id;
    job.agency_id = agency_id;
    job.client_id = client_id;
    job.campaign_id = campaign_id;
    job.created_by = created_by;
    job.file_name = file_name;
    job.file_size = file_size;
    job.encoding = encoding;
    job.delimiter = delimiter;
    job.headers = headers;
    job.mapping = mapping;
    job.duplicates = duplicate_policy_from_string(duplicates).value_or(DuplicatePolicy::skip);
    const auto parsed_state = import_state_from_string(state);
    if (!parsed_state) throw std::runtime_error("imports.state holds an unknown state: " + state);
    job.state = *parsed_state;
    job.rows_total = rows_total;
    job.rows_done = rows_done;
    job.imported = imported;
    job.merged = merged;
    job.skipped_duplicates = skipped_duplicates;
    job.skipped_blocked = skipped_blocked;
    job.rejected = rejected;
    job.error = error;
    job.created_at = created_at;
    job.started_at = started_at;
    job.finished_at = finished_at;
    return job;
  }
};

struct RejectRow {
  long long line = 0;
  std::string reason, field, message, raw;
  void bind(soci::statement& st) {
    st.exchange(soci::into(line));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(field));
    st.exchange(soci::into(message));
    st.exchange(soci::into(raw));
  }
  ImportReject to_model() const {
    return ImportReject{static_cast<std::size_t>(line), reason, field, message, raw};
  }
};

}  // namespace

std::int64_t insert(soci::session& sql, const ImportJob& job) {
  long long id = 0;
  const std::optional<long long> campaign_id = job.campaign_id, created_by = job.created_by;
  const long long agency_id = job.agency_id, client_id = job.client_id, file_size = job.file_size,
                  rows_total = job.rows_total, created_at = job.created_at;
  const std::string duplicates(to_string(job.duplicates));
  sql << kInsert, soci::use(agency_id, "agency_id"), soci::use(client_id, "client_id"),
      soci::use(campaign_id, "campaign_id"), soci::use(created_by, "created_by"), soci::use(job.file_name, "file_name"),
      soci::use(file_size, "file_size"), soci::use(job.encoding, "encoding"), soci::use(job.delimiter, "delimiter"),
      soci::use(job.headers, "headers"), soci::use(job.mapping, "mapping"), soci::use(duplicates, "duplicates"),
      soci::use(rows_total, "rows_total"), soci::use(created_at, "created_at"), soci::into(id);
  return id;
}

std::optional<ImportJob> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long agency = agency_id, job = id;
  return platform::db::fetch_one<JobRow>(sql, std::string(kSelect) + kById, job, agency);
}

std::vector<ImportJob> list_for_client(soci::session& sql, std::int64_t agency_id, std::int64_t client_id) {
  const long long agency = agency_id, client = client_id;
  return platform::db::fetch_rows<JobRow>(sql, std::string(kSelect) + kByClient, client, agency);
}

bool start(soci::session& sql, const ImportJob& choices, std::int64_t now) {
  const std::optional<long long> campaign_id = choices.campaign_id;
  const long long at = now, id = choices.id, agency_id = choices.agency_id;
  const std::string duplicates(to_string(choices.duplicates));
  soci::statement st = (sql.prepare << kStart, soci::use(campaign_id, "campaign_id"),
                        soci::use(choices.encoding, "encoding"), soci::use(choices.delimiter, "delimiter"),
                        soci::use(choices.mapping, "mapping"), soci::use(duplicates, "duplicates"),
                        soci::use(at, "now"), soci::use(id, "id"), soci::use(agency_id, "agency_id"));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void finish(soci::session& sql, std::int64_t id, const ImportSummary& summary, std::int64_t now) {
  const long long rows = static_cast<long long>(summary.rows), rows_done = rows,
                  imported = static_cast<long long>(summary.imported), merged = static_cast<long long>(summary.merged),
                  skipped_duplicates = static_cast<long long>(summary.skipped_duplicates),
                  skipped_blocked = static_cast<long long>(summary.skipped_blocked),
                  rejected = static_cast<long long>(summary.rejected), at = now, job = id;
  sql << kFinish, soci::use(rows, "rows"), soci::use(rows_done, "rows_done"), soci::use(imported, "imported"),
      soci::use(merged, "merged"), soci::use(skipped_duplicates, "skipped_duplicates"),
      soci::use(skipped_blocked, "skipped_blocked"), soci::use(rejected, "rejected"),
      soci::use(summary.encoding, "encoding"), soci::use(at, "now"), soci::use(job, "id");
}

void fail(soci::session& sql, std::int64_t id, const std::string& error, std::int64_t now) {
  const long long at = now, job = id;
  sql << kFail, soci::use(error, "error"), soci::use(at, "now"), soci::use(job, "id");
}

std::int64_t fail_interrupted(soci::session& sql, std::int64_t now) {
  const long long at = now;
  soci::statement st = (sql.prepare << kFailInterrupted, soci::use(at, "now"));
  st.execute(true);
  return st.get_affected_rows();
}

std::vector<ImportReject> rejects(soci::session& sql, std::int64_t import_id) {
  const long long id = import_id;
  return platform::db::fetch_rows<RejectRow>(sql, kRejects, id);
}

std::optional<std::string> saved_mapping(soci::session& sql, std::int64_t client_id) {
  const long long client = client_id;
  std::string mapping;
  soci::indicator ind = soci::i_null;
  sql << kSavedMapping, soci::use(client, "client_id"), soci::into(mapping, ind);
  if (!sql.got_data() || ind == soci::i_null) return std::nullopt;
  return mapping;
}

void save_mapping(soci::session& sql, std::int64_t client_id, const std::string& mapping, std::int64_t now) {
  const long long client = client_id, at = now;
  sql << kSaveMapping, soci::use(client, "client_id"), soci::use(mapping, "mapping"), soci::use(at, "now");
}

}  // namespace termintreu::contacts::import_store
