#pragma once
// Companies and persons as project managers and agents keep them: create (with an existing or a new company),
// edit, look up with everything that belongs to a person, search, and put persons into campaigns as leads.
// Every change is audited; audit details name fields and ids only, never personal values, because the audit log
// is append-only and must not keep what an erasure removes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/blocking.hpp"
#include "contacts/consent_chain.hpp"
#include "contacts/contact.hpp"
#include "contacts/contact_store.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"
#include "platform/json_input.hpp"

namespace termintreu::contacts {

struct ContactDetail {
  Person person;
  std::optional<Company> company;
  std::vector<Phone> phones;
  std::vector<Lead> leads;
  std::vector<ConsentRecord> consents;
};

struct Page {
  int limit = 50;
  int offset = 0;
};

// Whether the person's newest consent record is a consent (not a withdrawal).
bool has_current_consent(const std::vector<ConsentRecord>& records);

class ContactService {
 public:
  ContactService(platform::db::Database& database, const platform::Clock& clock);

  // `fields`: kPersonFields plus client_id (required), company_id or company {…}, campaign_id (optional: the person
  // becomes a lead there, and its country reads the numbers).
  platform::Result<ContactDetail> create(const identity::Principal& actor, const platform::JsonFields& fields,
                                         const identity::RequestMeta& meta);
  // `fields`: kPersonFields plus company_id or company {…} (edits the person's company, or gives it one).
  platform::Result<ContactDetail> update(const identity::Principal& actor, std::int64_t id,
                                         const platform::JsonFields& fields, const identity::RequestMeta& meta);
  platform::Result<ContactDetail> get(const identity::Principal& actor, std::int64_t id);
  // By name, company, e-mail (all words must match) or a phone number typed in any format.
  platform::Result<std::vector<PersonSummary>> search(const identity::Principal& actor, const std::string& query,
                                                      std::optional<std::int64_t> client_id, Page page);

  platform::Result<Lead> add_lead(const identity::Principal& actor, std::int64_t campaign_id, std::int64_t person_id,
                                  const identity::RequestMeta& meta);
  platform::Result<std::vector<contact_store::CampaignLead>> campaign_leads(const identity::Principal& actor,
                                                                            std::int64_t campaign_id, Page page);

 private:
  ContactDetail detail(soci::session& sql, Person person);

  platform::db::Database& database_;
  const platform::Clock& clock_;
};

// The person if it is in the actor's agency and the actor may see its client (erased ones included).
platform::Result<Person> visible_person(soci::session& sql, const identity::Principal& actor, std::int64_t id);
// The refusal for a blocked key: 409 "blocked", naming the field.
platform::Error blocked_error(const BlockKey& key);

}  // namespace termintreu::contacts
