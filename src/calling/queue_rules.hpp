#pragma once
// Which work an agent gets next, free of storage: when a calling area is open, when a lead may be called again
// after an outcome, which callbacks are this agent's to take, and the order of everything that is due.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "calling/outcome.hpp"
#include "campaigns/calling_rules.hpp"
#include "platform/clock.hpp"

namespace termintreu::calling {

// Where called persons are, as far as windows and holidays go (the calling_areas table).
struct Area {
  std::int64_t id = 0;
  std::string time_zone;  // IANA name; empty: the country's principal zone
  std::string country;
  std::string subdivision;
};

// The area's zone; nullptr when it names none or an unknown one (may_call then uses the country's).
const date::time_zone* zone_of(const Area& area);
// The zone the person's clock shows: the area's own, else its country's principal zone; nullptr when neither is known.
const date::time_zone* local_zone(const Area& area);

// The attempt history the rules count, from the start times of the lead's recent attempts (at least the last 8
// days) and its total number of attempts, in the area's local calendar.
campaigns::AttemptHistory history_of(std::span<const platform::TimePoint> recent, int total, platform::TimePoint now,
                                     const Area& area);

// Whether the campaign's windows, Sundays and public holidays allow calls into the area at `now`. Caps and gaps are
// the lead's business (next_call_after); this decides only whether the queue looks into the area at all.
bool area_open(const campaigns::CallingRules& rules, platform::TimePoint now, const Area& area);

// When the lead may be called again after an attempt with `outcome` at `now`: after the outcome's retry delay, and
// then at the first moment the rules allow given `history` (which already counts this attempt). nullopt when the
// campaign cap is reached or no moment is allowed: the lead is then unreachable.
std::optional<platform::TimePoint> next_call_after(const campaigns::CallingRules& rules, const OutcomeKind& outcome,
                                                   platform::TimePoint now, const Area& area,
                                                   const campaigns::AttemptHistory& history);

// The order of due work: an apology for a missed callback first, then this agent's own personal callbacks, then
// personal callbacks handed over because their owner is away or busy, then general callbacks, then leads by
// priority and by how long they have waited.
enum class Rank { apology = 0, own_callback = 1, handed_over = 2, general_callback = 3, lead = 4 };

struct Candidate {
  Rank rank = Rank::lead;
  int priority = 0;                  // leads only; higher first
  platform::TimePoint waiting_since; // due time of a callback, next_call_at of a lead; earlier first
  std::int64_t id = 0;               // ties: the older record first
};

bool comes_before(const Candidate& a, const Candidate& b);

// What the queue knows of the agent who owns a personal callback.
struct OwnerPresence {
  bool signed_in = false;  // a workspace heartbeat within kPresenceTimeout
  bool busy = false;       // on another call
};

// How a due callback ranks for agent `me`, or nullopt when it is not theirs to take: a personal one belongs to its
// assignee until it falls due while the assignee is away or on another call; then anyone of the campaign may take it.
std::optional<Rank> callback_rank(std::string_view kind, std::optional<std::int64_t> assignee, std::int64_t me,
                                  const OwnerPresence& assignee_presence);

inline constexpr std::chrono::minutes kLeaseFor{15};
inline constexpr std::chrono::seconds kPresenceTimeout{90};

}  // namespace termintreu::calling
