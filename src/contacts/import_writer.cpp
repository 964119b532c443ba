#include "contacts/import_writer.hpp"

#include <fmt/format.h>

#include "contacts/block_list.hpp"

namespace termintreu::contacts {

ImportWriter::ImportWriter(ContactBulkWriter& out, KnownContacts known, std::unordered_set<std::string> blocked,
                           const ImportTarget& target, DuplicatePolicy duplicates, ImportSummary& summary)
    : out_(out),
      known_(std::move(known)),
      blocked_hashes_(std::move(blocked)),
      target_(target),
      duplicates_(duplicates),
      summary_(summary) {}

void ImportWriter::reject(const PreparedRow& row, std::string reason, std::string field, std::string message,
                          bool keep_raw) {
  ImportReject reject{row.line, std::move(reason), std::move(field), std::move(message),
                      keep_raw ? row.raw : std::string{}};
  out_.add_reject(reject);
  summary_.rejects.push_back(std::move(reject));
}

std::int64_t ImportWriter::outcome_of(const NumberCell& cell) const {
  if (cell.id == NumberCell::kNone || cell.first || cell.id >= outcomes_.size()) return kUnknown;
  return outcomes_[cell.id];
}

void ImportWriter::set_outcome(const PreparedRow& row, std::int64_t outcome) {
  for (const NumberCell* cell : {&row.phone, &row.mobile}) {
    if (cell->id == NumberCell::kNone || !cell->first) continue;
    if (outcomes_.size() <= cell->id) outcomes_.resize(cell->id + 1, kUnknown);
    outcomes_[cell->id] = outcome;
  }
}

void ImportWriter::resolve_late_numbers(PreparedRow& row) {
  const auto resolve = [&](NumberCell& cell, const std::string& text, std::optional<PhoneNumber>& number,
                           std::string_view field) {
    if (cell.id == NumberCell::kNone || cell.first || outcome_of(cell) != kUnknown) return true;
    auto parsed = normalise_phone(text, target_.default_region, field);
    if (!parsed) {
      row.error = parsed.error();
      return false;
    }
    number = std::move(*parsed);
    cell.first = true;  // from here on, this row speaks for the number
    return true;
  };
  if (resolve(row.phone, row.record.phone_text, row.keys.phone, "phone")) {
    resolve(row.mobile, row.record.mobile_text, row.keys.mobile, "mobile");
  }
}

std::optional<BlockKind> ImportWriter::blocked_by(const PreparedRow& row) const {
  if (outcome_of(row.phone) == kBlocked || outcome_of(row.mobile) == kBlocked) return BlockKind::phone;
  if (blocked_hashes_.empty()) return std::nullopt;
  const auto listed = [&](BlockKind kind, std::string_view value) {
    return !value.empty() && blocked_hashes_.contains(block_hash(target_.agency_id, kind, value));
  };
  if (row.keys.phone && listed(BlockKind::phone, row.keys.phone->e164)) return BlockKind::phone;
  if (row.keys.mobile && listed(BlockKind::phone, row.keys.mobile->e164)) return BlockKind::phone;
  if (listed(BlockKind::email, row.keys.email_key)) return BlockKind::email;
  if (listed(BlockKind::name, row.keys.person_key)) return BlockKind::name;
  return std::nullopt;
}

std::optional<ImportWriter::Match> ImportWriter::find_known(const PreparedRow& row) const {
  if (const auto outcome = outcome_of(row.phone); outcome > 0) return Match{outcome, "phone"};
  if (const auto outcome = outcome_of(row.mobile); outcome > 0) return Match{outcome, "mobile"};
  const auto lookup = [](const auto& map, std::string_view key) -> std::optional<std::int64_t> {
    if (key.empty()) return std::nullopt;
    const auto found = map.find(key_hash(key));
    if (found == map.end()) return std::nullopt;
    return found->second;
  };
  if (row.keys.phone) {
    if (auto id = lookup(known_.phones, row.keys.phone->e164)) return Match{*id, "phone"};
  }
  if (row.keys.mobile) {
    if (auto id = lookup(known_.phones, row.keys.mobile->e164)) return Match{*id, "mobile"};
  }
  if (auto id = lookup(known_.emails, row.keys.email_key)) return Match{*id, "email"};
  if (auto id = lookup(known_.names, row.keys.person_key)) return Match{*id, "last_name"};
  return std::nullopt;
}

std::optional<std::int64_t> ImportWriter::company_for(const PreparedRow& row, bool create) {
  if (row.keys.company_key.empty()) return std::nullopt;
  const auto hash = key_hash(row.keys.company_key);
  if (const auto found = known_.companies.find(hash); found != known_.companies.end()) return found->second;
  if (!create) return std::nullopt;
  const auto id = out_.add_company(row.record, row.keys.company_key);
  known_.companies.emplace(hash, id);
  return id;
}

void ImportWriter::add_numbers(std::int64_t person_id, const PreparedRow& row) {
  const auto add = [&](const std::optional<PhoneNumber>& number, std::string_view kind) {
    if (!number) return;
    if (!known_.phones.emplace(key_hash(number->e164), person_id).second) return;  // the person has it already
    out_.add_phone(person_id, kind, *number);
  };
  add(row.keys.phone, "phone");
  add(row.keys.mobile, "mobile");
}

void ImportWriter::write(PreparedRow& row) {
  ++summary_.rows;
  if (!row.error) resolve_late_numbers(row);
  if (!row.error && (outcome_of(row.phone) == kInvalid || outcome_of(row.mobile) == kInvalid)) {
    const bool phone = outcome_of(row.phone) == kInvalid;
    row.error = platform::Error{platform::ErrorCode::invalid, "the same invalid number as a row above",
                                phone ? "phone" : "mobile"};
  }
  if (row.error) {
    ++summary_.rejected;
    // Only the number at fault is invalid; another number of the row is tried again where it recurs.
    for (const NumberCell* cell : {&row.phone, &row.mobile}) {
      if (cell->id == NumberCell::kNone || !cell->first) continue;
      if (row.error->field != (cell == &row.phone ? "phone" : "mobile")) continue;
      if (outcomes_.size() <= cell->id) outcomes_.resize(cell->id + 1, kUnknown);
      outcomes_[cell->id] = kInvalid;
    }
    reject(row, "invalid", row.error->field, row.error->message, true);
    out_.flush_if_full();
    return;
  }
  if (const auto kind = blocked_by(row)) {
    ++summary_.skipped_blocked;
    set_outcome(row, kBlocked);
    reject(row, "blocked", *kind == BlockKind::name ? "last_name" : std::string(to_string(*kind)),
           "on the block list", false);
    out_.flush_if_full();
    return;
  }
  const auto match = find_known(row);
  if (match && known_.blocked_persons.contains(match->person_id)) {
    ++summary_.skipped_blocked;
    set_outcome(row, kBlocked);
    reject(row, "blocked", std::string(match->field), "the person objected to calls", false);
    out_.flush_if_full();
    return;
  }
  if (!match) {
    const auto company = company_for(row, true);
    const auto person = out_.add_person(row.record, row.keys, company);
    first_new_person_ = std::min(first_new_person_, person);
    add_numbers(person, row);
    if (!row.keys.email_key.empty()) known_.emails.emplace(key_hash(row.keys.email_key), person);
    if (!row.keys.person_key.empty()) known_.names.emplace(key_hash(row.keys.person_key), person);
    if (target_.campaign_id && known_.with_lead.insert(person).second) out_.add_lead(person);
    set_outcome(row, person);
    ++summary_.imported;
    out_.flush_if_full();
    return;
  }
  set_outcome(row, match->person_id);
  const bool in_file = match->person_id >= first_new_person_;
  if (duplicates_ == DuplicatePolicy::skip) {
    ++summary_.skipped_duplicates;
    reject(row, "duplicate", std::string(match->field),
           in_file ? "the same person as a row above" : "the same person is already stored", true);
    out_.flush_if_full();
    return;
  }
  // A known person keeps their company; a new company is not created just to be ignored by the merge.
  const auto company = company_for(row, false);
  out_.merge_person(match->person_id, row.record, row.keys, company);
  add_numbers(match->person_id, row);
  if (!row.keys.email_key.empty()) known_.emails.emplace(key_hash(row.keys.email_key), match->person_id);
  if (target_.campaign_id && known_.with_lead.insert(match->person_id).second) out_.add_lead(match->person_id);
  ++summary_.merged;
  out_.flush_if_full();
}

}  // namespace termintreu::contacts
