#pragma once
// Strict reading of JSON request bodies: the content type is checked, the body must be one object, every field is
// checked for type and range, and a field the endpoint does not know is an error (a typo must not pass silently).
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace termintreu::platform {

struct TextRule {
  std::size_t min_length = 0;     // in Unicode code points, after trimming
  std::size_t max_length = 200;
  bool trim = true;
};

// A field of a PATCH body: absent, or present with a value or with null.
template <class T>
struct Patch {
  bool present = false;
  std::optional<T> value;
};

class JsonFields {
 public:
  // The body of `request` as an object whose keys are all in `allowed`.
  static Result<JsonFields> from_request(const http::Request& request, std::initializer_list<std::string_view> allowed) {
    return from_request(request, std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }
  static Result<JsonFields> from_request(const http::Request& request, std::span<const std::string_view> allowed);
  static Result<JsonFields> from_object(nlohmann::json object, std::initializer_list<std::string_view> allowed) {
    return from_object(std::move(object), std::span<const std::string_view>(allowed.begin(), allowed.size()));
  }
  static Result<JsonFields> from_object(nlohmann::json object, std::span<const std::string_view> allowed);

  bool has(std::string_view name) const;
  // The raw value of a field (nested objects and arrays are read by their own parsers); nullptr when absent.
  const nlohmann::json* value(std::string_view name) const { return find(name); }

  Result<std::string> required_text(std::string_view name, TextRule rule = {}) const;
  Result<std::optional<std::string>> optional_text(std::string_view name, TextRule rule = {}) const;
  Result<std::int64_t> required_integer(std::string_view name, std::int64_t min, std::int64_t max) const;
  Result<std::optional<std::int64_t>> optional_integer(std::string_view name, std::int64_t min,
                                                       std::int64_t max) const;
  Result<Patch<std::int64_t>> nullable_integer(std::string_view name, std::int64_t min, std::int64_t max) const;
  Result<std::optional<bool>> optional_bool(std::string_view name) const;
  // A text that must be one of `choices`.
  Result<std::optional<std::string>> optional_choice(std::string_view name,
                                                     const std::vector<std::string_view>& choices) const;

 private:
  explicit JsonFields(nlohmann::json object) : object_(std::move(object)) {}
  const nlohmann::json* find(std::string_view name) const;

  nlohmann::json object_;
};

// An error of a nested document, its field put under `prefix`: "hourly_rate_cents" → "billing.hourly_rate_cents".
Error nested_error(Error error, std::string_view prefix);

// Number of Unicode code points in valid UTF-8; nullopt for invalid UTF-8.
std::optional<std::size_t> utf8_length(std::string_view text);

}  // namespace termintreu::platform
