#include "platform/mail/outbox_sender.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include <spdlog/spdlog.h>

namespace termintreu::platform::mail {
namespace {

using std::chrono::minutes;

constexpr std::array<minutes, 9> kPauses{minutes{1},   minutes{5},   minutes{15},  minutes{30}, minutes{60},
                                         minutes{120}, minutes{240}, minutes{480}, minutes{720}};
constexpr int kBatch = 20;
// Longer than one SMTP transaction may take (SmtpSettings::timeout plus the connect timeout).
constexpr minutes kClaim{5};

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? std::string("termintreu.invalid") : address.substr(at + 1);
}

}  // namespace

minutes retry_pause(std::int64_t tries) {
  if (tries < 1) return kPauses.front();
  return kPauses[static_cast<std::size_t>(std::min<std::int64_t>(tries, kPauses.size()) - 1)];
}

OutboxSender::OutboxSender(db::Database& database, const Clock& clock, Mailer& mailer, SenderIdentity identity,
                           Settled settled)
    : database_(database), clock_(clock), mailer_(mailer), identity_(std::move(identity)), settled_(std::move(settled)) {}

MailMessage OutboxSender::message_of(const outbox_store::OutboxMail& mail) const {
  MailMessage message;
  message.from = identity_.address;
  message.from_name = mail.from_name.empty() ? identity_.default_from_name : mail.from_name;
  message.to = mail.to_address;
  message.reply_to = mail.reply_to;
  message.subject = mail.subject;
  message.body = mail.body;
  if (!mail.calendar_method.empty()) message.calendar = MailCalendar{mail.calendar_method, mail.calendar_text};
  message.message_id = fmt::format("outbox-{}-{}@{}", mail.id, mail.created_at, domain_of(identity_.address));
  message.date = from_micros(mail.created_at);
  return message;
}

SendRound OutboxSender::send_due() {
  SendRound round;
  for (;;) {
    const auto now = clock_.now();
    const auto batch = database_.transaction("outbox.claim", [&](soci::session& sql) {
      return outbox_store::claim_due(sql, to_micros(now), to_micros(now + kClaim), kBatch);
    });
    if (batch.empty()) return round;
    for (auto mail : batch) {
      const SendResult result = mailer_.send(message_of(mail));
      const auto settled_at = clock_.now();
      database_.transaction("outbox.settle", [&](soci::session& sql) {
        if (result.status == SendResult::Status::sent) {
          outbox_store::mark_sent(sql, mail.id, to_micros(settled_at), result.detail);
          mail.state = "sent";
          mail.sent_at = to_micros(settled_at);
          ++round.sent;
        } else if (result.status == SendResult::Status::permanent || mail.tries >= kMaxTries) {
          outbox_store::mark_failed(sql, mail.id, result.detail);
          mail.state = "failed";
          ++round.failed;
        } else {
          mail.next_try_at = to_micros(settled_at + retry_pause(mail.tries));
          outbox_store::mark_retry(sql, mail.id, mail.next_try_at, result.detail);
          ++round.retried;
        }
      });
      mail.last_error = result.detail;
      spdlog::info("mail {} ({}): {} after try {}: {}", mail.id, mail.kind, mail.state, mail.tries, result.detail);
      if (settled_) settled_(mail);
    }
  }
}

}  // namespace termintreu::platform::mail
