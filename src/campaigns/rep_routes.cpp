#include "campaigns/rep_routes.hpp"

#include <nlohmann/json.hpp>

#include "campaigns/rep_store.hpp"
#include "identity/credential_rules.hpp"
#include "identity/tenant_store.hpp"
#include "platform/country.hpp"
#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"

namespace termintreu::campaigns {

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

// Applies the present fields of a create or edit body onto `rep`.
Result<void> apply_rep_fields(Rep& rep, const JsonFields& fields) {
  TT_TRY(name, fields.optional_text("name", {1, 160, true}));
  if (fields.has("name") && !*name) return platform::fail(ErrorCode::invalid, "must not be null", "name");
  if (*name) rep.name = **name;
  TT_TRY(email, fields.optional_text("email", {0, 254, true}));
  if (*email && !(*email)->empty()) {
    TT_TRY(normalised, identity::normalise_email(**email));
    rep.email = *normalised;
  } else if (*email) {
    rep.email.clear();
  }
  TT_TRY(phone, fields.optional_text("phone", {0, 40, true}));
  if (*phone) rep.phone = **phone;
  TT_TRY(territories, fields.optional_text("territories", {0, 2000, true}));
  if (*territories) {
    TT_TRY(normalised, normalise_territories(**territories));
    rep.territories = *normalised;
  }
  TT_TRY(active, fields.optional_bool("active"));
  if (*active) rep.active = **active;
  const std::pair<std::string_view, std::string*> texts[] = {
      {"street", &rep.street}, {"postal_code", &rep.postal_code}, {"city", &rep.city}, {"state", &rep.state}};
  for (const auto& [name, target] : texts) {
    TT_TRY(text, fields.optional_text(name, {0, name == "street" ? 200u : 80u, true}));
    if (*text) *target = **text;
  }
  TT_TRY(country, fields.optional_text("country", {2, 2, true}));
  if (*country) {
    TT_TRY(normalised, platform::normalise_country(**country, "country"));
    rep.country = *normalised;
  }
  TT_TRY(zone, fields.optional_text("time_zone", {1, 64, true}));
  if (*zone) {
    TT_TRY(normalised, platform::normalise_time_zone(**zone, "time_zone"));
    rep.time_zone = *normalised;
  }
  if (const auto* hours = fields.value("working_hours"); hours != nullptr) {
    TT_TRY(week, working_hours_from_json(*hours));
    rep.working_hours = *week;
  }
  TT_TRY(length, fields.optional_integer("appointment_minutes", 15, 8 * 60));
  if (*length) rep.appointment_minutes = static_cast<int>(**length);
  TT_TRY(url, fields.optional_text("calendar_url", {0, 2000, true}));
  if (*url) {
    if (!(*url)->empty() && !(*url)->starts_with("https://") && !(*url)->starts_with("http://")) {
      return platform::fail(ErrorCode::invalid, "must be an http(s) address of an ICS calendar", "calendar_url");
    }
    rep.calendar_url = **url;
  }
  return {};
}

constexpr std::string_view kRepFields[] = {"name",
                                           "email",
                                           "phone",
                                           "territories",
                                           "active",
                                           "street",
                                           "postal_code",
                                           "city",
                                           "country",
                                           "state",
                                           "time_zone",
                                           "working_hours",
                                           "appointment_minutes",
                                           "calendar_url"};

}  // namespace

void add_rep_routes(identity::Guard& guard, platform::db::Database& database, const platform::Clock& clock) {
  guard.add(Method::get, "/api/clients/{id}/reps", {Permission::clients_read, Permission::portal_view},
            [&database](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              auto lease = database.session();
              if (!identity::can_see_client(p, *id) || !identity::tenant_store::find_client(*lease, p.agency_id, *id)) {
                return platform::fail(ErrorCode::not_found, "no such client", "id");
              }
              nlohmann::json list = nlohmann::json::array();
              for (const auto& rep : rep_store::of_client(*lease, p.agency_id, *id)) list.push_back(to_json(rep));
              return Response::json(200, {{"reps", list}});
            });

  guard.add(Method::post, "/api/clients/{id}/reps", {Permission::clients_manage},
            [&database, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, kRepFields));
              if (!fields->has("name")) return platform::fail(ErrorCode::invalid, "is required", "name");
              Rep rep;
              rep.agency_id = p.agency_id;
              rep.client_id = *id;
              TT_TRY(applied, apply_rep_fields(rep, *fields));
              const std::int64_t now = platform::to_micros(clock.now());
              const auto meta = identity::meta_of(request);
              TT_TRY(created, database.transaction("rep.create", [&](soci::session& sql) -> Result<Rep> {
                if (!identity::tenant_store::find_client(sql, p.agency_id, *id)) {
                  return platform::fail(ErrorCode::not_found, "no such client", "id");
                }
                rep.id = rep_store::insert(sql, rep, now);
                identity::audit_log::append(sql, identity::audit_entry(p, meta, now, "rep.created", "rep", rep.id,
                                                                       {{"name", rep.name}}));
                return rep;
              }));
              return Response::json(201, to_json(*created));
            });

  guard.add(Method::patch, "/api/reps/{id}", {Permission::clients_manage},
            [&database, &clock](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, kRepFields));
              const std::int64_t now = platform::to_micros(clock.now());
              const auto meta = identity::meta_of(request);
              TT_TRY(updated, database.transaction("rep.update", [&](soci::session& sql) -> Result<Rep> {
                auto rep = rep_store::find(sql, p.agency_id, *id);
                if (!rep) return platform::fail(ErrorCode::not_found, "no such rep", "id");
                TT_TRY(applied, apply_rep_fields(*rep, *fields));
                rep_store::update(sql, *rep);
                identity::audit_log::append(sql, identity::audit_entry(p, meta, now, "rep.updated", "rep", *id));
                return *rep;
              }));
              return Response::json(200, to_json(*updated));
            });
}

}  // namespace termintreu::campaigns
