#pragma once
// Drains the outbox: claims the due mails (one short transaction), sends each through the Mailer outside any
// transaction (SMTP may take seconds), then settles it: sent; another try later after a growing pause (1 min up to
// 12 h, ten tries over about a day); or failed for good on a permanent refusal or after the last try. Delivery is
// at least once: a sender that dies between the server's acceptance and settling sends again after the claim
// lapses, under the same Message-ID.
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/mail/mailer.hpp"
#include "platform/mail/outbox_store.hpp"

namespace termintreu::platform::mail {

constexpr int kMaxTries = 10;
// The pause after the n-th failed try (n from 1); the last entry repeats.
std::chrono::minutes retry_pause(std::int64_t tries);

struct SenderIdentity {
  std::string address;            // envelope and From address
  std::string default_from_name;  // when the mail names none
};

struct SendRound {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

class OutboxSender {
 public:
  // `settled` is called after each mail's fate is stored (e.g. to tell the agency's screens).
  using Settled = std::function<void(const outbox_store::OutboxMail&)>;

  OutboxSender(db::Database& database, const Clock& clock, Mailer& mailer, SenderIdentity identity,
               Settled settled = {});

  // Sends every mail due now, in batches, until none is due.
  SendRound send_due();

 private:
  MailMessage message_of(const outbox_store::OutboxMail& mail) const;

  db::Database& database_;
  const Clock& clock_;
  Mailer& mailer_;
  const SenderIdentity identity_;
  const Settled settled_;
};

}  // namespace termintreu::platform::mail
