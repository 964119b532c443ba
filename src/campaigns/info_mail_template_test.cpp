#include "campaigns/info_mail_template.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace termintreu::campaigns {
namespace {

TEST(InfoMailTemplate, AcceptsKnownFieldsWithOrWithoutSpaces) {
  const auto mail = info_mail_from_json({{"subject", "Unterlagen für {{ company }}"},
                                         {"body", "Guten Tag {{salutation}},\nanbei …\n{{agent}}"}});
  ASSERT_TRUE(mail) << mail.error().message;
  EXPECT_EQ(mail->subject, "Unterlagen für {{ company }}");
}

TEST(InfoMailTemplate, RefusesWhatWouldReachAPersonWrong) {
  struct Case {
    nlohmann::json input;
    std::string field;
  };
  const std::vector<Case> cases = {
      {{{"subject", "Hallo {{vorname}}"}, {"body", "x"}}, "info_mail.subject"},
      {{{"subject", "Hallo"}, {"body", "Guten Tag {{first_name"}}, "info_mail.body"},
      {{{"subject", "Zeile 1\nZeile 2"}, {"body", "x"}}, "info_mail.subject"},
      {{{"subject", "Nur Betreff"}}, "info_mail.body"},
      {{{"body", "Nur Text"}}, "info_mail.subject"},
      {{{"subject", std::string(201, 'a')}, {"body", "x"}}, "info_mail.subject"},
      {{{"subject", "a"}, {"body", "x"}, {"to", "b"}}, "info_mail.to"},
  };
  for (const auto& c : cases) {
    const auto mail = info_mail_from_json(c.input);
    ASSERT_FALSE(mail) << c.input.dump();
    EXPECT_EQ(mail.error().field, c.field) << c.input.dump();
  }
}

TEST(InfoMailTemplate, EmptyMeansNoInfoMail) {
  const auto mail = info_mail_from_json(nlohmann::json::object());
  ASSERT_TRUE(mail);
  EXPECT_TRUE(mail->empty());
}

TEST(InfoMailTemplate, MergesValuesAndDropsUnknownOnes) {
  const std::map<std::string, std::string, std::less<>> values = {{"first_name", "Eva"}, {"company", "Muster AG"}};
  EXPECT_EQ(merge_fields("Hallo {{ first_name }} von {{company}}{{missing}}!", values), "Hallo Eva von Muster AG!");
  EXPECT_EQ(merge_fields("kein Feld", values), "kein Feld");
  EXPECT_EQ(merge_fields("offen {{first_name", values), "offen {{first_name");
  // A value that looks like a field is not merged again.
  EXPECT_EQ(merge_fields("{{first_name}}", {{"first_name", "{{company}}"}}), "{{company}}");
}

}  // namespace
}  // namespace termintreu::campaigns
