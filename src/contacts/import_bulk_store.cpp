#include "contacts/import_bulk_store.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

namespace termintreu::contacts {

namespace {

using platform::db::Engine;

constexpr const char* kKnownPhones =
    "SELECT n.e164, n.person_id FROM phone_numbers n JOIN persons p ON p.id = n.person_id "
    "WHERE p.agency_id = :agency_id AND p.client_id = :client_id AND p.erased_at IS NULL";
constexpr const char* kKnownEmails =
    "SELECT email_key, id FROM persons WHERE agency_id = :agency_id AND client_id = :client_id "
    "AND email_key <> '' AND erased_at IS NULL";
constexpr const char* kKnownNames =
    "SELECT name_key, id FROM persons WHERE agency_id = :agency_id AND client_id = :client_id "
    "AND name_key <> '' AND erased_at IS NULL";
constexpr const char* kKnownCompanies =
    "SELECT name_key, id FROM companies WHERE agency_id = :agency_id AND client_id = :client_id";
constexpr const char* kBlockedPersons =
    "SELECT id FROM persons WHERE agency_id = :agency_id AND client_id = :client_id AND blocked_at IS NOT NULL";
constexpr const char* kCampaignLeads =
    "SELECT person_id FROM leads WHERE agency_id = :agency_id AND campaign_id = :campaign_id";

constexpr const char* kMaxCompanyId = "SELECT COALESCE(MAX(id), 0) FROM companies";
constexpr const char* kMaxPersonId = "SELECT COALESCE(MAX(id), 0) FROM persons";
constexpr const char* kReserveCompanyIds =
    "SELECT nextval(pg_get_serial_sequence('companies', 'id')) FROM generate_series(1, :n)";
constexpr const char* kReservePersonIds =
    "SELECT nextval(pg_get_serial_sequence('persons', 'id')) FROM generate_series(1, :n)";

constexpr const char* kInsertCompanies =
    "INSERT INTO companies (id, agency_id, client_id, name, name_key, industry, size, website, street, postal_code, "
    "city, state, country, created_at, updated_at) VALUES (:id, :agency_id, :client_id, :name, :name_key, "
    ":industry, :size, :website, :street, :postal_code, :city, :state, :country, :created_at, :updated_at)";
constexpr const char* kCopyCompanies =
    "COPY companies (id, agency_id, client_id, name, name_key, industry, size, website, street, postal_code, city, "
    "state, country, created_at, updated_at) FROM STDIN";
constexpr const char* kInsertPersons =
    "INSERT INTO persons (id, agency_id, client_id, company_id, salutation, title, first_name, last_name, function, "
    "level, email, email_key, time_zone, legal_basis, legal_basis_reason, notes, external_id, name_key, created_at, "
    "updated_at) VALUES (:id, :agency_id, :client_id, :company_id, :salutation, :title, :first_name, :last_name, "
    ":function, :level, :email, :email_key, :time_zone, :legal_basis, :legal_basis_reason, :notes, :external_id, "
    ":name_key, :created_at, :updated_at)";
constexpr const char* kCopyPersons =
    "COPY persons (id, agency_id, client_id, company_id, salutation, title, first_name, last_name, function, level, "
    "email, email_key, time_zone, legal_basis, legal_basis_reason, notes, external_id, name_key, created_at, "
    "updated_at) FROM STDIN";
constexpr const char* kInsertPhones =
    "INSERT INTO phone_numbers (agency_id, person_id, kind, e164, number_type, region) VALUES (:agency_id, "
    ":person_id, :kind, :e164, :number_type, :region)";
constexpr const char* kCopyPhones =
    "COPY phone_numbers (agency_id, person_id, kind, e164, number_type, region) FROM STDIN";
constexpr const char* kInsertLeads =
    "INSERT INTO leads (agency_id, campaign_id, person_id, import_id, created_at, updated_at) VALUES (:agency_id, "
    ":campaign_id, :person_id, :import_id, :created_at, :updated_at)";
constexpr const char* kCopyLeads =
    "COPY leads (agency_id, campaign_id, person_id, import_id, created_at, updated_at) FROM STDIN";
constexpr const char* kInsertRejects =
    "INSERT INTO import_rejects (import_id, line, reason, field, message, raw) VALUES (:import_id, :line, :reason, "
    ":field, :message, :raw)";
constexpr const char* kCopyRejects = "COPY import_rejects (import_id, line, reason, field, message, raw) FROM STDIN";
// Merging fills only what is empty: the person's own data is never overwritten by a list.
constexpr const char* kMergePerson =
    "UPDATE persons SET "
    "company_id = COALESCE(company_id, :company_id), "
    "salutation = CASE WHEN salutation = '' THEN :salutation ELSE salutation END, "
    "title = CASE WHEN title = '' THEN :title ELSE title END, "
    "first_name = CASE WHEN first_name = '' THEN :first_name ELSE first_name END, "
    "function = CASE WHEN function = '' THEN :function ELSE function END, "
    "level = CASE WHEN level = '' THEN :level ELSE level END, "
    "email = CASE WHEN email = '' THEN :email ELSE email END, "
    "email_key = CASE WHEN email_key = '' THEN :email_key ELSE email_key END, "
    "legal_basis = CASE WHEN legal_basis = 'none' THEN :legal_basis ELSE legal_basis END, "
    "legal_basis_reason = CASE WHEN legal_basis_reason = '' THEN :legal_basis_reason ELSE legal_basis_reason END, "
    "notes = CASE WHEN notes = '' THEN :notes ELSE notes END, "
    "external_id = CASE WHEN external_id = '' THEN :external_id ELSE external_id END, "
    "updated_at = :updated_at WHERE id = :id AND agency_id = :agency_id";

// SQLite: the import's page cache (negative: KiB). The default 2 MiB spills a large transaction's index pages to
// the WAL and reads them back for nearly every row; 64 MiB took a 300k-row bare insert from 31k to 44k rows/s.
constexpr const char* kReadCacheSize = "PRAGMA cache_size";
constexpr long long kImportCacheKib = 65536;
// PRAGMA takes no bound parameters; the value is formatted from an integer, never from user text.
constexpr const char* kSetCacheSizeFormat = "PRAGMA cache_size = {}";
// Rows per flush: large enough that statement overhead vanishes, small enough to keep memory flat.
constexpr std::size_t kFlushRows = 4096;
// Ids taken from a PostgreSQL sequence at a time.
constexpr std::int64_t kIdBlock = 4096;

template <class Map>
void load_pairs(soci::session& sql, const char* select, const ImportTarget& target, Map& out) {
  std::string key;
  std::int64_t id = 0;
  soci::statement st = (sql.prepare << select, soci::into(key), soci::into(id),
                        soci::use(target.agency_id, "agency_id"), soci::use(target.client_id, "client_id"));
  st.execute();
  while (st.fetch()) out.emplace(key_hash(key), id);
}

void load_ids(soci::session& sql, soci::statement& st, std::int64_t& id, absl::flat_hash_set<std::int64_t>& out) {
  st.execute();
  while (st.fetch()) out.insert(id);
}

const char* legal_basis_for(const ContactRecord& record) {
  return record.legal_basis_reason.empty() ? "none" : "presumed_b2b";
}

// COPY text format: backslash, tab, newline and carriage return escaped.
void append_copy_value(std::string& out, const std::string& value) {
  for (const char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

}  // namespace

std::uint64_t key_hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

KnownContacts import_bulk_store::load_known(soci::session& sql, const ImportTarget& target) {
  KnownContacts known;
  load_pairs(sql, kKnownPhones, target, known.phones);
  load_pairs(sql, kKnownEmails, target, known.emails);
  load_pairs(sql, kKnownNames, target, known.names);
  load_pairs(sql, kKnownCompanies, target, known.companies);
  std::int64_t id = 0;
  soci::statement blocked = (sql.prepare << kBlockedPersons, soci::into(id), soci::use(target.agency_id, "agency_id"),
                             soci::use(target.client_id, "client_id"));
  load_ids(sql, blocked, id, known.blocked_persons);
  if (target.campaign_id) {
    soci::statement leads = (sql.prepare << kCampaignLeads, soci::into(id), soci::use(target.agency_id, "agency_id"),
                             soci::use(*target.campaign_id, "campaign_id"));
    load_ids(sql, leads, id, known.with_lead);
  }
  return known;
}

void ContactBulkWriter::Batch::add(std::initializer_list<std::optional<std::string_view>> row) {
  std::size_t column = 0;
  for (const auto& value : row) {
    values[column].emplace_back(value ? *value : std::string_view{});
    nulls[column].push_back(value ? soci::i_ok : soci::i_null);
    ++column;
  }
  if (column != values.size()) throw std::logic_error("import batch: wrong number of columns");
}

void ContactBulkWriter::Batch::clear() {
  for (auto& column : values) column.clear();
  for (auto& column : nulls) column.clear();
}

ContactBulkWriter::ContactBulkWriter(soci::session& sql, Engine engine, const ImportTarget& target, std::int64_t now)
    : sql_(sql),
      engine_(engine),
      target_(target),
      agency_(std::to_string(target.agency_id)),
      client_(std::to_string(target.client_id)),
      campaign_(target.campaign_id ? std::to_string(*target.campaign_id) : std::string{}),
      import_(target.import_id ? std::to_string(*target.import_id) : std::string{}),
      now_(std::to_string(now)),
      now_value_(now) {
  if (engine_ == Engine::sqlite) {
    sql_ << kReadCacheSize, soci::into(sqlite_cache_size_);
    sql_ << fmt::format(kSetCacheSizeFormat, -kImportCacheKib);
  }
}

ContactBulkWriter::~ContactBulkWriter() {
  if (engine_ != Engine::sqlite) return;
  try {
    // The pooled session goes back to its ordinary size (and frees the pages).
    sql_ << fmt::format(kSetCacheSizeFormat, sqlite_cache_size_);
  } catch (const std::exception&) {
    // A broken connection is reset by the pool; nothing to give back then.
  }
}

std::int64_t ContactBulkWriter::next_id(const char* reserve_sql, std::vector<long long>& pool, long long& last) {
  if (engine_ == Engine::sqlite) {
    if (last < 0) sql_ << (reserve_sql == kReserveCompanyIds ? kMaxCompanyId : kMaxPersonId), soci::into(last);
    return ++last;
  }
  if (pool.empty()) {
    pool.resize(kIdBlock);
    const long long block = kIdBlock;
    sql_ << reserve_sql, soci::into(pool), soci::use(block, "n");
    // Handed out from the back: reverse so ids rise with the lines of the file.
    std::reverse(pool.begin(), pool.end());
  }
  const std::int64_t id = pool.back();
  pool.pop_back();
  return id;
}

std::int64_t ContactBulkWriter::add_company(const ContactRecord& r, const std::string& key) {
  const std::int64_t id = next_id(kReserveCompanyIds, company_pool_, last_company_);
  const std::string id_text = std::to_string(id);
  companies_.add({id_text, agency_, client_, r.company_name, key, r.company_industry, r.company_size,
                  r.company_website, r.street, r.postal_code, r.city, r.state, r.country, now_, now_});
  return id;
}

std::int64_t ContactBulkWriter::add_person(const ContactRecord& r, const RecordKeys& keys,
                                           std::optional<std::int64_t> company) {
  const std::int64_t id = next_id(kReservePersonIds, person_pool_, last_person_);
  const std::string id_text = std::to_string(id);
  const std::string company_text = company ? std::to_string(*company) : std::string{};
  persons_.add({id_text, agency_, client_, company ? std::optional<std::string_view>(company_text) : std::nullopt,
                r.salutation, r.title, r.first_name, r.last_name, r.function, r.level, r.email, keys.email_key,
                target_.time_zone, legal_basis_for(r), r.legal_basis_reason, r.notes, r.external_id,
                keys.person_key, now_, now_});
  ++buffered_;
  return id;
}

void ContactBulkWriter::add_phone(std::int64_t person_id, std::string_view kind, const PhoneNumber& number) {
  phones_.add({agency_, std::to_string(person_id), kind, number.e164, to_string(number.type), number.region});
}

void ContactBulkWriter::add_lead(std::int64_t person_id) {
  if (!target_.campaign_id) return;
  leads_.add({agency_, campaign_, std::to_string(person_id),
              target_.import_id ? std::optional<std::string_view>(import_) : std::nullopt, now_, now_});
}

void ContactBulkWriter::merge_person(std::int64_t person_id, const ContactRecord& r, const RecordKeys& keys,
                                     std::optional<std::int64_t> company) {
  const std::string company_text = company ? std::to_string(*company) : std::string{};
  merges_.add({company ? std::optional<std::string_view>(company_text) : std::nullopt, r.salutation, r.title,
               r.first_name, r.function, r.level, r.email, keys.email_key, legal_basis_for(r), r.legal_basis_reason,
               r.notes, r.external_id, now_, std::to_string(person_id), agency_});
  ++buffered_;
}

void ContactBulkWriter::add_reject(const ImportReject& reject) {
  if (!target_.import_id) return;
  rejects_.add({import_, std::to_string(reject.line), reject.reason, reject.field, reject.message, reject.raw});
  ++buffered_;
}

void ContactBulkWriter::flush_if_full() {
  if (buffered_ >= kFlushRows) flush();
}

void ContactBulkWriter::flush() {
  // Parents before children; merges last, as they may touch persons of this very batch.
  write(companies_, kInsertCompanies, kCopyCompanies);
  write(persons_, kInsertPersons, kCopyPersons);
  write(phones_, kInsertPhones, kCopyPhones);
  write(leads_, kInsertLeads, kCopyLeads);
  write(rejects_, kInsertRejects, kCopyRejects);
  if (merges_.size() > 0) insert_bulk(merges_, kMergePerson);
  buffered_ = 0;
}

void ContactBulkWriter::write(Batch& batch, const char* insert_sql, const char* copy_sql) {
  if (batch.size() == 0) return;
  if (engine_ == Engine::postgresql) {
    copy_in(batch, copy_sql);
  } else {
    insert_bulk(batch, insert_sql);
  }
}

void ContactBulkWriter::insert_bulk(Batch& batch, const char* insert_sql) {
  soci::statement st(sql_);
  st.alloc();
  st.prepare(insert_sql);
  for (std::size_t column = 0; column < batch.values.size(); ++column) {
    st.exchange(soci::use(batch.values[column], batch.nulls[column]));
  }
  st.define_and_bind();
  st.execute(true);
  batch.clear();
}

void ContactBulkWriter::copy_in(Batch& batch, const char* copy_sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql_.get_backend());
  PGconn* conn = backend->conn_;
  PGresult* started = PQexec(conn, copy_sql);
  const bool ready = PQresultStatus(started) == PGRES_COPY_IN;
  PQclear(started);
  if (!ready) throw std::runtime_error(fmt::format("import: COPY refused: {}", PQerrorMessage(conn)));

  std::string buffer;
  const auto send = [&] {
    if (PQputCopyData(conn, buffer.data(), static_cast<int>(buffer.size())) != 1) {
      throw std::runtime_error(fmt::format("import: COPY failed: {}", PQerrorMessage(conn)));
    }
    buffer.clear();
  };
  const std::size_t rows = batch.size();
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t column = 0; column < batch.values.size(); ++column) {
      if (column > 0) buffer += '\t';
      if (batch.nulls[column][row] == soci::i_null) {
        buffer += "\\N";
      } else {
        append_copy_value(buffer, batch.values[column][row]);
      }
    }
    buffer += '\n';
    if (buffer.size() >= 256 * 1024) send();
  }
  if (!buffer.empty()) send();
  if (PQputCopyEnd(conn, nullptr) != 1) {
    throw std::runtime_error(fmt::format("import: COPY failed: {}", PQerrorMessage(conn)));
  }
  std::string error;
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK) error = PQresultErrorMessage(result);
    PQclear(result);
  }
  if (!error.empty()) throw std::runtime_error(fmt::format("import: COPY failed: {}", error));
  batch.clear();
}

}  // namespace termintreu::contacts
