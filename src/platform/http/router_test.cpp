#include "platform/http/router.hpp"

#include <gtest/gtest.h>

namespace termintreu::platform::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(200, name); };
}

Router example_router() {
  Router router;
  router.add(Method::get, "/api/users", named("list users"));
  router.add(Method::post, "/api/users", named("create user"));
  router.add(Method::get, "/api/users/{id}", named("get user"));
  router.add(Method::patch, "/api/users/{id}", named("patch user"));
  router.add(Method::get, "/api/users/me", named("me"));
  router.add(Method::post, "/api/users/{id}/password", named("reset password"));
  router.add(Method::get, "/api/clients/{client_id}/campaigns/{campaign_id}", named("campaign of client"));
  router.add(Method::get, "/healthz", named("health"));
  router.add(Method::get, "/", named("root"));
  return router;
}

std::string run(const Match& match, Request& request) {
  return match.route ? match.route->handler(request).body : std::string("-");
}

struct Case {
  Method method;
  std::string path;
  std::string handler;  // "-" for no route
  bool path_known;
  std::map<std::string, std::string, std::less<>> params;
};

TEST(Router, MatchingTable) {
  const Router router = example_router();
  const std::vector<Case> cases{
      {Method::get, "/api/users", "list users", false, {}},
      {Method::post, "/api/users", "create user", false, {}},
      {Method::get, "/api/users/12", "get user", false, {{"id", "12"}}},
      {Method::patch, "/api/users/12", "patch user", false, {{"id", "12"}}},
      // The literal segment wins over the parameter, whatever the order of registration.
      {Method::get, "/api/users/me", "me", false, {}},
      // No PATCH for the literal: the parameter route of that method takes it.
      {Method::patch, "/api/users/me", "patch user", false, {{"id", "me"}}},
      {Method::post, "/api/users/7/password", "reset password", false, {{"id", "7"}}},
      {Method::get,
       "/api/clients/3/campaigns/9",
       "campaign of client",
       false,
       {{"client_id", "3"}, {"campaign_id", "9"}}},
      // Method mismatch: the path is known, so the server answers 405.
      {Method::del, "/api/users", "-", true, {}},
      {Method::put, "/api/users/12", "-", true, {}},
      {Method::get, "/api/users/7/password", "-", true, {}},
      // HEAD is answered by GET routes.
      {Method::head, "/api/users/12", "get user", false, {{"id", "12"}}},
      {Method::head, "/healthz", "health", false, {}},
      // Trailing slashes and empty segments are different paths.
      {Method::get, "/api/users/", "-", false, {}},
      {Method::get, "/healthz/", "-", false, {}},
      {Method::get, "/api//users", "-", false, {}},
      {Method::get, "/api/users//password", "-", false, {}},
      {Method::get, "/", "root", false, {}},
      {Method::get, "/api/unknown", "-", false, {}},
      {Method::get, "/api/users/12/extra", "-", false, {}},
      {Method::get, "", "-", false, {}},
  };
  for (const auto& c : cases) {
    const auto match = router.match(c.method, c.path);
    Request request;
    EXPECT_EQ(run(match, request), c.handler) << to_string(c.method) << " " << c.path;
    if (!match.route) {
      EXPECT_EQ(match.path_known, c.path_known) << to_string(c.method) << " " << c.path;
    }
    EXPECT_EQ(match.path_params, c.params) << to_string(c.method) << " " << c.path;
  }
}

TEST(Router, RegistrationOrderDoesNotChangePrecedence) {
  Router router;
  router.add(Method::get, "/a/{x}/c", named("param first"));
  router.add(Method::get, "/a/b/{y}", named("literal first"));
  Request request;
  EXPECT_EQ(run(router.match(Method::get, "/a/b/c"), request), "literal first");
  EXPECT_EQ(run(router.match(Method::get, "/a/z/c"), request), "param first");
}

TEST(Router, RejectsBadPatterns) {
  Router router;
  EXPECT_THROW(router.add(Method::get, "api/users", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/api/{}", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/api/{id", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/api/x{id}", named("x")), std::invalid_argument);
  EXPECT_THROW(router.add(Method::get, "/api/{a}{b}", named("x")), std::invalid_argument);
  router.add(Method::get, "/api/users/{id}", named("x"));
  EXPECT_THROW(router.add(Method::get, "/api/users/{user_id}", named("y")), std::invalid_argument);
  EXPECT_NO_THROW(router.add(Method::post, "/api/users/{id}", named("y")));
}

}  // namespace
}  // namespace termintreu::platform::http
