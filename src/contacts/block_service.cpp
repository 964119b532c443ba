#include "contacts/block_service.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "contacts/contact_service.hpp"
#include "contacts/contact_store.hpp"
#include "contacts/match_keys.hpp"
#include "contacts/phone_number.hpp"
#include "identity/credential_rules.hpp"

namespace termintreu::contacts {

using identity::Principal;
using identity::RequestMeta;
using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {
constexpr const char* kDefaultCountry = "DE";
}

BlockService::BlockService(platform::db::Database& database, const platform::Clock& clock)
    : database_(database), clock_(clock) {}

Result<BlockResult> BlockService::block(const Principal& actor, const BlockRequest& request, const RequestMeta& meta) {
  const int given = (request.person_id ? 1 : 0) + (request.phone ? 1 : 0) + (request.email ? 1 : 0);
  if (given != 1) return fail(ErrorCode::invalid, "give exactly one of person_id, phone and email", "person_id");
  if (request.reason.empty()) return fail(ErrorCode::invalid, "is required", "reason");
  std::vector<BlockKey> keys;
  if (request.phone) {
    TT_TRY(number, normalise_phone(*request.phone, request.country.empty() ? kDefaultCountry : request.country,
                                   "phone"));
    keys.push_back({BlockKind::phone, number->e164, "phone"});
  }
  if (request.email) {
    TT_TRY(email, identity::normalise_email(*request.email, "email"));
    keys.push_back({BlockKind::email, email_key(*email), "email"});
  }
  const std::int64_t now = platform::to_micros(clock_.now());
  return database_.transaction("block_list.add", [&](soci::session& sql) -> Result<BlockResult> {
    std::string target_type = "block_list";
    std::optional<std::int64_t> target_id;
    BlockOutcome outcome;
    if (request.person_id) {
      auto person = contact_store::find_person(sql, actor.agency_id, *request.person_id);
      if (!person || !identity::can_see_client(actor, person->client_id)) {
        return fail(ErrorCode::invalid, "no such contact", "person_id");
      }
      if (person->erased_at) return fail(ErrorCode::conflict, "the contact was erased (and blocked then)", "person_id");
      const auto phones = contact_store::phones(sql, actor.agency_id, person->id);
      keys = block_keys(*person, phones);
      target_type = "person";
      target_id = person->id;
      outcome = block_person(sql, actor.agency_id, *person, phones, request.reason, actor.user_id, now);
    } else {
      outcome = contacts::block(sql, actor.agency_id, keys, request.reason, actor.user_id, now);
    }
    nlohmann::json kinds = nlohmann::json::array();
    for (const auto& key : keys) kinds.push_back(to_string(key.kind));
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, now, "contact.blocked", target_type, target_id,
                                   {{"kinds", kinds},
                                    {"entries_added", outcome.entries_added},
                                    {"persons_blocked", outcome.persons_blocked}}));
    for (const auto person_id : outcome.persons_blocked) {
      if (target_id && person_id == *target_id) continue;
      identity::audit_log::append(sql, identity::audit_entry(actor, meta, now, "contact.blocked", "person", person_id,
                                                             {{"by_match", true}}));
    }
    return BlockResult{outcome.entries_added, outcome.persons_blocked};
  });
}

std::vector<block_list_store::Entry> BlockService::list(const Principal& actor, int limit, int offset) {
  auto lease = database_.session();
  return block_list_store::page(*lease, actor.agency_id, limit, offset);
}

}  // namespace termintreu::contacts
