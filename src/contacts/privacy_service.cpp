#include "contacts/privacy_service.hpp"

#include <nlohmann/json.hpp>

#include "calling/attempt_store.hpp"
#include "contacts/blocking.hpp"
#include "contacts/consent_store.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/contact_store.hpp"
#include "contacts/privacy_deadline.hpp"

namespace termintreu::contacts {

using identity::Principal;
using identity::RequestMeta;
using platform::ErrorCode;
using platform::fail;
using platform::Result;

PrivacyService::PrivacyService(platform::db::Database& database, const platform::Clock& clock)
    : database_(database), clock_(clock) {}

Result<PrivacyRequest> PrivacyService::create(const Principal& actor, const NewPrivacyRequest& input,
                                              const RequestMeta& meta) {
  const std::int64_t now = this->now();
  const std::int64_t received = input.received_at.value_or(now);
  if (received > now) return fail(ErrorCode::invalid, "must not lie in the future", "received_at");
  return database_.transaction("privacy_request.create", [&](soci::session& sql) -> Result<PrivacyRequest> {
    if (input.person_id) {
      auto person = visible_person(sql, actor, *input.person_id);
      if (!person) return fail(ErrorCode::invalid, "no such contact", "person_id");
    }
    PrivacyRequest request;
    request.agency_id = actor.agency_id;
    request.person_id = input.person_id;
    request.subject = input.subject;
    request.kind = input.kind;
    request.received_at = received;
    request.due_at = platform::to_micros(privacy_due_at(platform::from_micros(received)));
    request.note = input.note;
    request.created_by = actor.user_id;
    request.created_at = now;
    request.id = privacy_store::insert(sql, request);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "privacy_request.created",
                                                           "privacy_request", request.id,
                                                           {{"kind", request.kind},
                                                            {"person_id", input.person_id ? nlohmann::json(*input.person_id)
                                                                                          : nlohmann::json(nullptr)}}));
    return request;
  });
}

std::vector<PrivacyRequest> PrivacyService::list(const Principal& actor, int limit, int offset) {
  auto lease = database_.session();
  return privacy_store::list(*lease, actor.agency_id, limit, offset);
}

Result<PrivacyRequest> PrivacyService::close(const Principal& actor, std::int64_t id, const std::string& state,
                                             const std::string& note, const RequestMeta& meta) {
  const std::int64_t now = this->now();
  return database_.transaction("privacy_request.close", [&](soci::session& sql) -> Result<PrivacyRequest> {
    auto request = privacy_store::find(sql, actor.agency_id, id);
    if (!request) return fail(ErrorCode::not_found, "no such request", "id");
    if (request->state != "open") return fail(ErrorCode::conflict, "the request is closed already", "state");
    request->state = state;
    request->note = note;
    request->done_at = now;
    request->handled_by = actor.user_id;
    privacy_store::close(sql, *request);
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "privacy_request.closed",
                                                           "privacy_request", id, {{"state", state}}));
    return *request;
  });
}

Result<ContactExport> PrivacyService::export_person(const Principal& actor, std::int64_t person_id,
                                                    const RequestMeta& meta) {
  const std::int64_t now = this->now();
  return database_.transaction("contact.export", [&](soci::session& sql) -> Result<ContactExport> {
    TT_TRY(person, visible_person(sql, actor, person_id));
    ContactExport out;
    if (person->company_id) out.company = contact_store::find_company(sql, actor.agency_id, *person->company_id);
    out.phones = contact_store::phones(sql, actor.agency_id, person_id);
    out.leads = contact_store::leads_of_person(sql, actor.agency_id, person_id);
    out.consents = consent_store::of_person(sql, actor.agency_id, person_id);
    out.audit = identity::audit_log::of_target(sql, actor.agency_id, "person", person_id);
    out.privacy_requests = privacy_store::of_person(sql, actor.agency_id, person_id);
    out.person = std::move(*person);
    out.exported_at = now;
    // Who looked at everything about a person is itself worth recording.
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, now, "contact.exported", "person", person_id, nlohmann::json::object()));
    return out;
  });
}

Result<void> PrivacyService::erase(const Principal& actor, std::int64_t person_id, const RequestMeta& meta) {
  const std::int64_t now = this->now();
  return database_.transaction("contact.erase", [&](soci::session& sql) -> Result<void> {
    TT_TRY(person, visible_person(sql, actor, person_id));
    if (person->erased_at) return fail(ErrorCode::conflict, "the contact was erased already", "id");
    const auto keys = block_keys(*person, contact_store::phones(sql, actor.agency_id, person_id));
    const auto outcome = block(sql, actor.agency_id, keys, "erasure (DSGVO Art. 17)", actor.user_id, now);
    contact_store::set_blocked(sql, actor.agency_id, person_id, now);
    contact_store::erase(sql, actor.agency_id, person_id, now);
    // The call log keeps the attempts (its chain holds only the notes' hashes), not what agents wrote down.
    const auto notes_erased = calling::attempt_store::erase_notes(sql, actor.agency_id, person_id);
    for (auto& request : privacy_store::of_person(sql, actor.agency_id, person_id)) {
      if (request.state != "open" || request.kind != "erasure") continue;
      request.state = "done";
      request.done_at = now;
      request.handled_by = actor.user_id;
      if (request.note.empty()) request.note = "erased";
      privacy_store::close(sql, request);
    }
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "contact.erased", "person", person_id,
                                                           {{"block_entries_added", outcome.entries_added},
                                                            {"call_notes_erased", notes_erased}}));
    return {};
  });
}

}  // namespace termintreu::contacts
