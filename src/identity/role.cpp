#include "identity/role.hpp"

#include <array>
#include <utility>

namespace termintreu::identity {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kRoles{{
    {Role::admin, "admin"},
    {Role::project_manager, "project_manager"},
    {Role::supervisor, "supervisor"},
    {Role::agent, "agent"},
    {Role::client_manager, "client_manager"},
    {Role::client_rep, "client_rep"},
}};
}  // namespace

std::string_view to_string(Role role) {
  for (const auto& [value, name] : kRoles) {
    if (value == role) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [value, name] : kRoles) {
    if (name == text) return value;
  }
  return std::nullopt;
}

const std::vector<std::string_view>& role_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& entry : kRoles) out.push_back(entry.second);
    return out;
  }();
  return names;
}

}  // namespace termintreu::identity
