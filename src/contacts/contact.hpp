#pragma once
// Companies and the persons (decision makers) the agents call, their phone numbers and their leads (a person within
// a campaign). Plain data; the checks live in contact_input.hpp, the SQL in contact_store.hpp.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::contacts {

constexpr std::string_view kLegalBases[] = {"none", "presumed_b2b", "consent"};
constexpr std::string_view kPhoneKinds[] = {"phone", "mobile"};
constexpr std::string_view kLeadStates[] = {"new",       "in_progress", "callback_due", "appointment",
                                            "not_interested", "unreachable", "invalid",      "blocked"};

struct Company {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::string name;
  std::string name_key;  // company_key(name)
  std::string industry;
  std::string size;
  std::string website;
  std::string street;
  std::string postal_code;
  std::string city;
  std::string state;
  std::string country;  // ISO alpha-2 or empty
};

struct Phone {
  std::int64_t id = 0;
  std::string kind = "phone";  // phone | mobile: how it was given (office line or mobile field)
  std::string e164;
  std::string number_type;     // libphonenumber's type (to_string(PhoneType))
  std::string region;          // the number's country
};

struct Person {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t client_id = 0;
  std::optional<std::int64_t> company_id;
  std::string salutation;
  std::string title;
  std::string first_name;
  std::string last_name;
  std::string function;
  std::string level;
  std::string email;
  std::string email_key;
  std::string time_zone;
  std::string legal_basis = "none";
  std::string legal_basis_reason;
  std::string notes;
  std::string external_id;
  std::string name_key;  // person_key(company key, first name, last name)
  std::optional<std::int64_t> blocked_at;
  std::optional<std::int64_t> erased_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// A lead as seen from its person (with its campaign) or from its campaign (with its person).
struct Lead {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::string campaign_name;
  std::int64_t client_id = 0;
  std::int64_t person_id = 0;
  std::string state = "new";
  std::int64_t priority = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// One line of a search result or a campaign's lead list.
struct PersonSummary {
  std::int64_t id = 0;
  std::int64_t client_id = 0;
  std::string first_name;
  std::string last_name;
  std::string company_name;
  std::string function;
  std::string email;
  std::string phone;  // the first number, E.164
  bool blocked = false;
};

std::string display_name(const Person& person);

nlohmann::json to_json(const Company& company);
nlohmann::json to_json(const Phone& phone);
nlohmann::json to_json(const Person& person);
nlohmann::json to_json(const Lead& lead);
nlohmann::json to_json(const PersonSummary& summary);

}  // namespace termintreu::contacts
