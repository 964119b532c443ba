#pragma once
// The SQL of an import's bulk writes: what the client already has (its match keys, loaded once into memory), and
// buffered inserts of companies, persons, phone numbers, leads and rejects, flushed in batches inside the import's
// one transaction. Ids of new companies and persons are assigned here up front, so rows can refer to each other
// before anything is written (SQLite: counting on from MAX(id), safe under BEGIN IMMEDIATE; PostgreSQL: blocks
// taken from the identity sequences, safe beside concurrent writers). See docs/decisions/0005-bulk-import.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>
#include <soci/soci.h>

#include "contacts/import.hpp"
#include "contacts/import_rules.hpp"
#include "platform/db/database.hpp"

namespace termintreu::contacts {

// A 64-bit hash of a match key. The in-memory indexes hold hashes, not the keys, to keep a million rows in a few
// dozen megabytes; two different keys share a hash with a probability of about n²/2⁶⁵ (10⁻⁸ for a million).
std::uint64_t key_hash(std::string_view key);

// The client's contacts as the import sees them: match-key hash → id. Flat (open-addressing) tables: about 20 bytes
// an entry against some 50 for a node-based map, which a million-row import holds several times over.
struct KnownContacts {
  absl::flat_hash_map<std::uint64_t, std::int64_t> phones;     // E.164 → person
  absl::flat_hash_map<std::uint64_t, std::int64_t> emails;     // email_key → person
  absl::flat_hash_map<std::uint64_t, std::int64_t> names;      // person_key → person
  absl::flat_hash_map<std::uint64_t, std::int64_t> companies;  // company_key → company
  absl::flat_hash_set<std::int64_t> blocked_persons;           // persons that objected (blocked_at set)
  absl::flat_hash_set<std::int64_t> with_lead;                 // persons already leads of the target campaign
};

namespace import_bulk_store {
KnownContacts load_known(soci::session& sql, const ImportTarget& target);
}  // namespace import_bulk_store

class ContactBulkWriter {
 public:
  ContactBulkWriter(soci::session& sql, platform::db::Engine engine, const ImportTarget& target, std::int64_t now);
  ~ContactBulkWriter();
  ContactBulkWriter(const ContactBulkWriter&) = delete;
  ContactBulkWriter& operator=(const ContactBulkWriter&) = delete;

  // Buffer a new row and return the id it will have.
  std::int64_t add_company(const ContactRecord& record, const std::string& key);
  std::int64_t add_person(const ContactRecord& record, const RecordKeys& keys, std::optional<std::int64_t> company);
  void add_phone(std::int64_t person_id, std::string_view kind, const PhoneNumber& number);
  void add_lead(std::int64_t person_id);
  // Fills the empty fields of a known person from `record` (names are the match, so they stay).
  void merge_person(std::int64_t person_id, const ContactRecord& record, const RecordKeys& keys,
                    std::optional<std::int64_t> company);
  void add_reject(const ImportReject& reject);

  // Writes the buffers once they hold a batch; flush() writes whatever they hold.
  void flush_if_full();
  void flush();

 private:
  // Rows of one table, column by column as text (NULL where the indicator says so): bound as bulk parameters on
  // SQLite (INTEGER columns take the numbers by type affinity), streamed with COPY on PostgreSQL.
  struct Batch {
    explicit Batch(std::size_t columns) : values(columns), nulls(columns) {}
    void add(std::initializer_list<std::optional<std::string_view>> row);
    std::size_t size() const { return values.empty() ? 0 : values.front().size(); }
    void clear();
    std::vector<std::vector<std::string>> values;
    std::vector<std::vector<soci::indicator>> nulls;
  };

  std::int64_t next_id(const char* reserve_sql, std::vector<long long>& pool, long long& last);
  void write(Batch& batch, const char* insert_sql, const char* copy_sql);
  void insert_bulk(Batch& batch, const char* insert_sql);
  void copy_in(Batch& batch, const char* copy_sql);

  soci::session& sql_;
  platform::db::Engine engine_;
  ImportTarget target_;
  std::string agency_, client_, campaign_, import_, now_;
  std::int64_t now_value_;
  std::size_t buffered_ = 0;  // rows of all batches since the last flush
  long long sqlite_cache_size_ = 0;  // SQLite: the session's cache_size before the import raised it

  // SQLite: the last id used (from MAX(id)). PostgreSQL: ids taken from the sequence and not used yet.
  long long last_company_ = -1, last_person_ = -1;
  std::vector<long long> company_pool_, person_pool_;

  Batch companies_{15};
  Batch persons_{20};
  Batch phones_{6};
  Batch leads_{6};
  Batch merges_{15};
  Batch rejects_{6};
};

}  // namespace termintreu::contacts
