#pragma once
#include "identity/guard.hpp"
#include "identity/session_service.hpp"
#include "identity/user_admin.hpp"

namespace termintreu::identity {

// POST/DELETE /api/session, GET/PATCH /api/me, POST /api/me/password.
void add_session_routes(Guard& guard, SessionService& sessions, UserAdmin& users, platform::db::Database& database);

}  // namespace termintreu::identity
