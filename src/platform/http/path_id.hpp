#pragma once
#include <charconv>
#include <cstdint>
#include <string>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace termintreu::platform::http {

// A positive integer id from a path parameter; anything else is invalid input naming the parameter.
inline Result<std::int64_t> path_id(const Request& request, std::string_view name = "id") {
  const std::string& text = request.param(name);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) {
    return fail(ErrorCode::invalid, "must be a positive integer", std::string(name));
  }
  return value;
}

}  // namespace termintreu::platform::http
