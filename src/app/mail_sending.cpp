#include "app/mail_sending.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace termintreu::app {

namespace {
constexpr std::chrono::seconds kInterval{3};
}  // namespace

MailSending::MailSending(const Config& config, Application& app) {
  if (config.smtp.url.empty()) {
    spdlog::warn("no SMTP server set (--smtp-url): info mails are queued in the outbox and sent once one is");
    return;
  }
  mailer_ = std::make_unique<platform::mail::SmtpMailer>(config.smtp);
  auto& events = app.events();
  sender_ = std::make_unique<platform::mail::OutboxSender>(
      app.database(), app.clock(), *mailer_,
      platform::mail::SenderIdentity{config.smtp.from, config.smtp.from_name.empty() ? "Termintreu" : config.smtp.from_name},
      [&events](const platform::mail::outbox_store::OutboxMail& mail) {
        events.publish("agency:" + std::to_string(mail.agency_id), "mail",
                       {{"id", mail.id}, {"lead_id", mail.lead_id.value_or(0)}, {"state", mail.state}});
      });
  periodic_ = std::make_unique<platform::Periodic>("outbox", kInterval, [this] { sender_->send_due(); });
}

void MailSending::stop() {
  if (periodic_) periodic_->stop();
}

}  // namespace termintreu::app
