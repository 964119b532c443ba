#include "calling/escalation.hpp"

#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::calling {

nlohmann::json to_json(const Escalation& e, platform::TimePoint now) {
  return {{"id", e.id},
          {"campaign_id", e.campaign_id},
          {"campaign_name", e.campaign_name},
          {"lead_id", e.lead_id},
          {"person_name", e.person_name},
          {"raised_by", e.raised_by},
          {"raised_by_name", e.raised_by_name},
          {"question", e.question},
          {"urgency", e.urgency},
          {"promised_at", platform::iso8601(platform::from_micros(e.promised_at))},
          {"state", e.state},
          {"resolved_in", e.resolved_in ? nlohmann::json(*e.resolved_in) : nlohmann::json(nullptr)},
          {"resolved_by", e.resolved_by ? nlohmann::json(*e.resolved_by) : nlohmann::json(nullptr)},
          {"created_at", platform::iso8601(platform::from_micros(e.created_at))},
          {"resolved_at", platform::iso8601_or_null(e.resolved_at)},
          {"overdue", e.state == "open" && e.promised_at < platform::to_micros(now)}};
}

}  // namespace termintreu::calling
