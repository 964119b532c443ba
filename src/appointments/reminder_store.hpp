#pragma once
// SQL of appointment reminders: the appointments a reminder may be due for, and claiming one reminder (the
// appointment_reminders row), which succeeds once per appointment, sequence and offset, also across servers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

namespace termintreu::appointments::reminder_store {

struct Upcoming {
  std::int64_t appointment_id = 0;
  std::int64_t agency_id = 0;
  std::int64_t starts_at = 0;
  std::int64_t created_at = 0;
  int sequence = 0;
  std::string reminder_offsets;  // the campaign's, "1440,120": minutes before the start
  int smallest_claimed = 0;      // the smallest offset already recorded for this sequence; 0: none
};

// Booked or confirmed appointments starting after `now` and no later than `horizon`, earliest first.
std::vector<Upcoming> upcoming(soci::session& sql, std::int64_t now, std::int64_t horizon, int limit);

// True when this call recorded the reminder (queue its mails); false when it was recorded before.
bool claim(soci::session& sql, std::int64_t appointment_id, int sequence, int offset_minutes, std::int64_t now);

// The campaign's reminder offsets ("1440,120"); nullopt for no such campaign of the agency.
std::optional<std::string> offsets_of(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id);
void set_offsets(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, const std::string& offsets);

}  // namespace termintreu::appointments::reminder_store
