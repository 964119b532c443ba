#include "campaigns/campaign_input.hpp"

#include <algorithm>

#include "campaigns/campaign_rules.hpp"
#include "platform/country.hpp"

namespace termintreu::campaigns {

using platform::ErrorCode;
using platform::fail;
using platform::Result;

const std::initializer_list<std::string_view> kCampaignFields{
    "name",    "goal_kind",     "goal_target", "starts_on", "ends_on",       "country",  "caller_id",
    "billing", "calling_rules", "script",      "qualification", "archived", "info_mail"};

namespace {

// A nullable text field: absent leaves `target` alone, null clears it.
Result<void> nullable_text(const platform::JsonFields& fields, std::string_view name, platform::TextRule rule,
                           std::optional<std::string>& target) {
  if (!fields.has(name)) return {};
  TT_TRY(text, fields.optional_text(name, rule));
  target = *text;
  if (target && target->empty()) target.reset();
  return {};
}

}  // namespace

Result<void> apply_campaign_fields(Campaign& campaign, const platform::JsonFields& fields) {
  TT_TRY(name, fields.optional_text("name", {1, 160, true}));
  if (fields.has("name") && !*name) return fail(ErrorCode::invalid, "must not be null", "name");
  if (*name) campaign.name = **name;

  std::vector<std::string_view> kinds(std::begin(kGoalKinds), std::end(kGoalKinds));
  TT_TRY(goal_kind, fields.optional_choice("goal_kind", kinds));
  if (*goal_kind) campaign.goal_kind = **goal_kind;
  TT_TRY(goal_target, fields.optional_integer("goal_target", 0, 1'000'000));
  if (*goal_target) campaign.goal_target = **goal_target;

  TT_TRY(starts, nullable_text(fields, "starts_on", {0, 10, true}, campaign.starts_on));
  TT_TRY(ends, nullable_text(fields, "ends_on", {0, 10, true}, campaign.ends_on));
  TT_TRY(period, check_period(campaign.starts_on, campaign.ends_on));

  TT_TRY(country_text, fields.optional_text("country", {2, 2, true}));
  if (*country_text) {
    TT_TRY(country, platform::normalise_country(**country_text, "country"));
    campaign.country = *country;
  }
  if (fields.has("caller_id")) {
    TT_TRY(caller_text, fields.optional_text("caller_id", {0, 40, true}));
    if (!*caller_text || (*caller_text)->empty()) {
      campaign.caller_id.reset();
    } else {
      TT_TRY(caller_id, normalise_caller_id(**caller_text, campaign.country));
      campaign.caller_id = *caller_id;
    }
  }

  if (const auto* billing = fields.value("billing")) {
    TT_TRY(parsed, billing_from_json(*billing));
    campaign.billing = *parsed;
  }
  if (const auto* rules = fields.value("calling_rules")) {
    TT_TRY(parsed, calling_rules_from_json(*rules));  // its errors already name "calling_rules.…"
    campaign.calling_rules = std::move(*parsed);
  }
  if (const auto* script = fields.value("script")) {
    TT_TRY(parsed, script_from_json(*script));
    campaign.script = std::move(*parsed);
  }
  if (const auto* qualification = fields.value("qualification")) {
    TT_TRY(parsed, qualification_from_json(*qualification));
    campaign.qualification = std::move(*parsed);
  }
  if (const auto* info_mail = fields.value("info_mail")) {
    TT_TRY(parsed, info_mail_from_json(*info_mail));  // its errors name "info_mail.…"
    campaign.info_mail = std::move(*parsed);
  }
  TT_TRY(archived, fields.optional_bool("archived"));
  if (*archived) campaign.archived = **archived;
  return {};
}

}  // namespace termintreu::campaigns
