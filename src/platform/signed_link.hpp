#pragma once
// A claim that travels in a link in a mail ("confirm appointment 17"): the claim and its expiry, signed with
// HMAC-SHA-256 under the installation's key, as URL-safe base64. Whoever holds the link may do what it says until
// it expires; a link changed in one character, or signed with another key, is worthless.
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace termintreu::platform::signed_link {

// `claim` must not contain a line break; `expires_at` in seconds since the Unix epoch.
std::string sign(std::string_view key, std::string_view claim, std::int64_t expires_at);

// The claim of a link signed with `key` that has not expired at `now` (seconds); otherwise an error naming the field
// "token": malformed, tampered with (or another key), or expired.
Result<std::string> verify(std::string_view key, std::string_view link, std::int64_t now);

}  // namespace termintreu::platform::signed_link
