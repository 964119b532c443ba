#include "appointments/rep_busy_store.hpp"

#include "platform/db/query.hpp"

namespace termintreu::appointments::rep_busy_store {
namespace {

constexpr const char* kDeleteCalendar =
    "DELETE FROM rep_busy WHERE rep_id = :rep_id AND agency_id = :agency_id AND source = 'calendar'";
constexpr const char* kInsert =
    "INSERT INTO rep_busy (agency_id, rep_id, starts_at, ends_at, source, title, created_at) VALUES "
    "(:agency_id, :rep_id, :starts_at, :ends_at, 'calendar', :title, :now)";

}  // namespace

std::size_t replace_from_calendar(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                                  const std::vector<ImportedBusy>& entries, std::int64_t now) {
  const long long agency = agency_id, rep = rep_id, at = now;
  platform::db::execute(sql, kDeleteCalendar, rep, agency);
  for (const auto& entry : entries) {
    const long long starts = platform::to_micros(entry.starts), ends = platform::to_micros(entry.ends);
    platform::db::execute(sql, kInsert, agency, rep, starts, ends, entry.title, at);
  }
  return entries.size();
}

}  // namespace termintreu::appointments::rep_busy_store
