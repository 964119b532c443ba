#include "app/demo_data.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "campaigns/campaign_store.hpp"
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
};

constexpr DemoCampaign kCampaigns[] = {
    {0, "Wartungsverträge Mittelstand NRW", "active", "appointments", 40, "2026-11-02", "2026-12-23"},
    {0, "Messe-Nachfass Hannover 2026", "paused", "qualified_leads", 120, "2026-10-05", "2026-11-27"},
    {1, "Wärmepumpen für Gewerbeimmobilien Sachsen", "active", "appointments", 25, "2026-11-16", "2027-01-29"},
    {1, "Infomaterial Fördermittel BEG", "draft", "information_requests", 200, "2027-01-11", "2027-03-05"},
};

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
  for (const auto& person : kPeople) {
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
    for (const auto& campaign : kCampaigns) {
      campaigns::campaign_store::insert(
          sql,
          {agency_id, client_ids.at(campaign.client), campaign.name, campaign.state, campaign.goal_kind,
           campaign.goal_target, std::string(campaign.starts_on), std::string(campaign.ends_on)},
          now);
    }
    for (std::size_t i = 0; i < std::size(kPeople); ++i) {
      const auto& person = kPeople[i];
      std::optional<std::int64_t> client_id;
      std::optional<std::string> client_name;
      if (person.client >= 0) {
        client_id = client_ids.at(person.client);
        client_name = kClients[person.client].name;
      }
      identity::user_store::insert(sql, {agency_id, client_id, person.email, person.name, person.role,
                                         passwords[i].second, "de"},
                                   now);
      out.users.push_back(DemoUser{std::string(identity::to_string(person.role)), person.name, person.email,
                                   passwords[i].first, client_name});
    }
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
