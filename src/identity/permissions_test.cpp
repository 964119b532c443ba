#include "identity/permissions.hpp"

#include <gtest/gtest.h>

namespace termintreu::identity {
namespace {

struct Expectation {
  Role role;
  std::vector<std::string> permissions;
};

// The access policy as the product states it; a change to the table in permissions.cpp must change this too.
TEST(Permissions, EachRoleHasExactlyItsPermissions) {
  const std::vector<Expectation> table{
      {Role::admin,
       {"users.manage", "tokens.manage", "audit.read", "clients.read", "clients.manage", "campaigns.read",
        "supervision.view", "workspace.use", "portal.view", "campaigns.manage", "contacts.read", "contacts.manage",
        "contacts.block", "privacy.manage"}},
      {Role::project_manager,
       {"clients.read", "clients.manage", "campaigns.read", "supervision.view", "campaigns.manage", "contacts.read",
        "contacts.manage", "contacts.block"}},
      {Role::supervisor,
       {"clients.read", "campaigns.read", "supervision.view", "workspace.use", "contacts.read", "contacts.block"}},
      {Role::agent, {"campaigns.read", "workspace.use", "contacts.read", "contacts.block"}},
      {Role::client_manager, {"clients.read", "campaigns.read", "portal.view"}},
      {Role::client_rep, {"portal.view"}},
  };
  for (const auto& row : table) {
    EXPECT_EQ(permission_names(row.role), row.permissions) << to_string(row.role);
  }
}

TEST(Permissions, AuthorizeNeedsAnyOneOfThePermissions) {
  Principal agent;
  agent.role = Role::agent;
  EXPECT_TRUE(authorize(agent, {}));
  EXPECT_TRUE(authorize(agent, {Permission::workspace_use}));
  EXPECT_TRUE(authorize(agent, {Permission::users_manage, Permission::campaigns_read}));
  const auto refused = authorize(agent, {Permission::users_manage});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, platform::ErrorCode::forbidden);
}

TEST(Permissions, ClientBoundPrincipalsSeeOnlyTheirClient) {
  Principal manager;
  manager.role = Role::client_manager;
  manager.client_id = 7;
  EXPECT_TRUE(can_see_client(manager, 7));
  EXPECT_FALSE(can_see_client(manager, 8));
  Principal supervisor;
  supervisor.role = Role::supervisor;
  EXPECT_TRUE(can_see_client(supervisor, 8));
}

TEST(Roles, NamesRoundTripAndUnknownIsRefused) {
  for (const auto name : role_names()) {
    const auto role = parse_role(name);
    ASSERT_TRUE(role) << name;
    EXPECT_EQ(to_string(*role), name);
  }
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role(""));
  EXPECT_TRUE(is_client_bound(Role::client_rep));
  EXPECT_FALSE(is_client_bound(Role::supervisor));
}

}  // namespace
}  // namespace termintreu::identity
