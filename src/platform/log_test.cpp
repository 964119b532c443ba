#include "platform/log.hpp"

#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

namespace termintreu::platform {
namespace {

TEST(Log, RequestIdAppearsInEveryLineOfItsScope) {
  std::ostringstream out;
  init_logging("info", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  spdlog::info("outside");
  {
    const RequestIdScope scope("req-abc");
    spdlog::info("inside");
    {
      const RequestIdScope nested("req-nested");
      spdlog::info("nested");
    }
    spdlog::info("inside again");
  }
  spdlog::debug("below the level");
  const std::string text = out.str();
  EXPECT_NE(text.find("[-] outside"), std::string::npos) << text;
  EXPECT_NE(text.find("[req-abc] inside\n"), std::string::npos) << text;
  EXPECT_NE(text.find("[req-nested] nested"), std::string::npos) << text;
  EXPECT_NE(text.find("[req-abc] inside again"), std::string::npos) << text;
  EXPECT_EQ(text.find("below the level"), std::string::npos) << text;
  init_logging("warn");
}

TEST(Log, UnknownLevelIsRejected) {
  EXPECT_THROW(init_logging("loud"), std::invalid_argument);
}

TEST(Log, RequestIdsAreShortUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = new_request_id();
    ASSERT_EQ(id.size(), 16U);
    for (const char c : id) {
      ASSERT_TRUE((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
          << id;
    }
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

}  // namespace
}  // namespace termintreu::platform
