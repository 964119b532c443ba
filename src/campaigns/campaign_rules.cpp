#include "campaigns/campaign_rules.hpp"

#include <algorithm>
#include <sstream>

#include <date/date.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "contacts/phone_number.hpp"
#include "platform/json_input.hpp"

namespace termintreu::campaigns {

using platform::ErrorCode;
using platform::fail;
using platform::JsonFields;
using platform::nested_error;
using platform::Result;

namespace {

constexpr std::int64_t kMaxCents = 100'000'000;  // one million euros: larger is a typo
constexpr std::size_t kMaxSections = 50;
constexpr std::size_t kMaxObjections = 200;
constexpr std::size_t kMaxQualification = 50;
constexpr platform::TextRule kTitle{1, 200, true};
constexpr platform::TextRule kLongText{0, 20'000, false};

Result<std::optional<std::int64_t>> cents(const JsonFields& fields, std::string_view name) {
  return fields.optional_integer(name, 0, kMaxCents);
}

template <class Item, class Parse>
Result<std::vector<Item>> list_of(const nlohmann::json& json, std::string_view name, std::size_t max, Parse parse) {
  if (!json.is_array()) return fail(ErrorCode::invalid, "must be a list", std::string(name));
  if (json.size() > max) return fail(ErrorCode::invalid, fmt::format("may hold at most {} entries", max), std::string(name));
  std::vector<Item> out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    auto item = parse(json[i]);
    if (!item) return tl::unexpected(nested_error(item.error(), fmt::format("{}[{}]", name, i)));
    out.push_back(std::move(*item));
  }
  return out;
}

bool is_iso_date(const std::string& text) {
  if (text.size() != 10) return false;
  std::istringstream in(text);
  date::year_month_day day{};
  in >> date::parse("%F", day);
  return !in.fail() && day.ok();
}

}  // namespace

Result<Billing> billing_from_json(const nlohmann::json& json) {
  auto fields = JsonFields::from_object(json, {"hourly_rate_cents", "per_decision_maker_cents",
                                               "per_qualified_appointment_cents", "fixed_fee_cents"});
  if (!fields) return tl::unexpected(nested_error(fields.error(), "billing"));
  Billing billing;
  for (auto [name, target] : {std::pair{"hourly_rate_cents", &billing.hourly_rate_cents},
                              std::pair{"per_decision_maker_cents", &billing.per_decision_maker_cents},
                              std::pair{"per_qualified_appointment_cents", &billing.per_qualified_appointment_cents},
                              std::pair{"fixed_fee_cents", &billing.fixed_fee_cents}}) {
    auto value = cents(*fields, name);
    if (!value) return tl::unexpected(nested_error(value.error(), "billing"));
    *target = *value;
  }
  return billing;
}

Result<Script> script_from_json(const nlohmann::json& json) {
  auto fields = JsonFields::from_object(json, {"sections", "objections"});
  if (!fields) return tl::unexpected(nested_error(fields.error(), "script"));
  Script script;
  if (const auto* sections = fields->value("sections")) {
    auto parsed = list_of<ScriptSection>(*sections, "sections", kMaxSections, [](const nlohmann::json& item) -> Result<ScriptSection> {
      TT_TRY(section, JsonFields::from_object(item, {"title", "text"}));
      TT_TRY(title, section->required_text("title", kTitle));
      TT_TRY(text, section->optional_text("text", kLongText));
      return ScriptSection{*title, text->value_or("")};
    });
    if (!parsed) return tl::unexpected(nested_error(parsed.error(), "script"));
    script.sections = std::move(*parsed);
  }
  if (const auto* objections = fields->value("objections")) {
    auto parsed = list_of<Objection>(*objections, "objections", kMaxObjections, [](const nlohmann::json& item) -> Result<Objection> {
      TT_TRY(objection, JsonFields::from_object(item, {"question", "answer"}));
      TT_TRY(question, objection->required_text("question", {1, 500, true}));
      TT_TRY(answer, objection->required_text("answer", {1, 5000, true}));
      return Objection{*question, *answer};
    });
    if (!parsed) return tl::unexpected(nested_error(parsed.error(), "script"));
    script.objections = std::move(*parsed);
  }
  return script;
}

Result<std::vector<QualificationItem>> qualification_from_json(const nlohmann::json& json) {
  return list_of<QualificationItem>(json, "qualification", kMaxQualification,
                                    [](const nlohmann::json& item) -> Result<QualificationItem> {
                                      TT_TRY(fields, JsonFields::from_object(item, {"question", "required"}));
                                      TT_TRY(question, fields->required_text("question", {1, 500, true}));
                                      TT_TRY(required, fields->optional_bool("required"));
                                      return QualificationItem{*question, required->value_or(false)};
                                    });
}

Result<std::string> normalise_caller_id(std::string_view text, std::string_view country) {
  TT_TRY(number, contacts::normalise_phone(text, country, "caller_id"));
  return number->e164;
}

Result<void> check_state_change(const Campaign& campaign, std::string_view to) {
  if (std::find(std::begin(kCampaignStates), std::end(kCampaignStates), to) == std::end(kCampaignStates)) {
    return fail(ErrorCode::invalid, "must be one of draft, active, paused, finished", "state");
  }
  const std::string_view from = campaign.state;
  if (from == to) return {};
  if (campaign.archived) return fail(ErrorCode::conflict, "an archived campaign does not change state", "state");
  if (from == "finished") return fail(ErrorCode::conflict, "a finished campaign stays finished", "state");
  if (to == "draft") return fail(ErrorCode::conflict, "a campaign cannot go back to draft", "state");
  if (to == "paused" && from != "active") return fail(ErrorCode::conflict, "only an active campaign can be paused", "state");
  if (to == "active" && !campaign.caller_id) {
    return fail(ErrorCode::conflict, "a campaign needs a caller ID before it can be activated", "caller_id");
  }
  return {};
}

Result<void> check_period(const std::optional<std::string>& starts_on, const std::optional<std::string>& ends_on) {
  if (starts_on && !is_iso_date(*starts_on)) return fail(ErrorCode::invalid, "must be a date YYYY-MM-DD", "starts_on");
  if (ends_on && !is_iso_date(*ends_on)) return fail(ErrorCode::invalid, "must be a date YYYY-MM-DD", "ends_on");
  if (starts_on && ends_on && *ends_on < *starts_on) {
    return fail(ErrorCode::invalid, "must not be before starts_on", "ends_on");
  }
  return {};
}

}  // namespace termintreu::campaigns
