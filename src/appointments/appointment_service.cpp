#include "appointments/appointment_service.hpp"

#include <algorithm>

#include <date/tz.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_risk.hpp"
#include "appointments/calendar_event.hpp"
#include "appointments/invitation_mail.hpp"
#include "appointments/slot_finder.hpp"
#include "calling/queue_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/public_holidays.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "platform/country.hpp"
#include "platform/crypto.hpp"
#include "platform/time_text.hpp"

namespace termintreu::appointments {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::TimePoint;
using platform::to_micros;

namespace {

constexpr int kSearchDays = 40;  // calendar days read for the working days asked for
constexpr auto kFeedPast = std::chrono::days{30};
constexpr auto kFeedAhead = std::chrono::days{400};
constexpr int kFeedLimit = 2000;
constexpr auto kRiskAhead = std::chrono::days{14};
constexpr int kRiskLimit = 2000;

const date::time_zone* zone_named(const std::string& name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

std::string local_text(TimePoint t, const date::time_zone* zone) {
  if (zone == nullptr) return platform::iso8601(t);
  return date::format("%FT%R", date::floor<std::chrono::minutes>(zone->to_local(t)));
}

std::vector<date::local_days> days_off(const campaigns::Rep& rep, TimePoint from, TimePoint to) {
  std::vector<date::local_days> out;
  const campaigns::Region region{rep.country, rep.state};
  const int first = static_cast<int>(date::year_month_day{date::floor<date::days>(from)}.year());
  const int last = static_cast<int>(date::year_month_day{date::floor<date::days>(to)}.year());
  for (int year = first; year <= last; ++year) {
    for (const auto& holiday : campaigns::public_holidays(year, region)) out.emplace_back(holiday.day);
  }
  return out;
}

RepCalendar calendar_of(soci::session& sql, const campaigns::Rep& rep, const PlaceIndex& places, TimePoint from,
                        TimePoint to) {
  RepCalendar calendar;
  calendar.rep_id = rep.id;
  calendar.zone = zone_named(rep.time_zone);
  calendar.working_hours = rep.working_hours;
  if (!rep.postal_code.empty() || !rep.city.empty()) {
    calendar.home = places.locate(rep.country, rep.postal_code, rep.city);
  }
  calendar.busy = appointment_store::busy_of_rep(sql, rep.id, to_micros(from), to_micros(to));
  calendar.days_off = days_off(rep, from, to);
  calendar.appointment_length = std::chrono::minutes{rep.appointment_minutes};
  return calendar;
}

bool may_plan_for(soci::session& sql, const Principal& viewer, const calling::queue_store::LeadRow& lead) {
  const bool holder = viewer.user_id && lead.leased_by == viewer.user_id;
  return holder || identity::role_has(viewer.role, Permission::supervision_view);
}

}  // namespace

Result<nlohmann::json> AppointmentService::slots(const Principal& viewer, std::int64_t lead_id,
                                                 const SlotOptions& options) {
  const TimePoint now = clock_.now();
  auto lease = database_.session();
  soci::session& sql = *lease;
  const auto lead = calling::queue_store::find_lead(sql, viewer.agency_id, lead_id);
  if (!lead || !may_plan_for(sql, viewer, *lead)) return fail(ErrorCode::not_found, "no such lead");
  const auto campaign = campaigns::campaign_store::find(sql, viewer.agency_id, lead->campaign_id);
  const auto person = contacts::contact_store::find_person(sql, viewer.agency_id, lead->person_id);
  if (!campaign || !person) return fail(ErrorCode::not_found, "no such lead");
  std::optional<contacts::Company> company;
  if (person->company_id) company = contacts::contact_store::find_company(sql, viewer.agency_id, *person->company_id);
  const std::string postal_code = company ? company->postal_code : std::string();
  const std::string country = company && !company->country.empty() ? company->country : "DE";
  const std::string person_zone =
      !person->time_zone.empty() ? person->time_zone : platform::principal_time_zone(country).value_or("Europe/Berlin");

  std::vector<campaigns::Rep> reps;
  for (const auto id : campaigns::campaign_store::staff(sql, campaign->id).rep_ids) {
    if (auto rep = campaigns::rep_store::find(sql, viewer.agency_id, id); rep && rep->active) reps.push_back(*rep);
  }
  const bool any_covers = std::any_of(reps.begin(), reps.end(), [&](const campaigns::Rep& rep) {
    return campaigns::covers(rep.territories, postal_code);
  });
  if (any_covers) {
    std::erase_if(reps, [&](const campaigns::Rep& rep) { return !campaigns::covers(rep.territories, postal_code); });
  }

  SlotQuery query;
  query.earliest = std::max(options.from.value_or(now), now + kNotice);
  query.working_days = options.working_days;
  query.duration = options.duration;
  if (options.kind == "on_site" && company) query.place = places_.locate(country, company->postal_code, company->city);
  const TimePoint read_from = query.earliest - std::chrono::days{1};
  const TimePoint read_to = query.earliest + std::chrono::days{kSearchDays};
  std::vector<RepCalendar> calendars;
  for (const auto& rep : reps) calendars.push_back(calendar_of(sql, rep, places_, read_from, read_to));
  const auto found = suggest_slots(calendars, query);

  const auto* zone = zone_named(person_zone);
  nlohmann::json rep_list = nlohmann::json::array();
  for (const auto& rep : reps) {
    rep_list.push_back({{"id", rep.id},
                        {"name", rep.name},
                        {"time_zone", rep.time_zone},
                        {"covers", campaigns::covers(rep.territories, postal_code)},
                        {"appointment_minutes", rep.appointment_minutes}});
  }
  nlohmann::json slot_list = nlohmann::json::array();
  for (const auto& slot : found) {
    const auto rep = std::find_if(reps.begin(), reps.end(), [&](const auto& r) { return r.id == slot.rep_id; });
    slot_list.push_back({{"rep_id", slot.rep_id},
                         {"rep_name", rep->name},
                         {"starts_at", platform::iso8601(slot.starts)},
                         {"ends_at", platform::iso8601(slot.ends)},
                         {"local_start", local_text(slot.starts, zone)},
                         {"rep_local_start", local_text(slot.starts, zone_named(rep->time_zone))},
                         {"added_travel_minutes", slot.added_travel.count()},
                         {"travel_before_minutes", slot.travel_before.count()},
                         {"from_home", slot.from_home}});
  }
  return nlohmann::json{{"lead_id", lead->id},
                        {"kind", options.kind},
                        {"time_zone", person_zone},
                        {"place_known", query.place.has_value()},
                        {"location", company ? company->street + (company->street.empty() ? "" : ", ") +
                                                   company->postal_code + " " + company->city
                                             : std::string()},
                        {"reps", rep_list},
                        {"slots", slot_list}};
}

Result<nlohmann::json> AppointmentService::list(const Principal& viewer, appointment_store::ListFilter filter) {
  if (viewer.client_id) {
    if (filter.client_id && *filter.client_id != *viewer.client_id) {
      return nlohmann::json{{"appointments", nlohmann::json::array()}, {"total", 0}};
    }
    filter.client_id = *viewer.client_id;
  }
  auto lease = database_.session();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& view : appointment_store::list(*lease, viewer.agency_id, filter)) items.push_back(to_json(view));
  return nlohmann::json{{"appointments", items}, {"total", appointment_store::count(*lease, viewer.agency_id, filter)}};
}

Result<nlohmann::json> AppointmentService::at_risk(const Principal& viewer, std::optional<std::int64_t> campaign_id) {
  const TimePoint now = clock_.now();
  appointment_store::ListFilter filter;
  filter.campaign_id = campaign_id;
  filter.client_id = viewer.client_id;
  filter.from = to_micros(now);
  filter.to = to_micros(now + kRiskAhead);
  filter.limit = kRiskLimit;
  auto lease = database_.session();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& candidate : appointment_store::with_risk_facts(*lease, viewer.agency_id, filter)) {
    const Risk risk = risk_of(candidate.view.appointment, candidate.facts, now);
    if (risk.reasons.empty()) continue;
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& reason : risk.reasons) reasons.push_back({{"code", reason.code}, {"detail", reason.detail}});
    auto item = to_json(candidate.view);
    item["reasons"] = std::move(reasons);
    item["action"] = risk.action;
    items.push_back(std::move(item));
  }
  return nlohmann::json{{"appointments", std::move(items)}};
}

Result<nlohmann::json> AppointmentService::rates(const Principal& viewer, std::int64_t campaign_id) {
  auto lease = database_.session();
  const auto campaign = campaigns::campaign_store::find(*lease, viewer.agency_id, campaign_id);
  if (!campaign || !identity::can_see_client(viewer, campaign->client_id)) {
    return fail(ErrorCode::not_found, "no such campaign", "id");
  }
  const auto rate = [](std::int64_t part, std::int64_t whole) {
    return whole == 0 ? nlohmann::json() : nlohmann::json(static_cast<double>(part) / static_cast<double>(whole));
  };
  const auto line = [&](const appointment_store::RepCounts& c) {
    const auto recorded = c.held + c.no_show;
    return nlohmann::json{{"appointments", c.appointments},
                          {"confirmed", c.confirmed},
                          {"held", c.held},
                          {"qualified", c.qualified},
                          {"no_show", c.no_show},
                          {"cancelled", c.cancelled},
                          {"confirmation_rate", rate(c.confirmed, c.appointments)},
                          {"no_show_rate", rate(c.no_show, recorded)},
                          {"qualified_rate", rate(c.qualified, c.held)}};
  };
  appointment_store::RepCounts all;
  nlohmann::json reps = nlohmann::json::array();
  for (const auto& c : appointment_store::counts_by_rep(*lease, viewer.agency_id, campaign_id)) {
    auto item = line(c);
    item["rep_id"] = c.rep_id;
    item["rep_name"] = c.rep_name;
    reps.push_back(std::move(item));
    all.appointments += c.appointments;
    all.confirmed += c.confirmed;
    all.held += c.held;
    all.qualified += c.qualified;
    all.no_show += c.no_show;
    all.cancelled += c.cancelled;
  }
  return nlohmann::json{{"campaign", line(all)}, {"reps", std::move(reps)}};
}

Result<nlohmann::json> AppointmentService::find(const Principal& viewer, std::int64_t id) {
  auto lease = database_.session();
  const auto appointment = appointment_store::find(*lease, viewer.agency_id, id);
  if (!appointment || !identity::can_see_client(viewer, appointment->client_id)) {
    return fail(ErrorCode::not_found, "no such appointment", "id");
  }
  appointment_store::ListFilter filter;
  filter.lead_id = appointment->lead_id;
  for (const auto& view : appointment_store::list(*lease, viewer.agency_id, filter)) {
    if (view.appointment.id == id) return to_json(view);
  }
  return to_json(*appointment);
}

Result<std::string> AppointmentService::issue_feed_token(const Principal& manager, std::int64_t rep_id) {
  const std::string token = platform::crypto::random_token();
  const bool issued = database_.transaction("rep.feed_token", [&](soci::session& sql) {
    const auto rep = campaigns::rep_store::find(sql, manager.agency_id, rep_id);
    if (!rep || !identity::can_see_client(manager, rep->client_id)) return false;
    campaigns::rep_store::set_feed_token_hash(sql, manager.agency_id, rep_id, platform::crypto::sha256_hex(token));
    return true;
  });
  if (!issued) return fail(ErrorCode::not_found, "no such rep", "id");
  return token;
}

Result<std::string> AppointmentService::feed(std::int64_t rep_id, const std::string& token) {
  auto lease = database_.session();
  const auto rep = campaigns::rep_store::find_by_feed_token_hash(*lease, rep_id, platform::crypto::sha256_hex(token));
  if (token.empty() || !rep) return fail(ErrorCode::not_found, "no such calendar");
  const TimePoint now = clock_.now();
  appointment_store::ListFilter filter;
  filter.rep_id = rep->id;
  filter.from = to_micros(now - kFeedPast);
  filter.to = to_micros(now + kFeedAhead);
  filter.limit = kFeedLimit;
  std::vector<CalendarEvent> events;
  for (const auto& view : appointment_store::list(*lease, rep->agency_id, filter)) {
    AppointmentParties parties;
    parties.client_name = view.client_name;
    parties.company_name = view.company_name;
    parties.person_name = view.person_name;
    parties.rep_name = view.rep_name;
    parties.mail_host = site_.host;
    events.push_back(calendar_event_of(view.appointment, parties, view.appointment.updated_at));
  }
  return feed_text("Termine " + rep->name, events);
}

}  // namespace termintreu::appointments
