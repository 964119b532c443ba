#include "platform/http_fetch.hpp"

#include <memory>

#include <curl/curl.h>
#include <fmt/format.h>

namespace termintreu::platform {
namespace {

struct Sink {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_large = false;
};

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body.size() + bytes > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, bytes);
  return bytes;
}

}  // namespace

Result<std::string> fetch_url(const std::string& url, const FetchLimits& limits, std::string_view field) {
  const auto unavailable = [&](const std::string& why) {
    return fail(ErrorCode::unavailable, fmt::format("could not be fetched: {}", why), std::string(field));
  };
  if (!url.starts_with("http://") && !url.starts_with("https://")) return unavailable("only http and https are read");
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  if (!curl) return unavailable("libcurl could not start");
  Sink sink;
  sink.max_bytes = limits.max_bytes;
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "Termintreu calendar import");
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
  const CURLcode code = curl_easy_perform(c);
  if (sink.too_large) return unavailable(fmt::format("larger than {} bytes", limits.max_bytes));
  if (code != CURLE_OK) return unavailable(curl_easy_strerror(code));
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status < 200 || status > 299) return unavailable(fmt::format("the server answered {}", status));
  return std::move(sink.body);
}

}  // namespace termintreu::platform
