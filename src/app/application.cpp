#include "app/application.hpp"

#include "app/system_routes.hpp"
#include "app/test_clock_route.hpp"
#include "appointments/appointment_routes.hpp"
#include "calling/escalation_routes.hpp"
#include "calling/ledger_routes.hpp"
#include "calling/supervision_routes.hpp"
#include "calling/workspace_routes.hpp"
#include "campaigns/campaign_routes.hpp"
#include "campaigns/rep_routes.hpp"
#include "contacts/contact_routes.hpp"
#include "contacts/import_routes.hpp"
#include "identity/admin_routes.hpp"
#include "identity/session_routes.hpp"
#include "identity/tenant_routes.hpp"
#include "reporting/live_routes.hpp"

namespace termintreu::app {

namespace {
constexpr std::chrono::milliseconds kServerBusyTimeout{30'000};

// The host part of calendar UIDs is the sender's mail domain, which receivers associate with us anyway.
appointments::MailSite mail_site_of(const Config& config) {
  appointments::MailSite site;
  const auto at = config.smtp.from.rfind('@');
  if (at != std::string::npos) site.host = config.smtp.from.substr(at + 1);
  site.public_url = config.effective_public_url();
  return site;
}
}  // namespace

Application::Application(const Config& config) {
  platform::db::DatabaseOptions options;
  options.pool_size = config.database_pool;
  options.metrics = &metrics_;
  // SQLite admits one writer: a contact import holds the lock for its whole transaction (decision 0004), so a
  // sign-in or an outcome meanwhile waits for it rather than failing after the default 5 s.
  options.busy_timeout = kServerBusyTimeout;
  database_ = platform::db::Database::open(config.effective_database_url(), options);
  sessions_ =
      std::make_unique<identity::SessionService>(*database_, clock_, session_cache_, identity::SessionSettings{});
  users_ = std::make_unique<identity::UserAdmin>(*database_, clock_, events_, session_cache_);
  tokens_ = std::make_unique<identity::TokenAdmin>(*database_, clock_);
  guard_ = std::make_unique<identity::Guard>(router_, *sessions_, *database_);
  campaigns_ = std::make_unique<campaigns::CampaignService>(*database_, clock_, events_);
  contacts_ = std::make_unique<contacts::ContactService>(*database_, clock_);
  blocks_ = std::make_unique<contacts::BlockService>(*database_, clock_);
  consents_ = std::make_unique<contacts::ConsentService>(*database_, clock_);
  privacy_ = std::make_unique<contacts::PrivacyService>(*database_, clock_);
  imports_ = std::make_unique<contacts::ImportService>(*database_, clock_, events_, config.data_dir / "imports");
  booking_ = std::make_unique<appointments::Booking>(places_, mail_site_of(config));
  appointments_ = std::make_unique<appointments::AppointmentService>(*database_, clock_, places_, mail_site_of(config));
  appointment_changes_ = std::make_unique<appointments::AppointmentChanges>(*database_, clock_, mail_site_of(config));
  calendars_ = std::make_unique<appointments::RepCalendarSync>(*database_, clock_);
  reminders_ = std::make_unique<appointments::AppointmentReminders>(*database_, clock_, mail_site_of(config));
  appointment_links_ = std::make_unique<appointments::AppointmentLinkService>(*database_, clock_, events_);
  dispatch_ = std::make_unique<calling::DispatchService>(*database_, clock_, events_, booking_.get());
  supervision_ = std::make_unique<calling::SupervisionService>(*database_, clock_, events_);
  escalations_ = std::make_unique<calling::EscalationService>(*database_, clock_, events_);
  ledger_ = std::make_unique<calling::LedgerService>(*database_);

  add_system_routes(*guard_, *database_, metrics_, events_);
  identity::add_session_routes(*guard_, *sessions_, *users_, *database_);
  identity::add_admin_routes(*guard_, *users_, *tokens_, *database_);
  identity::add_tenant_routes(*guard_, *database_, clock_, events_);
  campaigns::add_campaign_routes(*guard_, *campaigns_);
  campaigns::add_rep_routes(*guard_, *database_, clock_);
  contacts::add_contact_routes(*guard_, *contacts_);
  contacts::add_block_routes(*guard_, *blocks_);
  contacts::add_consent_routes(*guard_, *consents_);
  contacts::add_privacy_routes(*guard_, *privacy_);
  contacts::add_import_routes(*guard_, *imports_);
  calling::add_workspace_routes(*guard_, *dispatch_);
  calling::add_supervision_routes(*guard_, *supervision_);
  calling::add_escalation_routes(*guard_, *escalations_, clock_);
  calling::add_ledger_routes(*guard_, *ledger_);
  appointments::add_appointment_routes(*guard_, *appointments_, *appointment_changes_, *calendars_, *appointment_links_,
                                       *database_, clock_);
  reporting::add_live_routes(*guard_, events_);
  // What a minute's periodic task would do at the new time is done at once, so tests need not wait for it.
  add_test_clock_route(*guard_, clock_, config.test_clock, [this] { reminders_->queue_due(); });
}

}  // namespace termintreu::app
