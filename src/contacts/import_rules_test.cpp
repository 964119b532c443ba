#include "contacts/import_rules.hpp"

#include <gtest/gtest.h>

namespace termintreu::contacts {
namespace {

using F = ContactField;

TEST(SplitFullName, Table) {
  struct Case {
    const char* in;
    NameParts out;
  };
  const Case table[] = {
      {"Anna Berg", {"", "Anna", "Berg"}},
      {"Dr. Anna Berg", {"Dr.", "Anna", "Berg"}},
      {"Prof. Dr. Klaus Meier", {"Prof. Dr.", "Klaus", "Meier"}},
      {"Herr Jonas Weber", {"", "Jonas", "Weber"}},
      {"Berg, Anna", {"", "Anna", "Berg"}},
      {"Berg, Dr. Anna Maria", {"Dr.", "Anna Maria", "Berg"}},
      {"Anna Maria von der Berg", {"", "Anna Maria", "von der Berg"}},
      {"Berg", {"", "", "Berg"}},
      {"", {"", "", ""}},
  };
  for (const auto& test : table) {
    const auto got = split_full_name(test.in);
    EXPECT_EQ(got.title, test.out.title) << test.in;
    EXPECT_EQ(got.first_name, test.out.first_name) << test.in;
    EXPECT_EQ(got.last_name, test.out.last_name) << test.in;
  }
}

TEST(LooksLikeEmail, Table) {
  EXPECT_TRUE(looks_like_email("a.berg@kessler.example"));
  EXPECT_FALSE(looks_like_email("a.berg@kessler"));
  EXPECT_FALSE(looks_like_email("@kessler.example"));
  EXPECT_FALSE(looks_like_email("a berg@kessler.example"));
  EXPECT_FALSE(looks_like_email("a@b@c.example"));
  EXPECT_FALSE(looks_like_email("a@.example"));
}

TEST(RecordFromFields, MapsSplitsAndRefuses) {
  const std::vector<F> mapping{F::company_name, F::full_name, F::phone, F::email, F::ignore};
  auto ok = record_from_fields(mapping, {"Kessler GmbH", "Dr. Anna Berg", "030 1234567", "a@k.example", "x"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->company_name, "Kessler GmbH");
  EXPECT_EQ(ok->title, "Dr.");
  EXPECT_EQ(ok->first_name, "Anna");
  EXPECT_EQ(ok->last_name, "Berg");
  EXPECT_EQ(ok->phone_text, "030 1234567");

  EXPECT_TRUE(record_from_fields(mapping, {"Kessler GmbH", "", "030 1234567"})) << "short rows are fine";
  EXPECT_TRUE(record_from_fields(mapping, {"Kessler GmbH", "", "030 1", "", "", ""})) << "empty extra cells";

  struct Bad {
    std::vector<std::string> fields;
    const char* field;
  };
  const Bad bad[] = {
      {{"Kessler GmbH", "Anna Berg", "030 1234567", "", "", "surplus"}, ""},
      {{"", "", "030 1234567"}, "last_name"},
      {{"Kessler GmbH", "Anna Berg", ""}, "phone"},
      {{"Kessler GmbH", "Anna Berg", "030 1234567", "kein-at.example"}, "email"},
  };
  for (const auto& test : bad) {
    auto result = record_from_fields(mapping, test.fields);
    ASSERT_FALSE(result) << test.field;
    EXPECT_EQ(result.error().field, test.field);
  }
}

TEST(RecordKeys, DerivesTheMatchKeys) {
  ContactRecord record;
  record.company_name = "Kessler Industrietechnik GmbH";
  record.first_name = "Anna";
  record.last_name = "Berg";
  record.email = " A.Berg@Kessler.EXAMPLE";
  const auto keys = record_keys(record, std::nullopt, std::nullopt);
  EXPECT_EQ(keys.company_key, "kessler industrietechnik");
  EXPECT_EQ(keys.person_key, "kessler industrietechnik|anna|berg");
  EXPECT_EQ(keys.email_key, "a.berg@kessler.example");
}

}  // namespace
}  // namespace termintreu::contacts
