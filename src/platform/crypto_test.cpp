#include "platform/crypto.hpp"

#include <set>

#include <gtest/gtest.h>

namespace termintreu::platform::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { initialise(); }
};

TEST_F(CryptoTest, PasswordHashesAreArgon2idAndVerify) {
  const auto hash = hash_password("richtig-und-lang");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password(hash, "richtig-und-lang"));
  EXPECT_FALSE(verify_password(hash, "richtig-und-lanG"));
  EXPECT_FALSE(verify_password("", "richtig-und-lang"));
  EXPECT_FALSE(verify_password("not a hash", "x"));
  EXPECT_NE(hash, hash_password("richtig-und-lang")) << "salted";
  EXPECT_FALSE(password_needs_rehash(hash));
}

TEST_F(CryptoTest, TokensAreUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto token = random_token(32);
    EXPECT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
              std::string::npos);
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
  const auto password = random_password();
  EXPECT_EQ(password.size(), 19u);
}

TEST_F(CryptoTest, Sha256MatchesKnownVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(constant_time_equal("same", "same"));
  EXPECT_FALSE(constant_time_equal("same", "Same"));
  EXPECT_FALSE(constant_time_equal("same", "same "));
}

}  // namespace
}  // namespace termintreu::platform::crypto
