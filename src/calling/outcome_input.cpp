#include "calling/outcome_input.hpp"

#include <nlohmann/json.hpp>

#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Request;

Result<platform::TimePoint> time_field(const nlohmann::json& value, const std::string& field) {
  if (!value.is_string()) return platform::fail(ErrorCode::invalid, "must be an ISO 8601 time", field);
  const auto t = platform::parse_iso8601(value.get<std::string>());
  if (!t) return platform::fail(ErrorCode::invalid, "must be an ISO 8601 time", field);
  return *t;
}

Result<OutcomeInput> outcome_input_from(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(
                     request, {"outcome", "note", "reason", "callback", "phone", "started_at", "talk_seconds", "email"}));
  OutcomeInput input;
  TT_TRY(outcome, fields->required_text("outcome", {1, 40}));
  input.outcome = *outcome;
  TT_TRY(note, fields->optional_text("note", {0, 4000, false}));
  input.note = note->value_or("");
  TT_TRY(reason, fields->optional_text("reason", {0, 500}));
  input.reason = reason->value_or("");
  TT_TRY(phone, fields->required_text("phone", {1, 20}));
  input.phone = *phone;
  TT_TRY(email, fields->optional_text("email", {0, 254}));
  input.email = email->value_or("");
  TT_TRY(talk, fields->optional_integer("talk_seconds", 0, 4 * 60 * 60));
  input.talk_seconds = static_cast<int>(talk->value_or(0));
  if (const auto* started = fields->value("started_at"); started != nullptr && !started->is_null()) {
    TT_TRY(at, time_field(*started, "started_at"));
    input.started_at = *at;
  }
  if (const auto* callback = fields->value("callback"); callback != nullptr && !callback->is_null()) {
    if (!callback->is_object()) return platform::fail(ErrorCode::invalid, "must be an object", "callback");
    auto nested = JsonFields::from_object(*callback, {"at", "kind"});
    if (!nested) return tl::unexpected(platform::nested_error(nested.error(), "callback"));
    const auto* at_value = nested->value("at");
    if (at_value == nullptr) return platform::fail(ErrorCode::invalid, "is required", "callback.at");
    TT_TRY(at, time_field(*at_value, "callback.at"));
    auto kind = nested->optional_choice("kind", {"personal", "general"});
    if (!kind) return tl::unexpected(platform::nested_error(kind.error(), "callback"));
    input.callback = CallbackRequest{*at, kind->value_or("personal")};
  }
  return input;
}

}  // namespace termintreu::calling
