#pragma once
// Request and response as the features see them: plain data, no Beast types, so routes and their tests
// need no network.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "platform/error.hpp"

namespace termintreu::platform::http {

enum class Method { get, head, post, put, patch, del, options };

std::string_view to_string(Method method);
std::optional<Method> parse_method(std::string_view text);
inline bool is_state_changing(Method m) {
  return m == Method::post || m == Method::put || m == Method::patch || m == Method::del;
}

struct Request {
  Method method = Method::get;
  std::string path;    // decoded path without the query
  std::string query;   // raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  // An upload route's body, streamed to this file (then `body` is empty). The server removes the file after the
  // handler, unless the handler moved it away.
  std::string upload_file;
  std::string remote_address;
  bool secure = false;  // arrived over TLS (or through a proxy that says so and is trusted)
  std::string request_id;
  std::map<std::string, std::string, std::less<>> path_params;  // filled by the router

  std::optional<std::string_view> header(std::string_view lower_name) const;
  std::optional<std::string> cookie(std::string_view name) const;
  std::optional<std::string> query_param(std::string_view name) const;
  const std::string& param(std::string_view name) const;  // a path parameter the route pattern declares
};

class EventSubscription;  // platform/http/events.hpp

struct Response {
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the server keeps the connection open and streams these server-sent events.
  std::shared_ptr<EventSubscription> events;

  void set_header(std::string name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(unsigned status, const nlohmann::json& body);
  static Response no_content();
  static Response text(unsigned status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response error(const Error& error);
};

// The single place where domain error codes become HTTP statuses.
unsigned status_for(ErrorCode code);

// "a=b; c=d" cookie header → value of one cookie; URL-decoding of path and query components.
std::optional<std::string> find_cookie(std::string_view cookie_header, std::string_view name);
// url_decode is lenient (a malformed escape stays as it is); try_url_decode refuses it, for paths where
// the server must answer 400 rather than guess.
std::string url_decode(std::string_view text, bool plus_is_space);
std::optional<std::string> try_url_decode(std::string_view text, bool plus_is_space);

}  // namespace termintreu::platform::http
