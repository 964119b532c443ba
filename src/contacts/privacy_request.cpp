#include "contacts/privacy_request.hpp"

#include <nlohmann/json.hpp>

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"
#include "platform/time_text.hpp"

namespace termintreu::contacts {

nlohmann::json to_json(const PrivacyRequest& r, std::int64_t now) {
  const auto id_or_null = [](const std::optional<std::int64_t>& id) {
    return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
  };
  return {{"id", r.id},
          {"person_id", id_or_null(r.person_id)},
          {"subject", r.subject},
          {"kind", r.kind},
          {"state", r.state},
          {"received_at", platform::iso8601_or_null(r.received_at)},
          {"due_at", platform::iso8601_or_null(r.due_at)},
          {"overdue", r.state == "open" && now > r.due_at},
          {"done_at", platform::iso8601_or_null(r.done_at)},
          {"handled_by", id_or_null(r.handled_by)},
          {"note", r.note},
          {"created_by", id_or_null(r.created_by)},
          {"created_at", platform::iso8601_or_null(r.created_at)}};
}

}  // namespace termintreu::contacts

namespace termintreu::contacts::privacy_store {
namespace {

constexpr const char* kInsert =
    "INSERT INTO privacy_requests (agency_id, person_id, subject, kind, state, received_at, due_at, note, "
    "created_by, created_at) VALUES (:agency_id, :person_id, :subject, :kind, :state, :received_at, :due_at, :note, "
    ":created_by, :created_at) RETURNING id";
constexpr const char* kSelect =
    "SELECT id, agency_id, person_id, subject, kind, state, received_at, due_at, done_at, handled_by, note, "
    "created_by, created_at FROM privacy_requests ";
constexpr const char* kClose =
    "UPDATE privacy_requests SET state = :state, done_at = :done_at, handled_by = :handled_by, note = :note "
    "WHERE id = :id AND agency_id = :agency_id";

struct RequestRow {
  long long id = 0, agency_id = 0, received_at = 0, due_at = 0, created_at = 0;
  std::optional<long long> person_id, done_at, handled_by, created_by;
  std::string subject, kind, state, note;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(subject));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(state));
    st.exchange(soci::into(received_at));
    st.exchange(soci::into(due_at));
    st.exchange(soci::into(done_at));
    st.exchange(soci::into(handled_by));
    st.exchange(soci::into(note));
    st.exchange(soci::into(created_by));
    st.exchange(soci::into(created_at));
  }
  PrivacyRequest to_model() const {
    const auto widen = [](const std::optional<long long>& v) {
      return v ? std::optional<std::int64_t>(*v) : std::nullopt;
    };
    return PrivacyRequest{id,      agency_id,        widen(person_id), subject, kind,
                          state,   received_at,      due_at,           widen(done_at), widen(handled_by),
                          note,    widen(created_by), created_at};
  }
};

std::optional<long long> narrow(const std::optional<std::int64_t>& v) {
  return v ? std::optional<long long>(*v) : std::nullopt;
}

}  // namespace

std::int64_t insert(soci::session& sql, const PrivacyRequest& r) {
  long long id = 0;
  const long long agency = r.agency_id, received = r.received_at, due = r.due_at, created = r.created_at;
  const auto person = narrow(r.person_id), by = narrow(r.created_by);
  sql << kInsert, soci::use(agency), soci::use(person), soci::use(r.subject), soci::use(r.kind), soci::use(r.state),
      soci::use(received), soci::use(due), soci::use(r.note), soci::use(by), soci::use(created), soci::into(id);
  return id;
}

std::optional<PrivacyRequest> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<RequestRow>(sql, kSelect + std::string("WHERE id = :id AND agency_id = :agency_id"),
                                             wanted, agency);
}

std::vector<PrivacyRequest> list(soci::session& sql, std::int64_t agency_id, int limit, int offset) {
  const long long agency = agency_id, lim = limit, off = offset;
  return platform::db::fetch_rows<RequestRow>(
      sql,
      kSelect + std::string("WHERE agency_id = :agency_id ORDER BY CASE WHEN state = 'open' THEN 0 ELSE 1 END, "
                            "due_at, id LIMIT :limit OFFSET :offset"),
      agency, lim, off);
}

std::vector<PrivacyRequest> of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id) {
  const long long agency = agency_id, person = person_id;
  return platform::db::fetch_rows<RequestRow>(
      sql, kSelect + std::string("WHERE agency_id = :agency_id AND person_id = :person_id ORDER BY id"), agency,
      person);
}

void close(soci::session& sql, const PrivacyRequest& r) {
  const long long id = r.id, agency = r.agency_id;
  const auto done = narrow(r.done_at), by = narrow(r.handled_by);
  platform::db::execute(sql, kClose, r.state, done, by, r.note, id, agency);
}

}  // namespace termintreu::contacts::privacy_store
