#include "identity/permissions.hpp"

#include <algorithm>
#include <array>

namespace termintreu::identity {
namespace {

struct Grant {
  Permission permission;
  std::string_view name;
  std::array<bool, 6> roles;  // admin, project_manager, supervisor, agent, client_manager, client_rep
};

// The permission table. Reading it row by row is reading the product's access policy.
constexpr std::array<Grant, 14> kGrants{{
    {Permission::users_manage, "users.manage", {true, false, false, false, false, false}},
    {Permission::tokens_manage, "tokens.manage", {true, false, false, false, false, false}},
    {Permission::audit_read, "audit.read", {true, false, false, false, false, false}},
    {Permission::clients_read, "clients.read", {true, true, true, false, true, false}},
    {Permission::clients_manage, "clients.manage", {true, true, false, false, false, false}},
    {Permission::campaigns_read, "campaigns.read", {true, true, true, true, true, false}},
    {Permission::supervision_view, "supervision.view", {true, true, true, false, false, false}},
    {Permission::workspace_use, "workspace.use", {true, false, true, true, false, false}},
    {Permission::portal_view, "portal.view", {true, false, false, false, true, true}},
    {Permission::campaigns_manage, "campaigns.manage", {true, true, false, false, false, false}},
    {Permission::contacts_read, "contacts.read", {true, true, true, true, false, false}},
    {Permission::contacts_manage, "contacts.manage", {true, true, false, false, false, false}},
    // An objection is honoured by whoever hears it, so agents may block too.
    {Permission::contacts_block, "contacts.block", {true, true, true, true, false, false}},
    {Permission::privacy_manage, "privacy.manage", {true, false, false, false, false, false}},
}};

const Grant& grant(Permission permission) {
  return *std::find_if(kGrants.begin(), kGrants.end(), [&](const Grant& g) { return g.permission == permission; });
}

}  // namespace

std::string_view to_string(Permission permission) { return grant(permission).name; }

bool role_has(Role role, Permission permission) {
  return grant(permission).roles.at(static_cast<std::size_t>(role));
}

std::vector<std::string> permission_names(Role role) {
  std::vector<std::string> names;
  for (const auto& g : kGrants) {
    if (g.roles.at(static_cast<std::size_t>(role))) names.emplace_back(g.name);
  }
  return names;
}

platform::Result<void> authorize(const Principal& principal, const std::vector<Permission>& any_of) {
  if (any_of.empty()) return {};
  for (const auto permission : any_of) {
    if (role_has(principal.role, permission)) return {};
  }
  return platform::fail(platform::ErrorCode::forbidden, "your role may not do this");
}

bool can_see_client(const Principal& principal, std::int64_t client_id) {
  return !principal.client_id || *principal.client_id == client_id;
}

}  // namespace termintreu::identity
