#include "appointments/appointment_link_service.hpp"

#include <nlohmann/json.hpp>

#include "appointments/appointment_links.hpp"
#include "appointments/appointment_parties.hpp"
#include "appointments/appointment_store.hpp"
#include "identity/audit_log.hpp"
#include "platform/signed_link.hpp"
#include "platform/signing_key_store.hpp"
#include "platform/time_text.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::to_micros;

namespace {

struct Opened {
  LinkClaim claim;
  Appointment appointment;
};

Result<Opened> opened(soci::session& sql, const std::string& token, std::int64_t now_us) {
  const auto key = platform::signing_key_store::key(sql, kLinkKey, now_us);
  TT_TRY(text, platform::signed_link::verify(key, token, now_us / 1'000'000));
  const auto claim = parse_claim(*text);
  if (!claim) return fail(ErrorCode::invalid, "is not a link this server made", "token");
  auto appointment = appointment_store::find_any(sql, claim->appointment_id);
  if (!appointment) return fail(ErrorCode::not_found, "no such appointment", "token");
  return Opened{*claim, std::move(*appointment)};
}

// Whether what the link does is done already.
bool done(const Opened& o) {
  switch (o.claim.action) {
    case LinkAction::confirm:
      return o.appointment.state == "confirmed";
    case LinkAction::change:
      return o.appointment.state == "change_requested";
    case LinkAction::outcome:
      return o.appointment.outcome_at.has_value();
  }
  return false;
}

nlohmann::json view(soci::session& sql, const Opened& o) {
  const Appointment& a = o.appointment;
  const auto parties = parties_of(sql, a, MailSite{});
  nlohmann::json out = {
      {"action", to_string(o.claim.action)},
      {"done", done(o)},
      // The appointment moved since the mail with this link: its links are void, the newer mail has new ones.
      {"outdated", o.claim.sequence != a.sequence},
      {"appointment",
       {{"kind", a.kind},
        {"starts_at", platform::iso8601(a.starts_at)},
        {"ends_at", platform::iso8601(a.ends_at)},
        {"time_zone", a.time_zone},
        {"when", german_time(a.starts_at, a.time_zone)},
        {"location", a.location},
        {"state", a.state},
        {"qualified", a.qualified ? nlohmann::json(*a.qualified) : nlohmann::json()},
        {"client_name", parties.client_name},
        {"company_name", parties.company_name},
        {"person_name", parties.person_name},
        {"rep_name", parties.rep_name}}},
  };
  return out;
}

Result<void> apply(soci::session& sql, Opened& o, const LinkAnswer& answer, std::int64_t now) {
  Appointment& a = o.appointment;
  const bool over = a.state == "cancelled" || a.state == "held" || a.state == "no_show";
  if (answer.outcome.has_value() != (o.claim.action == LinkAction::outcome)) {
    return fail(ErrorCode::invalid,
                answer.outcome ? "only goes with the link to report how the appointment went" : "is required",
                "outcome");
  }
  switch (o.claim.action) {
    case LinkAction::confirm:
      if (a.state == "confirmed") return {};
      if (over) return fail(ErrorCode::conflict, "is " + a.state + " and can no longer be confirmed", "state");
      a.state = "confirmed";
      a.confirmed_at = now;
      a.updated_at = now;
      appointment_store::update(sql, a);
      return {};
    case LinkAction::change:
      if (over) return fail(ErrorCode::conflict, "is " + a.state + " and can no longer change", "state");
      a.state = "change_requested";
      a.person_note = answer.note;
      a.updated_at = now;
      appointment_store::update(sql, a);
      return {};
    case LinkAction::outcome: {
      TT_TRY(checked, check_outcome(a, *answer.outcome, now));
      record_outcome(sql, a, *answer.outcome, now);
      return {};
    }
  }
  return {};
}

}  // namespace

Result<nlohmann::json> AppointmentLinkService::open(const std::string& token) {
  const auto now_us = to_micros(clock_.now());
  return database_.transaction("appointment.link_open", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(link, opened(sql, token, now_us));
    return view(sql, *link);
  });
}

Result<nlohmann::json> AppointmentLinkService::act(const std::string& token, const LinkAnswer& answer,
                                                   const identity::RequestMeta& meta) {
  const auto now_us = to_micros(clock_.now());
  std::int64_t agency_id = 0;
  auto result = database_.transaction("appointment.link_act", [&](soci::session& sql) -> Result<nlohmann::json> {
    TT_TRY(link, opened(sql, token, now_us));
    if (link->claim.sequence != link->appointment.sequence) {
      return fail(ErrorCode::conflict, "the appointment was changed since this mail: use the link in the newest one",
                  "token");
    }
    const std::string before = link->appointment.state;
    TT_TRY(applied, apply(sql, *link, answer, now_us));
    agency_id = link->appointment.agency_id;
    if (link->appointment.state != before) {
      identity::audit_log::Entry entry;
      entry.agency_id = agency_id;
      entry.at = now_us;
      entry.actor_name = link->claim.action == LinkAction::outcome ? "rep (signed link)" : "person (signed link)";
      entry.action = "appointment." + link->appointment.state;
      entry.target_type = "appointment";
      entry.target_id = link->appointment.id;
      entry.ip = meta.ip;
      entry.request_id = meta.request_id;
      entry.details = {{"from", before}, {"note", answer.outcome ? answer.outcome->note : answer.note}};
      identity::audit_log::append(sql, entry);
    }
    return view(sql, *link);
  });
  if (result && agency_id != 0) {
    events_.publish("agency:" + std::to_string(agency_id), "appointments", {{"change", "state"}});
  }
  return result;
}

}  // namespace termintreu::appointments
