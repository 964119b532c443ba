#pragma once
#include "identity/guard.hpp"
#include "identity/token_admin.hpp"
#include "identity/user_admin.hpp"

namespace termintreu::identity {

// /api/users…, /api/tokens…, /api/audit: the admin's user, token and audit pages.
void add_admin_routes(Guard& guard, UserAdmin& users, TokenAdmin& tokens, platform::db::Database& database);

}  // namespace termintreu::identity
