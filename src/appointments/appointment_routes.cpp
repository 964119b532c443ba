#include "appointments/appointment_routes.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "appointments/reminder_settings.hpp"
#include "appointments/rep_blocked_times.hpp"
#include "calling/outcome_input.hpp"
#include "identity/guard.hpp"
#include "platform/http/path_id.hpp"
#include "platform/http/query_integer.hpp"
#include "platform/http/query_time.hpp"
#include "platform/json_input.hpp"

namespace termintreu::appointments {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::query_integer;
using platform::http::query_time;
using platform::http::Request;
using platform::http::Response;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
const std::vector<Permission> kReaders{Permission::campaigns_read, Permission::supervision_view,
                                       Permission::portal_view};
// Moving and cancelling: the agency's supervision and project management (the client asks them to).
const std::vector<Permission> kChangers{Permission::supervision_view, Permission::campaigns_manage};
// How it went: the client's manager (portal) as well.
const std::vector<Permission> kOutcomeRecorders{Permission::portal_view, Permission::supervision_view,
                                                Permission::campaigns_manage};

Result<OutcomeReport> outcome_report_from(const JsonFields& fields) {
  OutcomeReport report;
  TT_TRY(outcome, fields.required_text("outcome", {1, 20}));
  report.outcome = *outcome;
  TT_TRY(qualified, fields.optional_bool("qualified"));
  report.qualified = *qualified;
  TT_TRY(note, fields.optional_text("note", {0, 1000}));
  report.note = note->value_or("");
  return report;
}

Result<SlotOptions> slot_options_from(const Request& request) {
  SlotOptions options;
  if (const auto kind = request.query_param("kind"); kind && !kind->empty()) {
    if (*kind != "on_site" && *kind != "video" && *kind != "phone") {
      return platform::fail(ErrorCode::invalid, "must be on_site, video or phone", "kind");
    }
    options.kind = *kind;
  }
  TT_TRY(days, query_integer(request, "days", 1, 20));
  if (*days) options.working_days = static_cast<int>(**days);
  TT_TRY(duration, query_integer(request, "duration_minutes", 15, 8 * 60));
  if (*duration) options.duration = std::chrono::minutes{**duration};
  TT_TRY(from, query_time(request, "from"));
  if (*from) options.from = platform::from_micros(**from);
  return options;
}

Result<appointment_store::ListFilter> list_filter_from(const Request& request) {
  appointment_store::ListFilter filter;
  const std::pair<std::string_view, std::optional<std::int64_t>*> ids[] = {{"campaign_id", &filter.campaign_id},
                                                                           {"client_id", &filter.client_id},
                                                                           {"rep_id", &filter.rep_id},
                                                                           {"lead_id", &filter.lead_id}};
  for (const auto& [name, target] : ids) {
    TT_TRY(id, query_integer(request, name, 1, kMaxId));
    *target = *id;
  }
  TT_TRY(from, query_time(request, "from"));
  filter.from = *from;
  TT_TRY(to, query_time(request, "to"));
  filter.to = *to;
  if (const auto state = request.query_param("state"); state && !state->empty()) {
    if (std::find(kAppointmentStates.begin(), kAppointmentStates.end(), *state) == kAppointmentStates.end()) {
      return platform::fail(ErrorCode::invalid, "is not an appointment state", "state");
    }
    filter.state = *state;
  }
  TT_TRY(limit, query_integer(request, "limit", 1, 500));
  filter.limit = static_cast<int>(limit->value_or(100));
  TT_TRY(offset, query_integer(request, "offset", 0, 1'000'000));
  filter.offset = static_cast<int>(offset->value_or(0));
  return filter;
}

nlohmann::json sync_json(const CalendarSyncResult& result) {
  return {{"imported", result.imported}, {"skipped", result.skipped}};
}

}  // namespace

void add_appointment_routes(identity::Guard& guard, AppointmentService& appointments, AppointmentChanges& changes,
                            RepCalendarSync& calendars, AppointmentLinkService& links, platform::db::Database& database,
                            const platform::Clock& clock) {
  guard.add(Method::get, "/api/workspace/leads/{id}/slots", {Permission::workspace_use, Permission::supervision_view},
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(options, slot_options_from(request));
              TT_TRY(slots, appointments.slots(p, *id, *options));
              return Response::json(200, *slots);
            });

  guard.add(Method::get, "/api/appointments", kReaders,
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(filter, list_filter_from(request));
              TT_TRY(list, appointments.list(p, *filter));
              return Response::json(200, *list);
            });

  guard.add(Method::get, "/api/appointments/at-risk", kReaders,
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(campaign, query_integer(request, "campaign_id", 1, kMaxId));
              TT_TRY(list, appointments.at_risk(p, *campaign));
              return Response::json(200, *list);
            });

  guard.add(Method::get, "/api/campaigns/{id}/appointment-rates", kReaders,
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(rates, appointments.rates(p, *id));
              return Response::json(200, *rates);
            });

  guard.add(Method::get, "/api/campaigns/{id}/reminders", kReaders,
            [&database](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(settings, reminder_settings(database, p, *id));
              return Response::json(200, *settings);
            });

  guard.add(Method::put, "/api/campaigns/{id}/reminders", {Permission::campaigns_manage},
            [&database, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"offsets_minutes"}));
              const auto* offsets = fields->value("offsets_minutes");
              if (offsets == nullptr || !offsets->is_array()) {
                return platform::fail(ErrorCode::invalid, "must be a list of minutes", "offsets_minutes");
              }
              std::vector<std::int64_t> minutes;
              for (std::size_t i = 0; i < offsets->size(); ++i) {
                if (!(*offsets)[i].is_number_integer()) {
                  return platform::fail(ErrorCode::invalid, "must be a whole number of minutes",
                                        "offsets_minutes[" + std::to_string(i) + "]");
                }
                minutes.push_back((*offsets)[i].get<std::int64_t>());
              }
              TT_TRY(settings, set_reminder_settings(database, clock, p, identity::meta_of(request), *id, minutes));
              return Response::json(200, *settings);
            });

  guard.add(Method::get, "/api/appointments/{id}", kReaders,
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(found, appointments.find(p, *id));
              return Response::json(200, *found);
            });

  guard.add(Method::post, "/api/appointments/{id}/reschedule", kChangers,
            [&changes](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"starts_at", "rep_id", "duration_minutes"}));
              const auto* starts = fields->value("starts_at");
              if (starts == nullptr) return platform::fail(ErrorCode::invalid, "is required", "starts_at");
              TT_TRY(at, calling::time_field(*starts, "starts_at"));
              Reschedule change{*at, std::nullopt, std::nullopt};
              TT_TRY(rep, fields->optional_integer("rep_id", 1, kMaxId));
              change.rep_id = *rep;
              TT_TRY(duration, fields->optional_integer("duration_minutes", 15, 8 * 60));
              if (*duration) change.duration_minutes = static_cast<int>(**duration);
              TT_TRY(moved, changes.reschedule(p, identity::meta_of(request), *id, change));
              return Response::json(200, *moved);
            });

  guard.add(Method::post, "/api/appointments/{id}/cancel", kChangers,
            [&changes](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"reason"}));
              TT_TRY(reason, fields->required_text("reason", {1, 500}));
              TT_TRY(cancelled, changes.cancel(p, identity::meta_of(request), *id, *reason));
              return Response::json(200, *cancelled);
            });

  guard.add(Method::post, "/api/appointments/{id}/outcome", kOutcomeRecorders,
            [&changes](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"outcome", "qualified", "note"}));
              TT_TRY(report, outcome_report_from(*fields));
              TT_TRY(recorded, changes.record_outcome(p, identity::meta_of(request), *id, *report));
              return Response::json(200, *recorded);
            });

  guard.add(Method::post, "/api/appointments/{id}/call-to-confirm", kChangers,
            [&changes](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(called, changes.call_to_confirm(p, identity::meta_of(request), *id));
              return Response::json(201, *called);
            });

  // The links in mails: the signed token is the credential (appointment_link_service.hpp).
  guard.add_public(Method::get, "/api/links/{token}", [&links](Request& request) -> Result<Response> {
    TT_TRY(opened, links.open(request.param("token")));
    auto response = Response::json(200, *opened);
    response.set_header("Cache-Control", "no-store");
    return response;
  });

  guard.add_public(Method::post, "/api/links/{token}", [&links](Request& request) -> Result<Response> {
    TT_TRY(fields, JsonFields::from_request(request, {"note", "outcome", "qualified"}));
    LinkAnswer answer;
    TT_TRY(note, fields->optional_text("note", {0, 1000}));
    answer.note = note->value_or("");
    if (fields->has("outcome")) {
      TT_TRY(report, outcome_report_from(*fields));
      answer.outcome = std::move(*report);
      answer.note.clear();
    }
    TT_TRY(done, links.act(request.param("token"), answer, identity::meta_of(request)));
    return Response::json(200, *done);
  });

  guard.add(Method::post, "/api/reps/{id}/feed-token", {Permission::clients_manage},
            [&appointments](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(token, appointments.issue_feed_token(p, *id));
              const std::string path = "/api/reps/" + std::to_string(*id) + "/calendar.ics?token=" + *token;
              return Response::json(201, {{"token", *token}, {"path", path}});
            });

  guard.add(Method::post, "/api/reps/{id}/calendar", {Permission::clients_manage},
            [&calendars](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              // Another tenant's rep is refused before the body is looked at.
              const bool ics = request.header("content-type").value_or("").starts_with("text/calendar");
              TT_TRY(result,
                     calendars.import_text(p, *id, ics ? std::optional<std::string_view>(request.body) : std::nullopt));
              return Response::json(200, sync_json(*result));
            });

  guard.add(Method::get, "/api/reps/{id}/blocked-times", {Permission::clients_read, Permission::clients_manage},
            [&database, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(list, blocked_times(database, clock, p, *id));
              return Response::json(200, *list);
            });

  guard.add(Method::put, "/api/reps/{id}/blocked-times", {Permission::clients_manage},
            [&database, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"blocked_times"}));
              const auto* list = fields->value("blocked_times");
              if (list == nullptr) return platform::fail(ErrorCode::invalid, "is required", "blocked_times");
              TT_TRY(saved, set_blocked_times(database, clock, p, identity::meta_of(request), *id, *list));
              return Response::json(200, *saved);
            });

  guard.add(Method::post, "/api/reps/{id}/calendar/refresh", {Permission::clients_manage},
            [&calendars](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(result, calendars.refresh(p, *id));
              return Response::json(200, sync_json(*result));
            });

  // Calendar programs subscribe with the URL alone: the secret in it is the credential.
  guard.add_public(Method::get, "/api/reps/{id}/calendar.ics", [&appointments](Request& request) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(text, appointments.feed(*id, request.query_param("token").value_or("")));
    auto response = Response::text(200, std::move(*text), "text/calendar; charset=utf-8");
    response.set_header("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace termintreu::appointments
