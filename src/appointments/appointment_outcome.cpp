#include "appointments/appointment_outcome.hpp"

#include <fmt/format.h>

#include "appointments/appointment_store.hpp"
#include "appointments/call_again.hpp"
#include "appointments/invitation_mail.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;

platform::Result<void> check_outcome(const Appointment& a, const OutcomeReport& report, std::int64_t now) {
  if (report.outcome != "held" && report.outcome != "no_show" && report.outcome != "cancelled") {
    return fail(ErrorCode::invalid, "must be held, no_show or cancelled", "outcome");
  }
  if (report.qualified && report.outcome != "held") {
    return fail(ErrorCode::invalid, "only goes with held", "qualified");
  }
  if (report.outcome == "cancelled" && report.note.empty()) {
    return fail(ErrorCode::invalid, "is required when the appointment was cancelled", "note");
  }
  if (a.outcome_at || a.state == "held" || a.state == "no_show") {
    return fail(ErrorCode::conflict, fmt::format("was already recorded as {}", a.state), "outcome");
  }
  if (a.state == "cancelled") return fail(ErrorCode::conflict, "was cancelled before the date", "outcome");
  if (platform::to_micros(a.starts_at) > now) {
    return fail(ErrorCode::conflict, "has not started yet: record how it went afterwards", "outcome");
  }
  return {};
}

void record_outcome(soci::session& sql, Appointment& a, const OutcomeReport& report, std::int64_t now) {
  a.state = report.outcome;
  a.outcome_at = now;
  a.updated_at = now;
  if (report.outcome == "held") a.qualified = report.qualified;
  if (report.outcome == "cancelled") a.cancel_reason = report.note;
  appointment_store::update(sql, a);
  if (report.outcome == "no_show") {
    call_again(
        sql, a,
        fmt::format("Termin am {} nicht wahrgenommen: neuen Termin vereinbaren", german_time(a.starts_at, a.time_zone)),
        now);
  }
}

}  // namespace termintreu::appointments
