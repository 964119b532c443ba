#include "identity/credential_rules.hpp"

#include <algorithm>
#include <cctype>

#include "platform/json_input.hpp"

namespace termintreu::identity {

using platform::ErrorCode;
using platform::fail;

platform::Result<std::string> normalise_email(std::string_view email, std::string_view field) {
  std::string out;
  const auto first = email.find_first_not_of(" \t");
  const auto last = email.find_last_not_of(" \t");
  if (first != std::string_view::npos) out = std::string(email.substr(first, last - first + 1));
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::string name(field);
  if (out.empty()) return fail(ErrorCode::invalid, "is required", name);
  if (out.size() > 254) return fail(ErrorCode::invalid, "must have at most 254 characters", name);
  const auto at = out.find('@');
  const bool has_one_at = at != std::string::npos && out.find('@', at + 1) == std::string::npos;
  const bool has_space = std::any_of(out.begin(), out.end(), [](unsigned char c) { return c <= ' ' || c == 0x7f; });
  if (!has_one_at || has_space || at == 0) return fail(ErrorCode::invalid, "is not an e-mail address", name);
  const std::string domain = out.substr(at + 1);
  const auto dot = domain.find('.');
  if (dot == std::string::npos || dot == 0 || domain.back() == '.' || domain.find("..") != std::string::npos) {
    return fail(ErrorCode::invalid, "is not an e-mail address", name);
  }
  return out;
}

platform::Result<void> check_new_password(std::string_view password, std::string_view email, std::string_view field) {
  const std::string name(field);
  const auto length = platform::utf8_length(password);
  if (!length) return fail(ErrorCode::invalid, "must be valid UTF-8", name);
  if (*length < kMinPasswordLength) {
    return fail(ErrorCode::invalid, "must have at least 10 characters", name);
  }
  if (*length > kMaxPasswordLength) return fail(ErrorCode::invalid, "must have at most 200 characters", name);
  std::string lowered(password);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return std::tolower(c); });
  if (!email.empty() && lowered == email) return fail(ErrorCode::invalid, "must not be the e-mail address", name);
  return {};
}

}  // namespace termintreu::identity
