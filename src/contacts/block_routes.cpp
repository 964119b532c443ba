#include <limits>

#include <nlohmann/json.hpp>

#include "contacts/contact_routes.hpp"
#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::contacts {

using identity::Permission;
using identity::Principal;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
const std::vector<Permission> kBlockers{Permission::contacts_block};
constexpr platform::TextRule kReasonRule{1, 500, true};

nlohmann::json result_json(const BlockResult& result) {
  return {{"entries_added", result.entries_added}, {"persons_blocked", result.persons_blocked}};
}

nlohmann::json to_json(const block_list_store::Entry& e) {
  return {{"id", e.id},
          {"kind", e.kind},
          {"value_hash", e.value_hash},
          {"reason", e.reason},
          {"created_by", e.created_by ? nlohmann::json(*e.created_by) : nlohmann::json(nullptr)},
          {"created_by_name", e.created_by_name},
          {"created_at", platform::iso8601_or_null(e.created_at)}};
}

}  // namespace

void add_block_routes(identity::Guard& guard, BlockService& blocks) {
  guard.add(Method::get, "/api/block-list", kBlockers, [&blocks](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(page, read_page(request));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& entry : blocks.list(p, page->limit, page->offset)) list.push_back(to_json(entry));
    return Response::json(200, {{"entries", list}, {"limit", page->limit}, {"offset", page->offset}});
  });

  guard.add(Method::post, "/api/block-list", kBlockers, [&blocks](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(fields, JsonFields::from_request(request, {"person_id", "phone", "email", "country", "reason"}));
    BlockRequest block;
    TT_TRY(person_id, fields->optional_integer("person_id", 1, kMaxId));
    TT_TRY(phone, fields->optional_text("phone", {1, 250, true}));
    TT_TRY(email, fields->optional_text("email", {1, 254, true}));
    TT_TRY(country, fields->optional_text("country", {2, 2, true}));
    TT_TRY(reason, fields->required_text("reason", kReasonRule));
    block.person_id = *person_id;
    block.phone = *phone;
    block.email = *email;
    block.country = country->value_or("");
    block.reason = *reason;
    TT_TRY(blocked, blocks.block(p, block, identity::meta_of(request)));
    return Response::json(201, result_json(*blocked));
  });

  guard.add(Method::post, "/api/contacts/{id}/block", kBlockers, [&blocks](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"reason"}));
    TT_TRY(reason, fields->optional_text("reason", kReasonRule));
    BlockRequest block;
    block.person_id = *id;
    block.reason = reason->value_or("objection (DSGVO Art. 21)");
    auto blocked = blocks.block(p, block, identity::meta_of(request));
    // The path names the contact: another tenant's id is "not found", not a bad body field.
    if (!blocked && blocked.error().field == "person_id" && blocked.error().code == platform::ErrorCode::invalid) {
      return platform::fail(platform::ErrorCode::not_found, "no such contact", "id");
    }
    if (!blocked) return tl::unexpected(blocked.error());
    return Response::json(200, result_json(*blocked));
  });
}

}  // namespace termintreu::contacts
