#include "platform/http/router.hpp"

#include <stdexcept>

#include <fmt/format.h>

namespace termintreu::platform::http {

namespace {

// "/a/b/" → {"a", "b", ""}: empty segments are kept so that "/users/" and "/users" stay different paths and
// "//" cannot sneak past a parameter.
std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool is_param(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

template <class Segments>
bool matches(const std::vector<std::string>& pattern, const Segments& segments) {
  if (pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_param(pattern[i])) {
      if (segments[i].empty()) return false;
    } else if (pattern[i] != segments[i]) {
      return false;
    }
  }
  return true;
}

// True when a is more specific than b: at the first position where they differ, a has a literal segment and
// b a parameter. "/users/me" beats "/users/{id}" whatever the order of registration.
bool more_specific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const bool a_param = is_param(a[i]);
    const bool b_param = is_param(b[i]);
    if (a_param != b_param) return !a_param;
  }
  return false;
}

}  // namespace

void Router::add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/') {
    throw std::invalid_argument(fmt::format("route pattern must start with '/': '{}'", route.pattern));
  }
  Compiled compiled;
  for (const auto segment : split(route.pattern)) {
    const bool opens = segment.find('{') != std::string_view::npos;
    const bool closes = segment.find('}') != std::string_view::npos;
    if ((opens || closes) &&
        (!is_param(segment) || segment.size() == 2 || segment.find_first_of("{}", 1) != segment.size() - 1)) {
      throw std::invalid_argument(fmt::format("malformed parameter in route pattern '{}'", route.pattern));
    }
    compiled.segments.emplace_back(segment);
  }
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method != route.method || compiled_[i].segments.size() != compiled.segments.size()) continue;
    bool same_shape = true;
    for (std::size_t s = 0; s < compiled.segments.size() && same_shape; ++s) {
      const auto& a = compiled_[i].segments[s];
      const auto& b = compiled.segments[s];
      same_shape = is_param(a) ? is_param(b) : a == b;
    }
    if (same_shape) {
      throw std::invalid_argument(
          fmt::format("route {} {} clashes with {}", to_string(route.method), route.pattern, routes_[i].pattern));
    }
  }
  routes_.push_back(std::move(route));
  compiled_.push_back(std::move(compiled));
}

Match Router::match(Method method, std::string_view path) const {
  Match result;
  if (path.empty() || path.front() != '/') return result;
  const auto segments = split(path);
  std::size_t best = routes_.size();
  std::size_t best_get = routes_.size();  // HEAD falls back to GET, as RFC 9110 expects of every GET resource
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(compiled_[i].segments, segments)) continue;
    const Method route_method = routes_[i].method;
    if (route_method == method) {
      if (best == routes_.size() || more_specific(compiled_[i].segments, compiled_[best].segments)) best = i;
    } else if (method == Method::head && route_method == Method::get) {
      if (best_get == routes_.size() || more_specific(compiled_[i].segments, compiled_[best_get].segments)) {
        best_get = i;
      }
    } else {
      result.path_known = true;
    }
  }
  if (best == routes_.size()) best = best_get;
  if (best == routes_.size()) return result;

  result.route = &routes_[best];
  const auto& pattern = compiled_[best].segments;
  for (std::size_t s = 0; s < pattern.size(); ++s) {
    if (is_param(pattern[s])) {
      result.path_params.emplace(pattern[s].substr(1, pattern[s].size() - 2), std::string(segments[s]));
    }
  }
  return result;
}

}  // namespace termintreu::platform::http
