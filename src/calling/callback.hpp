#pragma once
// A promise to call a lead again (the callbacks table): personal ones are promised to the person and must be kept,
// general ones are retries at a time, apologies replace a missed personal one at the top of the queue.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace termintreu::calling {

constexpr std::string_view kCallbackKinds[] = {"personal", "general", "apology"};

struct Callback {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t lead_id = 0;
  std::string kind = "personal";
  std::optional<std::int64_t> owner_id;     // who promised it
  std::optional<std::int64_t> assigned_to;  // who holds it now (the owner, or whom a supervisor gave it)
  std::int64_t due_at = 0;
  std::string state = "pending";            // pending | done | missed | cancelled
  std::optional<std::int64_t> started_at;   // when an agent took it from the queue
  std::optional<std::int64_t> started_by;
  std::optional<std::int64_t> promised_in;  // the call attempt that promised it
  std::optional<std::int64_t> kept_in;      // the call attempt that kept it
  std::string note;
  std::int64_t created_at = 0;
};

nlohmann::json to_json(const Callback& callback);

}  // namespace termintreu::calling
