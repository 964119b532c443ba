#include "calling/queue_rules.hpp"

#include <algorithm>
#include <tuple>

#include "platform/country.hpp"

namespace termintreu::calling {

using campaigns::AttemptHistory;
using campaigns::CallingRules;
using platform::TimePoint;

const date::time_zone* zone_of(const Area& area) {
  if (area.time_zone.empty()) return nullptr;
  try {
    return date::locate_zone(area.time_zone);
  } catch (const std::runtime_error&) {
    return nullptr;  // a zone the tz database does not know: fall back to the country's, as may_call does
  }
}

const date::time_zone* local_zone(const Area& area) {
  if (const auto* zone = zone_of(area)) return zone;
  if (const auto name = platform::principal_time_zone(area.country)) return zone_of({0, *name, "", ""});
  return nullptr;
}

AttemptHistory history_of(std::span<const TimePoint> recent, int total, TimePoint now, const Area& area) {
  const date::time_zone* zone = local_zone(area);
  // Without any zone may_call refuses anyway; UTC days keep the counts defined.
  auto history = campaigns::count_attempts(recent, now, zone != nullptr ? *zone : *date::locate_zone("UTC"));
  history.total = std::max(history.total, total);
  return history;
}

bool area_open(const CallingRules& rules, TimePoint now, const Area& area) {
  return campaigns::may_call(rules, now, zone_of(area), {area.country, area.subdivision}, AttemptHistory{}).allowed;
}

std::optional<TimePoint> next_call_after(const CallingRules& rules, const OutcomeKind& outcome, TimePoint now,
                                         const Area& area, const AttemptHistory& history) {
  TimePoint earliest = now;
  if (!outcome.retry_delay.empty()) {
    if (const auto delay = rules.retry_delay.find(std::string(outcome.retry_delay)); delay != rules.retry_delay.end()) {
      earliest += delay->second;
    }
  }
  const auto decision =
      campaigns::may_call(rules, earliest, zone_of(area), {area.country, area.subdivision}, history);
  if (decision.allowed) return earliest;
  return decision.next_possible;
}

bool comes_before(const Candidate& a, const Candidate& b) {
  // Higher priority first, so it enters the tuple negated.
  return std::tuple(static_cast<int>(a.rank), -a.priority, a.waiting_since, a.id) <
         std::tuple(static_cast<int>(b.rank), -b.priority, b.waiting_since, b.id);
}

std::optional<Rank> callback_rank(std::string_view kind, std::optional<std::int64_t> assignee, std::int64_t me,
                                  const OwnerPresence& assignee_presence) {
  if (kind == "apology") return Rank::apology;
  if (kind == "general") return Rank::general_callback;
  if (!assignee || *assignee == me) return Rank::own_callback;
  if (!assignee_presence.signed_in || assignee_presence.busy) return Rank::handed_over;
  return std::nullopt;
}

}  // namespace termintreu::calling
