#include "contacts/contact_service.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/campaign_store.hpp"
#include "contacts/blocking.hpp"
#include "contacts/consent_store.hpp"
#include "contacts/contact_input.hpp"
#include "contacts/match_keys.hpp"
#include "contacts/phone_number.hpp"
#include "identity/tenant_store.hpp"

namespace termintreu::contacts {

using identity::Principal;
using identity::RequestMeta;
using platform::ErrorCode;
using platform::fail;
using platform::JsonFields;
using platform::Result;

namespace {

constexpr std::size_t kMaxSearchWords = 4;

// The company named by "company_id" (of the person's client) or described by "company" {…}; nullopt when the body
// names neither. `current` is the person's company when editing: "company" {…} then edits it.
Result<std::optional<Company>> company_from_fields(soci::session& sql, const Principal& actor,
                                                   std::int64_t client_id, const JsonFields& fields,
                                                   const std::optional<Company>& current) {
  if (fields.has("company_id") && fields.has("company")) {
    return fail(ErrorCode::invalid, "give either company_id or company, not both", "company");
  }
  if (fields.has("company_id")) {
    TT_TRY(company_id, fields.optional_integer("company_id", 1, std::numeric_limits<std::int64_t>::max()));
    if (!*company_id) return std::optional<Company>{};
    auto company = contact_store::find_company(sql, actor.agency_id, **company_id);
    if (!company || company->client_id != client_id) {
      return fail(ErrorCode::invalid, "no such company of this client", "company_id");
    }
    return company;
  }
  const auto* object = fields.value("company");
  if (object == nullptr || object->is_null()) return current;
  auto company_fields = JsonFields::from_object(*object, kCompanyFields);
  if (!company_fields) return tl::unexpected(platform::nested_error(company_fields.error(), "company"));
  Company company;
  if (current) {
    company = *current;
  } else {
    if (!company_fields->has("name")) return fail(ErrorCode::invalid, "is required", "company.name");
    company.agency_id = actor.agency_id;
    company.client_id = client_id;
  }
  auto applied = apply_company_fields(company, *company_fields);
  if (!applied) return tl::unexpected(platform::nested_error(applied.error(), "company"));
  return std::optional<Company>(std::move(company));
}

// Inserts a new company (id 0) or writes an edited one; returns its id.
std::int64_t save_company(soci::session& sql, Company& company, std::int64_t now) {
  if (company.id == 0) {
    company.id = contact_store::insert_company(sql, company, now);
  } else {
    contact_store::update_company(sql, company, now);
  }
  return company.id;
}

// Field names whose values differ, for the audit log (values are personal and stay out of it).
std::vector<std::string> changed_fields(const Person& before, const Person& after) {
  const nlohmann::json a = to_json(before), b = to_json(after);
  std::vector<std::string> out;
  for (const auto& [key, value] : b.items()) {
    if (key != "updated_at" && a.at(key) != value) out.push_back(key);
  }
  return out;
}

}  // namespace

bool has_current_consent(const std::vector<ConsentRecord>& records) {
  return !records.empty() && records.back().kind == "consent";
}

platform::Error blocked_error(const BlockKey& key) {
  return platform::Error{ErrorCode::conflict,
                         fmt::format("blocked: {} is on the block list (an objection was recorded)", masked(key)),
                         key.field};
}

Result<Person> visible_person(soci::session& sql, const Principal& actor, std::int64_t id) {
  auto person = contact_store::find_person(sql, actor.agency_id, id);
  if (!person || !identity::can_see_client(actor, person->client_id)) {
    return fail(ErrorCode::not_found, "no such contact", "id");
  }
  return std::move(*person);
}

ContactService::ContactService(platform::db::Database& database, const platform::Clock& clock)
    : database_(database), clock_(clock) {}

ContactDetail ContactService::detail(soci::session& sql, Person person) {
  ContactDetail out;
  if (person.company_id) out.company = contact_store::find_company(sql, person.agency_id, *person.company_id);
  out.phones = contact_store::phones(sql, person.agency_id, person.id);
  out.leads = contact_store::leads_of_person(sql, person.agency_id, person.id);
  out.consents = consent_store::of_person(sql, person.agency_id, person.id);
  out.person = std::move(person);
  return out;
}

Result<ContactDetail> ContactService::create(const Principal& actor, const JsonFields& fields,
                                             const RequestMeta& meta) {
  TT_TRY(client_id, fields.required_integer("client_id", 1, std::numeric_limits<std::int64_t>::max()));
  TT_TRY(campaign_id, fields.optional_integer("campaign_id", 1, std::numeric_limits<std::int64_t>::max()));
  TT_TRY(phone_inputs, read_phones(fields));
  TT_TRY(zone_text, fields.optional_text("time_zone", {0, 64, true}));
  const std::int64_t now = platform::to_micros(clock_.now());
  return database_.transaction("contact.create", [&](soci::session& sql) -> Result<ContactDetail> {
    const auto client = identity::tenant_store::find_client(sql, actor.agency_id, *client_id);
    if (!client || !identity::can_see_client(actor, *client_id)) {
      return fail(ErrorCode::invalid, "no such client", "client_id");
    }
    std::string region = client->country;
    std::optional<campaigns::Campaign> campaign;
    if (*campaign_id) {
      campaign = campaigns::campaign_store::find(sql, actor.agency_id, **campaign_id);
      if (!campaign || campaign->client_id != *client_id) {
        return fail(ErrorCode::invalid, "no such campaign of this client", "campaign_id");
      }
      region = campaign->country;
    }
    TT_TRY(company, company_from_fields(sql, actor, *client_id, fields, std::nullopt));
    Person person;
    person.agency_id = actor.agency_id;
    person.client_id = *client_id;
    TT_TRY(applied, apply_person_fields(person, fields));
    TT_TRY(phones, normalise_phones(phone_inputs->value_or(std::vector<PhoneInput>{}), region));
    if (*zone_text && !(*zone_text)->empty()) {
      TT_TRY(zone, check_time_zone(**zone_text));
      person.time_zone = *zone;
    } else {
      person.time_zone = derive_time_zone(*company, *phones, client->country);
    }
    refresh_keys(person, *company);
    TT_TRY(basis, check_legal_basis(person, false));
    if (auto blocked = first_blocked(sql, actor.agency_id, block_keys(person, *phones))) {
      return tl::unexpected(blocked_error(*blocked));
    }
    if (*company) person.company_id = save_company(sql, **company, now);
    person.id = contact_store::insert_person(sql, person, now);
    contact_store::replace_phones(sql, actor.agency_id, person.id, *phones);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "contact.created", "person", person.id,
                                                           {{"client_id", *client_id}}));
    if (campaign) {
      const auto lead_id = contact_store::insert_lead(sql, actor.agency_id, campaign->id, person.id, "new", now);
      identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "lead.created", "person", person.id,
                                                             {{"campaign_id", campaign->id}, {"lead_id", lead_id}}));
    }
    return detail(sql, *contact_store::find_person(sql, actor.agency_id, person.id));
  });
}

Result<ContactDetail> ContactService::update(const Principal& actor, std::int64_t id, const JsonFields& fields,
                                             const RequestMeta& meta) {
  TT_TRY(phone_inputs, read_phones(fields));
  TT_TRY(zone_text, fields.optional_text("time_zone", {0, 64, true}));
  const std::int64_t now = platform::to_micros(clock_.now());
  return database_.transaction("contact.update", [&](soci::session& sql) -> Result<ContactDetail> {
    TT_TRY(before, visible_person(sql, actor, id));
    if (before->erased_at) return fail(ErrorCode::conflict, "the contact was erased", "id");
    const auto client = identity::tenant_store::find_client(sql, actor.agency_id, before->client_id);
    const std::string country = client ? client->country : std::string("DE");
    std::optional<Company> current;
    if (before->company_id) current = contact_store::find_company(sql, actor.agency_id, *before->company_id);
    TT_TRY(company, company_from_fields(sql, actor, before->client_id, fields, current));
    Person after = *before;
    TT_TRY(applied, apply_person_fields(after, fields));
    auto phones = contact_store::phones(sql, actor.agency_id, id);
    if (*phone_inputs) {
      TT_TRY(normalised, normalise_phones(**phone_inputs, country));
      phones = std::move(*normalised);
    }
    if (*zone_text && !(*zone_text)->empty()) {
      TT_TRY(zone, check_time_zone(**zone_text));
      after.time_zone = *zone;
    } else if (fields.has("time_zone") || *phone_inputs || fields.has("company") || fields.has("company_id") ||
               after.time_zone.empty()) {
      after.time_zone = derive_time_zone(*company, phones, country);
    }
    refresh_keys(after, *company);
    TT_TRY(basis, check_legal_basis(after, has_current_consent(consent_store::of_person(sql, actor.agency_id, id))));
    const auto keys = block_keys(after, phones);
    if (!before->blocked_at) {
      if (auto blocked = first_blocked(sql, actor.agency_id, keys)) return tl::unexpected(blocked_error(*blocked));
    }
    after.company_id = *company ? std::optional<std::int64_t>(save_company(sql, **company, now)) : std::nullopt;
    contact_store::update_person(sql, after, now);
    if (*phone_inputs) contact_store::replace_phones(sql, actor.agency_id, id, phones);
    // The objection covers the person, so a number or address given later is blocked as well.
    if (before->blocked_at) block(sql, actor.agency_id, keys, "added to a blocked contact", actor.user_id, now);
    auto changed = changed_fields(*before, after);
    if (*phone_inputs) changed.push_back("phones");
    if (fields.has("company")) changed.push_back("company");
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, now, "contact.updated", "person", id, {{"fields", changed}}));
    return detail(sql, *contact_store::find_person(sql, actor.agency_id, id));
  });
}

Result<ContactDetail> ContactService::get(const Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  TT_TRY(person, visible_person(*lease, actor, id));
  return detail(*lease, std::move(*person));
}

Result<std::vector<PersonSummary>> ContactService::search(const Principal& actor, const std::string& query,
                                                          std::optional<std::int64_t> client_id, Page page) {
  auto lease = database_.session();
  contact_store::SearchTerms terms;
  terms.client_id = actor.client_id ? actor.client_id : client_id;
  if (actor.client_id && client_id && *client_id != *actor.client_id) return std::vector<PersonSummary>{};
  std::vector<std::string> countries;
  if (terms.client_id) {
    const auto client = identity::tenant_store::find_client(*lease, actor.agency_id, *terms.client_id);
    if (!client) return std::vector<PersonSummary>{};
    countries.push_back(client->country);
  } else {
    countries = contact_store::client_countries(*lease, actor.agency_id);
  }
  // A typed number is read as one of the client's country (or, across clients, of each of their countries).
  if (std::any_of(query.begin(), query.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::size_t slot = 0;
    for (const auto& country : countries) {
      if (slot == terms.e164.size()) break;
      auto number = normalise_phone(query, country, "q");
      if (!number) continue;
      if (std::find(terms.e164.begin(), terms.e164.end(), number->e164) == terms.e164.end()) {
        terms.e164[slot++] = number->e164;
      }
    }
  }
  const std::string folded = fold_text(query);
  std::size_t word_count = 0;
  for (std::size_t start = 0; start < folded.size() && word_count < kMaxSearchWords;) {
    const auto end = std::min(folded.find(' ', start), folded.size());
    terms.words[word_count++] = folded.substr(start, end - start);
    start = end + 1;
  }
  // Nothing to look for: an empty query lists everyone; a number that is no valid number finds nothing by words.
  if (word_count == 0 && !query.empty() && terms.e164[0].empty()) return std::vector<PersonSummary>{};
  return contact_store::search(*lease, actor.agency_id, terms, page.limit, page.offset);
}

Result<Lead> ContactService::add_lead(const Principal& actor, std::int64_t campaign_id, std::int64_t person_id,
                                      const RequestMeta& meta) {
  const std::int64_t now = platform::to_micros(clock_.now());
  return database_.transaction("lead.create", [&](soci::session& sql) -> Result<Lead> {
    const auto campaign = campaigns::campaign_store::find(sql, actor.agency_id, campaign_id);
    if (!campaign || !identity::can_see_client(actor, campaign->client_id)) {
      return fail(ErrorCode::not_found, "no such campaign", "id");
    }
    auto person = contact_store::find_person(sql, actor.agency_id, person_id);
    if (!person || person->client_id != campaign->client_id) {
      return fail(ErrorCode::invalid, "no such contact of the campaign's client", "person_id");
    }
    if (person->erased_at) return fail(ErrorCode::conflict, "the contact was erased", "person_id");
    if (person->blocked_at) {
      return fail(ErrorCode::conflict, "blocked: the contact objected to being called", "person_id");
    }
    if (auto blocked = first_blocked(sql, actor.agency_id,
                                     block_keys(*person, contact_store::phones(sql, actor.agency_id, person_id)))) {
      return fail(ErrorCode::conflict, blocked_error(*blocked).message, "person_id");
    }
    if (contact_store::lead_exists(sql, campaign_id, person_id)) {
      return fail(ErrorCode::conflict, "the contact is a lead of this campaign already", "person_id");
    }
    const auto lead_id = contact_store::insert_lead(sql, actor.agency_id, campaign_id, person_id, "new", now);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "lead.created", "person", person_id,
                                                           {{"campaign_id", campaign_id}, {"lead_id", lead_id}}));
    for (auto& lead : contact_store::leads_of_person(sql, actor.agency_id, person_id)) {
      if (lead.id == lead_id) return lead;
    }
    return fail(ErrorCode::not_found, "the lead vanished", "id");
  });
}

Result<std::vector<contact_store::CampaignLead>> ContactService::campaign_leads(const Principal& actor,
                                                                                std::int64_t campaign_id, Page page) {
  auto lease = database_.session();
  const auto campaign = campaigns::campaign_store::find(*lease, actor.agency_id, campaign_id);
  if (!campaign || !identity::can_see_client(actor, campaign->client_id)) {
    return fail(ErrorCode::not_found, "no such campaign", "id");
  }
  return contact_store::leads_of_campaign(*lease, actor.agency_id, campaign_id, page.limit, page.offset);
}

}  // namespace termintreu::contacts
