#include "appointments/appointment_risk.hpp"

namespace termintreu::appointments {

Risk risk_of(const Appointment& a, const RiskFacts& facts, platform::TimePoint now) {
  Risk risk;
  const bool upcoming = a.state == "booked" || a.state == "confirmed" || a.state == "change_requested";
  if (!upcoming || a.starts_at <= now) return risk;
  bool move = false;
  if (a.state == "change_requested") {
    risk.reasons.push_back({"change_requested", a.person_note});
    move = true;
  }
  if (facts.rep_inactive) {
    risk.reasons.push_back({"rep_unavailable", {}});
    move = true;
  }
  if (facts.calendar_clash) {
    risk.reasons.push_back({"calendar_clash", {}});
    move = true;
  }
  if (facts.mail_failed) risk.reasons.push_back({"mail_bounced", {}});
  if (a.state == "booked" && a.starts_at - now <= kConfirmBefore) risk.reasons.push_back({"unconfirmed", {}});
  if (!risk.reasons.empty()) risk.action = move ? "reschedule" : "call_to_confirm";
  return risk;
}

}  // namespace termintreu::appointments
