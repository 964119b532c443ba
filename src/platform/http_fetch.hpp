#pragma once
// Fetching a document over HTTP(S) with libcurl, for calendars that reps publish: only http and https (also on
// redirects, at most three), a time limit and a size limit, so that an address typed into a form can neither read
// local files nor hold a worker for long.
#include <chrono>
#include <cstddef>
#include <string>

#include "platform/error.hpp"

namespace termintreu::platform {

struct FetchLimits {
  std::chrono::seconds timeout{20};
  std::size_t max_bytes = 10 * 1024 * 1024;
};

// The body of a 2xx answer; ErrorCode::unavailable naming `field` for anything else (unreachable, 4xx/5xx, too
// large, too slow), with the reason in the message.
Result<std::string> fetch_url(const std::string& url, const FetchLimits& limits, std::string_view field);

}  // namespace termintreu::platform
