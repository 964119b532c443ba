#pragma once
// The composition root: the only place that knows every concrete class and wires them together.
#include <memory>

#include "app/config.hpp"
#include "appointments/appointment_changes.hpp"
#include "appointments/appointment_link_service.hpp"
#include "appointments/appointment_reminders.hpp"
#include "appointments/appointment_service.hpp"
#include "appointments/booking.hpp"
#include "appointments/place_coordinates.hpp"
#include "appointments/rep_calendar_sync.hpp"
#include "calling/dispatch_service.hpp"
#include "calling/escalation_service.hpp"
#include "calling/ledger_service.hpp"
#include "calling/supervision_service.hpp"
#include "campaigns/campaign_service.hpp"
#include "contacts/block_service.hpp"
#include "contacts/consent_service.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/import_service.hpp"
#include "contacts/privacy_service.hpp"
#include "identity/guard.hpp"
#include "identity/session_cache.hpp"
#include "identity/session_service.hpp"
#include "identity/token_admin.hpp"
#include "identity/user_admin.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/http/events.hpp"
#include "platform/http/router.hpp"
#include "platform/metrics.hpp"

namespace termintreu::app {

class Application {
 public:
  // Opens the database and registers every route; does not migrate or listen.
  explicit Application(const Config& config);

  platform::db::Database& database() { return *database_; }
  const platform::Clock& clock() const { return clock_; }
  platform::Metrics& metrics() { return metrics_; }
  platform::http::EventHub& events() { return events_; }
  platform::http::Router& router() { return router_; }
  identity::Guard& guard() { return *guard_; }
  contacts::ImportService& imports() { return *imports_; }
  calling::DispatchService& dispatch() { return *dispatch_; }
  appointments::RepCalendarSync& calendars() { return *calendars_; }
  appointments::AppointmentReminders& reminders() { return *reminders_; }
  identity::SessionCache& session_cache() { return session_cache_; }

 private:
  platform::OffsetClock clock_;  // the system clock unless serve --test-clock moves it
  identity::SessionCache session_cache_{clock_, identity::SessionCacheSettings{}};
  platform::Metrics metrics_;
  std::unique_ptr<platform::db::Database> database_;
  platform::http::EventHub events_;
  platform::http::Router router_;
  std::unique_ptr<identity::SessionService> sessions_;
  std::unique_ptr<identity::UserAdmin> users_;
  std::unique_ptr<identity::TokenAdmin> tokens_;
  std::unique_ptr<identity::Guard> guard_;
  std::unique_ptr<campaigns::CampaignService> campaigns_;
  std::unique_ptr<contacts::ContactService> contacts_;
  std::unique_ptr<contacts::BlockService> blocks_;
  std::unique_ptr<contacts::ConsentService> consents_;
  std::unique_ptr<contacts::PrivacyService> privacy_;
  std::unique_ptr<contacts::ImportService> imports_;
  appointments::PlaceIndex places_{appointments::packaged_place_data()};
  std::unique_ptr<appointments::Booking> booking_;
  std::unique_ptr<appointments::AppointmentService> appointments_;
  std::unique_ptr<appointments::AppointmentChanges> appointment_changes_;
  std::unique_ptr<appointments::RepCalendarSync> calendars_;
  std::unique_ptr<appointments::AppointmentLinkService> appointment_links_;
  std::unique_ptr<appointments::AppointmentReminders> reminders_;
  std::unique_ptr<calling::DispatchService> dispatch_;
  std::unique_ptr<calling::SupervisionService> supervision_;
  std::unique_ptr<calling::EscalationService> escalations_;
  std::unique_ptr<calling::LedgerService> ledger_;
};

}  // namespace termintreu::app
