#include "contacts/contact_routes.hpp"

#include <limits>
#include <vector>

#include <nlohmann/json.hpp>

#include "contacts/contact_input.hpp"
#include "platform/http/path_id.hpp"
#include "platform/http/query_integer.hpp"
#include "platform/json_input.hpp"

namespace termintreu::contacts {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::query_integer;
using platform::http::Request;
using platform::http::Response;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kMaxQueryLength = 200;
const std::vector<Permission> kReaders{Permission::contacts_read};
const std::vector<Permission> kManagers{Permission::contacts_manage};

nlohmann::json detail_json(const ContactDetail& d) {
  nlohmann::json out = to_json(d.person);
  out["company"] = d.company ? to_json(*d.company) : nlohmann::json(nullptr);
  out["phones"] = nlohmann::json::array();
  for (const auto& phone : d.phones) out["phones"].push_back(to_json(phone));
  out["leads"] = nlohmann::json::array();
  for (const auto& lead : d.leads) out["leads"].push_back(to_json(lead));
  out["consents"] = nlohmann::json::array();
  for (const auto& record : d.consents) out["consents"].push_back(to_json(record));
  // Calls, callbacks and appointments join the history with the calling and appointment work.
  out["history"] = nlohmann::json::array();
  return out;
}

std::vector<std::string_view> with(std::initializer_list<std::string_view> base,
                                   std::initializer_list<std::string_view> more) {
  std::vector<std::string_view> out(base);
  out.insert(out.end(), more);
  return out;
}

}  // namespace

Result<Page> read_page(const Request& request) {
  TT_TRY(limit, query_integer(request, "limit", 1, 200));
  TT_TRY(offset, query_integer(request, "offset", 0, 1'000'000));
  return Page{static_cast<int>(limit->value_or(50)), static_cast<int>(offset->value_or(0))};
}

void add_contact_routes(identity::Guard& guard, ContactService& contacts) {
  guard.add(Method::get, "/api/contacts", kReaders, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    const auto q = request.query_param("q").value_or("");
    if (q.size() > kMaxQueryLength) return platform::fail(ErrorCode::invalid, "is too long", "q");
    TT_TRY(client_id, query_integer(request, "client_id", 1, kMaxId));
    TT_TRY(page, read_page(request));
    TT_TRY(found, contacts.search(p, q, *client_id, *page));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& summary : *found) list.push_back(to_json(summary));
    return Response::json(200, {{"contacts", list}, {"limit", page->limit}, {"offset", page->offset}});
  });

  guard.add(Method::post, "/api/contacts", kManagers, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    const auto allowed = with(kPersonFields, {"client_id", "campaign_id", "company_id", "company"});
    TT_TRY(fields, JsonFields::from_request(request, allowed));
    TT_TRY(created, contacts.create(p, *fields, identity::meta_of(request)));
    return Response::json(201, detail_json(*created));
  });

  guard.add(Method::get, "/api/contacts/{id}", kReaders, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(found, contacts.get(p, *id));
    return Response::json(200, detail_json(*found));
  });

  guard.add(Method::patch, "/api/contacts/{id}", kManagers, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    const auto allowed = with(kPersonFields, {"company_id", "company"});
    TT_TRY(fields, JsonFields::from_request(request, allowed));
    TT_TRY(updated, contacts.update(p, *id, *fields, identity::meta_of(request)));
    return Response::json(200, detail_json(*updated));
  });

  guard.add(Method::get, "/api/campaigns/{id}/leads", kReaders, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(page, read_page(request));
    TT_TRY(leads, contacts.campaign_leads(p, *id, *page));
    nlohmann::json list = nlohmann::json::array();
    for (const auto& row : *leads) {
      auto item = to_json(row.lead);
      item["person"] = to_json(row.person);
      list.push_back(std::move(item));
    }
    return Response::json(200, {{"leads", list}, {"limit", page->limit}, {"offset", page->offset}});
  });

  guard.add(Method::post, "/api/campaigns/{id}/leads", kManagers, [&contacts](Request& request, const Principal& p) -> Result<Response> {
    TT_TRY(id, path_id(request));
    TT_TRY(fields, JsonFields::from_request(request, {"person_id"}));
    TT_TRY(person_id, fields->required_integer("person_id", 1, kMaxId));
    TT_TRY(lead, contacts.add_lead(p, *id, *person_id, identity::meta_of(request)));
    return Response::json(201, to_json(*lead));
  });
}

}  // namespace termintreu::contacts
