#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace termintreu::identity {

enum class Role { admin, project_manager, supervisor, agent, client_manager, client_rep };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
const std::vector<std::string_view>& role_names();
// Client-bound roles see exactly one client of their agency and nothing of the agency's other work.
inline bool is_client_bound(Role role) { return role == Role::client_manager || role == Role::client_rep; }

}  // namespace termintreu::identity
