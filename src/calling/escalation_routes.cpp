#include "calling/escalation_routes.hpp"

#include <nlohmann/json.hpp>

#include "calling/outcome_input.hpp"
#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

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

nlohmann::json listed(const Escalation& e, platform::TimePoint now) {
  nlohmann::json out = to_json(e);
  out["overdue"] = e.state == "open" && e.promised_at < platform::to_micros(now);
  out["local_time"] = local_time_json(e, now);
  return out;
}

}  // namespace

void add_escalation_routes(identity::Guard& guard, EscalationService& escalations, const platform::Clock& clock) {
  guard.add(Method::post, "/api/workspace/leads/{id}/escalations", {Permission::workspace_use},
            [&escalations, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"question", "urgency", "promised_at"}));
              EscalationRequest input;
              TT_TRY(question, fields->required_text("question", {1, 2000}));
              input.question = *question;
              TT_TRY(urgency, fields->optional_choice("urgency", {"normal", "high", "critical"}));
              input.urgency = urgency->value_or("normal");
              const auto* promised = fields->value("promised_at");
              if (promised == nullptr) return platform::fail(ErrorCode::invalid, "is required", "promised_at");
              TT_TRY(at, time_field(*promised, "promised_at"));
              input.promised_at = *at;
              TT_TRY(raised, escalations.raise(p, *id, input));
              return Response::json(201, listed(*raised, clock.now()));
            });

  guard.add(Method::get, "/api/escalations", {Permission::workspace_use, Permission::supervision_view},
            [&escalations, &clock](Request&, const Principal& p) -> Result<Response> {
              const auto now = clock.now();
              nlohmann::json list = nlohmann::json::array();
              for (const auto& e : escalations.open(p)) list.push_back(listed(e, now));
              return Response::json(200, {{"escalations", list}});
            });

  guard.add(Method::post, "/api/escalations/{id}/resolve", {Permission::workspace_use, Permission::supervision_view},
            [&escalations, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(call, outcome_input_from(request));
              TT_TRY(resolved, escalations.resolve(p, *id, *call));
              return Response::json(201, {{"attempt_id", resolved->call.attempt_id},
                                          {"seq", resolved->call.seq},
                                          {"lead_state", resolved->call.lead_state},
                                          {"escalation", listed(resolved->escalation, clock.now())}});
            });
}

}  // namespace termintreu::calling
