#include "appointments/call_again.hpp"

#include <algorithm>

#include "calling/callback_store.hpp"
#include "calling/queue_store.hpp"

namespace termintreu::appointments {

std::int64_t call_again(soci::session& sql, const Appointment& a, const std::string& note, std::int64_t now) {
  for (const auto& open : calling::callback_store::of_lead(sql, a.agency_id, a.lead_id)) {
    if (open.state != "pending") continue;
    // One callback on a lead at a time: the newer reason replaces the older, due now at the latest.
    calling::callback_store::renew(sql, open.id, note, std::min(open.due_at, now), now);
    return open.id;
  }
  calling::Callback callback;
  callback.agency_id = a.agency_id;
  callback.campaign_id = a.campaign_id;
  callback.lead_id = a.lead_id;
  callback.kind = "general";
  callback.owner_id = a.booked_by;
  callback.assigned_to = a.booked_by;  // in their list of callbacks due; a general one anyone may take
  callback.due_at = now;
  callback.promised_in = a.attempt_id;
  callback.note = note;
  callback.created_at = now;
  const auto id = calling::callback_store::insert(sql, callback);
  calling::queue_store::close(sql, a.lead_id, "callback_due", now);
  return id;
}

}  // namespace termintreu::appointments
