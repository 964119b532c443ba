#include "calling/escalation_store.hpp"

#include <map>
#include <utility>

#include "calling/queue_rules.hpp"
#include "contacts/contact_store.hpp"
#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::escalation_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO escalations (agency_id, campaign_id, lead_id, raised_by, question, urgency, promised_at, "
    "created_at) VALUES (:agency_id, :campaign_id, :lead_id, :raised_by, :question, :urgency, :promised_at, :now) "
    "RETURNING id";
// The person's zone is their calling area's (as the queue reckons their local time), else their own.
constexpr const char* kSelect =
    "SELECT e.id, e.agency_id, e.campaign_id, e.lead_id, e.raised_by, e.question, e.urgency, e.promised_at, e.state, "
    "e.resolved_in, e.resolved_by, e.created_at, e.resolved_at, TRIM(p.first_name || ' ' || p.last_name), c.name, "
    "u.name, p.id, COALESCE(co.name, ''), COALESCE(a.time_zone, p.time_zone), COALESCE(a.country, '') "
    "FROM escalations e JOIN leads l ON l.id = e.lead_id JOIN persons p ON p.id = l.person_id "
    "JOIN campaigns c ON c.id = e.campaign_id JOIN users u ON u.id = e.raised_by "
    "LEFT JOIN companies co ON co.id = p.company_id LEFT JOIN calling_areas a ON a.id = l.area_id ";
constexpr const char* kFind = "WHERE e.id = :id AND e.agency_id = :agency_id";
constexpr const char* kOpenAll = "WHERE e.agency_id = :agency_id AND e.state = 'open' ORDER BY e.promised_at, e.id";
constexpr const char* kOpenOfSpecialist =
    "WHERE e.agency_id = :agency_id AND e.state = 'open' AND e.campaign_id IN (SELECT m.campaign_id FROM "
    "campaign_members m WHERE m.user_id = :user_id AND m.member_role = 'specialist') ORDER BY e.promised_at, e.id";
// The numbers of every person with an open escalation in the agency, in one query for the whole list.
constexpr const char* kPhonesOfOpen =
    "SELECT ph.person_id, ph.id, ph.kind, ph.e164, ph.number_type, ph.region FROM phone_numbers ph "
    "WHERE ph.agency_id = :agency_id AND ph.person_id IN (SELECT l.person_id FROM escalations e JOIN leads l ON "
    "l.id = e.lead_id WHERE e.agency_id = :same_agency_id AND e.state = 'open') ORDER BY ph.person_id, ph.id";
constexpr const char* kOfLead =
    "WHERE e.agency_id = :agency_id AND e.lead_id = :lead_id ORDER BY e.created_at DESC, e.id DESC";
constexpr const char* kResolve =
    "UPDATE escalations SET state = 'resolved', resolved_in = :attempt_id, resolved_by = :user_id, "
    "resolved_at = :now WHERE id = :id AND state = 'open'";
constexpr const char* kEscalatedTo =
    "SELECT COUNT(*) FROM escalations e JOIN campaign_members m ON m.campaign_id = e.campaign_id "
    "AND m.user_id = :user_id AND m.member_role = 'specialist' WHERE e.agency_id = :agency_id AND e.lead_id = :lead_id";
constexpr const char* kIsSpecialist =
    "SELECT user_id FROM campaign_members WHERE campaign_id = :campaign_id AND user_id = :user_id "
    "AND member_role = 'specialist'";

struct EscalationRow {
  long long id = 0, agency_id = 0, campaign_id = 0, lead_id = 0, raised_by = 0, promised_at = 0, created_at = 0;
  std::optional<long long> resolved_in, resolved_by, resolved_at;
  std::string question, urgency, state, person_name, campaign_name, raised_by_name;
  long long person_id = 0;
  std::string company_name, area_time_zone, area_country;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(raised_by));
    st.exchange(soci::into(question));
    st.exchange(soci::into(urgency));
    st.exchange(soci::into(promised_at));
    st.exchange(soci::into(state));
    st.exchange(soci::into(resolved_in));
    st.exchange(soci::into(resolved_by));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(resolved_at));
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(campaign_name));
    st.exchange(soci::into(raised_by_name));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(company_name));
    st.exchange(soci::into(area_time_zone));
    st.exchange(soci::into(area_country));
  }
  static std::optional<std::int64_t> id_of(const std::optional<long long>& v) {
    return v ? std::optional<std::int64_t>(*v) : std::nullopt;
  }
  Escalation to_model() const {
    Escalation e;
    e.id = id;
    e.agency_id = agency_id;
    e.campaign_id = campaign_id;
    e.lead_id = lead_id;
    e.raised_by = raised_by;
    e.question = question;
    e.urgency = urgency;
    e.promised_at = promised_at;
    e.state = state;
    e.resolved_in = id_of(resolved_in);
    e.resolved_by = id_of(resolved_by);
    e.created_at = created_at;
    e.resolved_at = id_of(resolved_at);
    e.person_name = person_name;
    e.campaign_name = campaign_name;
    e.raised_by_name = raised_by_name;
    e.person_id = person_id;
    e.company_name = company_name;
    const auto* zone = local_zone(Area{0, area_time_zone, area_country, ""});
    if (zone != nullptr) e.time_zone = std::string(zone->name());
    return e;
  }
};

struct PersonPhoneRow {
  long long person_id = 0, id = 0;
  std::string kind, e164, number_type, region;
  void bind(soci::statement& st) {
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(id));
    for (auto* text : {&kind, &e164, &number_type, &region}) st.exchange(soci::into(*text));
  }
  std::pair<std::int64_t, contacts::Phone> to_model() const {
    return {person_id, contacts::Phone{id, kind, e164, number_type, region}};
  }
};

}  // namespace

std::int64_t insert(soci::session& sql, const Escalation& e) {
  long long id = 0;
  const long long agency = e.agency_id, campaign = e.campaign_id, lead = e.lead_id, by = e.raised_by,
                  promised = e.promised_at, now = e.created_at;
  sql << kInsert, soci::use(agency), soci::use(campaign), soci::use(lead), soci::use(by), soci::use(e.question),
      soci::use(e.urgency), soci::use(promised), soci::use(now), soci::into(id);
  return id;
}

std::optional<Escalation> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long key = id, agency = agency_id;
  auto found = platform::db::fetch_one<EscalationRow>(sql, std::string(kSelect) + kFind, key, agency);
  if (found) found->phones = contacts::contact_store::phones(sql, agency_id, found->person_id);
  return found;
}

std::vector<Escalation> open(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> specialist_id) {
  const long long agency = agency_id;
  std::vector<Escalation> found;
  if (!specialist_id) {
    found = platform::db::fetch_rows<EscalationRow>(sql, std::string(kSelect) + kOpenAll, agency);
  } else {
    const long long user = *specialist_id;
    found = platform::db::fetch_rows<EscalationRow>(sql, std::string(kSelect) + kOpenOfSpecialist, agency, user);
  }
  // Their numbers, to call back from the list.
  if (found.empty()) return found;
  std::map<std::int64_t, std::vector<contacts::Phone>> phones;
  for (auto& [person, phone] : platform::db::fetch_rows<PersonPhoneRow>(sql, kPhonesOfOpen, agency, agency)) {
    phones[person].push_back(std::move(phone));
  }
  for (auto& e : found) {
    if (const auto it = phones.find(e.person_id); it != phones.end()) e.phones = it->second;
  }
  return found;
}

std::vector<Escalation> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id) {
  const long long agency = agency_id, lead = lead_id;
  auto found = platform::db::fetch_rows<EscalationRow>(sql, std::string(kSelect) + kOfLead, agency, lead);
  if (found.empty()) return found;
  // One lead, one person: their numbers once for all.
  const auto phones = contacts::contact_store::phones(sql, agency_id, found.front().person_id);
  for (auto& e : found) e.phones = phones;
  return found;
}

bool resolve(soci::session& sql, std::int64_t id, std::int64_t attempt_id, std::int64_t user_id, std::int64_t now) {
  const long long key = id, attempt = attempt_id, user = user_id, at = now;
  return platform::db::execute(sql, kResolve, attempt, user, at, key) == 1;
}

bool escalated_to(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id, std::int64_t user_id) {
  const long long user = user_id, agency = agency_id, lead = lead_id;
  long long count = 0;
  sql << kEscalatedTo, soci::use(user), soci::use(agency), soci::use(lead), soci::into(count);
  return count > 0;
}

bool is_specialist(soci::session& sql, std::int64_t campaign_id, std::int64_t user_id) {
  const long long campaign = campaign_id, user = user_id;
  long long found = 0;
  sql << kIsSpecialist, soci::use(campaign), soci::use(user), soci::into(found);
  return sql.got_data();
}

}  // namespace termintreu::calling::escalation_store
