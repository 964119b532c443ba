#include "app/test_clock_route.hpp"

#include <nlohmann/json.hpp>

#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::app {

using platform::JsonFields;
using platform::Result;
using platform::http::Request;
using platform::http::Response;

void add_test_clock_route(identity::Guard& guard, platform::OffsetClock& clock, bool enabled,
                          std::function<void()> after_advance) {
  guard.add(platform::http::Method::post, "/api/test/clock", {identity::Permission::users_manage},
            [&clock, enabled, after_advance](Request& request, const identity::Principal&) -> Result<Response> {
              if (!enabled) {
                return platform::fail(platform::ErrorCode::not_found,
                                      "the clock is fixed (only a server started with --test-clock moves it)");
              }
              TT_TRY(fields, JsonFields::from_request(request, {"advance_minutes"}));
              TT_TRY(minutes, fields->required_integer("advance_minutes", 1, 60 * 24 * 60));
              clock.advance(std::chrono::minutes{*minutes});
              if (after_advance) after_advance();
              return Response::json(200, {{"now", platform::iso8601(clock.now())}});
            });
}

}  // namespace termintreu::app
