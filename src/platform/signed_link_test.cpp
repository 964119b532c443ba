#include "platform/signed_link.hpp"

#include <gtest/gtest.h>

#include "platform/crypto.hpp"

namespace termintreu::platform::signed_link {
namespace {

constexpr std::string_view kKey = "ein-schluessel-der-nur-hier-gilt";
constexpr std::int64_t kNow = 1'790'000'000;

class SignedLinkTest : public ::testing::Test {
 protected:
  void SetUp() override { crypto::initialise(); }
};

TEST_F(SignedLinkTest, AValidLinkGivesItsClaimBack) {
  const auto link = sign(kKey, "appointment/17/confirm/0", kNow + 60);
  const auto claim = verify(kKey, link, kNow);
  ASSERT_TRUE(claim) << claim.error().message;
  EXPECT_EQ(*claim, "appointment/17/confirm/0");
  EXPECT_EQ(link.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_~"),
            std::string::npos)
      << "fits in a URL path unescaped: " << link;
}

TEST_F(SignedLinkTest, ExpiresAtItsTime) {
  const auto link = sign(kKey, "appointment/17/confirm/0", kNow + 60);
  EXPECT_TRUE(verify(kKey, link, kNow + 59));
  const auto late = verify(kKey, link, kNow + 60);
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().message, "has expired");
  EXPECT_EQ(late.error().field, "token");
}

TEST_F(SignedLinkTest, RejectsEveryChangedCharacter) {
  const auto link = sign(kKey, "appointment/17/confirm/0", kNow + 3600);
  int accepted = 0;
  for (std::size_t i = 0; i < link.size(); ++i) {
    for (const char replacement : {'A', 'z', '0', '-', '_'}) {
      if (link[i] == replacement) continue;
      std::string changed = link;
      changed[i] = replacement;
      // The last character of a base64 group can carry unused bits; a change there that decodes to the same bytes
      // is the same link.
      const auto claim = verify(kKey, changed, kNow);
      if (claim) {
        EXPECT_EQ(*claim, "appointment/17/confirm/0") << "changed at " << i << ": " << changed;
        ++accepted;
      }
    }
  }
  EXPECT_LT(accepted, 10) << "only padding-bit changes may pass";
}

TEST_F(SignedLinkTest, RejectsAForgedClaimAndALongerExpiry) {
  const auto link = sign(kKey, "appointment/17/confirm/0", kNow + 60);
  const auto mac = link.substr(link.rfind('~'));
  // The same MAC on another claim, or on the same claim with a later expiry.
  for (const auto& forged : {sign("", "appointment/18/confirm/0", kNow + 60), sign(kKey, "x", kNow)}) {
    const std::string swapped = forged.substr(0, forged.rfind('~')) + mac;
    const auto claim = verify(kKey, swapped, kNow);
    ASSERT_FALSE(claim) << swapped;
    EXPECT_EQ(claim.error().message, "was changed or is not from this server");
  }
  const auto longer = sign(kKey, "appointment/17/confirm/0", kNow + 999'999);
  EXPECT_FALSE(verify(kKey, longer.substr(0, longer.rfind('~')) + mac, kNow));
}

TEST_F(SignedLinkTest, RejectsAnotherKey) {
  const auto link = sign("ein-anderer-schluessel", "appointment/17/confirm/0", kNow + 60);
  EXPECT_FALSE(verify(kKey, link, kNow));
}

TEST_F(SignedLinkTest, RejectsMalformedLinks) {
  for (const std::string_view bad : {"", "~", "abc", "abc~", "~abc", "a b~c", "%%%~%%%", "YQ~YQ", "YQ.YQ"}) {
    const auto claim = verify(kKey, bad, kNow);
    ASSERT_FALSE(claim) << bad;
    EXPECT_EQ(claim.error().field, "token");
  }
  EXPECT_FALSE(verify(kKey, std::string(4096, 'A') + ".AAAA", kNow));
}

}  // namespace
}  // namespace termintreu::platform::signed_link
