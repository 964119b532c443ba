#pragma once
// Reading and checking what a user enters about companies and persons: field by field, with the field's name in
// every refusal. Pure functions, unit-tested in contact_input_test.cpp.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/contact.hpp"
#include "platform/error.hpp"
#include "platform/json_input.hpp"

namespace termintreu::contacts {

// The fields of a company object ("company": {...} in a person body).
extern const std::initializer_list<std::string_view> kCompanyFields;
// The person's own fields, as a create or edit body may hold them.
extern const std::initializer_list<std::string_view> kPersonFields;

// Applies the present fields onto `company` and refreshes its name key. `prefix` names the object in errors.
platform::Result<void> apply_company_fields(Company& company, const platform::JsonFields& fields);
// Applies the present fields of kPersonFields but phones, time zone and the key (they need the company and the
// country: see below).
platform::Result<void> apply_person_fields(Person& person, const platform::JsonFields& fields);

struct PhoneInput {
  std::string number;
  std::optional<std::string> kind;  // phone | mobile; absent: taken from the number's type
};
// The "phones" list ([{"number": "030 …", "kind": "mobile"}] or plain strings); nullopt when absent.
platform::Result<std::optional<std::vector<PhoneInput>>> read_phones(const platform::JsonFields& fields);
// Each number normalised with `default_region` (the campaign's or the client's country); errors name
// "phones[i].number". Repeated numbers are kept once.
platform::Result<std::vector<Phone>> normalise_phones(const std::vector<PhoneInput>& inputs,
                                                      std::string_view default_region);

// An IANA zone name as the tz database knows it; errors name "time_zone".
platform::Result<std::string> check_time_zone(std::string_view name);
// The person's zone: from the company address's country, else from the first number's region, else from
// `fallback_country` (the client's); empty when none is known.
std::string derive_time_zone(const std::optional<Company>& company, const std::vector<Phone>& phones,
                             std::string_view fallback_country);

// presumed_b2b needs a written reason; consent needs a consent record not withdrawn since (`has_consent`).
platform::Result<void> check_legal_basis(const Person& person, bool has_consent);

// name_key and email_key from the names, the company and the e-mail address.
void refresh_keys(Person& person, const std::optional<Company>& company);

}  // namespace termintreu::contacts
