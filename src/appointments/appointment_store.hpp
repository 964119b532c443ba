#pragma once
// SQL for appointments and for the times a rep is not available. Times are microseconds since the Unix epoch.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "appointments/appointment.hpp"
#include "appointments/appointment_risk.hpp"
#include "appointments/slot_finder.hpp"

namespace termintreu::appointments::appointment_store {

std::int64_t insert(soci::session& sql, const Appointment& appointment);
std::optional<Appointment> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// Of any agency: for the signed links in mails, whose claim names the appointment.
std::optional<Appointment> find_any(soci::session& sql, std::int64_t id);
// Writes the appointment's rep, times, place, state, sequence, qualification and cancel reason.
void update(soci::session& sql, const Appointment& appointment);

// What keeps a rep from a new appointment between `from` and `to`: its appointments that are not cancelled (at
// their place) and its blocked times (no place). `except` leaves one appointment out (when it is being moved).
std::vector<BusyTime> busy_of_rep(soci::session& sql, std::int64_t rep_id, std::int64_t from, std::int64_t to,
                                  std::optional<std::int64_t> except = std::nullopt);

struct ListFilter {
  std::optional<std::int64_t> campaign_id;
  std::optional<std::int64_t> client_id;
  std::optional<std::int64_t> rep_id;
  std::optional<std::int64_t> lead_id;
  std::optional<std::int64_t> from;  // starts at or after
  std::optional<std::int64_t> to;    // starts before
  std::optional<std::string> state;
  int limit = 100;
  int offset = 0;
};
// Appointments of the agency matching `filter`, in time order, with names for the list.
std::vector<AppointmentView> list(soci::session& sql, std::int64_t agency_id, const ListFilter& filter);
std::int64_t count(soci::session& sql, std::int64_t agency_id, const ListFilter& filter);

// The appointments of `filter` with what decides whether they are at risk (appointment_risk.hpp).
struct WithRiskFacts {
  AppointmentView view;
  RiskFacts facts;
};
std::vector<WithRiskFacts> with_risk_facts(soci::session& sql, std::int64_t agency_id, const ListFilter& filter);

// Counts per rep of the campaign's appointments (not cancelled before they were due): for the confirmation and
// no-show rates.
struct RepCounts {
  std::int64_t rep_id = 0;
  std::string rep_name;
  std::int64_t appointments = 0;  // all of the campaign's for this rep
  std::int64_t confirmed = 0;     // the person confirmed (whatever happened after)
  std::int64_t held = 0;
  std::int64_t qualified = 0;  // held and qualified
  std::int64_t no_show = 0;
  std::int64_t cancelled = 0;
};
std::vector<RepCounts> counts_by_rep(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id);

}  // namespace termintreu::appointments::appointment_store
