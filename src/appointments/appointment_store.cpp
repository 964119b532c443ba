#include "appointments/appointment_store.hpp"

#include "platform/db/optional.hpp"
#include "platform/db/query.hpp"

namespace termintreu::appointments::appointment_store {
namespace {

using platform::from_micros;
using platform::to_micros;

constexpr const char* kInsert =
    "INSERT INTO appointments (agency_id, client_id, campaign_id, lead_id, person_id, rep_id, attempt_id, booked_by, "
    "kind, starts_at, ends_at, time_zone, location, latitude, longitude, agenda, state, sequence, created_at, "
    "updated_at) VALUES (:agency_id, :client_id, :campaign_id, :lead_id, :person_id, :rep_id, :attempt_id, "
    ":booked_by, :kind, :starts_at, :ends_at, :time_zone, :location, :latitude, :longitude, :agenda, :state, "
    ":sequence, :created_at, :updated_at) RETURNING id";
constexpr const char* kUpdate =
    "UPDATE appointments SET rep_id = :rep_id, starts_at = :starts_at, ends_at = :ends_at, location = :location, "
    "state = :state, sequence = :sequence, qualified = :qualified, cancel_reason = :cancel_reason, "
    "person_note = :person_note, confirmed_at = :confirmed_at, outcome_at = :outcome_at, updated_at = :updated_at "
    "WHERE id = :id AND agency_id = :agency_id";
constexpr const char* kColumns =
    "a.id, a.agency_id, a.client_id, a.campaign_id, a.lead_id, a.person_id, a.rep_id, a.attempt_id, a.booked_by, "
    "a.kind, a.starts_at, a.ends_at, a.time_zone, a.location, a.latitude, a.longitude, a.agenda, a.state, "
    "a.qualified, a.sequence, a.cancel_reason, a.person_note, a.confirmed_at, a.outcome_at, a.created_at, "
    "a.updated_at";
constexpr const char* kFind = " FROM appointments a WHERE a.id = :id AND a.agency_id = :agency_id";
constexpr const char* kFindAny = " FROM appointments a WHERE a.id = :id";
constexpr const char* kBusyAppointments =
    "SELECT starts_at, ends_at, latitude, longitude FROM appointments WHERE rep_id = :rep_id "
    "AND state NOT IN ('cancelled') AND starts_at < :to AND ends_at > :from AND id <> :except";
constexpr const char* kBusyBlocks =
    "SELECT starts_at, ends_at, CAST(NULL AS DOUBLE PRECISION), CAST(NULL AS DOUBLE PRECISION) FROM rep_busy "
    "WHERE rep_id = :rep_id AND starts_at < :to "
    "AND ends_at > :from";
// Optional filters as "(:x IS NULL OR column = :x)" would keep PostgreSQL from typing the parameter, so the
// filter is a fixed statement with -1 / '' meaning "any".
constexpr const char* kListWhere =
    " FROM appointments a JOIN reps r ON r.id = a.rep_id JOIN persons p ON p.id = a.person_id "
    "LEFT JOIN companies co ON co.id = p.company_id JOIN campaigns c ON c.id = a.campaign_id "
    "JOIN clients cl ON cl.id = a.client_id "
    "WHERE a.agency_id = :agency_id AND (a.campaign_id = :campaign_id OR :campaign_any = 1) "
    "AND (a.client_id = :client_id OR :client_any = 1) AND (a.rep_id = :rep_id OR :rep_any = 1) "
    "AND (a.lead_id = :lead_id OR :lead_any = 1) AND a.starts_at >= :from AND a.starts_at < :to "
    "AND (a.state = :state OR :state_any = 1)";
constexpr const char* kViewColumns = ", r.name, p.first_name, p.last_name, COALESCE(co.name, ''), c.name, cl.name";
constexpr const char* kRiskColumns =
    ", CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.appointment_id = a.id AND o.state = 'failed') THEN 1 ELSE 0 "
    "END, CASE WHEN EXISTS (SELECT 1 FROM rep_busy b WHERE b.rep_id = a.rep_id AND b.starts_at < a.ends_at "
    "AND b.ends_at > a.starts_at) THEN 1 ELSE 0 END, r.active";
constexpr const char* kCountsByRep =
    "SELECT a.rep_id, r.name, COUNT(*), SUM(CASE WHEN a.confirmed_at IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN a.state = 'held' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN a.state = 'held' AND a.qualified = 1 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN a.state = 'no_show' THEN 1 ELSE 0 END), SUM(CASE WHEN a.state = 'cancelled' THEN 1 ELSE 0 END) "
    "FROM appointments a JOIN reps r ON r.id = a.rep_id WHERE a.agency_id = :agency_id AND a.campaign_id = "
    ":campaign_id "
    "GROUP BY a.rep_id, r.name ORDER BY r.name, a.rep_id";
constexpr const char* kListOrder = " ORDER BY a.starts_at, a.id LIMIT :limit OFFSET :offset";

struct AppointmentRow {
  long long id = 0, agency_id = 0, client_id = 0, campaign_id = 0, lead_id = 0, person_id = 0, rep_id = 0,
            booked_by = 0, starts_at = 0, ends_at = 0, sequence = 0, created_at = 0, updated_at = 0;
  std::optional<long long> attempt_id, qualified, confirmed_at, outcome_at;
  std::optional<double> latitude, longitude;
  std::string kind, time_zone, location, agenda, state, cancel_reason, person_note;
  void bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(agency_id));
    st.exchange(soci::into(client_id));
    st.exchange(soci::into(campaign_id));
    st.exchange(soci::into(lead_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(rep_id));
    st.exchange(soci::into(attempt_id));
    st.exchange(soci::into(booked_by));
    st.exchange(soci::into(kind));
    st.exchange(soci::into(starts_at));
    st.exchange(soci::into(ends_at));
    st.exchange(soci::into(time_zone));
    st.exchange(soci::into(location));
    st.exchange(soci::into(latitude));
    st.exchange(soci::into(longitude));
    st.exchange(soci::into(agenda));
    st.exchange(soci::into(state));
    st.exchange(soci::into(qualified));
    st.exchange(soci::into(sequence));
    st.exchange(soci::into(cancel_reason));
    st.exchange(soci::into(person_note));
    st.exchange(soci::into(confirmed_at));
    st.exchange(soci::into(outcome_at));
    st.exchange(soci::into(created_at));
    st.exchange(soci::into(updated_at));
  }
  Appointment to_model() const {
    Appointment a;
    a.id = id;
    a.agency_id = agency_id;
    a.client_id = client_id;
    a.campaign_id = campaign_id;
    a.lead_id = lead_id;
    a.person_id = person_id;
    a.rep_id = rep_id;
    if (attempt_id) a.attempt_id = *attempt_id;
    a.booked_by = booked_by;
    a.kind = kind;
    a.starts_at = from_micros(starts_at);
    a.ends_at = from_micros(ends_at);
    a.time_zone = time_zone;
    a.location = location;
    if (latitude && longitude) a.place = Coordinates{*latitude, *longitude};
    a.agenda = agenda;
    a.state = state;
    if (qualified) a.qualified = *qualified != 0;
    a.sequence = static_cast<int>(sequence);
    a.cancel_reason = cancel_reason;
    a.person_note = person_note;
    if (confirmed_at) a.confirmed_at = *confirmed_at;
    if (outcome_at) a.outcome_at = *outcome_at;
    a.created_at = created_at;
    a.updated_at = updated_at;
    return a;
  }
};

struct ViewRow : AppointmentRow {
  std::string rep_name, first_name, last_name, company_name, campaign_name, client_name;
  void bind(soci::statement& st) {
    AppointmentRow::bind(st);
    st.exchange(soci::into(rep_name));
    st.exchange(soci::into(first_name));
    st.exchange(soci::into(last_name));
    st.exchange(soci::into(company_name));
    st.exchange(soci::into(campaign_name));
    st.exchange(soci::into(client_name));
  }
  AppointmentView to_model() const {
    AppointmentView view;
    view.appointment = AppointmentRow::to_model();
    view.rep_name = rep_name;
    view.person_name = first_name.empty() ? last_name : last_name.empty() ? first_name : first_name + " " + last_name;
    view.company_name = company_name;
    view.campaign_name = campaign_name;
    view.client_name = client_name;
    return view;
  }
};

struct RiskRow : ViewRow {
  long long mail_failed = 0, calendar_clash = 0, rep_active = 1;
  void bind(soci::statement& st) {
    ViewRow::bind(st);
    st.exchange(soci::into(mail_failed));
    st.exchange(soci::into(calendar_clash));
    st.exchange(soci::into(rep_active));
  }
  WithRiskFacts to_model() const {
    return {ViewRow::to_model(), RiskFacts{mail_failed != 0, calendar_clash != 0, rep_active == 0}};
  }
};

struct CountsRow {
  long long rep_id = 0, appointments = 0, confirmed = 0, held = 0, qualified = 0, no_show = 0, cancelled = 0;
  std::string rep_name;
  void bind(soci::statement& st) {
    st.exchange(soci::into(rep_id));
    st.exchange(soci::into(rep_name));
    st.exchange(soci::into(appointments));
    st.exchange(soci::into(confirmed));
    st.exchange(soci::into(held));
    st.exchange(soci::into(qualified));
    st.exchange(soci::into(no_show));
    st.exchange(soci::into(cancelled));
  }
  RepCounts to_model() const {
    return {rep_id, rep_name, appointments, confirmed, held, qualified, no_show, cancelled};
  }
};

struct BusyRow {
  long long starts_at = 0, ends_at = 0;
  std::optional<double> latitude, longitude;
  void bind(soci::statement& st) {
    st.exchange(soci::into(starts_at));
    st.exchange(soci::into(ends_at));
    st.exchange(soci::into(latitude));
    st.exchange(soci::into(longitude));
  }
  BusyTime to_model() const {
    BusyTime busy{from_micros(starts_at), from_micros(ends_at), std::nullopt};
    if (latitude && longitude) busy.place = Coordinates{*latitude, *longitude};
    return busy;
  }
};

// The list filter's parameters in the order kListWhere binds them.
template <class Run>
auto with_filter(std::int64_t agency_id, const ListFilter& f, Run&& run) {
  const long long agency = agency_id;
  const long long campaign = f.campaign_id.value_or(-1), campaign_any = f.campaign_id ? 0 : 1;
  const long long client = f.client_id.value_or(-1), client_any = f.client_id ? 0 : 1;
  const long long rep = f.rep_id.value_or(-1), rep_any = f.rep_id ? 0 : 1;
  const long long lead = f.lead_id.value_or(-1), lead_any = f.lead_id ? 0 : 1;
  const long long from = f.from.value_or(std::numeric_limits<long long>::min());
  const long long to = f.to.value_or(std::numeric_limits<long long>::max());
  const std::string state = f.state.value_or("");
  const long long state_any = f.state ? 0 : 1;
  return run(agency, campaign, campaign_any, client, client_any, rep, rep_any, lead, lead_any, from, to, state,
             state_any);
}

}  // namespace

std::int64_t insert(soci::session& sql, const Appointment& a) {
  const long long agency = a.agency_id, client = a.client_id, campaign = a.campaign_id, lead = a.lead_id,
                  person = a.person_id, rep = a.rep_id, booked_by = a.booked_by, starts = to_micros(a.starts_at),
                  ends = to_micros(a.ends_at), sequence = a.sequence, created = a.created_at, updated = a.updated_at;
  const std::optional<long long> attempt =
      a.attempt_id ? std::optional<long long>(*a.attempt_id) : std::optional<long long>();
  const std::optional<double> latitude = a.place ? std::optional<double>(a.place->latitude) : std::nullopt;
  const std::optional<double> longitude = a.place ? std::optional<double>(a.place->longitude) : std::nullopt;
  return platform::db::fetch_value<long long>(sql, kInsert, agency, client, campaign, lead, person, rep, attempt,
                                              booked_by, a.kind, starts, ends, a.time_zone, a.location, latitude,
                                              longitude, a.agenda, a.state, sequence, created, updated)
      .value();
}

std::optional<Appointment> find(soci::session& sql, std::int64_t agency_id, std::int64_t id) {
  const long long wanted = id, agency = agency_id;
  return platform::db::fetch_one<AppointmentRow>(sql, std::string("SELECT ") + kColumns + kFind, wanted, agency);
}

std::optional<Appointment> find_any(soci::session& sql, std::int64_t id) {
  const long long wanted = id;
  return platform::db::fetch_one<AppointmentRow>(sql, std::string("SELECT ") + kColumns + kFindAny, wanted);
}

void update(soci::session& sql, const Appointment& a) {
  const long long rep = a.rep_id, starts = to_micros(a.starts_at), ends = to_micros(a.ends_at), sequence = a.sequence,
                  updated = a.updated_at, id = a.id, agency = a.agency_id;
  const std::optional<long long> qualified =
      a.qualified ? std::optional<long long>(*a.qualified ? 1 : 0) : std::optional<long long>();
  const auto optional_of = [](const std::optional<std::int64_t>& v) {
    return v ? std::optional<long long>(*v) : std::optional<long long>();
  };
  platform::db::execute(sql, kUpdate, rep, starts, ends, a.location, a.state, sequence, qualified, a.cancel_reason,
                        a.person_note, optional_of(a.confirmed_at), optional_of(a.outcome_at), updated, id, agency);
}

std::vector<BusyTime> busy_of_rep(soci::session& sql, std::int64_t rep_id, std::int64_t from, std::int64_t to,
                                  std::optional<std::int64_t> except) {
  const long long rep = rep_id, start = from, end = to, left_out = except.value_or(-1);
  auto out = platform::db::fetch_rows<BusyRow>(sql, kBusyAppointments, rep, end, start, left_out);
  for (auto& block : platform::db::fetch_rows<BusyRow>(sql, kBusyBlocks, rep, end, start)) {
    out.push_back(std::move(block));
  }
  return out;
}

std::vector<AppointmentView> list(soci::session& sql, std::int64_t agency_id, const ListFilter& filter) {
  const long long limit = filter.limit, offset = filter.offset;
  return with_filter(agency_id, filter, [&](const auto&... params) {
    return platform::db::fetch_rows<ViewRow>(
        sql, std::string("SELECT ") + kColumns + kViewColumns + kListWhere + kListOrder, params..., limit, offset);
  });
}

std::vector<WithRiskFacts> with_risk_facts(soci::session& sql, std::int64_t agency_id, const ListFilter& filter) {
  const long long limit = filter.limit, offset = filter.offset;
  return with_filter(agency_id, filter, [&](const auto&... params) {
    return platform::db::fetch_rows<RiskRow>(
        sql, std::string("SELECT ") + kColumns + kViewColumns + kRiskColumns + kListWhere + kListOrder, params...,
        limit, offset);
  });
}

std::int64_t count(soci::session& sql, std::int64_t agency_id, const ListFilter& filter) {
  return with_filter(agency_id, filter, [&](const auto&... params) {
    return platform::db::fetch_value<long long>(sql, std::string("SELECT COUNT(*)") + kListWhere, params...)
        .value_or(0);
  });
}

std::vector<RepCounts> counts_by_rep(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id) {
  const long long agency = agency_id, campaign = campaign_id;
  return platform::db::fetch_rows<CountsRow>(sql, kCountsByRep, agency, campaign);
}

}  // namespace termintreu::appointments::appointment_store
