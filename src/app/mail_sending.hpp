#pragma once
// The server's mail: the outbox drained every few seconds through SMTP, each settled mail announced to its
// agency's screens (event "mail"). Without an SMTP server configured nothing is sent and nothing is dropped: the
// mails wait in the outbox until a restart with --smtp-url.
#include <memory>
#include <optional>

#include "app/application.hpp"
#include "app/config.hpp"
#include "platform/mail/outbox_sender.hpp"
#include "platform/mail/smtp_mailer.hpp"
#include "platform/periodic.hpp"

namespace termintreu::app {

class MailSending {
 public:
  MailSending(const Config& config, Application& app);
  void stop();

 private:
  std::unique_ptr<platform::mail::SmtpMailer> mailer_;
  std::unique_ptr<platform::mail::OutboxSender> sender_;
  std::unique_ptr<platform::Periodic> periodic_;
};

}  // namespace termintreu::app
