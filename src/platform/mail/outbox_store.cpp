#include "platform/mail/outbox_store.hpp"

#include <nlohmann/json.hpp>

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"
#include "platform/time_text.hpp"

namespace termintreu::platform::mail::outbox_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO outbox (agency_id, lead_id, attempt_id, kind, to_address, from_name, reply_to, subject, body, "
    "state, tries, next_try_at, last_error, created_at, appointment_id, calendar_method, calendar_text) VALUES "
    "(:agency_id, :lead_id, :attempt_id, :kind, :to, :from_name, :reply_to, :subject, :body, 'queued', 0, "
    ":next_try_at, '', :created_at, :appointment_id, :calendar_method, :calendar_text) RETURNING id";
constexpr const char* kColumns =
    "SELECT id, agency_id, lead_id, attempt_id, kind, to_address, from_name, reply_to, subject, body, state, tries, "
    "next_try_at, last_error, created_at, sent_at, appointment_id, calendar_method, calendar_text FROM outbox ";
constexpr const char* kDue = "WHERE state = 'queued' AND next_try_at <= :now ORDER BY next_try_at, id LIMIT :limit";
constexpr const char* kOfLead = "WHERE agency_id = :agency_id AND lead_id = :lead_id ORDER BY id DESC";
// Guarded: of two senders seeing the same due mail, only one moves it.
constexpr const char* kClaim =
    "UPDATE outbox SET tries = tries + 1, next_try_at = :claim_until "
    "WHERE id = :id AND state = 'queued' AND next_try_at <= :now";
constexpr const char* kSent =
    "UPDATE outbox SET state = 'sent', sent_at = :now, last_error = :detail WHERE id = :id";
constexpr const char* kRetry = "UPDATE outbox SET next_try_at = :next_try_at, last_error = :error WHERE id = :id";
constexpr const char* kFailed = "UPDATE outbox SET state = 'failed', last_error = :error WHERE id = :id";

struct MailRow {
  long long id = 0, agency_id = 0, tries = 0, next_try_at = 0, created_at = 0;
  std::optional<long long> lead_id, attempt_id, sent_at, appointment_id;
  std::string kind, to_address, from_name, reply_to, subject, body, state, last_error, calendar_method, calendar_text;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(attempt_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(to_address));
    st.exchange(soci::into(from_name));
    st.exchange(soci::into(reply_to));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(body));
    st.exchange(soci::into(state));
    st.exchange(soci::into(tries));
    st.exchange(soci::into(next_try_at));
    st.exchange(soci::into(last_error));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(sent_at));
    st.exchange(soci::into(appointment_id));
    st.exchange(soci::into(calendar_method));
    st.exchange(soci::into(calendar_text));
  }
  OutboxMail to_model() const {
    return OutboxMail{id,         agency_id, lead_id,        attempt_id,      kind,         to_address,  from_name,
                      reply_to,   subject,   body,           state,           tries,        next_try_at, last_error,
                      created_at, sent_at,   appointment_id, calendar_method, calendar_text};
  }
};

}  // namespace

std::int64_t enqueue(soci::session& sql, const OutboxMail& mail) {
  const long long agency_id = mail.agency_id, next_try_at = mail.next_try_at, created_at = mail.created_at;
  std::optional<long long> lead_id, attempt_id, appointment_id;
  if (mail.lead_id) lead_id = *mail.lead_id;
  if (mail.attempt_id) attempt_id = *mail.attempt_id;
  if (mail.appointment_id) appointment_id = *mail.appointment_id;
  return db::fetch_value<long long>(sql, kInsert, agency_id, lead_id, attempt_id, mail.kind, mail.to_address,
                                    mail.from_name, mail.reply_to, mail.subject, mail.body, next_try_at, created_at,
                                    appointment_id, mail.calendar_method, mail.calendar_text)
      .value();
}

std::vector<OutboxMail> claim_due(soci::session& sql, std::int64_t now, std::int64_t claim_until, int limit) {
  const long long at = now, until = claim_until;
  const long long max_rows = limit;
  std::vector<OutboxMail> claimed;
  for (auto& mail : db::fetch_rows<MailRow>(sql, std::string(kColumns) + kDue, at, max_rows)) {
    long long id = mail.id;
    soci::statement st = (sql.prepare << kClaim, soci::use(until), soci::use(id), soci::use(at));
    st.execute(true);
    if (st.get_affected_rows() != 1) continue;
    ++mail.tries;
    mail.next_try_at = until;
    claimed.push_back(std::move(mail));
  }
  return claimed;
}

void mark_sent(soci::session& sql, std::int64_t id, std::int64_t now, const std::string& detail) {
  const long long mail = id, at = now;
  platform::db::execute(sql, kSent, at, detail, mail);
}

void mark_retry(soci::session& sql, std::int64_t id, std::int64_t next_try_at, const std::string& error) {
  const long long mail = id, at = next_try_at;
  platform::db::execute(sql, kRetry, at, error, mail);
}

void mark_failed(soci::session& sql, std::int64_t id, const std::string& error) {
  const long long mail = id;
  platform::db::execute(sql, kFailed, error, mail);
}

std::vector<OutboxMail> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id) {
  const long long agency = agency_id, lead = lead_id;
  return db::fetch_rows<MailRow>(sql, std::string(kColumns) + kOfLead, agency, lead);
}

nlohmann::json to_json(const OutboxMail& mail) {
  return {{"id", mail.id},
          {"kind", mail.kind},
          {"to", mail.to_address},
          {"subject", mail.subject},
          {"state", mail.state},
          {"tries", mail.tries},
          {"last_error", mail.last_error},
          {"created_at", iso8601(from_micros(mail.created_at))},
          {"next_try_at", mail.state == "queued" ? nlohmann::json(iso8601(from_micros(mail.next_try_at))) : nullptr},
          {"sent_at", iso8601_or_null(mail.sent_at)}};
}

}  // namespace termintreu::platform::mail::outbox_store
