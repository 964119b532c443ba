#pragma once
// The import's one writer: takes the prepared rows in file order and decides for each – new person, duplicate
// (skipped or merged), blocked, or refused – keeping the client's match keys in memory, and hands the writes to
// ContactBulkWriter. Runs inside the import's one transaction.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "contacts/block_list.hpp"
#include "contacts/import.hpp"
#include "contacts/import_bulk_store.hpp"
#include "contacts/import_rules.hpp"

namespace termintreu::contacts {

// A phone number cell as the reader saw it: the id it gave to that text, and whether this row is the first with
// it (then the pipeline has parsed it into RecordKeys; otherwise the writer knows what the first row came to).
struct NumberCell {
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t id = kNone;
  bool first = false;
};

struct PreparedRow {
  std::size_t line = 0;
  std::string raw;                        // the row's cells joined by the delimiter, for the report
  std::optional<platform::Error> error;   // refused by the rules or by phone normalisation
  ContactRecord record;
  RecordKeys keys;
  NumberCell phone, mobile;
};

class ImportWriter {
 public:
  ImportWriter(ContactBulkWriter& out, KnownContacts known, std::unordered_set<std::string> blocked_hashes,
               const ImportTarget& target, DuplicatePolicy duplicates, ImportSummary& summary);

  void write(PreparedRow& row);

 private:
  // What became of the first row with a number's text.
  enum NumberOutcome : std::int64_t { kUnknown = 0, kInvalid = -1, kBlocked = -2 };

  std::optional<BlockKind> blocked_by(const PreparedRow& row) const;
  struct Match {
    std::int64_t person_id;
    std::string_view field;
  };
  std::optional<Match> find_known(const PreparedRow& row) const;
  std::optional<std::int64_t> company_for(const PreparedRow& row, bool create);
  void add_numbers(std::int64_t person_id, const PreparedRow& row);
  void set_outcome(const PreparedRow& row, std::int64_t outcome);
  std::int64_t outcome_of(const NumberCell& cell) const;
  // A number whose first row was refused for another reason: parsed here, the one case of a second parse.
  void resolve_late_numbers(PreparedRow& row);
  void reject(const PreparedRow& row, std::string reason, std::string field, std::string message, bool keep_raw);

  ContactBulkWriter& out_;
  KnownContacts known_;
  std::unordered_set<std::string> blocked_hashes_;
  ImportTarget target_;
  DuplicatePolicy duplicates_;
  ImportSummary& summary_;
  std::vector<std::int64_t> outcomes_;  // by number id
  std::int64_t first_new_person_ = std::numeric_limits<std::int64_t>::max();
};

}  // namespace termintreu::contacts
