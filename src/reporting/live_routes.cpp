#include "reporting/live_routes.hpp"

#include "identity/topics.hpp"
#include "platform/http/events.hpp"

namespace termintreu::reporting {

using platform::Result;
using platform::http::Method;
using platform::http::Request;
using platform::http::Response;

void add_live_routes(identity::Guard& guard, platform::http::EventHub& events) {
  guard.add(Method::get, "/api/events", {}, [&events](Request&, const identity::Principal& p) -> Result<Response> {
    // A client's people must not learn about the agency's other clients, so they get their client's topic only.
    std::vector<std::string> topics{p.client_id ? identity::client_topic(*p.client_id) : identity::agency_topic(p.agency_id)};
    Response response;
    response.events = events.subscribe(std::move(topics));
    return response;
  });
}

}  // namespace termintreu::reporting
