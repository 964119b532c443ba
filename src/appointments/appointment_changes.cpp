#include "appointments/appointment_changes.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_parties.hpp"
#include "appointments/appointment_store.hpp"
#include "appointments/call_again.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "identity/audit_log.hpp"
#include "platform/time_text.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::to_micros;

namespace {

constexpr auto kLongestAhead = std::chrono::days{366};

// The appointment, when `actor` may see it and it can still change.
Result<Appointment> changeable(soci::session& sql, const identity::Principal& actor, std::int64_t id,
                               platform::TimePoint now) {
  auto found = appointment_store::find(sql, actor.agency_id, id);
  if (!found || !identity::can_see_client(actor, found->client_id)) {
    return fail(ErrorCode::not_found, "no such appointment", "id");
  }
  if (found->state == "cancelled" || found->state == "held" || found->state == "no_show") {
    return fail(ErrorCode::conflict, fmt::format("is {} and can no longer change", found->state), "state");
  }
  if (found->ends_at <= now) return fail(ErrorCode::conflict, "has passed: record how it went instead", "state");
  return std::move(*found);
}

}  // namespace

Result<nlohmann::json> AppointmentChanges::reschedule(const identity::Principal& actor,
                                                      const identity::RequestMeta& meta, std::int64_t id,
                                                      const Reschedule& change) {
  const auto now = clock_.now();
  if (change.starts_at <= now) return fail(ErrorCode::invalid, "must be in the future", "starts_at");
  if (change.starts_at > now + kLongestAhead) return fail(ErrorCode::invalid, "must lie within a year", "starts_at");
  return database_.transaction("appointment.reschedule", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(before, changeable(sql, actor, id, now));
    Appointment after = *before;
    after.rep_id = change.rep_id.value_or(before->rep_id);
    const auto length = change.duration_minutes
                            ? std::chrono::minutes{*change.duration_minutes}
                            : std::chrono::duration_cast<std::chrono::minutes>(before->ends_at - before->starts_at);
    after.starts_at = change.starts_at;
    after.ends_at = change.starts_at + length;
    const auto reps = campaigns::campaign_store::staff(sql, after.campaign_id).rep_ids;
    const auto rep = campaigns::rep_store::find(sql, actor.agency_id, after.rep_id);
    if (std::find(reps.begin(), reps.end(), after.rep_id) == reps.end() || !rep || !rep->active ||
        !campaigns::rep_store::lock_calendar(sql, actor.agency_id, after.rep_id)) {
      return fail(ErrorCode::invalid, "is not an active rep of the appointment's campaign", "rep_id");
    }
    if (!appointment_store::busy_of_rep(sql, after.rep_id, to_micros(after.starts_at), to_micros(after.ends_at), id)
             .empty()) {
      return fail(ErrorCode::conflict, fmt::format("{} is not free then", rep->name), "starts_at");
    }
    after.sequence = before->sequence + 1;
    after.state = "booked";  // a moved appointment needs the person's confirmation again
    after.updated_at = to_micros(now);
    appointment_store::update(sql, after);
    if (after.rep_id != before->rep_id) {
      // The rep who had it gets its cancellation; the person and the new rep the updated invitation.
      Appointment dropped = after;
      dropped.rep_id = before->rep_id;
      dropped.starts_at = before->starts_at;
      dropped.ends_at = before->ends_at;
      dropped.state = "cancelled";
      auto old_rep = parties_of(sql, dropped, site_);
      old_rep.person_email.clear();
      TT_TRY(cancelled, queue_invitations(sql, dropped, old_rep, after.updated_at));
    }
    TT_TRY(queued, queue_invitations(sql, after, parties_of(sql, after, site_), after.updated_at));
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, after.updated_at, "appointment.rescheduled", "appointment", id,
                                   {{"from", platform::iso8601(before->starts_at)},
                                    {"to", platform::iso8601(after.starts_at)},
                                    {"rep_id", after.rep_id}}));
    return to_json(after);
  });
}

Result<nlohmann::json> AppointmentChanges::cancel(const identity::Principal& actor, const identity::RequestMeta& meta,
                                                  std::int64_t id, const std::string& reason) {
  const auto now = clock_.now();
  return database_.transaction("appointment.cancel", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(appointment, changeable(sql, actor, id, now));
    appointment->state = "cancelled";
    appointment->cancel_reason = reason;
    appointment->sequence += 1;
    appointment->updated_at = to_micros(now);
    appointment_store::update(sql, *appointment);
    TT_TRY(queued, queue_invitations(sql, *appointment, parties_of(sql, *appointment, site_), appointment->updated_at));
    identity::audit_log::append(
        sql, identity::audit_entry(actor, meta, appointment->updated_at, "appointment.cancelled", "appointment", id,
                                   {{"reason", reason}}));
    return to_json(*appointment);
  });
}

Result<nlohmann::json> AppointmentChanges::record_outcome(const identity::Principal& actor,
                                                          const identity::RequestMeta& meta, std::int64_t id,
                                                          const OutcomeReport& report) {
  const auto now_us = to_micros(clock_.now());
  return database_.transaction("appointment.outcome", [&](soci::session& sql) -> Result<nlohmann::json> {
    auto appointment = appointment_store::find(sql, actor.agency_id, id);
    if (!appointment || !identity::can_see_client(actor, appointment->client_id)) {
      return fail(ErrorCode::not_found, "no such appointment", "id");
    }
    TT_TRY(checked, check_outcome(*appointment, report, now_us));
    appointments::record_outcome(sql, *appointment, report, now_us);
    nlohmann::json details = {{"outcome", report.outcome}};
    if (report.qualified) details["qualified"] = *report.qualified;
    if (!report.note.empty()) details["note"] = report.note;
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, now_us, "appointment." + report.outcome,
                                                           "appointment", id, std::move(details)));
    return to_json(*appointment);
  });
}

Result<nlohmann::json> AppointmentChanges::call_to_confirm(const identity::Principal& actor,
                                                           const identity::RequestMeta& meta, std::int64_t id) {
  const auto now = clock_.now();
  return database_.transaction("appointment.call_to_confirm", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(appointment, changeable(sql, actor, id, now));
    const auto callback_id =
        call_again(sql, *appointment,
                   "Termin am " + german_time(appointment->starts_at, appointment->time_zone) + " erneut bestätigen",
                   to_micros(now));
    identity::audit_log::append(sql, identity::audit_entry(actor, meta, to_micros(now), "appointment.call_to_confirm",
                                                           "appointment", id, {{"callback_id", callback_id}}));
    return nlohmann::json{{"callback_id", callback_id}};
  });
}

}  // namespace termintreu::appointments
