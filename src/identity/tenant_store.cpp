#include "identity/tenant_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::identity::tenant_store {
namespace {

constexpr const char* kInsertAgency = "INSERT INTO agencies (name, created_at) VALUES (:name, :now) RETURNING id";
constexpr const char* kAgencyColumns = "SELECT id, name FROM agencies ";
constexpr const char* kCountAgencies = "SELECT COUNT(*) FROM agencies";
constexpr const char* kInsertClient =
    "INSERT INTO clients (agency_id, name, industry, city, country, created_at, updated_at) "
    "VALUES (:agency_id, :name, :industry, :city, :country, :now, :now2) RETURNING id";
constexpr const char* kUpdateClient =
    "UPDATE clients SET name = :name, industry = :industry, city = :city, country = :country, "
    "archived_at = CASE WHEN :archived = 1 THEN COALESCE(archived_at, :now) ELSE NULL END, updated_at = :now2 "
    "WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kClientColumns =
    "SELECT c.id, c.agency_id, c.name, c.industry, c.city, c.country, c.archived_at, "
    "(SELECT COUNT(*) FROM campaigns k WHERE k.client_id = c.id) FROM clients c ";
constexpr const char* kClientNameTaken =
    "SELECT COUNT(*) FROM clients WHERE agency_id = :agency_id AND name = :name AND id <> :id";

struct AgencyRow {
  long long id = 0;
  std::string name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
  }
  Agency to_model() const { return Agency{id, name}; }
};

struct ClientRow {
  long long id = 0, agency_id = 0, campaign_count = 0;
  std::string name, industry, city, country;
  std::optional<long long> archived_at;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(industry));
    st.exchange(soci::into(city));
    st.exchange(soci::into(country));
    st.exchange(soci::into(archived_at));
    st.exchange(soci::into(campaign_count));
  }
  Client to_model() const {
    return Client{id, agency_id, name, industry, city, country, archived_at.has_value(), campaign_count};
  }
};

}  // namespace

std::int64_t insert_agency(soci::session& sql, const std::string& name, std::int64_t now) {
  long long id = 0;
  const long long at = now;
  sql << kInsertAgency, soci::use(name), soci::use(at), soci::into(id);
  return id;
}

std::optional<Agency> find_agency(soci::session& sql, std::int64_t id) {
  const long long wanted = id;
  return platform::db::fetch_one<AgencyRow>(sql, kAgencyColumns + std::string("WHERE id = :id"), wanted);
}

std::optional<Agency> find_agency_by_name(soci::session& sql, const std::string& name) {
  return platform::db::fetch_one<AgencyRow>(sql, kAgencyColumns + std::string("WHERE name = :name"), name);
}

std::int64_t count_agencies(soci::session& sql) {
  long long count = 0;
  sql << kCountAgencies, soci::into(count);
  return count;
}

std::int64_t insert_client(soci::session& sql, const NewClient& client, std::int64_t now) {
  long long id = 0;
  const long long agency_id = client.agency_id, at = now;
  sql << kInsertClient, soci::use(agency_id), soci::use(client.name), soci::use(client.industry),
      soci::use(client.city), soci::use(client.country), soci::use(at), soci::use(at), soci::into(id);
  return id;
}

std::optional<Client> find_client(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<ClientRow>(sql, kClientColumns + std::string("WHERE c.id = :id AND c.agency_id = :agency_id"),
                                            wanted, agency);
}

bool client_name_taken(soci::session& sql, std::int64_t agency_id, const std::string& name, std::int64_t except_id) {
  long long count = 0;
  const long long agency = agency_id, except = except_id;
  sql << kClientNameTaken, soci::use(agency), soci::use(name), soci::use(except), soci::into(count);
  return count > 0;
}

void update_client(soci::session& sql, const Client& client, std::int64_t now) {
  const long long id = client.id, agency = client.agency_id, at = now;
  const int archived = client.archived ? 1 : 0;
  platform::db::execute(sql, kUpdateClient, client.name, client.industry, client.city, client.country, archived, at, at,
                        id, agency);
}

std::vector<Client> list_clients(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> only_client) {
  const long long agency = agency_id;
  if (only_client) {
    const long long client = *only_client;
    return platform::db::fetch_rows<ClientRow>(
        sql, kClientColumns + std::string("WHERE c.agency_id = :agency_id AND c.id = :id"), agency, client);
  }
  return platform::db::fetch_rows<ClientRow>(sql, kClientColumns + std::string("WHERE c.agency_id = :agency_id ORDER BY c.name"),
                                             agency);
}

}  // namespace termintreu::identity::tenant_store
