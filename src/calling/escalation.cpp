#include "calling/escalation.hpp"

#include <stdexcept>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::calling {

namespace {

nlohmann::json phones_json(const std::vector<contacts::Phone>& phones) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& phone : phones) out.push_back(contacts::to_json(phone));
  return out;
}

}  // namespace

nlohmann::json local_time_json(const Escalation& e, platform::TimePoint now) {
  if (e.time_zone.empty()) return nullptr;
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(e.time_zone);
  } catch (const std::runtime_error&) {
    return nullptr;  // a zone the tz database of this machine does not know
  }
  return date::format("%Y-%m-%dT%H:%M", zone->to_local(std::chrono::floor<std::chrono::minutes>(now)));
}

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
          {"overdue", e.state == "open" && e.promised_at < platform::to_micros(now)},
          {"local_time", local_time_json(e, now)},
          {"person_id", e.person_id},
          {"company_name", e.company_name},
          {"time_zone", e.time_zone},
          {"phones", phones_json(e.phones)}};
}

}  // namespace termintreu::calling
