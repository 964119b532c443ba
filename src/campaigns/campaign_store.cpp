#include "campaigns/campaign_store.hpp"

#include <algorithm>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "campaigns/campaign_rules.hpp"
#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::campaigns::campaign_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO campaigns (agency_id, client_id, name, state, goal_kind, goal_target, starts_on, ends_on, country, "
    "caller_id, calling_rules, billing, script, qualification, info_mail, created_at, updated_at) VALUES (:agency_id, "
    ":client_id, :name, :state, :goal_kind, :goal_target, :starts_on, :ends_on, :country, :caller_id, "
    ":calling_rules, :billing, :script, :qualification, :info_mail, :now, :now2) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE campaigns SET name = :name, goal_kind = :goal_kind, goal_target = :goal_target, starts_on = :starts_on, "
    "ends_on = :ends_on, country = :country, caller_id = :caller_id, calling_rules = :calling_rules, "
    "billing = :billing, script = :script, qualification = :qualification, info_mail = :info_mail, "
    "archived_at = CASE WHEN :archived = 1 THEN COALESCE(archived_at, :now) ELSE NULL END, "
    "updated_at = :now2 WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kSetState = "UPDATE campaigns SET state = :state, updated_at = :now WHERE id = :id";
constexpr const char* kSelect =
    "SELECT k.id, k.agency_id, k.client_id, c.name, k.name, k.state, k.archived_at, k.goal_kind, k.goal_target, "
    "k.starts_on, k.ends_on, k.country, k.caller_id, k.calling_rules, k.billing, k.script, k.qualification, "
    "k.info_mail FROM campaigns k JOIN clients c ON c.id = k.client_id ";
constexpr const char* kNameTaken =
    "SELECT COUNT(*) FROM campaigns WHERE client_id = :client_id AND name = :name AND id <> :id";

constexpr const char* kMembers = "SELECT user_id, member_role FROM campaign_members WHERE campaign_id = :id ORDER BY user_id";
constexpr const char* kReps = "SELECT rep_id FROM campaign_reps WHERE campaign_id = :id ORDER BY rep_id";
constexpr const char* kDeleteMembers = "DELETE FROM campaign_members WHERE campaign_id = :id";
constexpr const char* kInsertMember =
    "INSERT INTO campaign_members (campaign_id, user_id, member_role) VALUES (:campaign_id, :user_id, :role)";
constexpr const char* kDeleteReps = "DELETE FROM campaign_reps WHERE campaign_id = :id";
constexpr const char* kInsertRep = "INSERT INTO campaign_reps (campaign_id, rep_id) VALUES (:campaign_id, :rep_id)";
constexpr const char* kUserRole =
    "SELECT role FROM users WHERE id = :id AND agency_id = :agency_id AND active = 1";
constexpr const char* kRepOfClient = "SELECT COUNT(*) FROM reps WHERE id = :id AND client_id = :client_id";

constexpr const char* kNextVersion =
    "SELECT COALESCE(MAX(version), 0) + 1 FROM campaign_briefings WHERE campaign_id = :id";
constexpr const char* kInsertBriefing =
    "INSERT INTO campaign_briefings (agency_id, campaign_id, version, body, created_by, created_at) "
    "VALUES (:agency_id, :campaign_id, :version, :body, :created_by, :now) RETURNING id";
constexpr const char* kSelectBriefings =
    "SELECT b.id, b.campaign_id, b.version, b.body, b.created_by, COALESCE(u.name, ''), b.created_at, "
    "(SELECT COUNT(*) FROM briefing_acknowledgements a WHERE a.briefing_id = b.id) "
    "FROM campaign_briefings b LEFT JOIN users u ON u.id = b.created_by WHERE b.campaign_id = :id "
    "ORDER BY b.version DESC";
constexpr const char* kLatestOnly = " LIMIT 1";
constexpr const char* kAcknowledge =
    "INSERT INTO briefing_acknowledgements (briefing_id, user_id, acknowledged_at) VALUES (:briefing_id, :user_id, "
    ":now) ON CONFLICT (briefing_id, user_id) DO NOTHING";
constexpr const char* kAcknowledgedAt =
    "SELECT acknowledged_at FROM briefing_acknowledgements WHERE briefing_id = :briefing_id AND user_id = :user_id";

nlohmann::json parse_stored(const std::string& text, const char* column) {
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) throw std::runtime_error(std::string("campaigns.") + column + " holds invalid JSON");
  return json;
}

template <class T>
T checked(platform::Result<T> parsed, const char* column) {
  if (!parsed) throw std::runtime_error(std::string("campaigns.") + column + " no longer passes: " + parsed.error().message);
  return std::move(*parsed);
}

struct CampaignRow {
  long long id = 0, agency_id = 0, client_id = 0, goal_target = 0;
  std::optional<long long> archived_at;
  std::string client_name, name, state, goal_kind, country, calling_rules, billing, script, qualification,
      info_mail;
  std::optional<std::string> starts_on, ends_on, caller_id;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(client_name));
    st.exchange(soci::into(name));
    st.exchange(soci::into(state));
    st.exchange(soci::into(archived_at));
    st.exchange(soci::into(goal_kind));
    st.exchange(soci::into(goal_target));
    st.exchange(soci::into(starts_on));
    st.exchange(soci::into(ends_on));
    st.exchange(soci::into(country));
    st.exchange(soci::into(caller_id));
    st.exchange(soci::into(calling_rules));
    st.exchange(soci::into(billing));
    st.exchange(soci::into(script));
    st.exchange(soci::into(qualification));
    st.exchange(soci::into(info_mail));
  }
  Campaign to_model() const {
    Campaign c;
    c.id = id;
    c.agency_id = agency_id;
    c.client_id = client_id;
    c.client_name = client_name;
    c.name = name;
    c.state = state;
    c.archived = archived_at.has_value();
    c.goal_kind = goal_kind;
    c.goal_target = goal_target;
    c.starts_on = starts_on;
    c.ends_on = ends_on;
    c.country = country;
    c.caller_id = caller_id;
    c.calling_rules = stored_calling_rules(calling_rules);
    c.billing = checked(billing_from_json(parse_stored(billing, "billing")), "billing");
    c.script = checked(script_from_json(parse_stored(script, "script")), "script");
    c.qualification = checked(qualification_from_json(parse_stored(qualification, "qualification")), "qualification");
    c.info_mail = checked(info_mail_from_json(parse_stored(info_mail, "info_mail")), "info_mail");
    return c;
  }
};

struct BriefingRow {
  long long id = 0, campaign_id = 0, version = 0, created_at = 0, acknowledgements = 0;
  std::optional<long long> created_by;
  std::string body, created_by_name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(version));
    st.exchange(soci::into(body));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_by_name));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(acknowledgements));
  }
  Briefing to_model() const {
    return Briefing{id, campaign_id, version, body, created_by, created_by_name, created_at, acknowledgements};
  }
};

// The stored text of each JSON document.
struct Documents {
  std::string calling_rules, billing, script, qualification, info_mail;
  explicit Documents(const Campaign& c)
      : calling_rules(to_json(c.calling_rules).dump()),
        billing(to_json(c.billing).dump()),
        script(to_json(c.script).dump()),
        qualification(qualification_to_json(c.qualification).dump()),
        info_mail(to_json(c.info_mail).dump()) {}
};

}  // namespace

CallingRules stored_calling_rules(const std::string& text) {
  if (text.empty()) return legal_limits();
  return checked(calling_rules_from_json(parse_stored(text, "calling_rules")), "calling_rules");
}

std::int64_t insert(soci::session& sql, const Campaign& c, std::int64_t now) {
  long long id = 0;
  const long long agency_id = c.agency_id, client_id = c.client_id, goal_target = c.goal_target, at = now;
  const Documents docs(c);
  sql << kInsert, soci::use(agency_id), soci::use(client_id), soci::use(c.name), soci::use(c.state),
      soci::use(c.goal_kind), soci::use(goal_target), soci::use(c.starts_on), soci::use(c.ends_on),
      soci::use(c.country), soci::use(c.caller_id), soci::use(docs.calling_rules), soci::use(docs.billing),
      soci::use(docs.script), soci::use(docs.qualification), soci::use(docs.info_mail), soci::use(at), soci::use(at),
      soci::into(id);
  return id;
}

void update(soci::session& sql, const Campaign& c, std::int64_t now) {
  const long long id = c.id, agency_id = c.agency_id, goal_target = c.goal_target, at = now;
  const int archived = c.archived ? 1 : 0;
  const Documents docs(c);
  platform::db::execute(sql, kUpdate, c.name, c.goal_kind, goal_target, c.starts_on, c.ends_on, c.country, c.caller_id,
                        docs.calling_rules, docs.billing, docs.script, docs.qualification, docs.info_mail, archived, at,
                        at, id, agency_id);
}

void set_state(soci::session& sql, std::int64_t id, const std::string& state, std::int64_t now) {
  const long long campaign = id, at = now;
  platform::db::execute(sql, kSetState, state, at, campaign);
}

std::optional<Campaign> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<CampaignRow>(
      sql, kSelect + std::string("WHERE k.id = :id AND k.agency_id = :agency_id"), wanted, agency);
}

std::vector<Campaign> list(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> client_id) {
  const long long agency = agency_id;
  if (client_id) {
    const long long client = *client_id;
    return platform::db::fetch_rows<CampaignRow>(
        sql, kSelect + std::string("WHERE k.agency_id = :agency_id AND k.client_id = :client_id ORDER BY k.name"),
        agency, client);
  }
  return platform::db::fetch_rows<CampaignRow>(
      sql, kSelect + std::string("WHERE k.agency_id = :agency_id ORDER BY c.name, k.name"), agency);
}

bool name_taken(soci::session& sql, std::int64_t client_id, const std::string& name, std::int64_t except_id) {
  long long count = 0;
  const long long client = client_id, except = except_id;
  sql << kNameTaken, soci::use(client), soci::use(name), soci::use(except), soci::into(count);
  return count > 0;
}

CampaignStaff staff(soci::session& sql, std::int64_t campaign_id) {
  CampaignStaff out;
  const long long id = campaign_id;
  long long user_id = 0;
  std::string role;
  soci::statement members = (sql.prepare << kMembers, soci::use(id), soci::into(user_id), soci::into(role));
  if (members.execute(true)) {
    do {
      (role == "agent" ? out.agents : out.specialists).push_back(user_id);
    } while (members.fetch());
  }
  long long rep_id = 0;
  soci::statement reps = (sql.prepare << kReps, soci::use(id), soci::into(rep_id));
  if (reps.execute(true)) {
    do {
      out.rep_ids.push_back(rep_id);
    } while (reps.fetch());
  }
  return out;
}

void replace_members(soci::session& sql, std::int64_t campaign_id, const std::vector<std::int64_t>& agents,
                     const std::vector<std::int64_t>& specialists) {
  const long long id = campaign_id;
  platform::db::execute(sql, kDeleteMembers, id);
  for (const auto& [ids, role] : {std::pair{&agents, std::string("agent")}, std::pair{&specialists, std::string("specialist")}}) {
    for (const auto user : *ids) {
      const long long user_id = user;
      platform::db::execute(sql, kInsertMember, id, user_id, role);
    }
  }
}

void replace_reps(soci::session& sql, std::int64_t campaign_id, const std::vector<std::int64_t>& rep_ids) {
  const long long id = campaign_id;
  platform::db::execute(sql, kDeleteReps, id);
  for (const auto rep : rep_ids) {
    const long long rep_id = rep;
    platform::db::execute(sql, kInsertRep, id, rep_id);
  }
}

std::vector<std::int64_t> users_with_roles(soci::session& sql, std::int64_t agency_id,
                                           const std::vector<std::int64_t>& user_ids,
                                           const std::vector<std::string>& roles) {
  std::vector<std::int64_t> out;
  const long long agency = agency_id;
  for (const auto user : user_ids) {
    const long long id = user;
    std::string role;
    sql << kUserRole, soci::use(id), soci::use(agency), soci::into(role);
    if (sql.got_data() && std::find(roles.begin(), roles.end(), role) != roles.end()) out.push_back(user);
  }
  return out;
}

std::vector<std::int64_t> reps_of_client(soci::session& sql, std::int64_t client_id,
                                         const std::vector<std::int64_t>& rep_ids) {
  std::vector<std::int64_t> out;
  const long long client = client_id;
  for (const auto rep : rep_ids) {
    const long long id = rep;
    long long count = 0;
    sql << kRepOfClient, soci::use(id), soci::use(client), soci::into(count);
    if (count > 0) out.push_back(rep);
  }
  return out;
}

Briefing insert_briefing(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, const std::string& body,
                         std::optional<std::int64_t> user_id, std::int64_t now) {
  const long long agency = agency_id, campaign = campaign_id, at = now;
  long long version = 0, id = 0;
  sql << kNextVersion, soci::use(campaign), soci::into(version);
  const std::optional<long long> created_by = user_id ? std::optional<long long>(*user_id) : std::nullopt;
  sql << kInsertBriefing, soci::use(agency), soci::use(campaign), soci::use(version), soci::use(body),
      soci::use(created_by), soci::use(at), soci::into(id);
  return *current_briefing(sql, campaign_id);
}

std::vector<Briefing> briefings(soci::session& sql, std::int64_t campaign_id) {
  const long long id = campaign_id;
  return platform::db::fetch_rows<BriefingRow>(sql, kSelectBriefings, id);
}

std::optional<Briefing> current_briefing(soci::session& sql, std::int64_t campaign_id) {
  const long long id = campaign_id;
  return platform::db::fetch_one<BriefingRow>(sql, kSelectBriefings + std::string(kLatestOnly), id);
}

void acknowledge(soci::session& sql, std::int64_t briefing_id, std::int64_t user_id, std::int64_t now) {
  const long long briefing = briefing_id, user = user_id, at = now;
  platform::db::execute(sql, kAcknowledge, briefing, user, at);
}

std::optional<std::int64_t> acknowledged_at(soci::session& sql, std::int64_t briefing_id, std::int64_t user_id) {
  const long long briefing = briefing_id, user = user_id;
  return platform::db::fetch_value<long long>(sql, kAcknowledgedAt, briefing, user);
}

}  // namespace termintreu::campaigns::campaign_store
