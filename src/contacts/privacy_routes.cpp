#include <limits>

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

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
const std::vector<Permission> kPrivacy{Permission::privacy_manage};

}  // namespace

void add_privacy_routes(identity::Guard& guard, PrivacyService& privacy) {
  guard.add(Method::get, "/api/privacy-requests", kPrivacy, [&privacy](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(page, read_page(request));
    const auto now = privacy.now();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : privacy.list(p, page->limit, page->offset)) list.push_back(to_json(item, now));
    return Response::json(200, {{"requests", list}, {"limit", page->limit}, {"offset", page->offset}});
  });

  guard.add(Method::post, "/api/privacy-requests", kPrivacy, [&privacy](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(fields, JsonFields::from_request(request, {"kind", "subject", "person_id", "received_at", "note"}));
    NewPrivacyRequest input;
    std::vector<std::string_view> kinds(std::begin(kPrivacyKinds), std::end(kPrivacyKinds));
    TT_TRY(kind, fields->optional_choice("kind", kinds));
    if (!*kind) return platform::fail(ErrorCode::invalid, "is required", "kind");
    TT_TRY(subject, fields->required_text("subject", {1, 300, true}));
    TT_TRY(person_id, fields->optional_integer("person_id", 1, kMaxId));
    TT_TRY(received_text, fields->optional_text("received_at", {1, 40, true}));
    TT_TRY(note, fields->optional_text("note", {0, 2000, true}));
    if (*received_text) {
      const auto received = platform::parse_iso8601(**received_text);
      if (!received) {
        return platform::fail(ErrorCode::invalid, "must be a time such as 2026-11-22T10:00:00Z", "received_at");
      }
      input.received_at = platform::to_micros(*received);
    }
    input.kind = **kind;
    input.subject = *subject;
    input.person_id = *person_id;
    input.note = note->value_or("");
    TT_TRY(created, privacy.create(p, input, identity::meta_of(request)));
    return Response::json(201, to_json(*created, privacy.now()));
  });

  guard.add(Method::patch, "/api/privacy-requests/{id}", kPrivacy, [&privacy](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"state", "note"}));
    TT_TRY(state, fields->optional_choice("state", {"done", "rejected"}));
    if (!*state) return platform::fail(ErrorCode::invalid, "is required", "state");
    TT_TRY(note, fields->optional_text("note", {0, 2000, true}));
    if (**state == "rejected" && note->value_or("").empty()) {
      return platform::fail(ErrorCode::invalid, "a rejection needs its reason", "note");
    }
    TT_TRY(closed, privacy.close(p, *id, **state, note->value_or(""), identity::meta_of(request)));
    return Response::json(200, to_json(*closed, privacy.now()));
  });

  guard.add(Method::get, "/api/contacts/{id}/export", kPrivacy, [&privacy](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    const auto format = request.query_param("format").value_or("json");
    if (format != "json" && format != "html") return platform::fail(ErrorCode::invalid, "must be json or html", "format");
    TT_TRY(exported, privacy.export_person(p, *id, identity::meta_of(request)));
    if (format == "html") return Response::text(200, to_html(*exported), "text/html; charset=utf-8");
    return Response::json(200, to_json(*exported));
  });

  guard.add(Method::post, "/api/contacts/{id}/erase", kPrivacy, [&privacy](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(erased, privacy.erase(p, *id, identity::meta_of(request)));
    return Response::no_content();
  });
}

}  // namespace termintreu::contacts
