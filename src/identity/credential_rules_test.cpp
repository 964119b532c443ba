#include "identity/credential_rules.hpp"

#include <gtest/gtest.h>

namespace termintreu::identity {
namespace {

struct EmailCase {
  std::string input;
  std::optional<std::string> expected;  // nullopt: refused
};

TEST(CredentialRules, EmailsAreTrimmedLowerCasedOrRefused) {
  const std::vector<EmailCase> cases{
      {"K.Albers@Vertriebswerk.example", "k.albers@vertriebswerk.example"},
      {"  jonas@firma.de ", "jonas@firma.de"},
      {"müller@bäckerei.de", "müller@bäckerei.de"},
      {"", std::nullopt},
      {"no-at-sign.de", std::nullopt},
      {"two@@signs.de", std::nullopt},
      {"@nolocal.de", std::nullopt},
      {"space in@firma.de", std::nullopt},
      {"nodot@localhost", std::nullopt},
      {"trailing@dot.", std::nullopt},
      {"double@dot..de", std::nullopt},
      {std::string(250, 'a') + "@x.de", std::nullopt},
  };
  for (const auto& c : cases) {
    const auto result = normalise_email(c.input);
    if (c.expected) {
      ASSERT_TRUE(result) << c.input << ": " << result.error().message;
      EXPECT_EQ(*result, *c.expected);
    } else {
      ASSERT_FALSE(result) << c.input;
      EXPECT_EQ(result.error().field, "email");
    }
  }
}

TEST(CredentialRules, PasswordsNeedTenCharactersAndNotTheEmail) {
  EXPECT_TRUE(check_new_password("Zehn-Zeichen", "a@b.de"));
  EXPECT_TRUE(check_new_password("ÄÖÜäöüßéèê", "a@b.de")) << "ten characters, more bytes";
  EXPECT_FALSE(check_new_password("kurz", "a@b.de"));
  EXPECT_FALSE(check_new_password("ÄÖÜäöüß", "a@b.de")) << "fourteen bytes but seven characters";
  EXPECT_FALSE(check_new_password("Long@Enough.de", "long@enough.de"));
  EXPECT_FALSE(check_new_password(std::string(201, 'x'), "a@b.de"));
  EXPECT_EQ(check_new_password("kurz", "", "new_password").error().field, "new_password");
}

}  // namespace
}  // namespace termintreu::identity
