#include "calling/outcome_input.hpp"

#include <limits>

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

Result<AppointmentRequest> appointment_request_from(const nlohmann::json& body) {
  if (!body.is_object()) return platform::fail(ErrorCode::invalid, "must be an object", "");
  TT_TRY(fields,
         JsonFields::from_object(body, {"rep_id", "starts_at", "duration_minutes", "kind", "agenda", "location"}));
  AppointmentRequest out;
  TT_TRY(rep, fields->required_integer("rep_id", 1, std::numeric_limits<std::int64_t>::max()));
  out.rep_id = *rep;
  const auto* starts = fields->value("starts_at");
  if (starts == nullptr) return platform::fail(ErrorCode::invalid, "is required", "starts_at");
  TT_TRY(at, time_field(*starts, "starts_at"));
  out.starts_at = *at;
  TT_TRY(duration, fields->optional_integer("duration_minutes", 15, 8 * 60));
  if (*duration) out.duration_minutes = static_cast<int>(**duration);
  TT_TRY(kind, fields->optional_choice("kind", {"on_site", "video", "phone"}));
  out.kind = kind->value_or("on_site");
  TT_TRY(agenda, fields->optional_text("agenda", {0, 4000, false}));
  out.agenda = agenda->value_or("");
  TT_TRY(location, fields->optional_text("location", {0, 300, true}));
  out.location = location->value_or("");
  return out;
}

Result<OutcomeInput> outcome_input_from(const Request& request) {
  TT_TRY(fields, JsonFields::from_request(request, {"outcome", "note", "reason", "callback", "phone", "started_at",
                                                    "talk_seconds", "email", "appointment"}));
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
  if (const auto* appointment = fields->value("appointment"); appointment != nullptr && !appointment->is_null()) {
    auto booking = appointment_request_from(*appointment);
    if (!booking) return tl::unexpected(platform::nested_error(booking.error(), "appointment"));
    input.appointment = std::move(*booking);
  }
  return input;
}

}  // namespace termintreu::calling
