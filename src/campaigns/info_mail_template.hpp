#pragma once
// A campaign's info mail: the subject and plain-text body an agent sends from a call ("please send me something
// in writing"), with merge fields such as {{first_name}} filled in per person. Checked when the campaign is saved,
// so a typo in a field name is refused there and never reaches a called person.
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "platform/error.hpp"

namespace termintreu::campaigns {

// The fields a template may use. salutation: the person's stored salutation, title and last name ("Frau Dr.
// Muster"); without a stored salutation the full name, since a gender is never guessed.
constexpr std::string_view kMergeFields[] = {"salutation", "first_name", "last_name", "full_name", "company",
                                             "campaign",   "client",     "agent",     "agent_email"};

struct InfoMailTemplate {
  std::string subject;
  std::string body;
  bool empty() const { return subject.empty() || body.empty(); }
};

// {subject, body}: subject one line of at most 200 code points, body at most 20000; every {{field}} known.
// Errors name "info_mail.subject" / "info_mail.body".
platform::Result<InfoMailTemplate> info_mail_from_json(const nlohmann::json& json);
nlohmann::json to_json(const InfoMailTemplate& mail);

// `text` with each {{ field }} replaced by its value (an unknown or missing field becomes empty).
std::string merge_fields(std::string_view text, const std::map<std::string, std::string, std::less<>>& values);

}  // namespace termintreu::campaigns
