#include "identity/user_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::identity::user_store {
namespace {

constexpr const char* kUserColumns =
    "u.id, u.agency_id, u.client_id, c.name, u.email, u.name, u.role, u.active, u.locale, u.created_at, u.updated_at";
constexpr const char* kUserFrom = " FROM users u LEFT JOIN clients c ON c.id = u.client_id";

constexpr const char* kInsert =
    "INSERT INTO users (agency_id, client_id, email, name, role, password_hash, active, locale, created_at, "
    "updated_at, password_changed_at) VALUES (:agency_id, :client_id, :email, :name, :role, :password_hash, 1, "
    ":locale, :now, :now2, :now3) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE users SET name = :name, role = :role, client_id = :client_id, active = :active, locale = :locale, "
    "updated_at = :now WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSetPassword =
    "UPDATE users SET password_hash = :hash, password_changed_at = :now, updated_at = :now2 WHERE id = :id";
constexpr const char* kPasswordHash = "SELECT password_hash FROM users WHERE id = :id";
constexpr const char* kEmailTaken = "SELECT COUNT(*) FROM users WHERE email = :email";
constexpr const char* kCountActiveAdmins =
    "SELECT COUNT(*) FROM users WHERE agency_id = :agency_id AND role = 'admin' AND active = 1";

// One row of kUserColumns, bound by reference so a statement can fetch row after row into it.
struct UserRow {
  long long id = 0, agency_id = 0;
  std::optional<long long> client_id;
  std::optional<std::string> client_name;
  std::string email, name, role;
  long long active = 0;
  std::string locale;
  long long created_at = 0, updated_at = 0;

  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(client_name));
    st.exchange(soci::into(email));
    st.exchange(soci::into(name));
    st.exchange(soci::into(role));
    st.exchange(soci::into(active));
    st.exchange(soci::into(locale));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }

  User to_model() const {
    User u;
    u.id = id;
    u.agency_id = agency_id;
    if (client_id) u.client_id = *client_id;
    u.client_name = client_name;
    u.email = email;
    u.name = name;
    u.role = parse_role(role).value_or(Role::agent);
    u.active = active != 0;
    u.locale = locale;
    u.created_at = created_at;
    u.updated_at = updated_at;
    return u;
  }
};

struct CredentialsRow {
  UserRow user;
  std::string password_hash;
  void bind(soci::statement& st) {
    user.bind(st);
    st.exchange(soci::into(password_hash));
  }
  Credentials to_model() const { return Credentials{user.to_model(), password_hash}; }
};

std::optional<long long> to_column(const std::optional<std::int64_t>& value) {
  if (!value) return std::nullopt;
  return static_cast<long long>(*value);
}

}  // namespace

std::int64_t insert(soci::session& sql, const NewUser& user, std::int64_t now) {
  long long id = 0;
  const std::string role(to_string(user.role));
  const auto client_id = to_column(user.client_id);
  const long long at = now;
  const long long agency_id = user.agency_id;
  sql << kInsert, soci::use(agency_id), soci::use(client_id), soci::use(user.email),
      soci::use(user.name), soci::use(role), soci::use(user.password_hash), soci::use(user.locale), soci::use(at),
      soci::use(at), soci::use(at), soci::into(id);
  return id;
}

std::optional<User> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long agency = agency_id, wanted = id;
  return platform::db::fetch_one<UserRow>(
      sql, std::string("SELECT ") + kUserColumns + kUserFrom + " WHERE u.id = :id AND u.agency_id = :agency_id", wanted,
      agency);
}

std::optional<Credentials> find_credentials_by_email(soci::session& sql, const std::string& email) {
  return platform::db::fetch_one<CredentialsRow>(
      sql, std::string("SELECT ") + kUserColumns + ", u.password_hash" + kUserFrom + " WHERE u.email = :email", email);
}

std::optional<std::string> password_hash(soci::session& sql, std::int64_t id) {
  std::string hash;
  soci::indicator ind = soci::i_null;
  const long long wanted = id;
  sql << kPasswordHash, soci::use(wanted), soci::into(hash, ind);
  if (!sql.got_data() || ind != soci::i_ok) return std::nullopt;
  return hash;
}

bool email_taken(soci::session& sql, const std::string& email) {
  long long count = 0;
  sql << kEmailTaken, soci::use(email), soci::into(count);
  return count > 0;
}

std::vector<User> list(soci::session& sql, std::int64_t agency_id) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<UserRow>(
      sql,
      std::string("SELECT ") + kUserColumns + kUserFrom +
          " WHERE u.agency_id = :agency_id ORDER BY u.active DESC, u.name, u.id",
      agency);
}

void update(soci::session& sql, const User& user, std::int64_t now) {
  const std::string role(to_string(user.role));
  const auto client_id = to_column(user.client_id);
  const long long active = user.active ? 1 : 0, at = now, id = user.id, agency_id = user.agency_id;
  platform::db::execute(sql, kUpdate, user.name, role, client_id, active, user.locale, at, id, agency_id);
}

void set_password(soci::session& sql, std::int64_t id, const std::string& password_hash, std::int64_t now) {
  const long long at = now, user_id = id;
  platform::db::execute(sql, kSetPassword, password_hash, at, at, user_id);
}

std::int64_t count_active_admins(soci::session& sql, std::int64_t agency_id) {
  long long count = 0;
  const long long agency = agency_id;
  sql << kCountActiveAdmins, soci::use(agency), soci::into(count);
  return count;
}

}  // namespace termintreu::identity::user_store
