#include "contacts/consent_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::contacts::consent_store {
namespace {

constexpr const char* kLockPostgresql = "SELECT pg_advisory_xact_lock(:key_space, :agency_id)";
constexpr int kChainLockSpace = 7417;  // an arbitrary number naming "consent chain" among advisory locks
constexpr const char* kHead =
    "SELECT hash FROM consent_records WHERE agency_id = :agency_id ORDER BY id DESC LIMIT 1";
constexpr const char* kInsert =
    "INSERT INTO consent_records (agency_id, person_id, kind, given_by, beneficiary, purpose, given_at, channel, "
    "evidence, recorded_by, recorded_at, prev_hash, hash) VALUES (:agency_id, :person_id, :kind, :given_by, "
    ":beneficiary, :purpose, :given_at, :channel, :evidence, :recorded_by, :recorded_at, :prev_hash, :hash) "
    "RETURNING id";
constexpr const char* kSelect =
    "SELECT id, agency_id, person_id, kind, given_by, beneficiary, purpose, given_at, channel, evidence, "
    "recorded_by, recorded_at, prev_hash, hash FROM consent_records ";

struct RecordRow {
  long long id = 0, agency_id = 0, person_id = 0, given_at = 0, recorded_at = 0;
  std::optional<long long> recorded_by;
  std::string kind, given_by, beneficiary, purpose, channel, evidence, prev_hash, hash;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(given_by));
    st.exchange(soci::into(beneficiary));
    st.exchange(soci::into(purpose));
    st.exchange(soci::into(given_at));
    st.exchange(soci::into(channel));
    st.exchange(soci::into(evidence));
    st.exchange(soci::into(recorded_by));
    st.exchange(soci::into(recorded_at));
    st.exchange(soci::into(prev_hash));
    st.exchange(soci::into(hash));
  }
  ConsentRecord to_model() const {
    ConsentRecord r{id,      agency_id, person_id,    kind,        given_by,  beneficiary, purpose,
                    given_at, channel,  evidence,     std::nullopt, recorded_at, prev_hash, hash};
    if (recorded_by) r.recorded_by = *recorded_by;
    return r;
  }
};

}  // namespace

void lock_chain(soci::session& sql, std::int64_t agency_id) {
  if (sql.get_backend_name() != "postgresql") return;
  const int space = kChainLockSpace;
  const int agency = static_cast<int>(agency_id);  // the two-key form takes int4 keys; agency ids stay far below
  platform::db::execute(sql, kLockPostgresql, space, agency);
}

std::string head(soci::session& sql, std::int64_t agency_id) {
  std::string hash;
  soci::indicator ind = soci::i_null;
  const long long agency = agency_id;
  sql << kHead, soci::use(agency), soci::into(hash, ind);
  return sql.got_data() && ind == soci::i_ok ? hash : kGenesisHash;
}

std::int64_t insert(soci::session& sql, const ConsentRecord& r) {
  long long id = 0;
  const long long agency = r.agency_id, person = r.person_id, given = r.given_at, recorded = r.recorded_at;
  const std::optional<long long> by = r.recorded_by ? std::optional<long long>(*r.recorded_by) : std::nullopt;
  sql << kInsert, soci::use(agency), soci::use(person), soci::use(r.kind), soci::use(r.given_by),
      soci::use(r.beneficiary), soci::use(r.purpose), soci::use(given), soci::use(r.channel), soci::use(r.evidence),
      soci::use(by), soci::use(recorded), soci::use(r.prev_hash), soci::use(r.hash), soci::into(id);
  return id;
}

std::vector<ConsentRecord> of_agency(soci::session& sql, std::int64_t agency_id) {
  const long long agency = agency_id;
  return platform::db::fetch_rows<RecordRow>(sql, kSelect + std::string("WHERE agency_id = :agency_id ORDER BY id"),
                                             agency);
}

std::vector<ConsentRecord> of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id) {
  const long long agency = agency_id, person = person_id;
  return platform::db::fetch_rows<RecordRow>(
      sql, kSelect + std::string("WHERE agency_id = :agency_id AND person_id = :person_id ORDER BY id"), agency,
      person);
}

}  // namespace termintreu::contacts::consent_store
