#include "identity/audit_log.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"
#include "platform/time_text.hpp"

namespace termintreu::identity::audit_log {
namespace {

constexpr const char* kAppend =
    "INSERT INTO audit_log (agency_id, at, actor_user_id, actor_token_id, action, target_type, target_id, ip, "
    "request_id, details) VALUES (:agency_id, :at, :actor_user_id, :actor_token_id, :action, :target_type, "
    ":target_id, :ip, :request_id, :details)";
constexpr const char* kPage =
    "SELECT a.id, a.agency_id, a.at, a.actor_user_id, u.name, a.actor_token_id, a.action, a.target_type, "
    "a.target_id, a.ip, a.request_id, a.details FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id "
    "WHERE a.agency_id = :agency_id AND a.id < :before_id ORDER BY a.id DESC LIMIT :limit";
constexpr const char* kOfTarget =
    "SELECT a.id, a.agency_id, a.at, a.actor_user_id, u.name, a.actor_token_id, a.action, a.target_type, "
    "a.target_id, a.ip, a.request_id, a.details FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id "
    "WHERE a.agency_id = :agency_id AND a.target_type = :target_type AND a.target_id = :target_id ORDER BY a.id";

std::optional<long long> column(const std::optional<std::int64_t>& value) {
  if (!value) return std::nullopt;
  return static_cast<long long>(*value);
}

struct EntryRow {
  long long id = 0, at = 0;
  std::optional<long long> agency_id, actor_user_id, actor_token_id, target_id;
  std::optional<std::string> actor_name;
  std::string action, target_type, ip, request_id, details;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(at));
    st.exchange(soci::into(actor_user_id));
    st.exchange(soci::into(actor_name));
    st.exchange(soci::into(actor_token_id));
    st.exchange(soci::into(action));
    st.exchange(soci::into(target_type));
    st.exchange(soci::into(target_id));
    st.exchange(soci::into(ip));
    st.exchange(soci::into(request_id));
    st.exchange(soci::into(details));
  }
  Entry to_model() const {
    Entry e;
    e.id = id;
    if (agency_id) e.agency_id = *agency_id;
    e.at = at;
    if (actor_user_id) e.actor_user_id = *actor_user_id;
    e.actor_name = actor_name;
    if (actor_token_id) e.actor_token_id = *actor_token_id;
    e.action = action;
    e.target_type = target_type;
    if (target_id) e.target_id = *target_id;
    e.ip = ip;
    e.request_id = request_id;
    e.details = nlohmann::json::parse(details, nullptr, false);
    if (e.details.is_discarded()) e.details = nlohmann::json::object();
    return e;
  }
};

}  // namespace

void append(soci::session& sql, const Entry& entry) {
  const auto agency_id = column(entry.agency_id), actor_user_id = column(entry.actor_user_id),
             actor_token_id = column(entry.actor_token_id), target_id = column(entry.target_id);
  const long long at = entry.at;
  const std::string details = entry.details.dump();
  platform::db::execute(sql, kAppend, agency_id, at, actor_user_id, actor_token_id, entry.action, entry.target_type,
                        target_id, entry.ip, entry.request_id, details);
}

std::vector<Entry> page(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> before_id, int limit) {
  const long long agency = agency_id, before = before_id.value_or(std::numeric_limits<long long>::max()),
                  count = limit;
  return platform::db::fetch_rows<EntryRow>(sql, kPage, agency, before, count);
}

std::vector<Entry> of_target(soci::session& sql, std::int64_t agency_id, const std::string& target_type,
                             std::int64_t target_id) {
  const long long agency = agency_id, target = target_id;
  return platform::db::fetch_rows<EntryRow>(sql, kOfTarget, agency, target_type, target);
}

nlohmann::json to_json(const Entry& entry) {
  using platform::iso8601_or_null;
  auto nullable = [](const auto& value) -> nlohmann::json {
    if (!value) return nullptr;
    return *value;
  };
  return {{"id", entry.id},
          {"at", iso8601_or_null(entry.at)},
          {"actor_user_id", nullable(entry.actor_user_id)},
          {"actor_name", nullable(entry.actor_name)},
          {"actor_token_id", nullable(entry.actor_token_id)},
          {"action", entry.action},
          {"target_type", entry.target_type},
          {"target_id", nullable(entry.target_id)},
          {"ip", entry.ip},
          {"request_id", entry.request_id},
          {"details", entry.details}};
}

}  // namespace termintreu::identity::audit_log
