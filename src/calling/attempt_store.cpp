#include "calling/attempt_store.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "calling/call_ledger.hpp"
#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::calling::attempt_store {
namespace {

// The campaign must be the agency's; on PostgreSQL the same statement takes the chain's lock (one round trip).
constexpr const char* kLockPostgresql =
    "SELECT COUNT(pg_advisory_xact_lock(:key_space, :campaign_key)) FROM campaigns WHERE id = :campaign_id AND "
    "agency_id = :agency_id";
constexpr int kChainLockSpace = 7418;  // an arbitrary number naming "call ledger" among advisory locks (consent: 7417)
constexpr const char* kCampaignOfAgency =
    "SELECT COUNT(*) FROM campaigns WHERE id = :campaign_id AND agency_id = :agency_id";
// By campaign alone: lock_chain has just found the campaign to be the agency's. With the agency in the condition,
// PostgreSQL planned from statistics of a smaller table a bitmap AND with the agency's index, reading every attempt
// of the agency on every append; this way it is one step back along (campaign_id, seq).
constexpr const char* kHead =
    "SELECT seq, hash FROM call_attempts WHERE campaign_id = :campaign_id ORDER BY seq DESC LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO call_attempts (agency_id, campaign_id, seq, lead_id, person_id, agent_id, phone, caller_id, outcome, "
    "reason, note_sha256, started_at, ended_at, talk_seconds, callback_at, corrects_seq, recorded_at, prev_hash, hash) "
    "VALUES (:agency_id, :campaign_id, :seq, :lead_id, :person_id, :agent_id, :phone, :caller_id, :outcome, :reason, "
    ":note_sha256, :started_at, :ended_at, :talk_seconds, :callback_at, :corrects_seq, :recorded_at, :prev_hash, "
    ":hash) RETURNING id";
constexpr const char* kInsertNote = "INSERT INTO call_notes (attempt_id, note) VALUES (:attempt_id, :note)";
constexpr const char* kSelect =
    "SELECT a.id, a.agency_id, a.campaign_id, a.seq, a.lead_id, a.person_id, a.agent_id, a.phone, a.caller_id, "
    "a.outcome, a.reason, a.note_sha256, a.started_at, a.ended_at, a.talk_seconds, a.callback_at, a.corrects_seq, "
    "a.recorded_at, a.prev_hash, a.hash, {} FROM call_attempts a {}";
constexpr const char* kOfLead =
    "WHERE a.agency_id = :agency_id AND a.lead_id = :lead_id ORDER BY a.started_at DESC, a.id DESC";
constexpr const char* kById = "WHERE a.agency_id = :agency_id AND a.id = :id";
constexpr const char* kOfCampaign =
    "WHERE a.agency_id = :agency_id AND a.campaign_id = :campaign_id AND a.seq > :after_seq ORDER BY a.seq "
    "LIMIT :limit";
constexpr const char* kEraseNotes =
    "DELETE FROM call_notes WHERE attempt_id IN (SELECT id FROM call_attempts WHERE agency_id = :agency_id AND "
    "person_id = :person_id)";
// The log for people: the campaign's entries newest first with note, names and the entry that corrected each (one
// lookup per row in call_attempts_corrections). Filters not asked for are switched off by their any_ flag or by the
// widest time range, so the statement stays one constant with bound parameters. The agency is checked on the
// campaign, not on a.agency_id (the same by append's check): a term on a.agency_id leads SQLite, which keeps no
// statistics, to call_attempts_agency_time and a sort of all the agency's attempts, where the campaign's chain read
// backwards (UNIQUE (campaign_id, seq)) is already in the order wanted.
constexpr const char* kLogScope = "JOIN campaigns cp ON cp.id = a.campaign_id AND cp.agency_id = :agency_id ";
constexpr const char* kLogFilter =
    "WHERE a.campaign_id = :campaign_id AND (:any_agent = 1 OR a.agent_id = :agent_id) "
    "AND (:any_outcome = 1 OR a.outcome = :outcome) AND (:any_seq = 1 OR a.seq = :seq) AND a.started_at >= :from "
    "AND a.started_at < :until";
constexpr const char* kLogExtraColumns =
    "COALESCE(n.note, ''), COALESCE(u.name, ''), COALESCE(TRIM(p.first_name || ' ' || p.last_name), ''), "
    "COALESCE(co.name, ''), (SELECT MAX(c.seq) FROM call_attempts c WHERE c.campaign_id = a.campaign_id AND "
    "c.corrects_seq = a.seq)";
constexpr const char* kLogJoins =
    "LEFT JOIN call_notes n ON n.attempt_id = a.id LEFT JOIN users u ON u.id = a.agent_id "
    "LEFT JOIN persons p ON p.id = a.person_id LEFT JOIN companies co ON co.id = p.company_id ";
constexpr const char* kLogOrder = " ORDER BY a.seq DESC LIMIT :limit OFFSET :offset";
constexpr const char* kLogCount = "SELECT COUNT(*) FROM call_attempts a ";
// Users of the agency only, so another agency's campaign id yields no one (and, as above, no a.agency_id term).
constexpr const char* kLogAgents =
    "SELECT u.id, u.name FROM users u WHERE u.agency_id = :agency_id AND u.id IN (SELECT a.agent_id FROM "
    "call_attempts a WHERE a.campaign_id = :campaign_id) ORDER BY u.name, u.id";
constexpr const char* kCorrectedBy =
    "SELECT MAX(seq) FROM call_attempts WHERE agency_id = :agency_id AND campaign_id = :campaign_id AND "
    "corrects_seq = :seq";
constexpr const char* kAllCampaigns = "SELECT agency_id, id FROM campaigns ORDER BY id";
constexpr const char* kOneCampaign = "SELECT agency_id, id FROM campaigns WHERE id = :campaign_id";

// With the note: COALESCE(n.note, '') and a join; without: '' and none.
std::string select_with_notes(const char* where) {
  return fmt::format(kSelect, "COALESCE(n.note, '')",
                     std::string("LEFT JOIN call_notes n ON n.attempt_id = a.id ") + where);
}
std::string select_without_notes(const char* where) {
  return fmt::format(kSelect, "''", where);
}

struct AttemptRow {
  long long id = 0, agency_id = 0, campaign_id = 0, seq = 0, lead_id = 0, person_id = 0, agent_id = 0;
  long long started_at = 0, ended_at = 0, talk_seconds = 0, recorded_at = 0;
  std::optional<long long> callback_at, corrects_seq;
  std::string phone, caller_id, outcome, reason, note_sha256, prev_hash, hash, note;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(seq));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(agent_id));
    st.exchange(soci::into(phone));
    st.exchange(soci::into(caller_id));
    st.exchange(soci::into(outcome));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(note_sha256));
    st.exchange(soci::into(started_at));
    st.exchange(soci::into(ended_at));
    st.exchange(soci::into(talk_seconds));
    st.exchange(soci::into(callback_at));
    st.exchange(soci::into(corrects_seq));
    st.exchange(soci::into(recorded_at));
    st.exchange(soci::into(prev_hash));
    st.exchange(soci::into(hash));
    st.exchange(soci::into(note));
  }
  CallAttempt to_model() const {
    CallAttempt a;
    a.id = id;
    a.agency_id = agency_id;
    a.campaign_id = campaign_id;
    a.seq = seq;
    a.lead_id = lead_id;
    a.person_id = person_id;
    a.agent_id = agent_id;
    a.phone = phone;
    a.caller_id = caller_id;
    a.outcome = outcome;
    a.reason = reason;
    a.note_sha256 = note_sha256;
    a.started_at = started_at;
    a.ended_at = ended_at;
    a.talk_seconds = talk_seconds;
    if (callback_at) a.callback_at = *callback_at;
    if (corrects_seq) a.corrects_seq = *corrects_seq;
    a.recorded_at = recorded_at;
    a.prev_hash = prev_hash;
    a.hash = hash;
    a.note = note;
    return a;
  }
};

// Serialises appends to one campaign's chain until the transaction ends. SQLite's BEGIN IMMEDIATE already admits
// one writer; on PostgreSQL two transactions would otherwise both read the same head and fork the chain.
// Returns false when the campaign is not the agency's.
bool lock_chain(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  const long long agency = agency_id, id = campaign_id;
  if (sql.get_backend_name() != "postgresql") {
    return platform::db::fetch_value<long long>(sql, kCampaignOfAgency, id, agency) == 1;
  }
  const int space = kChainLockSpace;
  // The two-key form takes int4 keys. Folding larger ids only makes two campaigns share a lock, never a chain.
  const int key = static_cast<int>(campaign_id & 0x7fffffff);
  return platform::db::fetch_value<long long>(sql, kLockPostgresql, space, key, id, agency) == 1;
}

struct HeadRow {
  long long last_seq = 0;
  std::optional<std::string> head;
  void bind(soci::statement& st) {
    st.exchange(soci::into(last_seq));
    st.exchange(soci::into(head));
  }
  HeadRow to_model() const { return *this; }
};

struct ChainRow {
  long long agency_id = 0, campaign_id = 0;
  void bind(soci::statement& st) {
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(campaign_id));
  }
  Chain to_model() const { return {agency_id, campaign_id}; }
};

struct LogRow : AttemptRow {
  std::string agent_name, person_name, company_name;
  std::optional<long long> corrected_by;
  void bind(soci::statement& st) {
    AttemptRow::bind(st);
    st.exchange(soci::into(agent_name));
    st.exchange(soci::into(person_name));
    st.exchange(soci::into(company_name));
    st.exchange(soci::into(corrected_by));
  }
  CallLogEntry to_model() const {
    CallLogEntry entry{AttemptRow::to_model(), agent_name, person_name, company_name, std::nullopt};
    if (corrected_by) entry.corrected_by_seq = *corrected_by;
    return entry;
  }
};

// The bound values of kLogScope and kLogFilter, in their order.
struct LogParams {
  long long agency, campaign, any_agent, agent, any_outcome;
  std::string outcome;
  long long any_seq, seq, from, until;
  LogParams(std::int64_t agency_id, std::int64_t campaign_id, const CallLogFilter& f)
      : agency(agency_id),
        campaign(campaign_id),
        any_agent(f.agent_id ? 0 : 1),
        agent(f.agent_id.value_or(0)),
        any_outcome(f.outcome ? 0 : 1),
        outcome(f.outcome.value_or("")),
        any_seq(f.seq ? 0 : 1),
        seq(f.seq.value_or(0)),
        from(f.from),
        until(f.until) {}
};

struct AgentRow {
  long long id = 0;
  std::string name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(name));
  }
  CallLogAgent to_model() const { return {id, name}; }
};

}  // namespace

std::int64_t append(soci::session& sql, CallAttempt& attempt) {
  const long long agency = attempt.agency_id, campaign = attempt.campaign_id;
  if (!lock_chain(sql, attempt.agency_id, attempt.campaign_id)) {
    throw std::invalid_argument(
        fmt::format("campaign {} is not a campaign of agency {}", attempt.campaign_id, attempt.agency_id));
  }
  const auto last = platform::db::fetch_one<HeadRow>(sql, kHead, campaign);
  const bool has_head = last && last->head;
  attempt.seq = has_head ? last->last_seq + 1 : 1;
  if (attempt.corrects_seq && (*attempt.corrects_seq < 1 || *attempt.corrects_seq >= attempt.seq)) {
    throw std::invalid_argument(fmt::format("corrects_seq {} names no earlier entry of campaign {}",
                                            *attempt.corrects_seq, attempt.campaign_id));
  }
  attempt.prev_hash = has_head ? *last->head : kGenesisHash;
  attempt.note_sha256 = note_sha256(attempt.note);
  attempt.hash = attempt_hash(attempt);

  const long long seq = attempt.seq, lead = attempt.lead_id, person = attempt.person_id, agent = attempt.agent_id,
                  started = attempt.started_at, ended = attempt.ended_at, talk = attempt.talk_seconds,
                  recorded = attempt.recorded_at;
  const std::optional<long long> callback =
      attempt.callback_at ? std::optional<long long>(*attempt.callback_at) : std::nullopt;
  const std::optional<long long> corrects =
      attempt.corrects_seq ? std::optional<long long>(*attempt.corrects_seq) : std::nullopt;
  const long long id = platform::db::fetch_value<long long>(
                           sql, kInsert, agency, campaign, seq, lead, person, agent, attempt.phone, attempt.caller_id,
                           attempt.outcome, attempt.reason, attempt.note_sha256, started, ended, talk, callback,
                           corrects, recorded, attempt.prev_hash, attempt.hash)
                           .value();
  // An empty note is no row (the readers join with COALESCE); its hash is in the chain all the same.
  if (!attempt.note.empty()) platform::db::execute(sql, kInsertNote, id, attempt.note);
  attempt.id = id;
  return id;
}

std::optional<CallAttempt> find(soci::session& sql, std::int64_t agency_id, std::int64_t attempt_id) {
  const long long agency = agency_id, id = attempt_id;
  return platform::db::fetch_one<AttemptRow>(sql, select_with_notes(kById), agency, id);
}

std::vector<CallAttempt> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id) {
  const long long agency = agency_id, lead = lead_id;
  return platform::db::fetch_rows<AttemptRow>(sql, select_with_notes(kOfLead), agency, lead);
}

std::vector<CallAttempt> of_campaign(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                     std::int64_t after_seq, int limit) {
  const long long agency = agency_id, campaign = campaign_id, after = after_seq;
  return platform::db::fetch_rows<AttemptRow>(sql, select_without_notes(kOfCampaign), agency, campaign, after, limit);
}

void hold_chain(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  lock_chain(sql, agency_id, campaign_id);
}

std::vector<CallLogEntry> log_page(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                   const CallLogFilter& filter, int offset, int limit) {
  const LogParams p(agency_id, campaign_id, filter);
  const std::string select =
      fmt::format(kSelect, kLogExtraColumns, std::string(kLogScope) + kLogJoins + kLogFilter + kLogOrder);
  return platform::db::fetch_rows<LogRow>(sql, select, p.agency, p.campaign, p.any_agent, p.agent, p.any_outcome,
                                          p.outcome, p.any_seq, p.seq, p.from, p.until, limit, offset);
}

std::int64_t log_count(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                       const CallLogFilter& filter) {
  const LogParams p(agency_id, campaign_id, filter);
  long long count = 0;
  sql << std::string(kLogCount) + kLogScope + kLogFilter, soci::use(p.agency), soci::use(p.campaign),
      soci::use(p.any_agent), soci::use(p.agent), soci::use(p.any_outcome), soci::use(p.outcome), soci::use(p.any_seq),
      soci::use(p.seq), soci::use(p.from), soci::use(p.until), soci::into(count);
  return count;
}

std::vector<CallLogAgent> log_agents(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  const long long agency = agency_id, campaign = campaign_id;
  return platform::db::fetch_rows<AgentRow>(sql, kLogAgents, agency, campaign);
}

std::optional<std::int64_t> corrected_by(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                         std::int64_t seq) {
  const long long agency = agency_id, campaign = campaign_id, corrected = seq;
  std::optional<long long> by;
  sql << kCorrectedBy, soci::use(agency), soci::use(campaign), soci::use(corrected), soci::into(by);
  if (!by) return std::nullopt;
  return *by;
}

std::int64_t erase_notes(soci::session& sql, std::int64_t agency_id, std::int64_t person_id) {
  const long long agency = agency_id, person = person_id;
  soci::statement st = (sql.prepare << kEraseNotes, soci::use(agency), soci::use(person));
  st.execute(true);
  return st.get_affected_rows();
}

std::vector<Chain> chains_for_operator(soci::session& sql, std::optional<std::int64_t> campaign_id) {
  if (!campaign_id) return platform::db::fetch_rows<ChainRow>(sql, kAllCampaigns);
  const long long campaign = *campaign_id;
  return platform::db::fetch_rows<ChainRow>(sql, kOneCampaign, campaign);
}

}  // namespace termintreu::calling::attempt_store
