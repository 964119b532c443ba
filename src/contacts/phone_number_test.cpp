#include "contacts/phone_number.hpp"

#include "platform/country.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace termintreu::contacts {
namespace {

struct AcceptedCase {
  std::string text;
  std::string default_region;
  std::string e164;
  std::string region;
  PhoneType type;
};

TEST(NormalisePhone, TypedSpellingsBecomeE164WithRegionAndType) {
  const std::vector<AcceptedCase> cases{
      {"030 1234567", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"+49 (0)30 / 123 45-67", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"0049 89 / 12 34 56-0", "DE", "+49891234560", "DE", PhoneType::fixed},
      {"(030) 12 34 56 7", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"tel:+49-30-1234567", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"TEL:030 1234567", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"  030 \u2013 1234567 ", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"\uFF10\uFF13\uFF10 \uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"030 1234567", "de", "+49301234567", "DE", PhoneType::fixed},
      {"0151 23456789", "DE", "+4915123456789", "DE", PhoneType::mobile},
      {"0171/1234567", "DE", "+491711234567", "DE", PhoneType::mobile},
      {"+49-(0)176-12345678", "", "+4917612345678", "DE", PhoneType::mobile},
      {"0800 1234567", "DE", "+498001234567", "DE", PhoneType::toll_free},
      {"0900 1234567", "DE", "+499001234567", "DE", PhoneType::premium},
      {"0180 1234567", "DE", "+491801234567", "DE", PhoneType::shared_cost},
      {"+43 1 5134567", "DE", "+4315134567", "AT", PhoneType::fixed},
      {"01 5134567", "AT", "+4315134567", "AT", PhoneType::fixed},
      {"0043 664 1234567", "DE", "+436641234567", "AT", PhoneType::mobile},
      {"+41 44 668 18 00", "DE", "+41446681800", "CH", PhoneType::fixed},
      {"044 668 18 00", "CH", "+41446681800", "CH", PhoneType::fixed},
      {"079 123 45 67", "CH", "+41791234567", "CH", PhoneType::mobile},
      {"020 7946 0958", "GB", "+442079460958", "GB", PhoneType::fixed},
      {"+44 20 7946 0958", "US", "+442079460958", "GB", PhoneType::fixed},
      {"(212) 555-0123", "US", "+12125550123", "US", PhoneType::fixed_or_mobile},
      {"+1 212 555 0123", "DE", "+12125550123", "US", PhoneType::fixed_or_mobile},
      {"+800 1234 5678", "DE", "+80012345678", "001", PhoneType::toll_free},
  };
  for (const auto& c : cases) {
    const auto result = normalise_phone(c.text, c.default_region);
    ASSERT_TRUE(result) << c.text << " (" << c.default_region << "): " << result.error().message;
    EXPECT_EQ(result->e164, c.e164) << c.text;
    EXPECT_EQ(result->region, c.region) << c.text;
    EXPECT_EQ(to_string(result->type), to_string(c.type)) << c.text;
  }
}

struct RefusedCase {
  std::string text;
  std::string default_region;
  std::string reason;  // the start of the message
};

TEST(NormalisePhone, RefusesWithTheFieldAndAReason) {
  const std::vector<RefusedCase> cases{
      {"", "DE", "is required"},
      {" \t ", "DE", "is required"},
      {"12", "DE", "is too short"},
      {"+49 123", "DE", "is too short"},
      {"0049", "DE", "is too short"},
      {"+49 30 12345678901234567890", "DE", "is too long"},
      {std::string(300, '1'), "DE", "is too long"},
      {"abc", "DE", "must not contain letters"},
      {"030 12A4567", "DE", "must not contain letters"},
      {"030 1234567 (Zentrale)", "DE", "must not contain letters"},
      {"030 CALL ME", "DE", "must not contain letters"},
      {"030 1234567 ext. 12", "DE", "must not contain letters"},
      {"tel:+49-30-1234567;ext=12", "DE", "must not contain letters"},
      {"030 1234567 #12", "DE", "has an extension"},
      {"---", "DE", "is not a phone number"},
      {"+49 30 1234567; 030 7654321", "DE", "is not a phone number"},
      {"030 \xff\xfe 1234567", "DE", "is not valid UTF-8"},
      {"030 1234567", "", "has no known country code"},
      {"030 1234567", "XX", "has no known country code"},
      {"+999 1234567", "DE", "has an unknown country code"},
      {"1234567", "DE", "is not a valid number for DE"},
      {"+49 32 12345678", "AT", "is not a valid number for DE"},
      {"123-456-7890", "US", "is not a valid number for US"},
  };
  for (const auto& c : cases) {
    const auto result = normalise_phone(c.text, c.default_region, "mobile");
    ASSERT_FALSE(result) << c.text << " became " << result->e164;
    EXPECT_EQ(result.error().code, platform::ErrorCode::invalid) << c.text;
    EXPECT_EQ(result.error().field, "mobile") << c.text;
    EXPECT_EQ(result.error().message.rfind(c.reason, 0), 0u) << c.text << ": " << result.error().message;
  }
}

TEST(NormalisePhone, NamesThePhoneFieldByDefault) {
  EXPECT_EQ(normalise_phone("12", "DE").error().field, "phone");
}

TEST(NormalisePhone, GivesTheSameAnswersFromParallelThreads) {
  const std::vector<AcceptedCase> cases{
      {"030 1234567", "DE", "+49301234567", "DE", PhoneType::fixed},
      {"044 668 18 00", "CH", "+41446681800", "CH", PhoneType::fixed},
      {"(212) 555-0123", "US", "+12125550123", "US", PhoneType::fixed_or_mobile},
  };
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < wrong.size(); ++t) {
    threads.emplace_back([&cases, &wrong, t] {
      for (std::size_t i = 0; i < 300; ++i) {
        const auto& c = cases[(i + t) % cases.size()];
        const auto result = normalise_phone(c.text, c.default_region);
        if (!result || result->e164 != c.e164 || !platform::principal_time_zone(result->region)) ++wrong[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
}

TEST(PhoneType, NamesAreTheEnumerators) {
  EXPECT_EQ(to_string(PhoneType::fixed), "fixed");
  EXPECT_EQ(to_string(PhoneType::fixed_or_mobile), "fixed_or_mobile");
  EXPECT_EQ(to_string(PhoneType::toll_free), "toll_free");
  EXPECT_EQ(to_string(PhoneType::unknown), "unknown");
}

}  // namespace
}  // namespace termintreu::contacts
