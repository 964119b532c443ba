// The query of the call log page: each parameter read, and each bad one refused naming it.
#include "calling/call_log.hpp"

#include <gtest/gtest.h>

#include "platform/time_text.hpp"

namespace termintreu::calling {
namespace {

platform::Result<CallLogQuery> parse(const std::string& query) {
  platform::http::Request request;
  request.path = "/api/campaigns/7/attempts";
  request.query = query;
  return call_log_query_from(request);
}

std::int64_t micros(const char* iso) {
  return platform::to_micros(*platform::parse_iso8601(iso));
}

TEST(CallLogQuery, DefaultsToTheFirstFiftyOfAll) {
  const auto query = parse("");
  ASSERT_TRUE(query);
  EXPECT_EQ(query->limit, 50);
  EXPECT_EQ(query->offset, 0);
  EXPECT_EQ(query->filter.agent_id, std::nullopt);
  EXPECT_EQ(query->filter.outcome, std::nullopt);
  EXPECT_EQ(query->filter.seq, std::nullopt);
  EXPECT_EQ(query->filter.from, std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(query->filter.until, std::numeric_limits<std::int64_t>::max());
  // Empty parameters, as a form sends them, mean "not set".
  const auto empty = parse("agent_id=&outcome=&seq=&from=&to=&limit=&offset=");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->filter.outcome, std::nullopt);
  EXPECT_EQ(empty->limit, 50);
}

TEST(CallLogQuery, ReadsEveryParameter) {
  // The colons of `to` URL-encoded, as a browser may send them.
  const auto query = parse(
      "limit=200&offset=400&agent_id=12&outcome=not_interested&seq=9&from=2026-03-02T00:00:00Z&"
      "to=2026-03-03T00%3A00%3A00Z");
  ASSERT_TRUE(query) << query.error().field;
  EXPECT_EQ(query->limit, 200);
  EXPECT_EQ(query->offset, 400);
  EXPECT_EQ(query->filter.agent_id, 12);
  EXPECT_EQ(query->filter.outcome, "not_interested");
  EXPECT_EQ(query->filter.seq, 9);
  EXPECT_EQ(query->filter.from, micros("2026-03-02T00:00:00Z"));
  EXPECT_EQ(query->filter.until, micros("2026-03-03T00:00:00Z"));
}

TEST(CallLogQuery, RefusesBadParametersNamingThem) {
  const struct {
    const char* query;
    const char* field;
  } cases[] = {
      {"limit=0", "limit"},
      {"limit=201", "limit"},
      {"limit=ten", "limit"},
      {"offset=-1", "offset"},
      {"offset=10000001", "offset"},
      {"offset=1.5", "offset"},
      {"agent_id=0", "agent_id"},
      {"agent_id=12abc", "agent_id"},
      {"seq=-4", "seq"},
      {"outcome=teleported", "outcome"},
      {"outcome=NO_ANSWER", "outcome"},
      {"from=yesterday", "from"},
      {"from=2026-03-02", "from"},
      {"to=2026-03-02T10:00:00%2B01:00", "to"},
      {"from=2026-03-03T00:00:00Z&to=2026-03-03T00:00:00Z", "to"},
      {"from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z", "to"},
  };
  for (const auto& c : cases) {
    const auto query = parse(c.query);
    ASSERT_FALSE(query) << c.query;
    EXPECT_EQ(query.error().code, platform::ErrorCode::invalid) << c.query;
    EXPECT_EQ(query.error().field, c.field) << c.query;
  }
}

}  // namespace
}  // namespace termintreu::calling
