#pragma once
// The port through which mail leaves: SMTP in the server (smtp_mailer.hpp), a fake in tests.
#include <string>

#include "platform/mail/mail_message.hpp"

namespace termintreu::platform::mail {

struct SendResult {
  enum class Status { sent, temporary, permanent };
  Status status = Status::sent;
  std::string detail;  // the server's reply or the connection error, for the outbox row and the log
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual SendResult send(const MailMessage& message) = 0;
};

}  // namespace termintreu::platform::mail
