#pragma once
// Whether an upcoming appointment is at risk of bursting, why, and what to do about it: the reasons in the order
// they weigh, and one recommended action (moving it when the date itself is in doubt, a call to the person when
// only their commitment is).
#include <chrono>
#include <string>
#include <vector>

#include "appointments/appointment.hpp"

namespace termintreu::appointments {

// Unconfirmed this close to the start is a risk.
inline constexpr std::chrono::hours kConfirmBefore{48};

// What the database knows beyond the appointment itself.
struct RiskFacts {
  bool mail_failed = false;     // a mail about it could not be delivered (the address bounced)
  bool calendar_clash = false;  // the rep's own calendar or a blocked time overlaps it
  bool rep_inactive = false;    // the rep was deactivated
};

struct RiskReason {
  std::string code;    // change_requested | rep_unavailable | calendar_clash | mail_bounced | unconfirmed
  std::string detail;  // the person's note for change_requested
};

struct Risk {
  std::vector<RiskReason> reasons;  // empty: not at risk
  std::string action;               // reschedule | call_to_confirm; empty when not at risk
};

Risk risk_of(const Appointment& appointment, const RiskFacts& facts, platform::TimePoint now);

}  // namespace termintreu::appointments
