#pragma once
// SQL of callbacks: promising one, the due ones of a campaign with their assignee's presence, taking one from the
// queue, keeping it, and marking the ones nobody started in time as missed.
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "calling/callback.hpp"

namespace termintreu::calling::callback_store {

std::int64_t insert(soci::session& sql, const Callback& callback);
std::optional<Callback> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);

struct DueCallback {
  Callback callback;
  std::optional<std::int64_t> assignee_seen_at;  // the assignee's last workspace heartbeat
  std::string assignee_state;                    // ready | on_call | wrap_up | paused, or empty
  std::optional<std::int64_t> assignee_lead;     // the lead the assignee is on
};
// Pending callbacks of the campaign due at `now` that no live lease holds, earliest first (at most `limit`).
std::vector<DueCallback> due(soci::session& sql, std::int64_t campaign_id, std::int64_t now, int limit);

// Takes the callback from the queue for `user_id` until `until`; records the first start. False when someone else
// holds it or it is no longer pending.
bool lease(soci::session& sql, std::int64_t id, std::int64_t user_id, std::int64_t now, std::int64_t until);
// The pending callback on `lead_id` that `user_id` holds, if any.
std::optional<Callback> held_on_lead(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t now);
// Marks the lead's pending callbacks held by `user_id` (or held by nobody) as kept by the attempt.
void keep(soci::session& sql, std::int64_t lead_id, std::int64_t user_id, std::int64_t attempt_id, std::int64_t now);
void release_held_by(soci::session& sql, std::int64_t user_id, std::int64_t now);
void reassign(soci::session& sql, std::int64_t id, std::int64_t user_id, std::int64_t now);
// A pending callback with a new reason and due time (a later request for the same lead).
void renew(soci::session& sql, std::int64_t id, const std::string& note, std::int64_t due_at, std::int64_t now);

// Personal callbacks not started within their campaign's tolerance: each is marked missed and an apology callback,
// due at once, takes its place. Returns the missed ones (as they were before).
std::vector<Callback> mark_missed(soci::session& sql, std::int64_t now);

// Of a lead, newest first.
std::vector<Callback> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id);

}  // namespace termintreu::calling::callback_store
