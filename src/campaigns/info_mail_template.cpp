#include "campaigns/info_mail_template.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "platform/json_input.hpp"

namespace termintreu::campaigns {

using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

constexpr platform::TextRule kSubject{0, 200, true};
constexpr platform::TextRule kBody{0, 20000, false};

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool known_field(std::string_view name) {
  return std::find(std::begin(kMergeFields), std::end(kMergeFields), name) != std::end(kMergeFields);
}

Result<void> check_fields(std::string_view text, const char* field) {
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const auto end = text.find("}}", at + 2);
    if (end == std::string_view::npos) return fail(ErrorCode::invalid, "has a {{ without its }}", field);
    const auto name = trimmed(text.substr(at + 2, end - at - 2));
    if (!known_field(name)) {
      return fail(ErrorCode::invalid, "uses the unknown merge field {{" + std::string(name) + "}}", field);
    }
    at = end + 2;
  }
  return {};
}

}  // namespace

Result<InfoMailTemplate> info_mail_from_json(const nlohmann::json& json) {
  auto fields = platform::JsonFields::from_object(json, {"subject", "body"});
  if (!fields) return tl::unexpected(platform::nested_error(fields.error(), "info_mail"));
  InfoMailTemplate mail;
  auto subject = fields->optional_text("subject", kSubject);
  if (!subject) return tl::unexpected(platform::nested_error(subject.error(), "info_mail"));
  mail.subject = subject->value_or("");
  if (mail.subject.find_first_of("\r\n") != std::string::npos) {
    return fail(ErrorCode::invalid, "must be one line", "info_mail.subject");
  }
  auto body = fields->optional_text("body", kBody);
  if (!body) return tl::unexpected(platform::nested_error(body.error(), "info_mail"));
  mail.body = body->value_or("");
  if (mail.subject.empty() != mail.body.empty()) {
    return fail(ErrorCode::invalid, "is required when the other part of the info mail is set",
                mail.subject.empty() ? "info_mail.subject" : "info_mail.body");
  }
  TT_TRY(subject_fields, check_fields(mail.subject, "info_mail.subject"));
  TT_TRY(body_fields, check_fields(mail.body, "info_mail.body"));
  return mail;
}

nlohmann::json to_json(const InfoMailTemplate& mail) { return {{"subject", mail.subject}, {"body", mail.body}}; }

std::string merge_fields(std::string_view text, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", copied)) {
    const auto end = text.find("}}", at + 2);
    if (end == std::string_view::npos) break;
    out.append(text.substr(copied, at - copied));
    if (const auto value = values.find(trimmed(text.substr(at + 2, end - at - 2))); value != values.end()) {
      out.append(value->second);
    }
    copied = end + 2;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace termintreu::campaigns
