#include "campaigns/rep_store.hpp"

#include "platform/db/query.hpp"

namespace termintreu::campaigns::rep_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO reps (agency_id, client_id, name, email, phone, territories, active, created_at) VALUES "
    "(:agency_id, :client_id, :name, :email, :phone, :territories, :active, :now) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE reps SET name = :name, email = :email, phone = :phone, territories = :territories, active = :active "
    "WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSelect =
    "SELECT id, agency_id, client_id, name, email, phone, territories, active FROM reps ";

struct RepRow {
  long long id = 0, agency_id = 0, client_id = 0, active = 0;
  std::string name, email, phone, territories;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(email));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(territories));
    st.exchange(soci::into(active));
  }
  Rep to_model() const { return Rep{id, agency_id, client_id, name, email, phone, territories, active != 0}; }
};

}  // namespace

std::int64_t insert(soci::session& sql, const Rep& rep, std::int64_t now) {
  long long id = 0;
  const long long agency = rep.agency_id, client = rep.client_id, at = now, active = rep.active ? 1 : 0;
  sql << kInsert, soci::use(agency), soci::use(client), soci::use(rep.name), soci::use(rep.email),
      soci::use(rep.phone), soci::use(rep.territories), soci::use(active), soci::use(at), soci::into(id);
  return id;
}

void update(soci::session& sql, const Rep& rep) {
  const long long id = rep.id, agency = rep.agency_id, active = rep.active ? 1 : 0;
  platform::db::execute(sql, kUpdate, rep.name, rep.email, rep.phone, rep.territories, active, id, agency);
}

std::optional<Rep> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<RepRow>(sql, kSelect + std::string("WHERE id = :id AND agency_id = :agency_id"),
                                         wanted, agency);
}

std::vector<Rep> of_client(soci::session& sql, std::int64_t agency_id, std::int64_t client_id) {
  const long long agency = agency_id, client = client_id;
  return platform::db::fetch_rows<RepRow>(
      sql, kSelect + std::string("WHERE agency_id = :agency_id AND client_id = :client_id ORDER BY name"), agency,
      client);
}

}  // namespace termintreu::campaigns::rep_store
