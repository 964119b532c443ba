#include "app/application.hpp"

#include "app/system_routes.hpp"
#include "campaigns/campaign_routes.hpp"
#include "identity/admin_routes.hpp"
#include "identity/session_routes.hpp"
#include "identity/tenant_routes.hpp"
#include "reporting/live_routes.hpp"

namespace termintreu::app {

Application::Application(const Config& config) {
  platform::db::DatabaseOptions options;
  options.pool_size = config.database_pool;
  options.metrics = &metrics_;
  database_ = platform::db::Database::open(config.effective_database_url(), options);
  sessions_ =
      std::make_unique<identity::SessionService>(*database_, clock_, session_cache_, identity::SessionSettings{});
  users_ = std::make_unique<identity::UserAdmin>(*database_, clock_, events_, session_cache_);
  tokens_ = std::make_unique<identity::TokenAdmin>(*database_, clock_);
  guard_ = std::make_unique<identity::Guard>(router_, *sessions_, *database_);

  add_system_routes(*guard_, *database_, metrics_, events_);
  identity::add_session_routes(*guard_, *sessions_, *users_, *database_);
  identity::add_admin_routes(*guard_, *users_, *tokens_, *database_);
  identity::add_tenant_routes(*guard_, *database_, clock_, events_);
  campaigns::add_campaign_routes(*guard_, *database_);
  reporting::add_live_routes(*guard_, events_);
}

}  // namespace termintreu::app
