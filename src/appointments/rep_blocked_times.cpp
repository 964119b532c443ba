#include "appointments/rep_blocked_times.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appointments/rep_busy_store.hpp"
#include "calling/outcome_input.hpp"
#include "campaigns/rep_store.hpp"
#include "identity/audit_log.hpp"
#include "platform/time_text.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

constexpr std::size_t kMaxTitleBytes = 200;

Result<void> visible(soci::session& sql, const identity::Principal& viewer, std::int64_t rep_id) {
  const auto rep = campaigns::rep_store::find(sql, viewer.agency_id, rep_id);
  if (!rep || !identity::can_see_client(viewer, rep->client_id)) return fail(ErrorCode::not_found, "no such rep", "id");
  return {};
}

nlohmann::json list_json(const std::vector<ImportedBusy>& entries) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : entries) {
    out.push_back(
        {{"starts_at", platform::iso8601(e.starts)}, {"ends_at", platform::iso8601(e.ends)}, {"title", e.title}});
  }
  return {{"blocked_times", std::move(out)}};
}

Result<ImportedBusy> entry_of(const nlohmann::json& item, const std::string& at, platform::TimePoint now) {
  if (!item.is_object()) return fail(ErrorCode::invalid, "must be an object with starts_at and ends_at", at);
  for (const auto& [name, value] : item.items()) {
    if (name != "starts_at" && name != "ends_at" && name != "title") {
      return fail(ErrorCode::invalid, "is not a field of a blocked time", at + "." + name);
    }
  }
  ImportedBusy entry;
  const auto starts = item.find("starts_at");
  const auto ends = item.find("ends_at");
  if (starts == item.end()) return fail(ErrorCode::invalid, "is required", at + ".starts_at");
  if (ends == item.end()) return fail(ErrorCode::invalid, "is required", at + ".ends_at");
  TT_TRY(from, calling::time_field(*starts, at + ".starts_at"));
  TT_TRY(to, calling::time_field(*ends, at + ".ends_at"));
  if (*to <= *from) return fail(ErrorCode::invalid, "must lie after starts_at", at + ".ends_at");
  if (*to <= now) return fail(ErrorCode::invalid, "lies in the past", at + ".ends_at");
  if (*to - *from > kLongestBlockedTime)
    return fail(ErrorCode::invalid, "must be at most 92 days after starts_at", at + ".ends_at");
  if (const auto title = item.find("title"); title != item.end()) {
    if (!title->is_string()) return fail(ErrorCode::invalid, "must be text", at + ".title");
    entry.title = title->get<std::string>();
    if (entry.title.size() > kMaxTitleBytes)
      return fail(ErrorCode::invalid, "must be at most 200 characters", at + ".title");
  }
  entry.starts = *from;
  entry.ends = *to;
  return entry;
}

}  // namespace

Result<nlohmann::json> blocked_times(platform::db::Database& database, const platform::Clock& clock,
                                     const identity::Principal& viewer, std::int64_t rep_id) {
  auto lease = database.session();
  TT_TRY(seen, visible(*lease, viewer, rep_id));
  return list_json(rep_busy_store::blocked_of(*lease, viewer.agency_id, rep_id, platform::to_micros(clock.now())));
}

Result<nlohmann::json> set_blocked_times(platform::db::Database& database, const platform::Clock& clock,
                                         const identity::Principal& manager, const identity::RequestMeta& meta,
                                         std::int64_t rep_id, const nlohmann::json& list) {
  if (!list.is_array()) return fail(ErrorCode::invalid, "must be a list of blocked times", "blocked_times");
  if (list.size() > kMaxBlockedTimes) {
    return fail(ErrorCode::invalid, fmt::format("must hold at most {} blocked times", kMaxBlockedTimes),
                "blocked_times");
  }
  const auto now = clock.now();
  std::vector<ImportedBusy> entries;
  for (std::size_t i = 0; i < list.size(); ++i) {
    TT_TRY(entry, entry_of(list[i], fmt::format("blocked_times[{}]", i), now));
    entries.push_back(std::move(*entry));
  }
  const auto at = platform::to_micros(now);
  return database.transaction("rep.blocked_times", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(seen, visible(sql, manager, rep_id));
    rep_busy_store::replace_blocked(sql, manager.agency_id, rep_id, entries, at);
    identity::audit_log::append(sql, identity::audit_entry(manager, meta, at, "rep.blocked_times_set", "rep", rep_id,
                                                           {{"count", entries.size()}}));
    return list_json(rep_busy_store::blocked_of(sql, manager.agency_id, rep_id, at));
  });
}

}  // namespace termintreu::appointments
