#include <nlohmann/json.hpp>

#include "calling/call_attempt.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

nlohmann::json to_json(const CallAttempt& a) {
  return {{"id", a.id},
          {"seq", a.seq},
          {"agent_id", a.agent_id},
          {"phone", a.phone},
          {"outcome", a.outcome},
          {"reason", a.reason},
          {"note", a.note},
          {"started_at", platform::iso8601(platform::from_micros(a.started_at))},
          {"talk_seconds", a.talk_seconds},
          {"callback_at", platform::iso8601_or_null(a.callback_at)},
          {"corrects_seq", a.corrects_seq ? nlohmann::json(*a.corrects_seq) : nlohmann::json(nullptr)}};
}

}  // namespace termintreu::calling
