#include "app/demo_data.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_store.hpp"
#include "appointments/place_coordinates.hpp"
#include "calling/attempt_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "contacts/match_keys.hpp"
#include "contacts/phone_number.hpp"
#include "identity/audit_log.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/crypto.hpp"

namespace termintreu::app {

using identity::Role;

namespace {

struct DemoClient {
  const char* name;
  const char* industry;
  const char* city;
};

constexpr DemoClient kClients[] = {
    {"Kessler Industrietechnik GmbH", "Maschinenbau", "Bielefeld"},
    {"Brandt & Söhne Gebäudetechnik KG", "Gebäudetechnik", "Leipzig"},
};

struct DemoCampaign {
  int client;
  const char* name;
  const char* state;
  const char* goal_kind;
  int goal_target;
  const char* starts_on;
  const char* ends_on;
  const char* caller_id;  // empty: none yet (a draft)
  const char* briefing;
};

constexpr DemoCampaign kCampaigns[] = {
    {0, "Wartungsverträge Mittelstand NRW", "active", "appointments", 40, "2026-11-02", "2026-12-23", "+495219876540",
     "Ziel: Vor-Ort-Termine mit Technischen Leitern und Instandhaltungsleitern von Betrieben mit 50 bis 500 "
     "Mitarbeitern in NRW. Kessler bietet Wartungsverträge für Fertigungsanlagen mit 4 Stunden Reaktionszeit."},
    {0, "Messe-Nachfass Hannover 2026", "paused", "qualified_leads", 120, "2026-10-05", "2026-11-27", "+495219876541",
     "Nachfass der Standbesucher der Hannover Messe: Interesse bestätigen, Bedarf und Zeitrahmen qualifizieren."},
    {1, "Wärmepumpen für Gewerbeimmobilien Sachsen", "active", "appointments", 25, "2026-11-16", "2027-01-29",
     "+493419876540",
     "Ziel: Termine mit Geschäftsführern und Facility-Managern von Gewerbeimmobilien ab 1.000 m² in Sachsen."},
    {1, "Infomaterial Fördermittel BEG", "draft", "information_requests", 200, "2027-01-11", "2027-03-05", "", ""},
};

struct DemoRep {
  int client;
  const char* name;
  const char* email;
  const char* territories;
  const char* street;  // home base
  const char* postal_code;
  const char* city;
  const char* state;
};

constexpr DemoRep kReps[] = {
    {0, "Stefan Ruhnau", "s.ruhnau@kessler-industrietechnik.example", "32,33,48,49", "Herforder Straße 12", "33602",
     "Bielefeld", "NW"},
    {0, "Melanie Gorski", "m.gorski@kessler-industrietechnik.example", "40,41,42,44,45,46,47",
     "Rüttenscheider Straße 80", "45128", "Essen", "NW"},
    {1, "Uwe Hentschel", "u.hentschel@brandt-soehne.example", "01,02,04,08,09", "Königsbrücker Straße 45", "01099",
     "Dresden", "SN"},
};

campaigns::Rep demo_rep(const DemoRep& demo, std::int64_t agency_id, std::int64_t client_id) {
  campaigns::Rep rep;
  rep.agency_id = agency_id;
  rep.client_id = client_id;
  rep.name = demo.name;
  rep.email = demo.email;
  rep.territories = demo.territories;
  rep.street = demo.street;
  rep.postal_code = demo.postal_code;
  rep.city = demo.city;
  rep.state = demo.state;
  return rep;
}

campaigns::Script demo_script() {
  campaigns::Script script;
  script.sections = {
      {"Begrüßung", "Guten Tag, mein Name ist … von Vertriebswerk im Auftrag der {{client}}. Spreche ich mit "
                    "{{salutation}} {{last_name}}?"},
      {"Anlass", "Wir sprechen mit Verantwortlichen für die Instandhaltung darüber, wie sich ungeplante "
                 "Stillstände vermeiden lassen."},
      {"Terminvorschlag", "Unser Fachberater ist nächste Woche in Ihrer Region – passt Ihnen Dienstag oder "
                          "Donnerstag besser?"},
  };
  script.objections = {
      {"Kein Interesse.", "Das verstehe ich. Darf ich fragen, wie Sie Wartung heute organisieren?"},
      {"Schicken Sie mir Unterlagen.", "Gern. Damit die Unterlagen passen: Um wie viele Anlagen geht es?"},
      {"Wir haben schon einen Dienstleister.", "Gut so. Viele unserer Kunden nutzen uns als zweiten Partner für "
                                               "Engpässe – wäre das ein Thema?"},
  };
  return script;
}

struct DemoPerson {
  Role role;
  const char* name;
  const char* email;
  int client;  // -1: agency staff
};

constexpr DemoPerson kPeople[] = {
    {Role::admin, "Katrin Albers", "k.albers@vertriebswerk.example", -1},
    {Role::project_manager, "Jonas Petersen", "j.petersen@vertriebswerk.example", -1},
    {Role::supervisor, "Miriam Sommer", "m.sommer@vertriebswerk.example", -1},
    {Role::agent, "Tobias Wendt", "t.wendt@vertriebswerk.example", -1},
    {Role::agent, "Aylin Demir", "a.demir@vertriebswerk.example", -1},
    {Role::client_manager, "Dr. Heike Kessler", "h.kessler@kessler-industrietechnik.example", 0},
    {Role::client_rep, "Stefan Ruhnau", "s.ruhnau@kessler-industrietechnik.example", 0},
};

constexpr const char* kAgency = "Vertriebswerk Telefonakquise GmbH";

// Fictional prospects. Their numbers lie in the blocks the Bundesnetzagentur keeps free for film and fiction
// (030 23125, 040 66969, 069 90009, 0221 4710, 089 99998 followed by three digits), so a demo can never ring anyone.
struct DemoCompany {
  int client;
  const char* name;
  const char* industry;
  const char* size;
  const char* street;
  const char* postal_code;
  const char* city;
  const char* website;
};

constexpr DemoCompany kCompanies[] = {
    {0, "Hartmann Präzisionsteile GmbH", "Metallverarbeitung", "120 Mitarbeiter", "Industriestraße 14", "33602",
     "Bielefeld", "hartmann-praezision.example"},
    {0, "Lindner Kunststofftechnik GmbH & Co. KG", "Kunststoffverarbeitung", "260 Mitarbeiter", "Am Hafen 3",
     "48155", "Münster", "lindner-kunststoff.example"},
    {0, "Westfalia Verpackungsmaschinen AG", "Maschinenbau", "480 Mitarbeiter", "Gewerbepark Nord 22", "44147",
     "Dortmund", "westfalia-vm.example"},
    {0, "Brückner Feinguss GmbH", "Gießerei", "90 Mitarbeiter", "Hüttenweg 7", "45127", "Essen",
     "brueckner-feinguss.example"},
    {0, "Rheinmetall-Zulieferer Sauer KG", "Automobilzulieferer", "340 Mitarbeiter", "Kölner Straße 118", "40211",
     "Düsseldorf", "sauer-kg.example"},
    {1, "Gewerbehof Leipzig-Plagwitz GmbH", "Immobilienverwaltung", "35 Mitarbeiter", "Karl-Heine-Straße 90",
     "04229", "Leipzig", "gewerbehof-plagwitz.example"},
    {1, "Elbland Logistikzentrum GmbH", "Logistik", "210 Mitarbeiter", "Hafenstraße 31", "01067", "Dresden",
     "elbland-logistik.example"},
    {1, "Chemnitzer Bürohaus AG", "Immobilien", "60 Mitarbeiter", "Straße der Nationen 12", "09111", "Chemnitz",
     "buerohaus-chemnitz.example"},
    {1, "Vogtland Frischemarkt GmbH", "Lebensmittelhandel", "150 Mitarbeiter", "Marktplatz 4", "08523", "Plauen",
     "vogtland-frische.example"},
};

struct DemoProspect {
  int company;
  const char* salutation;
  const char* title;
  const char* first_name;
  const char* last_name;
  const char* function;
  const char* level;
  const char* email;
  const char* phone;
};

constexpr DemoProspect kProspects[] = {
    {0, "Herr", "", "Markus", "Hartmann", "Geschäftsführer", "C-Level", "m.hartmann@hartmann-praezision.example",
     "030 23125101"},
    {0, "Frau", "", "Sabine", "Krüger", "Leiterin Instandhaltung", "Bereichsleitung",
     "s.krueger@hartmann-praezision.example", "030 23125102"},
    {1, "Herr", "Dr.", "Thomas", "Lindner", "Technischer Leiter", "Bereichsleitung",
     "t.lindner@lindner-kunststoff.example", "040 66969201"},
    {1, "Herr", "", "Florian", "Janssen", "Leiter Produktion", "Abteilungsleitung",
     "f.janssen@lindner-kunststoff.example", "040 66969202"},
    {2, "Frau", "", "Claudia", "Becker", "Vorständin Technik", "C-Level", "c.becker@westfalia-vm.example",
     "069 90009301"},
    {2, "Herr", "", "Dennis", "Wolff", "Leiter Instandhaltung", "Abteilungsleitung", "d.wolff@westfalia-vm.example",
     "069 90009302"},
    {2, "Herr", "", "Oliver", "Schmitz", "Einkaufsleiter", "Abteilungsleitung", "o.schmitz@westfalia-vm.example",
     "069 90009303"},
    {3, "Herr", "", "Ralf", "Brückner", "Geschäftsführender Gesellschafter", "C-Level",
     "r.brueckner@brueckner-feinguss.example", "0221 4710401"},
    {3, "Frau", "", "Nadine", "Özdemir", "Betriebsleiterin", "Bereichsleitung",
     "n.oezdemir@brueckner-feinguss.example", "0221 4710402"},
    {4, "Herr", "", "Jürgen", "Sauer", "Werkleiter", "Bereichsleitung", "j.sauer@sauer-kg.example", "089 99998501"},
    {4, "Frau", "", "Katharina", "Vogel", "Leiterin Technik", "Abteilungsleitung", "k.vogel@sauer-kg.example",
     "089 99998502"},
    {5, "Herr", "", "Steffen", "Richter", "Geschäftsführer", "C-Level", "s.richter@gewerbehof-plagwitz.example",
     "030 23125601"},
    {5, "Frau", "", "Anja", "Lehmann", "Facility-Managerin", "Abteilungsleitung",
     "a.lehmann@gewerbehof-plagwitz.example", "030 23125602"},
    {6, "Herr", "", "Maik", "Schulze", "Leiter Standortbetrieb", "Bereichsleitung", "m.schulze@elbland-logistik.example",
     "040 66969701"},
    {6, "Frau", "Dr.", "Ines", "Hoffmann", "Geschäftsführerin", "C-Level", "i.hoffmann@elbland-logistik.example",
     "040 66969702"},
    {7, "Herr", "", "Sven", "Neumann", "Vorstand", "C-Level", "s.neumann@buerohaus-chemnitz.example", "069 90009801"},
    {7, "Frau", "", "Petra", "Zimmermann", "Leiterin Gebäudemanagement", "Abteilungsleitung",
     "p.zimmermann@buerohaus-chemnitz.example", "069 90009802"},
    {8, "Herr", "", "Andreas", "Böhme", "Geschäftsführer", "C-Level", "a.boehme@vogtland-frische.example",
     "0221 4710901"},
    {8, "Frau", "", "Manuela", "Seidel", "Leiterin Filialtechnik", "Abteilungsleitung",
     "m.seidel@vogtland-frische.example", "0221 4710902"},
    {8, "Herr", "", "Rico", "Fischer", "Haustechniker", "Fachkraft", "r.fischer@vogtland-frische.example",
     "089 99998903"},
};

struct DemoLead {
  std::int64_t campaign_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t person_id = 0;
  std::string phone;  // E.164
};

// The demo prospects as companies and persons of the two clients, each a lead of its client's active campaign.
std::vector<DemoLead> load_demo_contacts(soci::session& sql, std::int64_t agency_id,
                                         const std::vector<std::int64_t>& client_ids,
                                         const std::vector<std::int64_t>& campaign_ids, std::int64_t now) {
  std::vector<DemoLead> leads;
  std::vector<std::int64_t> company_ids;
  for (const auto& demo : kCompanies) {
    contacts::Company company;
    company.agency_id = agency_id;
    company.client_id = client_ids.at(demo.client);
    company.name = demo.name;
    company.name_key = contacts::company_key(demo.name);
    company.industry = demo.industry;
    company.size = demo.size;
    company.street = demo.street;
    company.postal_code = demo.postal_code;
    company.city = demo.city;
    company.country = "DE";
    company.website = demo.website;
    company_ids.push_back(contacts::contact_store::insert_company(sql, company, now));
  }
  for (const auto& demo : kProspects) {
    const auto& company = kCompanies[demo.company];
    contacts::Person person;
    person.agency_id = agency_id;
    person.client_id = client_ids.at(company.client);
    person.company_id = company_ids.at(static_cast<std::size_t>(demo.company));
    person.salutation = demo.salutation;
    person.title = demo.title;
    person.first_name = demo.first_name;
    person.last_name = demo.last_name;
    person.function = demo.function;
    person.level = demo.level;
    person.email = demo.email;
    person.email_key = contacts::email_key(demo.email);
    person.time_zone = "Europe/Berlin";
    person.legal_basis = "presumed_b2b";
    person.legal_basis_reason = fmt::format("{} bei {}: das Angebot betrifft unmittelbar die Aufgaben der Funktion",
                                            demo.function, company.name);
    person.name_key = contacts::person_key(contacts::company_key(company.name), demo.first_name, demo.last_name);
    const auto person_id = contacts::contact_store::insert_person(sql, person, now);
    const auto number = contacts::normalise_phone(demo.phone, "DE").value();
    contacts::contact_store::replace_phones(
        sql, agency_id, person_id,
        {{0, "phone", number.e164, std::string(contacts::to_string(number.type)), number.region}});
    // The active campaign of each client: the first of client 0, the third (of client 1).
    const auto campaign_id = campaign_ids.at(company.client == 0 ? 0 : 2);
    const auto lead_id = contacts::contact_store::insert_lead(sql, agency_id, campaign_id, person_id, "new", now);
    leads.push_back({campaign_id, lead_id, person_id, number.e164});
  }
  return leads;
}

// A few days of calls on each active campaign, so the demo has a call log to download and verify. The same
// pattern on both: lead = index among the campaign's leads, agent = index among the agents.
struct DemoCall {
  int lead;
  int agent;
  int days_ago;
  int talk_seconds;
  const char* outcome;
  const char* reason;
  const char* note;
  int callback_in_days;  // 0: no callback
  int corrects_seq;      // 0: not a correction
};

constexpr DemoCall kCalls[] = {
    {0, 0, 6, 0, "no_answer", "", "", 0, 0},
    {1, 1, 6, 45, "gatekeeper", "", "Sekretariat: Entscheider nur dienstags erreichbar", 0, 0},
    {0, 1, 5, 0, "voicemail", "", "Mailbox, keine Nachricht hinterlassen", 0, 0},
    {2, 0, 4, 190, "callback", "", "Interesse, bittet um Rückruf nach der Inventur", 3, 0},
    {3, 1, 3, 95, "not_interested", "Kein Bedarf", "Wartung läuft über den Hersteller", 0, 0},
    {3, 1, 3, 95, "not_interested", "Kein Bedarf: Wartungsvertrag mit dem Hersteller bis 2028",
     "Grund präzisiert", 0, 5},
    {1, 0, 2, 310, "appointment", "", "Vor-Ort-Termin vereinbart, Anfahrt über Tor 2", 0, 0},
};

// The appointment a demo call set: in a few days at 10:00 in Berlin, on a weekday, with the campaign's rep for the
// company's postal code, at the company.
void load_demo_appointment(soci::session& sql, const DemoLead& lead, const calling::CallAttempt& attempt,
                           std::int64_t attempt_id, std::int64_t now) {
  static const appointments::PlaceIndex places{appointments::packaged_place_data()};
  const auto person = contacts::contact_store::find_person(sql, attempt.agency_id, lead.person_id);
  if (!person || !person->company_id) return;
  const auto company = contacts::contact_store::find_company(sql, attempt.agency_id, *person->company_id);
  const auto campaign = campaigns::campaign_store::find(sql, attempt.agency_id, lead.campaign_id);
  const auto rep_ids = campaigns::campaign_store::staff(sql, lead.campaign_id).rep_ids;
  if (!company || !campaign || rep_ids.empty()) return;
  std::int64_t rep_id = rep_ids.front();
  for (const auto id : rep_ids) {
    const auto rep = campaigns::rep_store::find(sql, attempt.agency_id, id);
    if (rep && campaigns::covers(rep->territories, company->postal_code)) rep_id = id;
  }
  const auto* berlin = date::locate_zone("Europe/Berlin");
  auto day = date::floor<date::days>(berlin->to_local(platform::from_micros(now))) + date::days{3};
  while (date::weekday{day}.iso_encoding() > 5) day += date::days{1};
  const auto starts = campaigns::instants_at_local(day + std::chrono::hours{10}, *berlin).front();

  appointments::Appointment a;
  a.agency_id = attempt.agency_id;
  a.client_id = campaign->client_id;
  a.campaign_id = lead.campaign_id;
  a.lead_id = lead.lead_id;
  a.person_id = lead.person_id;
  a.rep_id = rep_id;
  a.attempt_id = attempt_id;
  a.booked_by = attempt.agent_id;
  a.starts_at = starts;
  a.ends_at = starts + std::chrono::hours{1};
  a.time_zone = "Europe/Berlin";
  a.location = company->street + ", " + company->postal_code + " " + company->city;
  a.place = places.locate(company->country.empty() ? "DE" : company->country, company->postal_code, company->city);
  a.agenda = "Wartungsvertrag für die Produktionslinien; Stillstände im letzten Jahr; Ansprechpartner Technik";
  a.created_at = a.updated_at = attempt.recorded_at;
  appointments::appointment_store::insert(sql, a);
}

void load_demo_calls(soci::session& sql, std::int64_t agency_id, const std::vector<DemoLead>& leads,
                     const std::vector<std::int64_t>& agent_ids, const std::vector<std::int64_t>& campaign_ids,
                     std::int64_t now) {
  constexpr std::int64_t kSecond = 1'000'000;
  constexpr std::int64_t kDay = 86'400 * kSecond;
  for (std::size_t c = 0; c < std::size(kCampaigns); ++c) {
    std::vector<const DemoLead*> of_campaign;
    for (const auto& lead : leads) {
      if (lead.campaign_id == campaign_ids[c]) of_campaign.push_back(&lead);
    }
    if (of_campaign.empty()) continue;
    std::int64_t minute = 0;
    for (const auto& call : kCalls) {
      const auto& lead = *of_campaign.at(static_cast<std::size_t>(call.lead) % of_campaign.size());
      calling::CallAttempt attempt;
      attempt.agency_id = agency_id;
      attempt.campaign_id = lead.campaign_id;
      attempt.lead_id = lead.lead_id;
      attempt.person_id = lead.person_id;
      attempt.agent_id = agent_ids.at(static_cast<std::size_t>(call.agent) % agent_ids.size());
      attempt.phone = lead.phone;
      attempt.caller_id = kCampaigns[c].caller_id;
      attempt.outcome = call.outcome;
      attempt.reason = call.reason;
      attempt.note = call.note;
      // A correction restates the call it corrects (the entry before it here), recorded an hour later.
      if (call.corrects_seq == 0) minute += 7;
      attempt.started_at = now - call.days_ago * kDay + minute * 60 * kSecond;
      attempt.talk_seconds = call.talk_seconds;
      attempt.ended_at = attempt.started_at + (25 + call.talk_seconds) * kSecond;
      if (call.callback_in_days > 0) attempt.callback_at = attempt.started_at + call.callback_in_days * kDay;
      if (call.corrects_seq > 0) attempt.corrects_seq = call.corrects_seq;
      attempt.recorded_at = attempt.ended_at + (call.corrects_seq == 0 ? 20 * kSecond : 3'600 * kSecond);
      const auto attempt_id = calling::attempt_store::append(sql, attempt);
      if (attempt.outcome == "appointment") load_demo_appointment(sql, lead, attempt, attempt_id, now);
    }
  }
}

}  // namespace

bool database_is_empty(platform::db::Database& database) {
  auto lease = database.session();
  return identity::tenant_store::count_agencies(*lease) == 0;
}

std::optional<DemoCredentials> load_demo(platform::db::Database& database, const platform::Clock& clock) {
  DemoCredentials out;
  out.agency = kAgency;
  // Hash outside the transaction: Argon2id is slow on purpose.
  std::vector<std::pair<std::string, std::string>> passwords;
  for (std::size_t i = 0; i < std::size(kPeople); ++i) {
    const std::string password = platform::crypto::random_password();
    passwords.emplace_back(password, platform::crypto::hash_password(password));
  }
  const std::int64_t now = platform::to_micros(clock.now());
  const bool loaded = database.transaction("demo.load", [&](soci::session& sql) {
    if (identity::tenant_store::count_agencies(sql) > 0) return false;
    const auto agency_id = identity::tenant_store::insert_agency(sql, kAgency, now);
    std::vector<std::int64_t> client_ids;
    for (const auto& client : kClients) {
      client_ids.push_back(identity::tenant_store::insert_client(sql, {agency_id, client.name, client.industry, client.city}, now));
    }
    std::vector<std::int64_t> rep_ids;
    for (const auto& rep : kReps) {
      rep_ids.push_back(campaigns::rep_store::insert(sql, demo_rep(rep, agency_id, client_ids.at(rep.client)), now));
    }
    std::vector<std::int64_t> campaign_ids;
    for (const auto& demo : kCampaigns) {
      campaigns::Campaign campaign;
      campaign.agency_id = agency_id;
      campaign.client_id = client_ids.at(demo.client);
      campaign.name = demo.name;
      campaign.state = demo.state;
      campaign.goal_kind = demo.goal_kind;
      campaign.goal_target = demo.goal_target;
      campaign.starts_on = demo.starts_on;
      campaign.ends_on = demo.ends_on;
      if (*demo.caller_id != '\0') campaign.caller_id = demo.caller_id;
      campaign.billing.hourly_rate_cents = 4900;
      campaign.billing.per_qualified_appointment_cents = 9500;
      campaign.script = demo_script();
      campaign.qualification = {{"Entscheider beim Termin anwesend?", true},
                                {"Budget für das laufende oder nächste Jahr vorhanden?", true},
                                {"Anzahl Anlagen / Standorte", false}};
      campaign.info_mail = {
          "Ihre Unterlagen von {{client}}",
          "Guten Tag {{salutation}},\n\nvielen Dank für das freundliche Gespräch. Wie besprochen erhalten Sie anbei "
          "die Informationen zu unserem Angebot für {{company}}.\n\nFür Rückfragen erreichen Sie mich unter "
          "{{agent_email}}.\n\nMit freundlichen Grüßen\n{{agent}}\nim Auftrag von {{client}}"};
      const auto id = campaigns::campaign_store::insert(sql, campaign, now);
      campaign_ids.push_back(id);
      if (*demo.briefing != '\0') campaigns::campaign_store::insert_briefing(sql, agency_id, id, demo.briefing, std::nullopt, now);
      std::vector<std::int64_t> reps;
      for (std::size_t r = 0; r < std::size(kReps); ++r) {
        if (kReps[r].client == demo.client) reps.push_back(rep_ids[r]);
      }
      campaigns::campaign_store::replace_reps(sql, id, reps);
    }
    const auto leads = load_demo_contacts(sql, agency_id, client_ids, campaign_ids, now);
    std::vector<std::int64_t> agent_ids;
    for (std::size_t i = 0; i < std::size(kPeople); ++i) {
      const auto& person = kPeople[i];
      std::optional<std::int64_t> client_id;
      std::optional<std::string> client_name;
      if (person.client >= 0) {
        client_id = client_ids.at(person.client);
        client_name = kClients[person.client].name;
      }
      const auto user_id = identity::user_store::insert(sql, {agency_id, client_id, person.email, person.name,
                                                              person.role, passwords[i].second, "de"},
                                                        now);
      // Every agent works every campaign of the demo; the supervisor takes the escalations.
      if (person.role == Role::agent || person.role == Role::supervisor) {
        for (const auto campaign_id : campaign_ids) {
          auto staff = campaigns::campaign_store::staff(sql, campaign_id);
          (person.role == Role::agent ? staff.agents : staff.specialists).push_back(user_id);
          campaigns::campaign_store::replace_members(sql, campaign_id, staff.agents, staff.specialists);
        }
      }
      if (person.role == Role::agent) agent_ids.push_back(user_id);
      out.users.push_back(DemoUser{std::string(identity::to_string(person.role)), person.name, person.email,
                                   passwords[i].first, client_name});
    }
    load_demo_calls(sql, agency_id, leads, agent_ids, campaign_ids, now);
    identity::audit_log::Entry entry;
    entry.agency_id = agency_id;
    entry.at = now;
    entry.action = "agency.created";
    entry.target_type = "agency";
    entry.target_id = agency_id;
    entry.details = {{"via", "demo data"}};
    identity::audit_log::append(sql, entry);
    return true;
  });
  if (!loaded) return std::nullopt;
  return out;
}

std::string format_credentials(const DemoCredentials& credentials) {
  std::string text = fmt::format("Demo data loaded for \"{}\". Sign in with (passwords are shown only now):\n",
                                 credentials.agency);
  for (const auto& user : credentials.users) {
    text += fmt::format("  {:<16} {:<44} {}{}\n", user.role, user.email, user.password,
                        user.client ? " (" + *user.client + ")" : "");
  }
  return text;
}

nlohmann::json credentials_json(const DemoCredentials& credentials) {
  nlohmann::json users = nlohmann::json::array();
  for (const auto& user : credentials.users) {
    users.push_back({{"role", user.role},
                     {"name", user.name},
                     {"email", user.email},
                     {"password", user.password},
                     {"client", user.client ? nlohmann::json(*user.client) : nlohmann::json(nullptr)}});
  }
  return {{"agency", credentials.agency}, {"users", users}};
}

}  // namespace termintreu::app
