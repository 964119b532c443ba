#include "calling/call_log.hpp"

#include <nlohmann/json.hpp>

#include "calling/outcome.hpp"
#include "platform/http/query_integer.hpp"
#include "platform/http/query_time.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::http::query_integer;
using platform::http::query_time;
using platform::http::Request;

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

}  // namespace

Result<CallLogQuery> call_log_query_from(const Request& request) {
  CallLogQuery query;
  TT_TRY(limit, query_integer(request, "limit", 1, kCallLogMaxLimit));
  TT_TRY(offset, query_integer(request, "offset", 0, kCallLogMaxOffset));
  query.limit = static_cast<int>(limit->value_or(query.limit));
  query.offset = static_cast<int>(offset->value_or(0));
  TT_TRY(agent, query_integer(request, "agent_id", 1, kMaxId));
  query.filter.agent_id = *agent;
  TT_TRY(seq, query_integer(request, "seq", 1, kMaxId));
  query.filter.seq = *seq;
  if (const auto outcome = request.query_param("outcome"); outcome && !outcome->empty()) {
    if (find_outcome(*outcome) == nullptr) return fail(ErrorCode::invalid, "is not a known outcome", "outcome");
    query.filter.outcome = *outcome;
  }
  TT_TRY(from, query_time(request, "from"));
  TT_TRY(to, query_time(request, "to"));
  if (*from) query.filter.from = **from;
  if (*to) query.filter.until = **to;
  if (*from && *to && **to <= **from) return fail(ErrorCode::invalid, "must be later than from", "to");
  return query;
}

nlohmann::json to_json(const CallLogEntry& entry) {
  const CallAttempt& a = entry.attempt;
  const auto optional = [](const std::optional<std::int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", a.id},
          {"seq", a.seq},
          {"started_at", platform::iso8601(platform::from_micros(a.started_at))},
          {"agent_id", a.agent_id},
          {"agent_name", entry.agent_name},
          {"person_id", a.person_id},
          {"person_name", entry.person_name},
          {"company_name", entry.company_name},
          {"phone", a.phone},
          {"outcome", a.outcome},
          {"reason", a.reason},
          {"talk_seconds", a.talk_seconds},
          {"callback_at", platform::iso8601_or_null(a.callback_at)},
          {"recorded_at", platform::iso8601(platform::from_micros(a.recorded_at))},
          {"note", a.note},
          {"corrects_seq", optional(a.corrects_seq)},
          {"corrected_by_seq", optional(entry.corrected_by_seq)}};
}

nlohmann::json to_json(const CallLogPage& page) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& entry : page.entries) list.push_back(to_json(entry));
  nlohmann::json agents = nlohmann::json::array();
  for (const auto& agent : page.agents) agents.push_back({{"id", agent.id}, {"name", agent.name}});
  return {{"attempts", std::move(list)},
          {"total", page.total},
          {"limit", page.limit},
          {"offset", page.offset},
          {"agents", std::move(agents)}};
}

}  // namespace termintreu::calling
