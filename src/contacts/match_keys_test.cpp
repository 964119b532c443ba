#include "contacts/match_keys.hpp"

#include <gtest/gtest.h>

namespace termintreu::contacts {
namespace {

TEST(FoldText, FoldsUmlautsAccentsCaseAndPunctuation) {
  const std::pair<const char*, const char*> table[] = {
      {"Müller-Lüdenscheidt  GmbH", "mueller luedenscheidt gmbh"},
      {"STRAßE", "strasse"},
      {"Érik Ørsted", "erik orsted"},
      {"Łódź", "lodz"},
      {"  ", ""},
      {"A&B", "a b"},
      {"Ŀ", "l"},
      {"ſ", "s"},
      {"Zoë’s Café", "zoe s cafe"},
  };
  for (const auto& [in, out] : table) EXPECT_EQ(fold_text(in), out) << in;
}

TEST(CompanyKey, DropsLegalFormsAtTheEnd) {
  EXPECT_EQ(company_key("Kessler Industrietechnik GmbH & Co. KG"), "kessler industrietechnik");
  EXPECT_EQ(company_key("kessler industrietechnik"), "kessler industrietechnik");
  EXPECT_EQ(company_key("Brandt & Söhne e.K."), "brandt soehne");
  EXPECT_EQ(company_key("Agrar AG"), "agrar");
  EXPECT_EQ(company_key("AG"), "ag") << "a name that is only a legal form stays";
  EXPECT_EQ(company_key("Kagome Kg"), "kagome");
  EXPECT_EQ(company_key("Agkg"), "agkg") << "only whole words are legal forms";
}

TEST(PersonKey, NeedsALastName) {
  EXPECT_EQ(person_key("kessler", "Anna", "Berg"), "kessler|anna|berg");
  EXPECT_EQ(person_key("kessler", "Anna", ""), "");
  EXPECT_EQ(person_key("", "", "Özdemir"), "||oezdemir");
}

TEST(EmailKey, IgnoresCaseAndSurroundingSpace) {
  EXPECT_EQ(email_key(" A.Berg@Kessler.EXAMPLE "), "a.berg@kessler.example");
  EXPECT_EQ(email_key(""), "");
}

}  // namespace
}  // namespace termintreu::contacts
