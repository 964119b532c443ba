#pragma once
// Mail over SMTP with libcurl: smtp:// with STARTTLS when the server offers it (required once credentials are
// set, so a password never crosses the wire in clear), or smtps://. A 5xx reply to the sender, the recipient or
// the message is permanent; everything else (no connection, 4xx, timeouts, refused credentials — an admin can fix
// those) is worth another try.
#include <chrono>
#include <string>

#include "platform/mail/mailer.hpp"

namespace termintreu::platform::mail {

struct SmtpSettings {
  std::string url;  // smtp://host:port or smtps://host:port; empty: no mail is sent
  std::string user;
  std::string password;
  std::string from;       // envelope and header sender
  std::string from_name;  // display name of the sender
  std::chrono::seconds timeout{30};
};

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings settings);
  SendResult send(const MailMessage& message) override;

 private:
  const SmtpSettings settings_;
};

}  // namespace termintreu::platform::mail
