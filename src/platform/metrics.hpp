#pragma once
// Prometheus counters and histograms for requests and database work, rendered at /metrics. Thread-safe.
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace termintreu::platform {

class Metrics {
 public:
  Metrics();
  // route is the router's pattern ("/api/users/{id}"), never the raw path, so the label set stays bounded.
  void observe_request(std::string_view method, std::string_view route, unsigned status,
                       std::chrono::steady_clock::duration took);
  void observe_database(std::string_view operation, std::chrono::steady_clock::duration took, bool ok = true);
  void set_gauge(std::string_view name, std::string_view help, double value);
  std::string render() const;  // text exposition format 0.0.4

 private:
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative on render, per bucket here
    std::uint64_t count = 0;
    double sum = 0;
  };
  struct Gauge {
    std::string help;
    double value = 0;
  };
  const std::vector<double> bounds_;
  mutable std::mutex mutex_;
  // Transparent comparison: a label seen before is found by its string_view, without an allocation per request.
  std::map<std::tuple<std::string, std::string, unsigned>, std::uint64_t, std::less<>> requests_;
  std::map<std::string, Histogram, std::less<>> request_latency_;   // by route
  std::map<std::string, Histogram, std::less<>> database_latency_;  // by operation
  std::map<std::string, std::uint64_t, std::less<>> database_errors_;
  std::map<std::string, Gauge> gauges_;
};

}  // namespace termintreu::platform
