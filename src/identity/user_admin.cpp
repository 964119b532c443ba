#include "identity/user_admin.hpp"

#include "identity/credential_rules.hpp"
#include "identity/session_cache.hpp"
#include "identity/session_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/crypto.hpp"
#include "platform/http/events.hpp"
#include "identity/topics.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::fail;
using platform::to_micros;

UserAdmin::UserAdmin(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events,
                     SessionCache& sessions)
    : database_(database), clock_(clock), events_(events), sessions_(sessions) {}

std::vector<User> UserAdmin::list(const Principal& actor) {
  auto lease = database_.session();
  return user_store::list(*lease, actor.agency_id);
}

platform::Result<User> UserAdmin::get(const Principal& actor, std::int64_t id) {
  auto lease = database_.session();
  auto user = user_store::find(*lease, actor.agency_id, id);
  if (!user) return fail(ErrorCode::not_found, "no such user", "id");
  return *user;
}

platform::Result<void> UserAdmin::check_client_binding(soci::session& sql, const Principal& actor, Role role,
                                                       const std::optional<std::int64_t>& client_id) {
  if (is_client_bound(role)) {
    if (!client_id) return fail(ErrorCode::invalid, "is required for client roles", "client_id");
    if (!tenant_store::find_client(sql, actor.agency_id, *client_id)) {
      return fail(ErrorCode::invalid, "no such client", "client_id");
    }
  } else if (client_id) {
    return fail(ErrorCode::invalid, "only client roles are bound to a client", "client_id");
  }
  return {};
}

platform::Result<CreatedUser> UserAdmin::create(const Principal& actor, CreateUserRequest request,
                                                const RequestMeta& meta) {
  auto email = normalise_email(request.email);
  if (!email) return tl::unexpected(email.error());
  std::optional<std::string> generated;
  if (request.password) {
    if (auto ok = check_new_password(*request.password, *email); !ok) return tl::unexpected(ok.error());
  } else {
    generated = platform::crypto::random_password();
  }
  const std::string hash = platform::crypto::hash_password(request.password ? *request.password : *generated);
  const std::int64_t now = to_micros(clock_.now());

  auto created = database_.transaction("user.create", [&](soci::session& sql) -> platform::Result<User> {
    if (auto ok = check_client_binding(sql, actor, request.role, request.client_id); !ok) {
      return tl::unexpected(ok.error());
    }
    if (user_store::email_taken(sql, *email)) return fail(ErrorCode::conflict, "is already in use", "email");
    user_store::NewUser user{actor.agency_id, request.client_id, *email, request.name, request.role, hash,
                             request.locale};
    const auto id = user_store::insert(sql, user, now);
    audit_log::append(sql, audit_entry(actor, meta, now, "user.created", "user", id,
                                       {{"email", *email},
                                        {"role", to_string(request.role)},
                                        {"client_id", request.client_id ? nlohmann::json(*request.client_id) : nullptr}}));
    return *user_store::find(sql, actor.agency_id, id);
  });
  if (!created) return tl::unexpected(created.error());
  publish_change(actor.agency_id, created->id);
  return CreatedUser{*created, generated};
}

platform::Result<User> UserAdmin::update(const Principal& actor, std::int64_t id, const UserPatch& patch,
                                         const RequestMeta& meta) {
  const std::int64_t now = to_micros(clock_.now());
  auto updated = database_.transaction("user.update", [&](soci::session& sql) -> platform::Result<User> {
    auto found = user_store::find(sql, actor.agency_id, id);
    if (!found) return fail(ErrorCode::not_found, "no such user", "id");
    User user = *found;
    nlohmann::json changes = nlohmann::json::object();
    if (patch.name && *patch.name != user.name) {
      changes["name"] = {{"from", user.name}, {"to", *patch.name}};
      user.name = *patch.name;
    }
    if (patch.locale && *patch.locale != user.locale) {
      changes["locale"] = {{"from", user.locale}, {"to", *patch.locale}};
      user.locale = *patch.locale;
    }
    if (patch.role && *patch.role != user.role) {
      changes["role"] = {{"from", to_string(user.role)}, {"to", to_string(*patch.role)}};
      user.role = *patch.role;
    }
    if (patch.client_id.present && patch.client_id.value != user.client_id) {
      changes["client_id"] = {{"from", user.client_id ? nlohmann::json(*user.client_id) : nullptr},
                              {"to", patch.client_id.value ? nlohmann::json(*patch.client_id.value) : nullptr}};
      user.client_id = patch.client_id.value;
    } else if (patch.role && !is_client_bound(user.role) && user.client_id) {
      // Leaving a client role drops the binding, so the admin need not send client_id: null as well.
      changes["client_id"] = {{"from", *user.client_id}, {"to", nullptr}};
      user.client_id.reset();
    }
    if (patch.active && *patch.active != user.active) {
      changes["active"] = {{"from", user.active}, {"to", *patch.active}};
      user.active = *patch.active;
    }
    if (changes.empty()) return user;

    const bool self = actor.user_id && *actor.user_id == user.id;
    // Anyone may change their own name and locale; nobody may lock themselves out or change their own access.
    if (self && (changes.contains("active") || changes.contains("role") || changes.contains("client_id"))) {
      return fail(ErrorCode::conflict, "you cannot deactivate or demote yourself",
                  changes.contains("active") ? "active" : "role");
    }
    if (auto ok = check_client_binding(sql, actor, user.role, user.client_id); !ok) return tl::unexpected(ok.error());

    user_store::update(sql, user, now);
    if (found->role == Role::admin && (user.role != Role::admin || !user.active) &&
        user_store::count_active_admins(sql, actor.agency_id) == 0) {
      return fail(ErrorCode::conflict, "the agency must keep at least one active admin", "role");
    }
    // A deactivated user or one whose access changed must sign in again.
    if (changes.contains("active") || changes.contains("role") || changes.contains("client_id")) {
      session_store::remove_for_user(sql, user.id);
    }
    const char* action = changes.contains("active") ? (user.active ? "user.reactivated" : "user.deactivated")
                                                    : "user.updated";
    audit_log::append(sql, audit_entry(actor, meta, now, action, "user", user.id, {{"changes", changes}}));
    return *user_store::find(sql, actor.agency_id, id);
  });
  if (updated) {
    // Also a changed name: cached principals carry it.
    sessions_.forget_user(id);
    publish_change(actor.agency_id, id);
  }
  return updated;
}

platform::Result<std::string> UserAdmin::reset_password(const Principal& actor, std::int64_t id,
                                                        std::optional<std::string> password, const RequestMeta& meta) {
  auto user = get(actor, id);
  if (!user) return tl::unexpected(user.error());
  if (password) {
    if (auto ok = check_new_password(*password, user->email); !ok) return tl::unexpected(ok.error());
  }
  const std::string chosen = password ? *password : platform::crypto::random_password();
  const std::string hash = platform::crypto::hash_password(chosen);
  const std::int64_t now = to_micros(clock_.now());
  database_.transaction("user.password_reset", [&](soci::session& sql) {
    user_store::set_password(sql, id, hash, now);
    session_store::remove_for_user(sql, id);
    audit_log::append(sql, audit_entry(actor, meta, now, "user.password_reset", "user", id));
  });
  sessions_.forget_user(id);
  return chosen;
}

void UserAdmin::publish_change(std::int64_t agency_id, std::int64_t user_id) {
  events_.publish(agency_topic(agency_id), "user.changed", {{"id", user_id}});
}

}  // namespace termintreu::identity
