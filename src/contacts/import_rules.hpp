#pragma once
// The pure part of an import: one CSV row and the column mapping → a contact record, or the reason it is refused;
// and the record's phone numbers and match keys once it is accepted.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/column_mapping.hpp"
#include "contacts/phone_number.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

struct ContactRecord {
  std::string company_name, company_industry, company_size, company_website;
  std::string street, postal_code, city, state, country;
  std::string salutation, title, first_name, last_name, function, level;
  std::string email, notes, external_id, legal_basis_reason;
  std::string phone_text, mobile_text;  // as typed; normalised by the pipeline
};

struct NameParts {
  std::string title;  // academic: "Dr.", "Prof. Dr."
  std::string first_name;
  std::string last_name;
};

// Splits an "Ansprechpartner" cell: "Dr. Anna Berg", "Berg, Anna", "Anna Maria von Berg" (last word and its
// nobiliary particles are the last name), "Herr Berg" (a salutation word is dropped: the salutation column says it).
NameParts split_full_name(std::string_view text);

// A plausible e-mail address: one @ with something before it and a dot in the domain, no spaces.
bool looks_like_email(std::string_view text);

// The record of one row. Refuses (ErrorCode::invalid with the field) a row that has non-empty cells beyond the
// mapped columns, that has neither a company nor a last name, no phone number at all, or a malformed e-mail
// address. Cells of fields mapped twice are joined with a space (the mapping UI prevents it; the CLI may not).
platform::Result<ContactRecord> record_from_fields(const std::vector<ContactField>& mapping,
                                                   const std::vector<std::string>& fields);

// The normalised numbers and match keys of an accepted record.
struct RecordKeys {
  std::optional<PhoneNumber> phone;
  std::optional<PhoneNumber> mobile;
  std::string company_key;
  std::string person_key;
  std::string email_key;
};

// The keys of a record whose numbers have been normalised.
RecordKeys record_keys(const ContactRecord& record, std::optional<PhoneNumber> phone,
                       std::optional<PhoneNumber> mobile);

}  // namespace termintreu::contacts
