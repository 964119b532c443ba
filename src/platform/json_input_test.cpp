#include "platform/json_input.hpp"

#include <gtest/gtest.h>

namespace termintreu::platform {
namespace {

http::Request json_request(std::string body, std::string content_type = "application/json") {
  http::Request request;
  request.method = http::Method::post;
  request.body = std::move(body);
  if (!content_type.empty()) request.headers.emplace_back("content-type", content_type);
  return request;
}

struct BodyCase {
  std::string body;
  std::string content_type;
  ErrorCode code;
  std::string field;
};

TEST(JsonFields, HostileBodiesAreRefusedWithTheFieldNamed) {
  const std::vector<BodyCase> cases{
      {R"({"name":"x"})", "text/plain", ErrorCode::unsupported_media_type, "Content-Type"},
      {R"({"name":"x"})", "", ErrorCode::unsupported_media_type, "Content-Type"},
      {"", "application/json", ErrorCode::invalid, ""},
      {"{", "application/json", ErrorCode::invalid, ""},
      {"[1,2]", "application/json", ErrorCode::invalid, ""},
      {"\"text\"", "application/json", ErrorCode::invalid, ""},
      {R"({"name":"x","admin":true})", "application/json", ErrorCode::invalid, "admin"},
      {std::string(100, '[') + std::string(100, ']'), "application/json", ErrorCode::invalid, ""},
      {"{\"name\":\"\xff\"}", "application/json", ErrorCode::invalid, ""},
  };
  for (const auto& c : cases) {
    const auto fields = JsonFields::from_request(json_request(c.body, c.content_type), {"name"});
    ASSERT_FALSE(fields) << c.body;
    EXPECT_EQ(fields.error().code, c.code) << c.body;
    EXPECT_EQ(fields.error().field, c.field) << c.body;
  }
  EXPECT_TRUE(JsonFields::from_request(json_request(R"({"name":"x"})", "application/json; charset=utf-8"), {"name"}));
}

TEST(JsonFields, TypesAndRangesAreChecked) {
  const auto fields = JsonFields::from_request(
      json_request(R"({"s":"  Müller  ","n":42,"b":true,"big":99999999999999999999,"neg":-1,"f":1.5,"z":null})"),
      {"s", "n", "b", "big", "neg", "f", "z", "absent"});
  ASSERT_TRUE(fields);
  EXPECT_EQ(*fields->required_text("s"), "Müller");
  EXPECT_EQ(fields->required_text("s", {1, 5, true}).error().message, "must have at most 5 characters");
  EXPECT_EQ(fields->required_text("n").error().message, "must be a string");
  EXPECT_EQ(fields->required_text("absent").error().message, "is required");
  EXPECT_EQ(fields->required_text("z").error().message, "is required");
  EXPECT_EQ(*fields->required_integer("n", 1, 100), 42);
  EXPECT_FALSE(fields->required_integer("n", 1, 10));
  EXPECT_FALSE(fields->required_integer("big", 1, 1000));
  EXPECT_FALSE(fields->required_integer("neg", 1, 1000));
  EXPECT_EQ(fields->required_integer("f", 1, 10).error().message, "must be an integer");
  EXPECT_EQ(**fields->optional_bool("b"), true);
  EXPECT_FALSE(fields->optional_bool("n"));
  const auto patch = fields->nullable_integer("z", 1, 10);
  ASSERT_TRUE(patch);
  EXPECT_TRUE(patch->present);
  EXPECT_FALSE(patch->value);
  EXPECT_FALSE(fields->nullable_integer("absent", 1, 10)->present);
  EXPECT_EQ(fields->optional_choice("s", {"a", "b"}).error().message, "must be one of: a, b");
}

TEST(Utf8Length, CountsCodePoints) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("äöü"), 3u);
  EXPECT_EQ(utf8_length("€"), 1u);
  EXPECT_EQ(utf8_length("😀"), 1u);
  EXPECT_FALSE(utf8_length("\xc3"));
  EXPECT_FALSE(utf8_length("\xe2\x82"));
  EXPECT_FALSE(utf8_length("\xff"));
}

}  // namespace
}  // namespace termintreu::platform
