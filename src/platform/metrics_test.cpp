#include "platform/metrics.hpp"

#include <gtest/gtest.h>

namespace termintreu::platform {
namespace {

using std::chrono::milliseconds;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Metrics, CountsRequestsByMethodRouteAndStatus) {
  Metrics metrics;
  metrics.observe_request("GET", "/api/users/{id}", 200, milliseconds(3));
  metrics.observe_request("GET", "/api/users/{id}", 200, milliseconds(30));
  metrics.observe_request("GET", "/api/users/{id}", 404, milliseconds(1));
  const auto text = metrics.render();
  EXPECT_TRUE(contains(text, "# TYPE termintreu_http_requests_total counter\n"));
  EXPECT_TRUE(
      contains(text, "termintreu_http_requests_total{method=\"GET\",route=\"/api/users/{id}\",status=\"200\"} 2\n"))
      << text;
  EXPECT_TRUE(
      contains(text, "termintreu_http_requests_total{method=\"GET\",route=\"/api/users/{id}\",status=\"404\"} 1\n"));
}

TEST(Metrics, HistogramBucketsAreCumulative) {
  Metrics metrics;
  metrics.observe_request("GET", "/r", 200, milliseconds(3));           // <= 0.005
  metrics.observe_request("GET", "/r", 200, milliseconds(10));          // exactly on the 0.01 bound
  metrics.observe_request("GET", "/r", 200, milliseconds(700));         // <= 1
  metrics.observe_request("GET", "/r", 200, std::chrono::seconds(60));  // only +Inf
  const auto text = metrics.render();
  EXPECT_TRUE(contains(text, "# TYPE termintreu_http_request_duration_seconds histogram\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"0.005\"} 1\n")) << text;
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"0.01\"} 2\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"0.5\"} 2\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"1\"} 3\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"10\"} 3\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_bucket{route=\"/r\",le=\"+Inf\"} 4\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_count{route=\"/r\"} 4\n"));
  EXPECT_TRUE(contains(text, "termintreu_http_request_duration_seconds_sum{route=\"/r\"} 60.713\n")) << text;
}

TEST(Metrics, DatabaseDurationsAndErrors) {
  Metrics metrics;
  metrics.observe_database("users.find", milliseconds(2));
  metrics.observe_database("users.find", milliseconds(2), false);
  const auto text = metrics.render();
  EXPECT_TRUE(contains(text, "termintreu_db_duration_seconds_count{operation=\"users.find\"} 2\n")) << text;
  EXPECT_TRUE(contains(text, "# TYPE termintreu_db_errors_total counter\n"));
  EXPECT_TRUE(contains(text, "termintreu_db_errors_total{operation=\"users.find\"} 1\n"));
}

TEST(Metrics, EscapesLabelValues) {
  Metrics metrics;
  metrics.observe_request("GET", "a\"b\\c\nd", 200, milliseconds(1));
  const auto text = metrics.render();
  EXPECT_TRUE(contains(text, R"(route="a\"b\\c\nd")")) << text;
  // No raw line break may end up inside a sample line.
  EXPECT_FALSE(contains(text, "a\"b\\c\nd"));
}

TEST(Metrics, Gauges) {
  Metrics metrics;
  metrics.set_gauge("termintreu_open_event_streams", "Open SSE streams.", 3);
  metrics.set_gauge("termintreu_open_event_streams", "Open SSE streams.", 4);
  const auto text = metrics.render();
  EXPECT_TRUE(contains(text,
                       "# HELP termintreu_open_event_streams Open SSE streams.\n"
                       "# TYPE termintreu_open_event_streams gauge\n"
                       "termintreu_open_event_streams 4\n"))
      << text;
  EXPECT_THROW(metrics.set_gauge("bad name", "", 1), std::invalid_argument);
  EXPECT_THROW(metrics.set_gauge("1abc", "", 1), std::invalid_argument);
}

}  // namespace
}  // namespace termintreu::platform
