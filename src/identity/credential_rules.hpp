#pragma once
// What counts as a valid e-mail address and a acceptable password. Pure functions.
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace termintreu::identity {

constexpr std::size_t kMinPasswordLength = 10;
constexpr std::size_t kMaxPasswordLength = 200;

// Trimmed and lower-cased, or an error naming `field`.
platform::Result<std::string> normalise_email(std::string_view email, std::string_view field = "email");
platform::Result<void> check_new_password(std::string_view password, std::string_view email,
                                          std::string_view field = "password");

}  // namespace termintreu::identity
