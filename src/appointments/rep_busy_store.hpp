#pragma once
// SQL for the times a rep is not available: those imported from its own calendar are replaced as a whole on every
// import, so an event deleted there frees the time here too; those blocked by hand (holidays, a trade fair) are
// replaced as a whole when the list is saved.
#include <cstdint>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "appointments/calendar_import.hpp"

namespace termintreu::appointments::rep_busy_store {

// Replaces the rep's calendar-imported busy times by `entries`; returns how many were written.
std::size_t replace_from_calendar(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                                  const std::vector<ImportedBusy>& entries, std::int64_t now);

// The rep's blocked times entered by hand that end after `after`, earliest first.
std::vector<ImportedBusy> blocked_of(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                                     std::int64_t after);
// Replaces the rep's blocked times entered by hand by `entries`.
void replace_blocked(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                     const std::vector<ImportedBusy>& entries, std::int64_t now);

}  // namespace termintreu::appointments::rep_busy_store
