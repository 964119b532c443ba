#include "platform/http/message.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace termintreu::platform::http {
namespace {

struct CookieCase {
  std::string header;
  std::string name;
  std::optional<std::string> expected;
};

TEST(FindCookie, Table) {
  const std::vector<CookieCase> cases{
      {"tt_session=abc", "tt_session", "abc"},
      {"a=1; tt_session=abc; b=2", "tt_session", "abc"},
      {"a=1;tt_session=abc", "tt_session", "abc"},
      {"  tt_session = abc  ", "tt_session", "abc"},
      {"tt_session=\"quoted\"", "tt_session", "quoted"},
      {"tt_session=", "tt_session", ""},
      {"xtt_session=abc", "tt_session", std::nullopt},
      {"tt_session_x=abc", "tt_session", std::nullopt},
      {"tt_session", "tt_session", std::nullopt},
      {"", "tt_session", std::nullopt},
      {";;;", "tt_session", std::nullopt},
      {"a=b=c", "a", "b=c"},
      {"tt_session=first; tt_session=second", "tt_session", "first"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(find_cookie(c.header, c.name), c.expected) << c.header;
  }
}

TEST(Request, CookieLooksThroughEveryCookieHeader) {
  Request request;
  request.headers = {{"cookie", "a=1"}, {"cookie", "tt_session=xyz"}};
  EXPECT_EQ(request.cookie("tt_session"), "xyz");
  EXPECT_EQ(request.cookie("a"), "1");
  EXPECT_EQ(request.cookie("missing"), std::nullopt);
}

struct DecodeCase {
  std::string input;
  bool plus_is_space;
  std::string lenient;
  std::optional<std::string> strict;
};

TEST(UrlDecode, Table) {
  const std::vector<DecodeCase> cases{
      {"plain", false, "plain", "plain"},
      {"a%20b", false, "a b", "a b"},
      {"a+b", false, "a+b", "a+b"},
      {"a+b", true, "a b", "a b"},
      {"%C3%A4", false, "\xC3\xA4", "\xC3\xA4"},
      {"%c3%a4", false, "\xC3\xA4", "\xC3\xA4"},
      {"%2F", false, "/", "/"},
      {"100%", false, "100%", std::nullopt},
      {"%4", false, "%4", std::nullopt},
      {"%zz", false, "%zz", std::nullopt},
      {"%%41", false, "%A", std::nullopt},
      {"%00", false, std::string(1, '\0'), std::string(1, '\0')},
      {"", false, "", ""},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(url_decode(c.input, c.plus_is_space), c.lenient) << c.input;
    EXPECT_EQ(try_url_decode(c.input, c.plus_is_space), c.strict) << c.input;
  }
}

TEST(Request, QueryParam) {
  Request request;
  request.query = "limit=20&before_id=7&q=a+b%26c&empty=&flag&limit=99";
  EXPECT_EQ(request.query_param("limit"), "20");
  EXPECT_EQ(request.query_param("before_id"), "7");
  EXPECT_EQ(request.query_param("q"), "a b&c");
  EXPECT_EQ(request.query_param("empty"), "");
  EXPECT_EQ(request.query_param("flag"), "");
  EXPECT_EQ(request.query_param("missing"), std::nullopt);
}

TEST(Request, HeaderLookup) {
  Request request;
  request.headers = {{"content-type", "application/json"}, {"x-request-id", "abc"}};
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("Content-Type"), "application/json");
  EXPECT_EQ(request.header("accept"), std::nullopt);
}

TEST(Request, ParamThrowsForUndeclaredName) {
  Request request;
  request.path_params.emplace("id", "12");
  EXPECT_EQ(request.param("id"), "12");
  EXPECT_THROW(request.param("other"), std::logic_error);
}

TEST(Method, RoundTrip) {
  for (const auto method :
       {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::del, Method::options}) {
    EXPECT_EQ(parse_method(to_string(method)), method);
  }
  EXPECT_EQ(parse_method("get"), std::nullopt);
  EXPECT_EQ(parse_method("TRACE"), std::nullopt);
  EXPECT_EQ(to_string(Method::del), "DELETE");
}

TEST(StatusFor, EveryCode) {
  const std::vector<std::pair<ErrorCode, unsigned>> cases{
      {ErrorCode::invalid, 400},           {ErrorCode::unauthenticated, 401},        {ErrorCode::forbidden, 403},
      {ErrorCode::not_found, 404},         {ErrorCode::method_not_allowed, 405},     {ErrorCode::conflict, 409},
      {ErrorCode::payload_too_large, 413}, {ErrorCode::unsupported_media_type, 415}, {ErrorCode::rate_limited, 429},
      {ErrorCode::unavailable, 503},
  };
  for (const auto& [code, status] : cases) EXPECT_EQ(status_for(code), status) << to_string(code);
}

TEST(Response, ErrorBody) {
  const auto response = Response::error({ErrorCode::invalid, "email is not valid", "email"});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.header("content-type"), "application/json");
  const auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body,
            nlohmann::json::parse(R"({"error":{"code":"invalid","message":"email is not valid","field":"email"}})"));
}

TEST(Response, JsonSurvivesInvalidUtf8) {
  const auto response = Response::json(200, {{"name", std::string("bad \xFF byte")}});
  EXPECT_TRUE(nlohmann::json::accept(response.body));
}

TEST(Response, SetHeaderReplacesCaseInsensitively) {
  auto response = Response::text(200, "hi");
  response.set_header("content-type", "text/csv");
  EXPECT_EQ(response.headers.size(), 1U);
  EXPECT_EQ(response.header("Content-Type"), "text/csv");
  EXPECT_EQ(Response::no_content().status, 204);
}

}  // namespace
}  // namespace termintreu::platform::http
