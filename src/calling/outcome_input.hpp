#pragma once
// Reading a recorded call from a request body: {outcome, phone, note, reason, callback: {at, kind}, started_at,
// talk_seconds, email, appointment}, strictly (unknown fields refused, each error naming its field).
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "calling/outcome_recorder.hpp"
#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace termintreu::calling {

platform::Result<OutcomeInput> outcome_input_from(const platform::http::Request& request);
// {rep_id, starts_at, duration_minutes, kind, agenda, location}; errors name the field without a prefix.
platform::Result<AppointmentRequest> appointment_request_from(const nlohmann::json& body);
// An ISO 8601 time in a JSON value, else an error naming `field`.
platform::Result<platform::TimePoint> time_field(const nlohmann::json& value, const std::string& field);

}  // namespace termintreu::calling
