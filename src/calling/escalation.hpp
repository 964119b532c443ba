#pragma once
// A question an agent hands to second level during a call (the escalations table): what the person asked, how
// urgent it is, and the time the agent promised them an answer. Second level works them in their own queue and
// resolves one by calling the person back; that call is an entry of the call log like any other.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "contacts/contact.hpp"
#include "platform/clock.hpp"

namespace termintreu::calling {

constexpr std::string_view kUrgencies[] = {"normal", "high", "critical"};

struct Escalation {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t lead_id = 0;
  std::int64_t raised_by = 0;
  std::string question;
  std::string urgency = "normal";
  std::int64_t promised_at = 0;
  std::string state = "open";  // open | resolved
  std::optional<std::int64_t> resolved_in;  // the call attempt that answered it
  std::optional<std::int64_t> resolved_by;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> resolved_at;
  // For lists: who, where, and who raised it.
  std::string person_name;
  std::string campaign_name;
  std::string raised_by_name;
  // And what second level needs to call back: the person, their company, the zone their clock shows (their calling
  // area's, IANA; empty when unknown) and their numbers.
  std::int64_t person_id = 0;
  std::string company_name;
  std::string time_zone;
  std::vector<contacts::Phone> phones;
};

// With `overdue` (still open after the time promised to the person) and the person's wall clock at `now`.
nlohmann::json to_json(const Escalation& escalation, platform::TimePoint now);
// The person's wall clock at `now` ("2026-11-22T10:00"), null when their zone is unknown.
nlohmann::json local_time_json(const Escalation& escalation, platform::TimePoint now);

}  // namespace termintreu::calling
