#pragma once
// The agent's day: Next (the best due callback or lead of the agent's campaigns, leased to it alone), skipping a
// lead, recording an outcome (a chained call attempt, the lead's next call or end, callbacks kept and promised, an
// objection onto the block list), the workspace heartbeat, and the sweep that marks missed callbacks.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "calling/callback.hpp"
#include "calling/outcome_recorder.hpp"
#include "calling/queue_rules.hpp"
#include "calling/supervision_store.hpp"
#include "identity/permissions.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::platform::http {
class EventHub;
}

namespace termintreu::calling {

struct Assignment {
  std::optional<std::int64_t> lead_id;  // empty: nothing is due
  std::optional<Callback> callback;     // when the lead comes as a callback
  std::optional<std::int64_t> campaign_id;
  std::optional<std::int64_t> lease_until;
  // Why nothing came: "no_campaign" (the agent works no active campaign), "briefing" (every campaign waits for the
  // agent to acknowledge its briefing), "nothing_due".
  std::string empty_reason;
  std::vector<std::int64_t> briefings_pending;  // campaigns whose current briefing this agent has not acknowledged
};

class DispatchService {
 public:
  // `booker` books the appointments agents set in calls; without one an outcome with a booking is refused.
  DispatchService(platform::db::Database& database, const platform::Clock& clock, platform::http::EventHub& events,
                  const AppointmentBooker* booker = nullptr);

  platform::Result<Assignment> next(const identity::Principal& agent);
  // Gives the held lead back to the queue uncalled (it is due again at once for others).
  platform::Result<void> release(const identity::Principal& agent, std::int64_t lead_id);
  platform::Result<Recorded> record_outcome(const identity::Principal& agent, std::int64_t lead_id,
                                            const OutcomeInput& input);
  // The workspace's heartbeat: the agent's state, and its lease kept alive while it works the lead.
  platform::Result<void> heartbeat(const identity::Principal& agent, const std::string& state);
  platform::Result<void> sign_off(const identity::Principal& agent);

  // The lead card (lead_card.hpp) as `viewer` may see it.
  platform::Result<nlohmann::json> card(const identity::Principal& viewer, std::int64_t lead_id);
  // The callbacks assigned to the agent that fall due within `ahead` (or are overdue), for the reminder list.
  // At most kMaxReminders, earliest first, with the called person's name.
  static constexpr int kMaxReminders = 50;
  platform::Result<std::vector<supervision_store::CallbackLine>> upcoming_callbacks(const identity::Principal& agent,
                                                                                    std::chrono::minutes ahead);

  // Marks personal callbacks nobody started within the tolerance as missed (run periodically); returns how many.
  std::size_t sweep_missed_callbacks();

 private:
  struct OpenAreas {
    std::int64_t minute = -1;  // the clock minute they were computed for
    std::vector<Area> areas;
  };
  platform::Result<Assignment> take_next(soci::session& sql, const identity::Principal& agent, platform::TimePoint now);
  std::vector<Area> open_areas(soci::session& sql, std::int64_t campaign_id, const campaigns::CallingRules& rules,
                               platform::TimePoint now, bool placed);
  void publish(std::int64_t agency_id, std::string_view name, std::int64_t user_id);

  platform::db::Database& database_;
  const platform::Clock& clock_;
  platform::http::EventHub& events_;
  const AppointmentBooker* booker_;
  std::mutex areas_mutex_;
  std::map<std::int64_t, OpenAreas> open_areas_;  // by campaign
};

}  // namespace termintreu::calling
