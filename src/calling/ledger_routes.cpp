#include "calling/ledger_routes.hpp"

#include <nlohmann/json.hpp>

#include "platform/http/path_id.hpp"

namespace termintreu::calling {

using identity::Permission;
using identity::Principal;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

// The agency's supervision, and the client (so it can check "you called me five times" itself); the service
// limits a client-bound user to its own client's campaigns. Agents see neither.
const std::vector<Permission> kLedgerReaders{Permission::supervision_view, Permission::portal_view};

nlohmann::json check_json(const LedgerCheck& check) {
  nlohmann::json broken = nullptr;
  if (check.broken) {
    broken = {{"seq", check.broken->seq}, {"line", check.broken->position}, {"problem", check.broken->problem}};
  }
  return {{"ok", check.ok}, {"checked", check.checked}, {"head", check.head}, {"broken", broken}};
}

}  // namespace

void add_ledger_routes(identity::Guard& guard, LedgerService& ledger) {
  guard.add(Method::get, "/api/campaigns/{id}/ledger", kLedgerReaders,
            [&ledger](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(text, ledger.download(p, *id));
              auto response = Response::text(200, std::move(*text));
              response.set_header("Content-Disposition",
                                  "attachment; filename=\"campaign-" + std::to_string(*id) + "-ledger.txt\"");
              return response;
            });

  guard.add(Method::get, "/api/campaigns/{id}/attempts", kLedgerReaders,
            [&ledger](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(query, call_log_query_from(request));
              TT_TRY(page, ledger.log(p, *id, *query));
              return Response::json(200, to_json(*page));
            });

  guard.add(Method::get, "/api/campaigns/{id}/ledger/verify", kLedgerReaders,
            [&ledger](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(check, ledger.verify(p, *id));
              return Response::json(200, check_json(*check));
            });
}

}  // namespace termintreu::calling
