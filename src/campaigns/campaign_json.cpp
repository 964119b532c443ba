#include <nlohmann/json.hpp>

#include "campaigns/campaign.hpp"
#include "platform/time_text.hpp"

namespace termintreu::campaigns {
namespace {

template <class T>
nlohmann::json or_null(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_summary_json(const Campaign& c) {
  return {{"id", c.id},
          {"client_id", c.client_id},
          {"client_name", c.client_name},
          {"name", c.name},
          {"state", c.state},
          {"archived", c.archived},
          {"goal_kind", c.goal_kind},
          {"goal_target", c.goal_target},
          {"starts_on", or_null(c.starts_on)},
          {"ends_on", or_null(c.ends_on)},
          {"country", c.country},
          {"caller_id", or_null(c.caller_id)}};
}

nlohmann::json to_json(const Campaign& c) {
  nlohmann::json out = to_summary_json(c);
  out["calling_rules"] = to_json(c.calling_rules);
  out["billing"] = to_json(c.billing);
  out["script"] = to_json(c.script);
  out["qualification"] = qualification_to_json(c.qualification);
  out["info_mail"] = to_json(c.info_mail);
  return out;
}

nlohmann::json to_json(const Billing& b) {
  return {{"hourly_rate_cents", or_null(b.hourly_rate_cents)},
          {"per_decision_maker_cents", or_null(b.per_decision_maker_cents)},
          {"per_qualified_appointment_cents", or_null(b.per_qualified_appointment_cents)},
          {"fixed_fee_cents", or_null(b.fixed_fee_cents)}};
}

nlohmann::json to_json(const Script& script) {
  nlohmann::json sections = nlohmann::json::array();
  for (const auto& s : script.sections) sections.push_back({{"title", s.title}, {"text", s.text}});
  nlohmann::json objections = nlohmann::json::array();
  for (const auto& o : script.objections) objections.push_back({{"question", o.question}, {"answer", o.answer}});
  return {{"sections", sections}, {"objections", objections}};
}

nlohmann::json qualification_to_json(const std::vector<QualificationItem>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) out.push_back({{"question", item.question}, {"required", item.required}});
  return out;
}

nlohmann::json to_json(const CampaignStaff& staff) {
  return {{"agents", staff.agents}, {"specialists", staff.specialists}, {"rep_ids", staff.rep_ids}};
}

nlohmann::json to_json(const Briefing& b) {
  return {{"id", b.id},
          {"version", b.version},
          {"body", b.body},
          {"created_by", or_null(b.created_by)},
          {"created_by_name", b.created_by_name},
          {"created_at", platform::iso8601_or_null(b.created_at)},
          {"acknowledgements", b.acknowledgements}};
}

}  // namespace termintreu::campaigns
