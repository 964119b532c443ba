#include "calling/workspace_routes.hpp"

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
using platform::TextRule;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

const std::vector<Permission> kAgents{Permission::workspace_use};
// Personal callbacks show in the workspace this long before they fall due.
constexpr auto kReminderAhead = std::chrono::minutes{30};

nlohmann::json assignment_json(const Assignment& a) {
  return {{"lead_id", a.lead_id ? nlohmann::json(*a.lead_id) : nullptr},
          {"campaign_id", a.campaign_id ? nlohmann::json(*a.campaign_id) : nullptr},
          {"callback", a.callback ? to_json(*a.callback) : nlohmann::json(nullptr)},
          {"lease_until", platform::iso8601_or_null(a.lease_until)},
          {"empty_reason", a.empty_reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.empty_reason)},
          {"briefings_pending", a.briefings_pending}};
}

}  // namespace

void add_workspace_routes(identity::Guard& guard, DispatchService& dispatch) {
  guard.add(Method::post, "/api/workspace/next", kAgents,
            [&dispatch](Request&, const Principal& p) -> Result<Response> {
              TT_TRY(assignment, dispatch.next(p));
              nlohmann::json body = assignment_json(*assignment);
              body["card"] = nullptr;
              if (assignment->lead_id) {
                TT_TRY(card, dispatch.card(p, *assignment->lead_id));
                body["card"] = std::move(*card);
              }
              return Response::json(200, body);
            });

  guard.add(Method::get, "/api/workspace/leads/{id}", {Permission::workspace_use, Permission::supervision_view},
            [&dispatch](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(card, dispatch.card(p, *id));
              return Response::json(200, *card);
            });

  guard.add(Method::post, "/api/workspace/leads/{id}/outcome", kAgents,
            [&dispatch](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(input, outcome_input_from(request));
              TT_TRY(recorded, dispatch.record_outcome(p, *id, *input));
              return Response::json(
                  201, {{"attempt_id", recorded->attempt_id},
                        {"seq", recorded->seq},
                        {"lead_state", recorded->lead_state},
                        {"next_call_at", platform::iso8601_or_null(recorded->next_call_at)},
                        {"callback_id",
                         recorded->callback_id ? nlohmann::json(*recorded->callback_id) : nlohmann::json(nullptr)},
                        {"mail_id", recorded->mail_id ? nlohmann::json(*recorded->mail_id) : nlohmann::json(nullptr)},
                        {"appointment_id", recorded->appointment_id ? nlohmann::json(*recorded->appointment_id)
                                                                    : nlohmann::json(nullptr)}});
            });

  guard.add(Method::post, "/api/workspace/leads/{id}/release", kAgents,
            [&dispatch](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(released, dispatch.release(p, *id));
              return Response::no_content();
            });

  guard.add(Method::post, "/api/workspace/heartbeat", kAgents,
            [&dispatch](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(fields, JsonFields::from_request(request, {"state"}));
              TT_TRY(state, fields->required_text("state", {1, 20}));
              TT_TRY(beat, dispatch.heartbeat(p, *state));
              return Response::no_content();
            });

  guard.add(Method::post, "/api/workspace/sign-off", kAgents,
            [&dispatch](Request&, const Principal& p) -> Result<Response> {
              TT_TRY(done, dispatch.sign_off(p));
              return Response::no_content();
            });

  guard.add(Method::get, "/api/workspace/callbacks", kAgents,
            [&dispatch](Request&, const Principal& p) -> Result<Response> {
              TT_TRY(upcoming, dispatch.upcoming_callbacks(p, kReminderAhead));
              nlohmann::json list = nlohmann::json::array();
              for (const auto& line : *upcoming) {
                auto item = to_json(line.callback);
                item["person_name"] = line.person_name;
                list.push_back(std::move(item));
              }
              return Response::json(200, {{"callbacks", list}});
            });
}

}  // namespace termintreu::calling
