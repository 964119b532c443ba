#include "contacts/contact_input.hpp"

#include <algorithm>
#include <stdexcept>

#include <date/tz.h>
#include <fmt/format.h>

#include "contacts/match_keys.hpp"
#include "contacts/phone_number.hpp"
#include "identity/credential_rules.hpp"
#include "platform/country.hpp"

namespace termintreu::contacts {

using platform::ErrorCode;
using platform::fail;
using platform::JsonFields;
using platform::Result;

const std::initializer_list<std::string_view> kCompanyFields{
    "name", "industry", "size", "website", "street", "postal_code", "city", "state", "country"};

const std::initializer_list<std::string_view> kPersonFields{
    "salutation", "title",       "first_name", "last_name", "function",    "level",
    "email",      "phones",      "time_zone",  "legal_basis", "legal_basis_reason", "notes",
    "external_id"};

namespace {

constexpr std::size_t kMaxPhones = 10;

// A text field: absent leaves `target` alone; null or "" clears it.
Result<void> text_field(const JsonFields& fields, std::string_view name, std::size_t max_length,
                        std::string& target) {
  if (!fields.has(name)) return {};
  TT_TRY(text, fields.optional_text(name, {0, max_length, true}));
  target = text->value_or("");
  return {};
}

}  // namespace

Result<void> apply_company_fields(Company& company, const JsonFields& fields) {
  if (fields.has("name")) {
    TT_TRY(name, fields.optional_text("name", {1, 200, true}));
    if (!*name) return fail(ErrorCode::invalid, "must not be null", "name");
    company.name = **name;
  }
  TT_TRY(industry, text_field(fields, "industry", 120, company.industry));
  TT_TRY(size, text_field(fields, "size", 60, company.size));
  TT_TRY(website, text_field(fields, "website", 250, company.website));
  TT_TRY(street, text_field(fields, "street", 200, company.street));
  TT_TRY(postal_code, text_field(fields, "postal_code", 20, company.postal_code));
  TT_TRY(city, text_field(fields, "city", 120, company.city));
  TT_TRY(state, text_field(fields, "state", 120, company.state));
  std::string country = company.country;
  TT_TRY(country_text, text_field(fields, "country", 2, country));
  if (country.empty()) {
    company.country.clear();
  } else {
    TT_TRY(normalised, platform::normalise_country(country, "country"));
    company.country = *normalised;
  }
  company.name_key = company_key(company.name);
  return {};
}

Result<void> apply_person_fields(Person& person, const JsonFields& fields) {
  TT_TRY(salutation, text_field(fields, "salutation", 40, person.salutation));
  TT_TRY(title, text_field(fields, "title", 60, person.title));
  TT_TRY(first_name, text_field(fields, "first_name", 120, person.first_name));
  TT_TRY(last_name, text_field(fields, "last_name", 120, person.last_name));
  TT_TRY(function, text_field(fields, "function", 160, person.function));
  TT_TRY(level, text_field(fields, "level", 60, person.level));
  TT_TRY(notes, text_field(fields, "notes", 4000, person.notes));
  TT_TRY(external_id, text_field(fields, "external_id", 120, person.external_id));
  if (fields.has("email")) {
    TT_TRY(email, fields.optional_text("email", {0, 254, true}));
    if (!*email || (*email)->empty()) {
      person.email.clear();
    } else {
      TT_TRY(normalised, identity::normalise_email(**email, "email"));
      person.email = *normalised;
    }
  }
  std::vector<std::string_view> bases(std::begin(kLegalBases), std::end(kLegalBases));
  TT_TRY(basis, fields.optional_choice("legal_basis", bases));
  if (*basis) person.legal_basis = **basis;
  TT_TRY(reason, text_field(fields, "legal_basis_reason", 1000, person.legal_basis_reason));
  if (person.first_name.empty() && person.last_name.empty()) {
    return fail(ErrorCode::invalid, "a person needs a first or last name", "last_name");
  }
  return {};
}

Result<std::optional<std::vector<PhoneInput>>> read_phones(const JsonFields& fields) {
  const auto* value = fields.value("phones");
  if (value == nullptr || value->is_null()) return std::optional<std::vector<PhoneInput>>{};
  if (!value->is_array()) return fail(ErrorCode::invalid, "must be a list of phone numbers", "phones");
  if (value->size() > kMaxPhones) {
    return fail(ErrorCode::invalid, fmt::format("may hold at most {} numbers", kMaxPhones), "phones");
  }
  std::vector<PhoneInput> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    const auto field = fmt::format("phones[{}]", i);
    if (item.is_string()) {
      out.push_back({item.get<std::string>(), std::nullopt});
      continue;
    }
    if (!item.is_object()) return fail(ErrorCode::invalid, "must be a number or an object", field);
    auto phone_fields = JsonFields::from_object(item, {"number", "kind"});
    if (!phone_fields) return tl::unexpected(platform::nested_error(phone_fields.error(), field));
    auto number = phone_fields->required_text("number", {1, 250, true});
    if (!number) return tl::unexpected(platform::nested_error(number.error(), field));
    std::vector<std::string_view> kinds(std::begin(kPhoneKinds), std::end(kPhoneKinds));
    auto kind = phone_fields->optional_choice("kind", kinds);
    if (!kind) return tl::unexpected(platform::nested_error(kind.error(), field));
    out.push_back({*number, *kind});
  }
  return std::optional<std::vector<PhoneInput>>(std::move(out));
}

Result<std::vector<Phone>> normalise_phones(const std::vector<PhoneInput>& inputs, std::string_view default_region) {
  std::vector<Phone> out;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    TT_TRY(number, normalise_phone(inputs[i].number, default_region, fmt::format("phones[{}].number", i)));
    if (std::any_of(out.begin(), out.end(), [&](const Phone& p) { return p.e164 == number->e164; })) continue;
    Phone phone;
    phone.e164 = number->e164;
    phone.region = number->region;
    phone.number_type = std::string(to_string(number->type));
    phone.kind = inputs[i].kind.value_or(number->type == PhoneType::mobile ? "mobile" : "phone");
    out.push_back(std::move(phone));
  }
  return out;
}

Result<std::string> check_time_zone(std::string_view name) {
  return platform::normalise_time_zone(name, "time_zone");
}

std::string derive_time_zone(const std::optional<Company>& company, const std::vector<Phone>& phones,
                             std::string_view fallback_country) {
  if (company && !company->country.empty()) {
    if (auto zone = platform::principal_time_zone(company->country)) return *zone;
  }
  for (const auto& phone : phones) {
    if (auto zone = platform::principal_time_zone(phone.region)) return *zone;
  }
  return platform::principal_time_zone(fallback_country).value_or("");
}

Result<void> check_legal_basis(const Person& person, bool has_consent) {
  if (person.legal_basis == "presumed_b2b" && person.legal_basis_reason.empty()) {
    return fail(ErrorCode::invalid, "presumed consent (B2B) needs the reason in writing", "legal_basis_reason");
  }
  if (person.legal_basis == "consent" && !has_consent) {
    return fail(ErrorCode::invalid, "documented consent needs a consent record (not withdrawn) first",
                "legal_basis");
  }
  return {};
}

void refresh_keys(Person& person, const std::optional<Company>& company) {
  person.email_key = email_key(person.email);
  person.name_key = person_key(company ? company->name_key : std::string(), person.first_name, person.last_name);
}

}  // namespace termintreu::contacts
