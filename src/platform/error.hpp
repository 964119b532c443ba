#pragma once
// The one error type of the domain: knows nothing of HTTP (mapped to status codes in http/error_response.cpp).
#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace termintreu::platform {

enum class ErrorCode {
  invalid,                 // bad input: a field is missing, malformed or out of range
  not_found,               // also the answer for another tenant's ids
  conflict,                // a unique value taken, a state that does not allow the change
  forbidden,               // signed in, but the role may not do this
  unauthenticated,         // no or expired credentials
  rate_limited,            // too many attempts; try later
  unavailable,             // a dependency (database, mail) is down
  payload_too_large,       // request body over the limit
  unsupported_media_type,  // body is not application/json where JSON is expected
  method_not_allowed,      // the path exists, the method does not
};

struct Error {
  ErrorCode code;
  std::string message;
  std::string field;  // the offending field of the request, empty when none applies
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string field = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(field)});
}

std::string_view to_string(ErrorCode code);

}  // namespace termintreu::platform

// Unwraps a Result into `name`, or returns its error from the enclosing function (which returns a Result).
#define TT_TRY(name, expr)                                   \
  auto name = (expr);                                        \
  if (!name) return tl::unexpected(std::move(name).error())
