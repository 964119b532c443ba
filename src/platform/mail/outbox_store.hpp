#pragma once
// The mail outbox: a mail is written in the same transaction as what caused it (a recorded call), so it is never
// lost and never sent for a call that was rolled back; the sender then claims, sends and settles it. Times are
// microseconds since the Unix epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <soci/soci.h>

namespace termintreu::platform::mail::outbox_store {

struct OutboxMail {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> attempt_id;
  std::string kind = "info_mail";
  std::string to_address;
  std::string from_name;
  std::string reply_to;
  std::string subject;
  std::string body;
  std::string state = "queued";  // queued | sent | failed
  std::int64_t tries = 0;
  std::int64_t next_try_at = 0;
  std::string last_error;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> appointment_id;
  std::string calendar_method;  // "REQUEST" / "CANCEL": the mail carries calendar_text as an invitation; "" none
  std::string calendar_text;
};

std::int64_t enqueue(soci::session& sql, const OutboxMail& mail);

// Queued mails due at `now`, oldest first, each claimed for this sender: its try is counted and it is not due
// again before `claim_until`. A sender that dies with a claim leaves the mail to be tried again after that.
std::vector<OutboxMail> claim_due(soci::session& sql, std::int64_t now, std::int64_t claim_until, int limit);

void mark_sent(soci::session& sql, std::int64_t id, std::int64_t now, const std::string& detail);
void mark_retry(soci::session& sql, std::int64_t id, std::int64_t next_try_at, const std::string& error);
void mark_failed(soci::session& sql, std::int64_t id, const std::string& error);

// The mails of one lead, newest first (the lead card's history).
std::vector<OutboxMail> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id);

// What a history shows of a mail: no body, no internal ids beyond its own.
nlohmann::json to_json(const OutboxMail& mail);

}  // namespace termintreu::platform::mail::outbox_store
