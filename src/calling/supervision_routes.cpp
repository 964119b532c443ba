#include "calling/supervision_routes.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"

namespace termintreu::calling {

using identity::Permission;
using identity::Principal;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

void add_supervision_routes(identity::Guard& guard, SupervisionService& supervision) {
  guard.add(Method::get, "/api/supervision", {Permission::supervision_view},
            [&supervision](Request&, const Principal& p) -> Result<Response> {
              return Response::json(200, supervision.snapshot(p));
            });

  guard.add(Method::post, "/api/callbacks/{id}/reassign", {Permission::supervision_view},
            [&supervision](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"user_id"}));
              TT_TRY(user, fields->required_integer("user_id", 1, std::numeric_limits<std::int64_t>::max()));
              TT_TRY(callback, supervision.reassign_callback(p, *id, *user, identity::meta_of(request)));
              return Response::json(200, *callback);
            });

  guard.add(Method::post, "/api/leads/{id}/assign", {Permission::supervision_view},
            [&supervision](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"user_id"}));
              TT_TRY(user, fields->required_integer("user_id", 1, std::numeric_limits<std::int64_t>::max()));
              TT_TRY(callback, supervision.assign_lead(p, *id, *user, identity::meta_of(request)));
              return Response::json(201, *callback);
            });

  guard.add(Method::post, "/api/call-attempts/{id}/corrections", {Permission::supervision_view},
            [&supervision](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"outcome", "reason", "note"}));
              CorrectionInput input;
              TT_TRY(outcome, fields->required_text("outcome", {1, 40}));
              input.outcome = *outcome;
              TT_TRY(reason, fields->optional_text("reason", {0, 500}));
              input.reason = reason->value_or("");
              TT_TRY(note, fields->required_text("note", {1, 4000}));
              input.note = *note;
              TT_TRY(correction, supervision.correct_attempt(p, *id, input, identity::meta_of(request)));
              return Response::json(201, *correction);
            });
}

}  // namespace termintreu::calling
