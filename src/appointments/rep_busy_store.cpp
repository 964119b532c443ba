#include "appointments/rep_busy_store.hpp"

#include "platform/db/query.hpp"

namespace termintreu::appointments::rep_busy_store {
namespace {

constexpr const char* kDeleteOfSource =
    "DELETE FROM rep_busy WHERE rep_id = :rep_id AND agency_id = :agency_id AND source = :source";
constexpr const char* kInsert =
    "INSERT INTO rep_busy (agency_id, rep_id, starts_at, ends_at, source, title, created_at) VALUES "
    "(:agency_id, :rep_id, :starts_at, :ends_at, :source, :title, :now)";
constexpr const char* kBlocked =
    "SELECT starts_at, ends_at, title FROM rep_busy WHERE rep_id = :rep_id AND agency_id = :agency_id "
    "AND source = 'manual' AND ends_at > :after ORDER BY starts_at, id";

struct BlockedRow {
  long long starts = 0, ends = 0;
  std::string title;
  void bind(soci::statement& st) {
    st.exchange(soci::into(starts));
    st.exchange(soci::into(ends));
    st.exchange(soci::into(title));
  }
  ImportedBusy to_model() const { return {platform::from_micros(starts), platform::from_micros(ends), title}; }
};

void replace_of_source(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id, const std::string& source,
                       const std::vector<ImportedBusy>& entries, std::int64_t now) {
  const long long agency = agency_id, rep = rep_id, at = now;
  platform::db::execute(sql, kDeleteOfSource, rep, agency, source);
  for (const auto& entry : entries) {
    const long long starts = platform::to_micros(entry.starts), ends = platform::to_micros(entry.ends);
    platform::db::execute(sql, kInsert, agency, rep, starts, ends, source, entry.title, at);
  }
}

}  // namespace

std::size_t replace_from_calendar(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                                  const std::vector<ImportedBusy>& entries, std::int64_t now) {
  replace_of_source(sql, agency_id, rep_id, "calendar", entries, now);
  return entries.size();
}

std::vector<ImportedBusy> blocked_of(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                                     std::int64_t after) {
  const long long rep = rep_id, agency = agency_id, from = after;
  return platform::db::fetch_rows<BlockedRow>(sql, kBlocked, rep, agency, from);
}

void replace_blocked(soci::session& sql, std::int64_t agency_id, std::int64_t rep_id,
                     const std::vector<ImportedBusy>& entries, std::int64_t now) {
  replace_of_source(sql, agency_id, rep_id, "manual", entries, now);
}

}  // namespace termintreu::appointments::rep_busy_store
