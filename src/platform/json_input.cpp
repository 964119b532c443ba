#include "platform/json_input.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace termintreu::platform {
namespace {

constexpr std::size_t kMaxDepth = 32;

bool is_json_content_type(std::string_view value) {
  const auto semicolon = value.find(';');
  std::string type(value.substr(0, semicolon));
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/json";
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    if (c < 0x80) extra = 0;
    else if ((c & 0xE0) == 0xC0 && c >= 0xC2) extra = 1;
    else if ((c & 0xF0) == 0xE0) extra = 2;
    else if ((c & 0xF8) == 0xF0 && c <= 0xF4) extra = 3;
    else return std::nullopt;
    if (i + extra >= text.size() && extra > 0) return std::nullopt;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return std::nullopt;
    }
    i += extra + 1;
    ++count;
  }
  return count;
}

Error nested_error(Error error, std::string_view prefix) {
  error.field = error.field.empty() ? std::string(prefix) : fmt::format("{}.{}", prefix, error.field);
  return error;
}

Result<JsonFields> JsonFields::from_request(const http::Request& request, std::span<const std::string_view> allowed) {
  const auto content_type = request.header("content-type");
  if (!content_type || !is_json_content_type(*content_type)) {
    return fail(ErrorCode::unsupported_media_type, "the body must be JSON (Content-Type: application/json)",
                "Content-Type");
  }
  if (request.body.empty()) return fail(ErrorCode::invalid, "the body is empty; a JSON object is expected");
  std::size_t depth = 0;
  bool too_deep = false;
  const nlohmann::json::parser_callback_t limit_depth = [&](int level, nlohmann::json::parse_event_t event,
                                                            nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start) {
      depth = static_cast<std::size_t>(level) + 1;
      if (depth > kMaxDepth) too_deep = true;
    }
    return !too_deep;
  };
  nlohmann::json parsed = nlohmann::json::parse(request.body, limit_depth, /*allow_exceptions=*/false);
  if (too_deep) return fail(ErrorCode::invalid, "the JSON body is nested too deeply");
  if (parsed.is_discarded()) return fail(ErrorCode::invalid, "the body is not valid JSON");
  return from_object(std::move(parsed), allowed);
}

Result<JsonFields> JsonFields::from_object(nlohmann::json object, std::span<const std::string_view> allowed) {
  if (!object.is_object()) return fail(ErrorCode::invalid, "the body must be a JSON object");
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return fail(ErrorCode::invalid, fmt::format("unknown field '{}'", key), key);
    }
  }
  return JsonFields(std::move(object));
}

bool JsonFields::has(std::string_view name) const { return find(name) != nullptr; }

const nlohmann::json* JsonFields::find(std::string_view name) const {
  const auto it = object_.find(name);
  return it == object_.end() ? nullptr : &*it;
}

Result<std::optional<std::string>> JsonFields::optional_text(std::string_view name, TextRule rule) const {
  const auto* value = find(name);
  if (value == nullptr || value->is_null()) return std::optional<std::string>{};
  if (!value->is_string()) return fail(ErrorCode::invalid, "must be a string", std::string(name));
  std::string text = rule.trim ? trimmed(value->get_ref<const std::string&>()) : value->get<std::string>();
  const auto length = utf8_length(text);
  if (!length) return fail(ErrorCode::invalid, "must be valid UTF-8", std::string(name));
  if (text.find('\0') != std::string::npos) return fail(ErrorCode::invalid, "must not contain NUL", std::string(name));
  if (*length < rule.min_length) {
    return fail(ErrorCode::invalid,
                rule.min_length == 1 ? "must not be empty" : fmt::format("must have at least {} characters", rule.min_length),
                std::string(name));
  }
  if (*length > rule.max_length) {
    return fail(ErrorCode::invalid, fmt::format("must have at most {} characters", rule.max_length), std::string(name));
  }
  return std::optional<std::string>(std::move(text));
}

Result<std::string> JsonFields::required_text(std::string_view name, TextRule rule) const {
  if (!has(name) || find(name)->is_null()) return fail(ErrorCode::invalid, "is required", std::string(name));
  if (rule.min_length == 0) rule.min_length = 1;
  auto text = optional_text(name, rule);
  if (!text) return tl::unexpected(text.error());
  return std::move(**text);
}

Result<std::optional<std::int64_t>> JsonFields::optional_integer(std::string_view name, std::int64_t min,
                                                                 std::int64_t max) const {
  const auto* value = find(name);
  if (value == nullptr || value->is_null()) return std::optional<std::int64_t>{};
  if (!value->is_number_integer()) return fail(ErrorCode::invalid, "must be an integer", std::string(name));
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    return fail(ErrorCode::invalid, fmt::format("must be between {} and {}", min, max), std::string(name));
  }
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) {
    return fail(ErrorCode::invalid, fmt::format("must be between {} and {}", min, max), std::string(name));
  }
  return std::optional<std::int64_t>(number);
}

Result<std::int64_t> JsonFields::required_integer(std::string_view name, std::int64_t min, std::int64_t max) const {
  auto number = optional_integer(name, min, max);
  if (!number) return tl::unexpected(number.error());
  if (!*number) return fail(ErrorCode::invalid, "is required", std::string(name));
  return **number;
}

Result<Patch<std::int64_t>> JsonFields::nullable_integer(std::string_view name, std::int64_t min,
                                                         std::int64_t max) const {
  Patch<std::int64_t> patch;
  patch.present = has(name);
  auto number = optional_integer(name, min, max);
  if (!number) return tl::unexpected(number.error());
  patch.value = *number;
  return patch;
}

Result<std::optional<bool>> JsonFields::optional_bool(std::string_view name) const {
  const auto* value = find(name);
  if (value == nullptr || value->is_null()) return std::optional<bool>{};
  if (!value->is_boolean()) return fail(ErrorCode::invalid, "must be true or false", std::string(name));
  return std::optional<bool>(value->get<bool>());
}

Result<std::optional<std::string>> JsonFields::optional_choice(std::string_view name,
                                                               const std::vector<std::string_view>& choices) const {
  auto text = optional_text(name, TextRule{0, 100, true});
  if (!text || !*text) return text;
  if (std::find(choices.begin(), choices.end(), **text) == choices.end()) {
    std::string list;
    for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + std::string(choice);
    return fail(ErrorCode::invalid, fmt::format("must be one of: {}", list), std::string(name));
  }
  return text;
}

}  // namespace termintreu::platform
