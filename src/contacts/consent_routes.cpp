#include <nlohmann/json.hpp>

#include "contacts/contact_routes.hpp"
#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::contacts {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

const std::vector<Permission> kRecorders{Permission::contacts_manage};
const std::vector<Permission> kAuditors{Permission::privacy_manage, Permission::contacts_manage};

Result<ConsentInput> read_consent(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(request, {"kind", "given_by", "beneficiary", "purpose", "given_at",
                                                    "channel", "evidence"}));
  ConsentInput input;
  std::vector<std::string_view> kinds(std::begin(kConsentKinds), std::end(kConsentKinds));
  TT_TRY(kind, fields->optional_choice("kind", kinds));
  if (!*kind) return platform::fail(ErrorCode::invalid, "is required", "kind");
  input.kind = **kind;
  TT_TRY(given_by, fields->required_text("given_by", {1, 300, true}));
  TT_TRY(beneficiary, fields->required_text("beneficiary", {1, 300, true}));
  TT_TRY(purpose, fields->required_text("purpose", {1, 1000, true}));
  TT_TRY(given_at_text, fields->required_text("given_at", {1, 40, true}));
  const auto given_at = platform::parse_iso8601(*given_at_text);
  if (!given_at) {
    return platform::fail(ErrorCode::invalid, "must be a time such as 2026-11-22T10:00:00Z", "given_at");
  }
  TT_TRY(channel, fields->required_text("channel", {1, 120, true}));
  TT_TRY(evidence, fields->optional_text("evidence", {0, 2000, true}));
  input.given_by = *given_by;
  input.beneficiary = *beneficiary;
  input.purpose = *purpose;
  input.given_at = platform::to_micros(*given_at);
  input.channel = *channel;
  input.evidence = evidence->value_or("");
  return input;
}

nlohmann::json check_json(const ChainCheck& check) {
  return {{"ok", check.ok},
          {"checked", check.checked},
          {"head", check.head},
          {"broken_id", check.broken_id ? nlohmann::json(*check.broken_id) : nlohmann::json(nullptr)},
          {"problem", check.problem}};
}

}  // namespace

void add_consent_routes(identity::Guard& guard, ConsentService& consents) {
  guard.add(Method::post, "/api/contacts/{id}/consents", kRecorders,
            [&consents](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(input, read_consent(request));
              TT_TRY(recorded, consents.record(p, *id, *input, identity::meta_of(request)));
              return Response::json(201, to_json(*recorded));
            });

  guard.add(Method::get, "/api/consents/verify", kAuditors, [&consents](Request&, const Principal& p) -> Result<Response> {
    return Response::json(200, check_json(consents.verify(p)));
  });

  guard.add(Method::get, "/api/consents/export", {Permission::privacy_manage},
            [&consents](Request&, const Principal& p) -> Result<Response> {
              const auto records = consents.chain(p);
              nlohmann::json list = nlohmann::json::array();
              for (const auto& record : records) {
                auto item = to_json(record);
                item["agency_id"] = record.agency_id;
                item["canonical"] = canonical_encoding(record);
                list.push_back(std::move(item));
              }
              return Response::json(200, {{"encoding", "termintreu-consent-v1"},
                                          {"hash", "sha256 (hex) of canonical"},
                                          {"genesis_prev_hash", kGenesisHash},
                                          {"verification", check_json(verify_chain(records))},
                                          {"records", list}});
            });
}

}  // namespace termintreu::contacts
