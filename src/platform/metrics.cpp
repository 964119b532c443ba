#include "platform/metrics.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

namespace termintreu::platform {

namespace {

// Prometheus' client defaults: from 5 ms (a cached answer) to 10 s (a request that is about to time out).
const std::vector<double> kDefaultBounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

std::string escape_label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string escape_help(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string format_number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

bool valid_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) return false;
  }
  return true;
}

double seconds(std::chrono::steady_clock::duration took) {
  return std::chrono::duration<double>(took).count();
}

}  // namespace

Metrics::Metrics() : bounds_(kDefaultBounds) {}

namespace {

template <class Histogram>
void record(Histogram& histogram, const std::vector<double>& bounds, double value) {
  if (histogram.buckets.empty()) histogram.buckets.assign(bounds.size(), 0);
  // Prometheus buckets are "less than or equal": a value on a bound belongs to that bound.
  const auto bucket = std::lower_bound(bounds.begin(), bounds.end(), value);
  if (bucket != bounds.end()) ++histogram.buckets[static_cast<std::size_t>(bucket - bounds.begin())];
  ++histogram.count;
  histogram.sum += value;
}

template <class Histogram>
void render_histogram(fmt::memory_buffer& out, std::string_view name, std::string_view label,
                      const std::map<std::string, Histogram, std::less<>>& series, const std::vector<double>& bounds) {
  for (const auto& [key, histogram] : series) {
    const std::string value = escape_label(key);
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      cumulative += i < histogram.buckets.size() ? histogram.buckets[i] : 0;
      fmt::format_to(std::back_inserter(out), "{}_bucket{{{}=\"{}\",le=\"{}\"}} {}\n", name, label, value,
                     format_number(bounds[i]), cumulative);
    }
    fmt::format_to(std::back_inserter(out), "{}_bucket{{{}=\"{}\",le=\"+Inf\"}} {}\n", name, label, value,
                   histogram.count);
    fmt::format_to(std::back_inserter(out), "{}_sum{{{}=\"{}\"}} {}\n", name, label, value,
                   format_number(histogram.sum));
    fmt::format_to(std::back_inserter(out), "{}_count{{{}=\"{}\"}} {}\n", name, label, value, histogram.count);
  }
}

// map[key], where key is a view of the stored key type: found without building one, built once when new.
template <class Map, class Key>
typename Map::mapped_type& entry(Map& map, const Key& key) {
  if (const auto found = map.find(key); found != map.end()) return found->second;
  return map.emplace(typename Map::key_type(key), typename Map::mapped_type{}).first->second;
}

}  // namespace

void Metrics::observe_request(std::string_view method, std::string_view route, unsigned status,
                              std::chrono::steady_clock::duration took) {
  const std::lock_guard lock(mutex_);
  ++entry(requests_, std::tuple(method, route, status));
  record(entry(request_latency_, route), bounds_, seconds(took));
}

void Metrics::observe_database(std::string_view operation, std::chrono::steady_clock::duration took, bool ok) {
  const std::lock_guard lock(mutex_);
  record(entry(database_latency_, operation), bounds_, seconds(took));
  if (!ok) ++entry(database_errors_, operation);
}

void Metrics::set_gauge(std::string_view name, std::string_view help, double value) {
  if (!valid_metric_name(name)) {
    throw std::invalid_argument(fmt::format("invalid Prometheus metric name '{}'", name));
  }
  const std::lock_guard lock(mutex_);
  auto& gauge = gauges_[std::string(name)];
  gauge.help = help;
  gauge.value = value;
}

std::string Metrics::render() const {
  fmt::memory_buffer out;
  auto append = [&out](std::string_view text) { out.append(text.data(), text.data() + text.size()); };
  const std::lock_guard lock(mutex_);

  append("# HELP termintreu_http_requests_total HTTP requests answered, by method, route pattern and status.\n");
  append("# TYPE termintreu_http_requests_total counter\n");
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    fmt::format_to(std::back_inserter(out),
                   "termintreu_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                   escape_label(method), escape_label(route), status, count);
  }

  append("# HELP termintreu_http_request_duration_seconds Time from a complete request to its answer.\n");
  append("# TYPE termintreu_http_request_duration_seconds histogram\n");
  render_histogram(out, "termintreu_http_request_duration_seconds", "route", request_latency_, bounds_);

  append("# HELP termintreu_db_duration_seconds Database work, by operation.\n");
  append("# TYPE termintreu_db_duration_seconds histogram\n");
  render_histogram(out, "termintreu_db_duration_seconds", "operation", database_latency_, bounds_);

  append("# HELP termintreu_db_errors_total Failed database operations, by operation.\n");
  append("# TYPE termintreu_db_errors_total counter\n");
  for (const auto& [operation, count] : database_errors_) {
    fmt::format_to(std::back_inserter(out), "termintreu_db_errors_total{{operation=\"{}\"}} {}\n",
                   escape_label(operation), count);
  }

  for (const auto& [name, gauge] : gauges_) {
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, escape_help(gauge.help),
                   name, name, format_number(gauge.value));
  }
  return fmt::to_string(out);
}

}  // namespace termintreu::platform
