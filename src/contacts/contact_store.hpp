#pragma once
// SQL for companies, persons, their phone numbers and leads. Every query by id also takes the agency, so another
// tenant's id finds nothing.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "contacts/contact.hpp"

namespace termintreu::contacts::contact_store {

std::int64_t insert_company(soci::session& sql, const Company& company, std::int64_t now);
void update_company(soci::session& sql, const Company& company, std::int64_t now);
std::optional<Company> find_company(soci::session& sql, std::int64_t agency_id, std::int64_t id);

std::int64_t insert_person(soci::session& sql, const Person& person, std::int64_t now);
// Writes every field but the block and erasure times (set_blocked, erase).
void update_person(soci::session& sql, const Person& person, std::int64_t now);
std::optional<Person> find_person(soci::session& sql, std::int64_t agency_id, std::int64_t id);

std::vector<Phone> phones(soci::session& sql, std::int64_t agency_id, std::int64_t person_id);
// Whether `e164` is one of the person's numbers.
bool has_phone(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, const std::string& e164);
void replace_phones(soci::session& sql, std::int64_t agency_id, std::int64_t person_id,
                    const std::vector<Phone>& phones);

// The person's leads in every campaign, with the campaign's name and client.
std::vector<Lead> leads_of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id);
bool lead_exists(soci::session& sql, std::int64_t campaign_id, std::int64_t person_id);
std::int64_t insert_lead(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, std::int64_t person_id,
                         const std::string& state, std::int64_t now);

struct CampaignLead {
  Lead lead;
  PersonSummary person;
};
// A campaign's leads, oldest first.
std::vector<CampaignLead> leads_of_campaign(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                            int limit, int offset);

// What a search looks for: up to four folded words that must all occur in the person's name key, company key or
// e-mail key (empty words match anything), or one of up to three E.164 numbers (empty ones match nothing).
struct SearchTerms {
  std::array<std::string, 4> words;
  std::array<std::string, 3> e164;
  std::optional<std::int64_t> client_id;
};
// Persons not erased, by last and first name.
std::vector<PersonSummary> search(soci::session& sql, std::int64_t agency_id, const SearchTerms& terms, int limit,
                                  int offset);

// Ids of the agency's persons (any client) with this number, e-mail key or name key: whom an objection reaches.
std::vector<std::int64_t> persons_with_phone(soci::session& sql, std::int64_t agency_id, const std::string& e164);
std::vector<std::int64_t> persons_with_email_key(soci::session& sql, std::int64_t agency_id,
                                                 const std::string& email_key);
std::vector<std::int64_t> persons_with_name_key(soci::session& sql, std::int64_t agency_id,
                                                const std::string& name_key);

// Marks the person blocked (keeping an earlier time) and every one of its leads in every campaign 'blocked'.
void set_blocked(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, std::int64_t now);

// Blanks every personal field, deletes the phone numbers and sets erased_at. Leads stay (as blocked), so
// campaign counts remain true; consent records stay (UWG §7a).
void erase(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, std::int64_t now);

// Distinct countries of the agency's clients (at most a few): the default regions a typed phone may be meant in.
std::vector<std::string> client_countries(soci::session& sql, std::int64_t agency_id);

}  // namespace termintreu::contacts::contact_store
