#include "contacts/contact_input.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "contacts/blocking.hpp"

namespace termintreu::contacts {
namespace {

platform::JsonFields fields_of(nlohmann::json object) {
  std::vector<std::string_view> allowed(kPersonFields);
  return platform::JsonFields::from_object(std::move(object), allowed).value();
}

struct BasisCase {
  std::string basis;
  std::string reason;
  bool has_consent;
  std::string refused_field;  // empty: accepted
};

TEST(LegalBasis, PresumedConsentNeedsAReasonAndConsentARecord) {
  const std::vector<BasisCase> cases{
      {"none", "", false, ""},
      {"presumed_b2b", "", false, "legal_basis_reason"},
      {"presumed_b2b", "Einkaufsleiter, Produkt betrifft seinen Bereich", false, ""},
      {"consent", "", false, "legal_basis"},
      {"consent", "", true, ""},
  };
  for (const auto& c : cases) {
    Person person;
    person.legal_basis = c.basis;
    person.legal_basis_reason = c.reason;
    const auto checked = check_legal_basis(person, c.has_consent);
    if (c.refused_field.empty()) {
      EXPECT_TRUE(checked) << c.basis;
    } else {
      ASSERT_FALSE(checked) << c.basis;
      EXPECT_EQ(checked.error().field, c.refused_field) << c.basis;
    }
  }
}

TEST(PersonFields, AreCheckedWithTheirFieldNames) {
  const std::vector<std::pair<nlohmann::json, std::string>> cases{
      {{{"last_name", "Berg"}, {"email", "not an address"}}, "email"},
      {{{"last_name", "Berg"}, {"legal_basis", "maybe"}}, "legal_basis"},
      {{{"last_name", "Berg"}, {"first_name", 12}}, "first_name"},
      {{{"last_name", std::string(200, 'x')}}, "last_name"},
      {{{"function", "Einkauf"}}, "last_name"},
  };
  for (const auto& [body, field] : cases) {
    Person person;
    const auto applied = apply_person_fields(person, fields_of(body));
    ASSERT_FALSE(applied) << body.dump();
    EXPECT_EQ(applied.error().field, field) << body.dump();
  }
  Person person;
  ASSERT_TRUE(apply_person_fields(person, fields_of({{"first_name", " Anna "}, {"last_name", "Berg"},
                                                     {"email", "Anna.Berg@Kessler.example"}})));
  EXPECT_EQ(person.first_name, "Anna");
  EXPECT_EQ(person.email, "anna.berg@kessler.example");
}

TEST(Phones, AreNormalisedWithTheDefaultRegionAndNamedByIndex) {
  const auto phones = normalise_phones({{"030 1234567", std::nullopt},
                                        {"+49 30 123 45 67", std::nullopt},
                                        {"0151 23456789", std::nullopt},
                                        {"12", std::string("phone")}},
                                       "DE");
  ASSERT_FALSE(phones);
  EXPECT_EQ(phones.error().field, "phones[3].number");

  const auto ok = normalise_phones({{"030 1234567", std::nullopt},
                                    {"+49 30 123 45 67", std::nullopt},
                                    {"0151 23456789", std::nullopt}},
                                   "DE");
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 2u) << "the repeated number is kept once";
  EXPECT_EQ((*ok)[0].e164, "+49301234567");
  EXPECT_EQ((*ok)[0].kind, "phone");
  EXPECT_EQ((*ok)[0].number_type, "fixed");
  EXPECT_EQ((*ok)[1].kind, "mobile");
  EXPECT_EQ((*ok)[1].region, "DE");

  const auto austrian = normalise_phones({{"01 5134567", std::nullopt}}, "AT");
  ASSERT_TRUE(austrian);
  EXPECT_EQ((*austrian)[0].e164, "+4315134567");
}

TEST(TimeZone, ComesFromTheAddressThenTheNumberThenTheClient) {
  Company swiss;
  swiss.country = "CH";
  Phone austrian;
  austrian.region = "AT";
  EXPECT_EQ(derive_time_zone(swiss, {austrian}, "DE"), "Europe/Zurich");
  EXPECT_EQ(derive_time_zone(Company{}, {austrian}, "DE"), "Europe/Vienna");
  EXPECT_EQ(derive_time_zone(std::nullopt, {}, "DE"), "Europe/Berlin");
  Phone non_geographic;
  non_geographic.region = "001";
  EXPECT_EQ(derive_time_zone(std::nullopt, {non_geographic}, ""), "");
  EXPECT_EQ(check_time_zone("Europe/Berlin").value(), "Europe/Berlin");
  EXPECT_EQ(check_time_zone("Mars/Olympus").error().field, "time_zone");
}

TEST(BlockKeys, CoverNumbersEmailAndName) {
  Company company;
  company.name = "Kessler Industrietechnik GmbH";
  ASSERT_TRUE(apply_company_fields(company, platform::JsonFields::from_object({{"name", company.name}},
                                                                              kCompanyFields).value()));
  Person person;
  person.first_name = "Anna";
  person.last_name = "Berg";
  person.email = "anna.berg@kessler.example";
  refresh_keys(person, company);
  Phone phone;
  phone.e164 = "+49301234567";
  const auto keys = block_keys(person, {phone});
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys[0].value, "+49301234567");
  EXPECT_EQ(keys[0].field, "phones[0].number");
  EXPECT_EQ(keys[1].value, "anna.berg@kessler.example");
  EXPECT_EQ(keys[2].value, "kessler industrietechnik|anna|berg");
  EXPECT_EQ(masked(keys[0]), "+4930 \u2022\u2022\u2022 67");
  EXPECT_EQ(masked(keys[1]), "a\u2022\u2022\u2022@kessler.example");
}

}  // namespace
}  // namespace termintreu::contacts
