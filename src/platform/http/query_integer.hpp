#pragma once
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace termintreu::platform::http {

// An integer query parameter within [min, max]; nullopt when absent or empty, invalid input naming it otherwise.
inline Result<std::optional<std::int64_t>> query_integer(const Request& request, std::string_view name,
                                                         std::int64_t min, std::int64_t max) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    return fail(ErrorCode::invalid, fmt::format("must be an integer between {} and {}", min, max), std::string(name));
  }
  return std::optional<std::int64_t>(value);
}

}  // namespace termintreu::platform::http
