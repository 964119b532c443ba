#include "contacts/import_rules.hpp"

#include <array>

#include "contacts/match_keys.hpp"

namespace termintreu::contacts {

namespace {

using platform::ErrorCode;
using platform::fail;

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    const std::size_t begin = pos;
    while (pos < text.size() && text[pos] != ' ' && text[pos] != '\t') ++pos;
    if (pos > begin) words.push_back(text.substr(begin, pos - begin));
  }
  return words;
}

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

bool is_one_of(std::string_view word, std::initializer_list<std::string_view> options) {
  const std::string folded = fold_text(word);
  for (const auto option : options) {
    if (folded == option) return true;
  }
  return false;
}

bool is_salutation(std::string_view word) {
  return is_one_of(word, {"herr", "frau", "mr", "mrs", "ms", "monsieur", "madame"});
}
bool is_academic_title(std::string_view word) {
  return is_one_of(word, {"dr", "prof", "dipl ing", "ing", "mag", "phd", "med", "rer nat", "habil"});
}
bool is_particle(std::string_view word) {
  return is_one_of(word, {"von", "van", "de", "der", "zu", "vom", "zum", "den", "di", "da", "la", "le"});
}

std::string* target_of(ContactRecord& r, ContactField field) {
  switch (field) {
    case ContactField::ignore: return nullptr;
    case ContactField::company_name: return &r.company_name;
    case ContactField::company_industry: return &r.company_industry;
    case ContactField::company_size: return &r.company_size;
    case ContactField::company_website: return &r.company_website;
    case ContactField::street: return &r.street;
    case ContactField::postal_code: return &r.postal_code;
    case ContactField::city: return &r.city;
    case ContactField::state: return &r.state;
    case ContactField::country: return &r.country;
    case ContactField::salutation: return &r.salutation;
    case ContactField::title: return &r.title;
    case ContactField::first_name: return &r.first_name;
    case ContactField::last_name: return &r.last_name;
    case ContactField::full_name: return nullptr;  // split below
    case ContactField::function: return &r.function;
    case ContactField::level: return &r.level;
    case ContactField::phone: return &r.phone_text;
    case ContactField::mobile: return &r.mobile_text;
    case ContactField::email: return &r.email;
    case ContactField::notes: return &r.notes;
    case ContactField::external_id: return &r.external_id;
    case ContactField::legal_basis_reason: return &r.legal_basis_reason;
  }
  return nullptr;
}

void fill(std::string& target, std::string_view value) {
  if (value.empty()) return;
  if (!target.empty()) target += ' ';
  target += value;
}

}  // namespace

NameParts split_full_name(std::string_view text) {
  NameParts parts;
  if (const auto comma = text.find(','); comma != std::string_view::npos) {
    // "Berg, Anna", "Berg, Dr. Anna"
    auto given = split_full_name(text.substr(comma + 1));
    parts.title = std::move(given.title);
    parts.first_name = given.first_name.empty() ? given.last_name : given.first_name + " " + given.last_name;
    const auto family = words_of(text.substr(0, comma));
    parts.last_name = join(family, 0, family.size());
    return parts;
  }
  const auto words = words_of(text);
  std::size_t from = 0;
  std::vector<std::string_view> titles;
  while (from < words.size() && (is_salutation(words[from]) || is_academic_title(words[from]))) {
    if (is_academic_title(words[from])) titles.push_back(words[from]);
    ++from;
  }
  parts.title = join(titles, 0, titles.size());
  if (from == words.size()) return parts;
  std::size_t last_from = words.size() - 1;
  while (last_from > from + 1 && is_particle(words[last_from - 1])) --last_from;
  parts.first_name = join(words, from, last_from);
  parts.last_name = join(words, last_from, words.size());
  return parts;
}

bool looks_like_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  if (text.find_first_of(" \t\r\n,;<>") != std::string_view::npos) return false;
  const auto domain = text.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

platform::Result<ContactRecord> record_from_fields(const std::vector<ContactField>& mapping,
                                                   const std::vector<std::string>& fields) {
  ContactRecord record;
  std::string full_name;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i >= mapping.size()) {
      if (!fields[i].empty()) {
        return fail(ErrorCode::invalid, "the row has more fields than the header", "");
      }
      continue;
    }
    if (mapping[i] == ContactField::full_name) {
      fill(full_name, fields[i]);
    } else if (auto* target = target_of(record, mapping[i])) {
      fill(*target, fields[i]);
    }
  }
  if (!full_name.empty() && record.first_name.empty() && record.last_name.empty()) {
    auto parts = split_full_name(full_name);
    record.first_name = std::move(parts.first_name);
    record.last_name = std::move(parts.last_name);
    if (record.title.empty()) record.title = std::move(parts.title);
  }
  if (record.company_name.empty() && record.last_name.empty()) {
    return fail(ErrorCode::invalid, "neither a company nor a last name", "last_name");
  }
  if (record.phone_text.empty() && record.mobile_text.empty()) {
    return fail(ErrorCode::invalid, "no phone number", "phone");
  }
  if (!record.email.empty() && !looks_like_email(record.email)) {
    return fail(ErrorCode::invalid, "not an e-mail address", "email");
  }
  return record;
}

RecordKeys record_keys(const ContactRecord& record, std::optional<PhoneNumber> phone,
                       std::optional<PhoneNumber> mobile) {
  RecordKeys keys;
  keys.phone = std::move(phone);
  keys.mobile = std::move(mobile);
  keys.company_key = company_key(record.company_name);
  keys.person_key = person_key(keys.company_key, record.first_name, record.last_name);
  keys.email_key = email_key(record.email);
  return keys;
}

}  // namespace termintreu::contacts
