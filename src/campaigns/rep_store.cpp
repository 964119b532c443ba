#include "campaigns/rep_store.hpp"

#include "platform/db/query.hpp"

namespace termintreu::campaigns::rep_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO reps (agency_id, client_id, name, email, phone, territories, active, street, postal_code, city, "
    "country, state, time_zone, working_hours, appointment_minutes, calendar_url, created_at) VALUES "
    "(:agency_id, :client_id, :name, :email, :phone, :territories, :active, :street, :postal_code, :city, :country, "
    ":state, :time_zone, :working_hours, :appointment_minutes, :calendar_url, :now) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE reps SET name = :name, email = :email, phone = :phone, territories = :territories, active = :active, "
    "street = :street, postal_code = :postal_code, city = :city, country = :country, state = :state, "
    "time_zone = :time_zone, working_hours = :working_hours, appointment_minutes = :appointment_minutes, "
    "calendar_url = :calendar_url WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSelect =
    "SELECT id, agency_id, client_id, name, email, phone, territories, active, street, postal_code, city, country, "
    "state, time_zone, working_hours, appointment_minutes, calendar_url, feed_token_hash FROM reps ";
constexpr const char* kLock = "SELECT id FROM reps WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kLockPostgresql = "SELECT id FROM reps WHERE id = :id AND agency_id = :agency_id FOR UPDATE";
constexpr const char* kSetFeedToken = "UPDATE reps SET feed_token_hash = :hash WHERE id = :id AND agency_id = :agency";
constexpr const char* kByFeedToken = "WHERE feed_token_hash = :hash AND id = :id";

struct RepRow {
  long long id = 0, agency_id = 0, client_id = 0, active = 0, appointment_minutes = 0;
  std::string name, email, phone, territories, street, postal_code, city, country, state, time_zone, working_hours,
      calendar_url, feed_token_hash;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(name));
    st.exchange(soci::into(email));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(territories));
    st.exchange(soci::into(active));
    st.exchange(soci::into(street));
    st.exchange(soci::into(postal_code));
    st.exchange(soci::into(city));
    st.exchange(soci::into(country));
    st.exchange(soci::into(state));
    st.exchange(soci::into(time_zone));
    st.exchange(soci::into(working_hours));
    st.exchange(soci::into(appointment_minutes));
    st.exchange(soci::into(calendar_url));
    st.exchange(soci::into(feed_token_hash));
  }
  Rep to_model() const {
    Rep rep;
    rep.id = id;
    rep.agency_id = agency_id;
    rep.client_id = client_id;
    rep.name = name;
    rep.email = email;
    rep.phone = phone;
    rep.territories = territories;
    rep.active = active != 0;
    rep.street = street;
    rep.postal_code = postal_code;
    rep.city = city;
    rep.country = country;
    rep.state = state;
    rep.time_zone = time_zone;
    rep.working_hours = working_hours_of_text(working_hours);
    rep.appointment_minutes = static_cast<int>(appointment_minutes);
    rep.calendar_url = calendar_url;
    rep.has_feed = !feed_token_hash.empty();
    return rep;
  }
};

}  // namespace

std::int64_t insert(soci::session& sql, const Rep& rep, std::int64_t now) {
  const long long agency = rep.agency_id, client = rep.client_id, at = now, active = rep.active ? 1 : 0,
                  minutes = rep.appointment_minutes;
  return platform::db::fetch_value<long long>(sql, kInsert, agency, client, rep.name, rep.email, rep.phone,
                                              rep.territories, active, rep.street, rep.postal_code, rep.city,
                                              rep.country, rep.state, rep.time_zone,
                                              working_hours_text(rep.working_hours), minutes, rep.calendar_url, at)
      .value();
}

void update(soci::session& sql, const Rep& rep) {
  const long long id = rep.id, agency = rep.agency_id, active = rep.active ? 1 : 0, minutes = rep.appointment_minutes;
  platform::db::execute(sql, kUpdate, rep.name, rep.email, rep.phone, rep.territories, active, rep.street,
                        rep.postal_code, rep.city, rep.country, rep.state, rep.time_zone,
                        working_hours_text(rep.working_hours), minutes, rep.calendar_url, id, agency);
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

std::vector<Rep> with_calendar_url(soci::session& sql) {
  return platform::db::fetch_rows<RepRow>(sql,
                                          kSelect + std::string("WHERE calendar_url <> '' AND active = 1 ORDER BY id"));
}

bool lock_calendar(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  const bool postgresql = sql.get_backend_name() == "postgresql";
  return platform::db::fetch_value<long long>(sql, postgresql ? kLockPostgresql : kLock, wanted, agency).has_value();
}

void set_feed_token_hash(soci::session& sql, std::int64_t agency_id, std::int64_t id, const std::string& hash) {
  const long long wanted = id, agency = agency_id;
  platform::db::execute(sql, kSetFeedToken, hash, wanted, agency);
}

std::optional<Rep> find_by_feed_token_hash(soci::session& sql, std::int64_t id, const std::string& hash) {
  const long long wanted = id;
  if (hash.empty()) return std::nullopt;
  return platform::db::fetch_one<RepRow>(sql, kSelect + std::string(kByFeedToken), hash, wanted);
}

}  // namespace termintreu::campaigns::rep_store
