#include "contacts/contact_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::contacts::contact_store {
namespace {

constexpr const char* kInsertCompany =
    "INSERT INTO companies (agency_id, client_id, name, name_key, industry, size, website, street, postal_code, "
    "city, state, country, created_at, updated_at) VALUES (:agency_id, :client_id, :name, :name_key, :industry, "
    ":size, :website, :street, :postal_code, :city, :state, :country, :now, :now2) RETURNING id";
constexpr const char* kUpdateCompany =
    "UPDATE companies SET name = :name, name_key = :name_key, industry = :industry, size = :size, website = "
    ":website, street = :street, postal_code = :postal_code, city = :city, state = :state, country = :country, "
    "updated_at = :now WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSelectCompany =
    "SELECT id, agency_id, client_id, name, name_key, industry, size, website, street, postal_code, city, state, "
    "country FROM companies WHERE id = :id AND agency_id = :agency_id";

constexpr const char* kInsertPerson =
    "INSERT INTO persons (agency_id, client_id, company_id, salutation, title, first_name, last_name, function, "
    "level, email, email_key, time_zone, legal_basis, legal_basis_reason, notes, external_id, name_key, "
    "created_at, updated_at) VALUES (:agency_id, :client_id, :company_id, :salutation, :title, :first_name, "
    ":last_name, :function, :level, :email, :email_key, :time_zone, :legal_basis, :legal_basis_reason, :notes, "
    ":external_id, :name_key, :now, :now2) RETURNING id";
constexpr const char* kUpdatePerson =
    "UPDATE persons SET company_id = :company_id, salutation = :salutation, title = :title, first_name = "
    ":first_name, last_name = :last_name, function = :function, level = :level, email = :email, email_key = "
    ":email_key, time_zone = :time_zone, legal_basis = :legal_basis, legal_basis_reason = :legal_basis_reason, "
    "notes = :notes, external_id = :external_id, name_key = :name_key, updated_at = :now "
    "WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSelectPerson =
    "SELECT id, agency_id, client_id, company_id, salutation, title, first_name, last_name, function, level, email, "
    "email_key, time_zone, legal_basis, legal_basis_reason, notes, external_id, name_key, blocked_at, erased_at, "
    "created_at, updated_at FROM persons WHERE id = :id AND agency_id = :agency_id";

constexpr const char* kHasPhone =
    "SELECT 1 FROM phone_numbers WHERE person_id = :person_id AND agency_id = :agency_id AND e164 = :e164 LIMIT 1";
constexpr const char* kSelectPhones =
    "SELECT id, kind, e164, number_type, region FROM phone_numbers WHERE person_id = :person_id AND agency_id = "
    ":agency_id ORDER BY id";
constexpr const char* kDeletePhones = "DELETE FROM phone_numbers WHERE person_id = :person_id AND agency_id = :agency_id";
constexpr const char* kInsertPhone =
    "INSERT INTO phone_numbers (agency_id, person_id, kind, e164, number_type, region) VALUES (:agency_id, "
    ":person_id, :kind, :e164, :number_type, :region)";

constexpr const char* kLeadsOfPerson =
    "SELECT l.id, l.campaign_id, c.name, c.client_id, l.person_id, l.state, l.priority, l.created_at, l.updated_at "
    "FROM leads l JOIN campaigns c ON c.id = l.campaign_id WHERE l.person_id = :person_id AND l.agency_id = "
    ":agency_id ORDER BY l.id";
constexpr const char* kLeadExists =
    "SELECT COUNT(*) FROM leads WHERE campaign_id = :campaign_id AND person_id = :person_id";
constexpr const char* kInsertLead =
    "INSERT INTO leads (agency_id, campaign_id, person_id, state, created_at, updated_at) VALUES (:agency_id, "
    ":campaign_id, :person_id, :state, :now, :now2) RETURNING id";

// The first phone number of a person, for lists.
#define TT_FIRST_PHONE \
  "COALESCE((SELECT n.e164 FROM phone_numbers n WHERE n.person_id = p.id ORDER BY n.id LIMIT 1), '')"

constexpr const char* kLeadsOfCampaign =
    "SELECT l.id, l.campaign_id, c.name, c.client_id, l.person_id, l.state, l.priority, l.created_at, l.updated_at, "
    "p.client_id, p.first_name, p.last_name, COALESCE(co.name, ''), p.function, p.email, " TT_FIRST_PHONE
    ", CASE WHEN p.blocked_at IS NULL THEN 0 ELSE 1 END "
    "FROM leads l JOIN campaigns c ON c.id = l.campaign_id JOIN persons p ON p.id = l.person_id "
    "LEFT JOIN companies co ON co.id = p.company_id "
    "WHERE l.campaign_id = :campaign_id AND l.agency_id = :agency_id ORDER BY l.id LIMIT :limit OFFSET :offset";

// The haystack of a word search: name key (company|first|last), company key and e-mail key.
#define TT_HAYSTACK "(p.name_key || ' ' || COALESCE(co.name_key, '') || ' ' || p.email_key)"
constexpr const char* kSearch =
    "SELECT p.id, p.client_id, p.first_name, p.last_name, COALESCE(co.name, ''), p.function, p.email, " TT_FIRST_PHONE
    ", CASE WHEN p.blocked_at IS NULL THEN 0 ELSE 1 END "
    "FROM persons p LEFT JOIN companies co ON co.id = p.company_id "
    "WHERE p.agency_id = :agency_id AND p.erased_at IS NULL AND (:no_client = 1 OR p.client_id = :client_id) AND ("
    "(" TT_HAYSTACK " LIKE :w1 AND " TT_HAYSTACK " LIKE :w2 AND " TT_HAYSTACK " LIKE :w3 AND " TT_HAYSTACK
    " LIKE :w4) OR p.id IN (SELECT n.person_id FROM phone_numbers n WHERE n.agency_id = :agency_id2 AND n.e164 IN "
    "(:e1, :e2, :e3))) ORDER BY p.last_name, p.first_name, p.id LIMIT :limit OFFSET :offset";
#undef TT_HAYSTACK
#undef TT_FIRST_PHONE

constexpr const char* kPersonsWithPhone =
    "SELECT DISTINCT person_id FROM phone_numbers WHERE agency_id = :agency_id AND e164 = :e164";
constexpr const char* kPersonsWithEmail =
    "SELECT id FROM persons WHERE agency_id = :agency_id AND email_key = :email_key AND email_key <> ''";
constexpr const char* kPersonsWithName =
    "SELECT id FROM persons WHERE agency_id = :agency_id AND name_key = :name_key AND name_key <> ''";

constexpr const char* kSetBlocked =
    "UPDATE persons SET blocked_at = COALESCE(blocked_at, :now), updated_at = :now2 WHERE id = :id AND agency_id = "
    ":agency_id";
constexpr const char* kBlockLeads =
    "UPDATE leads SET state = 'blocked', updated_at = :now WHERE person_id = :person_id AND agency_id = :agency_id "
    "AND state <> 'blocked'";

constexpr const char* kErase =
    "UPDATE persons SET company_id = NULL, salutation = '', title = '', first_name = '', last_name = '', "
    "function = '', level = '', email = '', email_key = '', time_zone = '', legal_basis_reason = '', notes = '', "
    "external_id = '', name_key = '', erased_at = COALESCE(erased_at, :now), updated_at = :now2 "
    "WHERE id = :id AND agency_id = :agency_id";

constexpr const char* kClientCountries =
    "SELECT DISTINCT country FROM clients WHERE agency_id = :agency_id ORDER BY country";

struct CompanyRow {
  long long id = 0, agency_id = 0, client_id = 0;
  std::string name, name_key, industry, size, website, street, postal_code, city, state, country;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    for (auto* text : {&name, &name_key, &industry, &size, &website, &street, &postal_code, &city, &state, &country}) {
      st.exchange(soci::into(*text));
    }
  }
  Company to_model() const {
    return Company{id,      agency_id, client_id, name,        name_key, industry, size,
                   website, street,    postal_code, city,      state,    country};
  }
};

struct PersonRow {
  long long id = 0, agency_id = 0, client_id = 0, created_at = 0, updated_at = 0;
  std::optional<long long> company_id, blocked_at, erased_at;
  std::string salutation, title, first_name, last_name, function, level, email, email_key, time_zone, legal_basis,
      legal_basis_reason, notes, external_id, name_key;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(company_id));
    for (auto* text : {&salutation, &title, &first_name, &last_name, &function, &level, &email, &email_key,
                       &time_zone, &legal_basis, &legal_basis_reason, &notes, &external_id, &name_key}) {
      st.exchange(soci::into(*text));
    }
    st.exchange(soci::into(blocked_at));
    st.exchange(soci::into(erased_at));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }
  Person to_model() const {
    Person p;
    p.id = id;
    p.agency_id = agency_id;
    p.client_id = client_id;
    if (company_id) p.company_id = *company_id;
    p.salutation = salutation;
    p.title = title;
    p.first_name = first_name;
    p.last_name = last_name;
    p.function = function;
    p.level = level;
    p.email = email;
    p.email_key = email_key;
    p.time_zone = time_zone;
    p.legal_basis = legal_basis;
    p.legal_basis_reason = legal_basis_reason;
    p.notes = notes;
    p.external_id = external_id;
    p.name_key = name_key;
    if (blocked_at) p.blocked_at = *blocked_at;
    if (erased_at) p.erased_at = *erased_at;
    p.created_at = created_at;
    p.updated_at = updated_at;
    return p;
  }
};

struct PhoneRow {
  long long id = 0;
  std::string kind, e164, number_type, region;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    for (auto* text : {&kind, &e164, &number_type, &region}) st.exchange(soci::into(*text));
  }
  Phone to_model() const { return Phone{id, kind, e164, number_type, region}; }
};

struct LeadRow {
  long long id = 0, campaign_id = 0, client_id = 0, person_id = 0, priority = 0, created_at = 0, updated_at = 0;
  std::string campaign_name, state;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(campaign_name));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(state));
    st.exchange(soci::into(priority));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }
  Lead to_model() const {
    return Lead{id, campaign_id, campaign_name, client_id, person_id, state, priority, created_at, updated_at};
  }
};

struct SummaryRow {
  long long id = 0, client_id = 0, blocked = 0;
  std::string first_name, last_name, company_name, function, email, phone;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(client_id));
    for (auto* text : {&first_name, &last_name, &company_name, &function, &email, &phone}) {
      st.exchange(soci::into(*text));
    }
    st.exchange(soci::into(blocked));
  }
  PersonSummary to_model() const {
    return PersonSummary{id, client_id, first_name, last_name, company_name, function, email, phone, blocked != 0};
  }
};

struct CampaignLeadRow {
  LeadRow lead;
  SummaryRow person;
  void bind(soci::statement& st) {
    lead.bind(st);
    // The summary's id is the lead's person id, already bound above.
    st.exchange(soci::into(person.client_id));
    for (auto* text : {&person.first_name, &person.last_name, &person.company_name, &person.function,
                       &person.email, &person.phone}) {
      st.exchange(soci::into(*text));
    }
    st.exchange(soci::into(person.blocked));
  }
  CampaignLead to_model() const {
    CampaignLead out{lead.to_model(), person.to_model()};
    out.person.id = lead.person_id;
    return out;
  }
};

struct IdRow {
  long long id = 0;
  void bind(soci::statement& st) { st.exchange(soci::into(id)); }
  std::int64_t to_model() const { return id; }
};

std::optional<long long> optional_id(const std::optional<std::int64_t>& id) {
  return id ? std::optional<long long>(*id) : std::nullopt;
}

}  // namespace

std::int64_t insert_company(soci::session& sql, const Company& c, std::int64_t now) {
  long long id = 0;
  const long long agency = c.agency_id, client = c.client_id, at = now;
  sql << kInsertCompany, soci::use(agency), soci::use(client), soci::use(c.name), soci::use(c.name_key),
      soci::use(c.industry), soci::use(c.size), soci::use(c.website), soci::use(c.street), soci::use(c.postal_code),
      soci::use(c.city), soci::use(c.state), soci::use(c.country), soci::use(at), soci::use(at), soci::into(id);
  return id;
}

void update_company(soci::session& sql, const Company& c, std::int64_t now) {
  const long long id = c.id, agency = c.agency_id, at = now;
  platform::db::execute(sql, kUpdateCompany, c.name, c.name_key, c.industry, c.size, c.website, c.street, c.postal_code,
                        c.city, c.state, c.country, at, id, agency);
}

std::optional<Company> find_company(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<CompanyRow>(sql, kSelectCompany, wanted, agency);
}

std::int64_t insert_person(soci::session& sql, const Person& p, std::int64_t now) {
  long long id = 0;
  const long long agency = p.agency_id, client = p.client_id, at = now;
  const auto company = optional_id(p.company_id);
  sql << kInsertPerson, soci::use(agency), soci::use(client), soci::use(company), soci::use(p.salutation),
      soci::use(p.title), soci::use(p.first_name), soci::use(p.last_name), soci::use(p.function), soci::use(p.level),
      soci::use(p.email), soci::use(p.email_key), soci::use(p.time_zone), soci::use(p.legal_basis),
      soci::use(p.legal_basis_reason), soci::use(p.notes), soci::use(p.external_id), soci::use(p.name_key),
      soci::use(at), soci::use(at), soci::into(id);
  return id;
}

void update_person(soci::session& sql, const Person& p, std::int64_t now) {
  const long long id = p.id, agency = p.agency_id, at = now;
  const auto company = optional_id(p.company_id);
  platform::db::execute(sql, kUpdatePerson, company, p.salutation, p.title, p.first_name, p.last_name, p.function,
                        p.level, p.email, p.email_key, p.time_zone, p.legal_basis, p.legal_basis_reason, p.notes,
                        p.external_id, p.name_key, at, id, agency);
}

std::optional<Person> find_person(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<PersonRow>(sql, kSelectPerson, wanted, agency);
}

std::vector<Phone> phones(soci::session& sql, std::int64_t agency_id, std::int64_t person_id) {
  const long long person = person_id, agency = agency_id;
  return platform::db::fetch_rows<PhoneRow>(sql, kSelectPhones, person, agency);
}

bool has_phone(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, const std::string& e164) {
  const long long person = person_id, agency = agency_id;
  return platform::db::fetch_value<long long>(sql, kHasPhone, person, agency, e164).has_value();
}

void replace_phones(soci::session& sql, std::int64_t agency_id, std::int64_t person_id,
                    const std::vector<Phone>& phones) {
  const long long person = person_id, agency = agency_id;
  platform::db::execute(sql, kDeletePhones, person, agency);
  for (const auto& phone : phones) {
    platform::db::execute(sql, kInsertPhone, agency, person, phone.kind, phone.e164, phone.number_type, phone.region);
  }
}

std::vector<Lead> leads_of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id) {
  const long long person = person_id, agency = agency_id;
  return platform::db::fetch_rows<LeadRow>(sql, kLeadsOfPerson, person, agency);
}

bool lead_exists(soci::session& sql, std::int64_t campaign_id, std::int64_t person_id) {
  long long count = 0;
  const long long campaign = campaign_id, person = person_id;
  sql << kLeadExists, soci::use(campaign), soci::use(person), soci::into(count);
  return count > 0;
}

std::int64_t insert_lead(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, std::int64_t person_id,
                         const std::string& state, std::int64_t now) {
  long long id = 0;
  const long long agency = agency_id, campaign = campaign_id, person = person_id, at = now;
  sql << kInsertLead, soci::use(agency), soci::use(campaign), soci::use(person), soci::use(state), soci::use(at),
      soci::use(at), soci::into(id);
  return id;
}

std::vector<CampaignLead> leads_of_campaign(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                            int limit, int offset) {
  const long long campaign = campaign_id, agency = agency_id, lim = limit, off = offset;
  return platform::db::fetch_rows<CampaignLeadRow>(sql, kLeadsOfCampaign, campaign, agency, lim, off);
}

std::vector<PersonSummary> search(soci::session& sql, std::int64_t agency_id, const SearchTerms& terms, int limit,
                                  int offset) {
  const long long agency = agency_id, no_client = terms.client_id ? 0 : 1, client = terms.client_id.value_or(0),
                  lim = limit, off = offset;
  std::array<std::string, 4> patterns;
  for (std::size_t i = 0; i < patterns.size(); ++i) patterns[i] = "%" + terms.words[i] + "%";
  return platform::db::fetch_rows<SummaryRow>(sql, kSearch, agency, no_client, client, patterns[0], patterns[1],
                                              patterns[2], patterns[3], agency, terms.e164[0], terms.e164[1],
                                              terms.e164[2], lim, off);
}

std::vector<std::int64_t> persons_with_phone(soci::session& sql, std::int64_t agency_id, const std::string& e164) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<IdRow>(sql, kPersonsWithPhone, agency, e164);
}

std::vector<std::int64_t> persons_with_email_key(soci::session& sql, std::int64_t agency_id,
                                                 const std::string& email_key) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<IdRow>(sql, kPersonsWithEmail, agency, email_key);
}

std::vector<std::int64_t> persons_with_name_key(soci::session& sql, std::int64_t agency_id,
                                                const std::string& name_key) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<IdRow>(sql, kPersonsWithName, agency, name_key);
}

void set_blocked(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, std::int64_t now) {
  const long long agency = agency_id, person = person_id, at = now;
  platform::db::execute(sql, kSetBlocked, at, at, person, agency);
  platform::db::execute(sql, kBlockLeads, at, person, agency);
}

void erase(soci::session& sql, std::int64_t agency_id, std::int64_t person_id, std::int64_t now) {
  const long long agency = agency_id, person = person_id, at = now;
  replace_phones(sql, agency_id, person_id, {});
  platform::db::execute(sql, kErase, at, at, person, agency);
}

std::vector<std::string> client_countries(soci::session& sql, std::int64_t agency_id) {
  const long long agency = agency_id;
  std::vector<std::string> out;
  soci::rowset<std::string> rows = (sql.prepare << kClientCountries, soci::use(agency));
  for (const auto& country : rows) out.push_back(country);
  return out;
}

}  // namespace termintreu::contacts::contact_store
