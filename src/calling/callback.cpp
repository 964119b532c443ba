#include "calling/callback.hpp"

#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::calling {

namespace {
nlohmann::json id_or_null(const std::optional<std::int64_t>& id) { return id ? nlohmann::json(*id) : nullptr; }
}  // namespace

nlohmann::json to_json(const Callback& c) {
  return {{"id", c.id},
          {"campaign_id", c.campaign_id},
          {"lead_id", c.lead_id},
          {"kind", c.kind},
          {"owner_id", id_or_null(c.owner_id)},
          {"assigned_to", id_or_null(c.assigned_to)},
          {"due_at", platform::iso8601(platform::from_micros(c.due_at))},
          {"state", c.state},
          {"started_at", platform::iso8601_or_null(c.started_at)},
          {"started_by", id_or_null(c.started_by)},
          {"promised_in", id_or_null(c.promised_in)},
          {"kept_in", id_or_null(c.kept_in)},
          {"note", c.note}};
}

}  // namespace termintreu::calling
