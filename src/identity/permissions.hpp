#pragma once
// The one place that decides what a role may do. Tenant scoping (which agency, which client) is decided by
// `can_see_client` here and enforced by every store query taking the principal's agency.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "identity/role.hpp"
#include "platform/error.hpp"

namespace termintreu::identity {

enum class Permission {
  users_manage,
  tokens_manage,
  audit_read,
  clients_read,
  clients_manage,
  campaigns_read,
  supervision_view,
  workspace_use,
  portal_view,
  campaigns_manage,
  contacts_read,
  contacts_manage,
  contacts_block,
  privacy_manage,
};

std::string_view to_string(Permission permission);
bool role_has(Role role, Permission permission);
std::vector<std::string> permission_names(Role role);

// Who is asking: a signed-in user (session) or an integration (API token acting with the token's role).
struct Principal {
  std::int64_t agency_id = 0;
  Role role = Role::agent;
  std::optional<std::int64_t> client_id;   // set exactly for client-bound roles
  std::optional<std::int64_t> user_id;     // the user, or the user who created the token
  std::optional<std::int64_t> session_id;  // set when authenticated by cookie
  std::optional<std::int64_t> token_id;    // set when authenticated by API token
  std::string csrf_token;                  // the session's; empty for tokens
  std::string name;
};

// Any one of `any_of` suffices; an empty list means any signed-in principal.
platform::Result<void> authorize(const Principal& principal, const std::vector<Permission>& any_of);
// Whether this principal may see data of this client of its own agency.
bool can_see_client(const Principal& principal, std::int64_t client_id);

}  // namespace termintreu::identity
