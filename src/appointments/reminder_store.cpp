#include "appointments/reminder_store.hpp"

#include "platform/db/query.hpp"

namespace termintreu::appointments::reminder_store {
namespace {

constexpr const char* kUpcoming =
    "SELECT a.id, a.agency_id, a.starts_at, a.created_at, a.sequence, c.reminder_offsets, "
    "COALESCE((SELECT MIN(r.offset_minutes) FROM appointment_reminders r WHERE r.appointment_id = a.id "
    "AND r.sequence = a.sequence), 0) FROM appointments a "
    "JOIN campaigns c ON c.id = a.campaign_id WHERE a.state IN ('booked', 'confirmed') AND a.starts_at > :now "
    "AND a.starts_at <= :horizon ORDER BY a.starts_at, a.id LIMIT :limit";
constexpr const char* kClaim =
    "INSERT INTO appointment_reminders (appointment_id, sequence, offset_minutes, queued_at) "
    "VALUES (:appointment_id, :sequence, :offset_minutes, :now) ON CONFLICT DO NOTHING";

constexpr const char* kOffsets = "SELECT reminder_offsets FROM campaigns WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSetOffsets =
    "UPDATE campaigns SET reminder_offsets = :offsets WHERE id = :id AND agency_id = :agency_id";

struct UpcomingRow {
  long long id = 0, agency_id = 0, starts_at = 0, created_at = 0, sequence = 0;
  std::string reminder_offsets;
  long long smallest_claimed = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(starts_at));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(sequence));
    st.exchange(soci::into(reminder_offsets));
    st.exchange(soci::into(smallest_claimed));
  }
  Upcoming to_model() const {
    return {id,
            agency_id,
            starts_at,
            created_at,
            static_cast<int>(sequence),
            reminder_offsets,
            static_cast<int>(smallest_claimed)};
  }
};

}  // namespace

std::vector<Upcoming> upcoming(soci::session& sql, std::int64_t now, std::int64_t horizon, int limit) {
  const long long from = now, to = horizon, most = limit;
  return platform::db::fetch_rows<UpcomingRow>(sql, kUpcoming, from, to, most);
}

bool claim(soci::session& sql, std::int64_t appointment_id, int sequence, int offset_minutes, std::int64_t now) {
  const long long id = appointment_id, seq = sequence, offset = offset_minutes, at = now;
  return platform::db::execute(sql, kClaim, id, seq, offset, at) == 1;
}

std::optional<std::string> offsets_of(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  const long long id = campaign_id, agency = agency_id;
  return platform::db::fetch_value<std::string>(sql, kOffsets, id, agency);
}

void set_offsets(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, const std::string& offsets) {
  const long long id = campaign_id, agency = agency_id;
  platform::db::execute(sql, kSetOffsets, offsets, id, agency);
}

}  // namespace termintreu::appointments::reminder_store
