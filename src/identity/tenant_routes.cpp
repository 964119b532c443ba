#include "identity/tenant_routes.hpp"

#include <nlohmann/json.hpp>

#include "identity/tenant_store.hpp"
#include "identity/topics.hpp"
#include "platform/country.hpp"
#include "platform/http/events.hpp"
#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Execution;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

// A country code as the phone-number data knows it, upper-cased.
Result<std::optional<std::string>> optional_country(const JsonFields& fields) {
  TT_TRY(text, fields.optional_text("country", {2, 2, true}));
  if (!*text) return std::optional<std::string>{};
  TT_TRY(code, platform::normalise_country(**text, "country"));
  return std::optional<std::string>(*code);
}

void announce_client(platform::http::EventHub& events, const Client& client) {
  events.publish(agency_topic(client.agency_id), "client.changed", {{"id", client.id}});
  events.publish(client_topic(client.id), "client.changed", {{"id", client.id}});
}

}  // namespace

void add_tenant_routes(Guard& guard, platform::db::Database& database, const platform::Clock& clock,
                       platform::http::EventHub& events) {
  guard.add(
      Method::get, "/api/agency", {},
      [&database](Request&, const Principal& p) -> Result<Response> {
        auto lease = database.session();
        const auto agency = tenant_store::find_agency(*lease, p.agency_id);
        if (!agency) return platform::fail(ErrorCode::not_found, "no such agency");
        return Response::json(200, to_json(*agency));
      },
      Execution::short_read);

  guard.add(Method::get, "/api/clients", {Permission::clients_read}, [&database](Request&, const Principal& p) -> Result<Response> {
    auto lease = database.session();
    nlohmann::json list = nlohmann::json::array();
    for (const auto& client : tenant_store::list_clients(*lease, p.agency_id, p.client_id)) list.push_back(to_json(client));
    return Response::json(200, {{"clients", list}});
  });

  guard.add(
      Method::get, "/api/clients/{id}", {Permission::clients_read, Permission::portal_view},
      [&database](Request& request, const Principal& p) -> Result<Response> {
        TT_TRY(id, path_id(request));
        if (!can_see_client(p, *id)) return platform::fail(ErrorCode::not_found, "no such client", "id");
        auto lease = database.session();
        const auto client = tenant_store::find_client(*lease, p.agency_id, *id);
        if (!client) return platform::fail(ErrorCode::not_found, "no such client", "id");
        return Response::json(200, to_json(*client));
      },
      Execution::short_read);

  guard.add(Method::post, "/api/clients", {Permission::clients_manage},
            [&database, &clock, &events](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(fields, JsonFields::from_request(request, {"name", "industry", "city", "country"}));
              TT_TRY(name, fields->required_text("name", {1, 160, true}));
              TT_TRY(industry, fields->optional_text("industry", {0, 120, true}));
              TT_TRY(city, fields->optional_text("city", {0, 120, true}));
              TT_TRY(country, optional_country(*fields));
              const std::int64_t now = platform::to_micros(clock.now());
              const auto meta = meta_of(request);
              TT_TRY(client, database.transaction("client.create", [&](soci::session& sql) -> Result<Client> {
                if (tenant_store::client_name_taken(sql, p.agency_id, *name)) {
                  return platform::fail(ErrorCode::conflict, "a client with this name exists", "name");
                }
                const auto id = tenant_store::insert_client(
                    sql, {p.agency_id, *name, industry->value_or(""), city->value_or(""), country->value_or("DE")}, now);
                audit_log::append(sql, audit_entry(p, meta, now, "client.created", "client", id, {{"name", *name}}));
                return *tenant_store::find_client(sql, p.agency_id, id);
              }));
              announce_client(events, *client);
              return Response::json(201, to_json(*client));
            });

  guard.add(Method::patch, "/api/clients/{id}", {Permission::clients_manage},
            [&database, &clock, &events](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(request, {"name", "industry", "city", "country", "archived"}));
              TT_TRY(name, fields->optional_text("name", {1, 160, true}));
              if (fields->has("name") && !*name) return platform::fail(ErrorCode::invalid, "must not be null", "name");
              TT_TRY(industry, fields->optional_text("industry", {0, 120, true}));
              TT_TRY(city, fields->optional_text("city", {0, 120, true}));
              TT_TRY(country, optional_country(*fields));
              TT_TRY(archived, fields->optional_bool("archived"));
              const std::int64_t now = platform::to_micros(clock.now());
              const auto meta = meta_of(request);
              TT_TRY(client, database.transaction("client.update", [&](soci::session& sql) -> Result<Client> {
                auto found = tenant_store::find_client(sql, p.agency_id, *id);
                if (!found) return platform::fail(ErrorCode::not_found, "no such client", "id");
                Client changed = *found;
                if (*name) changed.name = **name;
                if (*industry) changed.industry = **industry;
                if (*city) changed.city = **city;
                if (*country) changed.country = **country;
                if (*archived) changed.archived = **archived;
                if (changed.name != found->name && tenant_store::client_name_taken(sql, p.agency_id, changed.name, *id)) {
                  return platform::fail(ErrorCode::conflict, "a client with this name exists", "name");
                }
                const nlohmann::json before = to_json(*found), after = to_json(changed);
                std::vector<std::string> fields_changed;
                for (const auto& [key, value] : after.items()) {
                  if (before.at(key) != value) fields_changed.push_back(key);
                }
                if (fields_changed.empty()) return changed;
                tenant_store::update_client(sql, changed, now);
                const char* action = changed.archived != found->archived
                                         ? (changed.archived ? "client.archived" : "client.restored")
                                         : "client.updated";
                audit_log::append(sql, audit_entry(p, meta, now, action, "client", *id, {{"fields", fields_changed}}));
                return *tenant_store::find_client(sql, p.agency_id, *id);
              }));
              announce_client(events, *client);
              return Response::json(200, to_json(*client));
            });
}

}  // namespace termintreu::identity
