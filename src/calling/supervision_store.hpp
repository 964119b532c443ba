#pragma once
// SQL behind the supervision view: attempt counts by agent, campaign and outcome, callbacks waiting, punctuality of
// personal callbacks, and the callbacks that are due soon or overdue.
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "calling/callback.hpp"

namespace termintreu::calling::supervision_store {

struct AttemptCount {
  std::int64_t agent_id = 0;
  std::int64_t campaign_id = 0;
  std::string outcome;
  std::int64_t count = 0;
};
// The agency's attempts since `since`, counted by agent, campaign and outcome.
std::vector<AttemptCount> attempts_since(soci::session& sql, std::int64_t agency_id, std::int64_t since);

struct WaitingCallbacks {
  std::int64_t campaign_id = 0;
  std::optional<std::int64_t> assigned_to;
  std::int64_t due_soon = 0;  // due between now and `soon`
  std::int64_t overdue = 0;   // due before now and not started
};
std::vector<WaitingCallbacks> waiting_callbacks(soci::session& sql, std::int64_t agency_id, std::int64_t now,
                                                std::int64_t soon);

struct Punctuality {
  std::int64_t owner_id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t settled = 0;  // personal callbacks kept or missed
  std::int64_t on_time = 0;  // kept, started within the campaign's tolerance
  std::int64_t missed = 0;
};
// Personal callbacks due since `since` that were kept or missed, by the agent who promised them and campaign.
std::vector<Punctuality> punctuality_since(soci::session& sql, std::int64_t agency_id, std::int64_t since);

struct CallbackLine {
  Callback callback;
  std::string person_name;
  std::string assigned_name;
};
// Pending callbacks of the agency due before `until`, earliest first (at most `limit`).
std::vector<CallbackLine> callbacks_due_before(soci::session& sql, std::int64_t agency_id, std::int64_t until,
                                               int limit);
// The same for the callbacks assigned to one user (the agent's reminders).
std::vector<CallbackLine> callbacks_of_before(soci::session& sql, std::int64_t agency_id, std::int64_t user_id,
                                              std::int64_t until, int limit);

struct NamedId {
  std::int64_t id = 0;
  std::string name;
};
// Active and paused campaigns of the agency, by name.
std::vector<NamedId> running_campaigns(soci::session& sql, std::int64_t agency_id);
// Whether the user works the campaign as an agent (a callback or lead may be given to them).
bool is_campaign_agent(soci::session& sql, std::int64_t campaign_id, std::int64_t user_id);

}  // namespace termintreu::calling::supervision_store
