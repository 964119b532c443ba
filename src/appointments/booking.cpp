#include "appointments/booking.hpp"

#include <fmt/format.h>

#include "appointments/appointment_parties.hpp"
#include "appointments/appointment_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "platform/country.hpp"

namespace termintreu::appointments {

using platform::ErrorCode;
using platform::fail;
using platform::to_micros;

namespace {

constexpr auto kLongestAhead = std::chrono::days{366};

std::string address_line(const contacts::Company& company) {
  std::string place = company.postal_code;
  if (!company.city.empty()) place += (place.empty() ? "" : " ") + company.city;
  if (company.street.empty()) return place;
  return place.empty() ? company.street : company.street + ", " + place;
}

}  // namespace

platform::Result<std::int64_t> Booking::book(soci::session& sql, const calling::BookingContext& context,
                                             const calling::AppointmentRequest& request) const {
  const std::int64_t agency = context.agency_id;
  if (request.starts_at > context.now + kLongestAhead) {
    return fail(ErrorCode::invalid, "must lie within a year", "appointment.starts_at");
  }
  const auto campaign = campaigns::campaign_store::find(sql, agency, context.campaign_id);
  if (!campaign) return fail(ErrorCode::not_found, "no such campaign");
  const auto reps = campaigns::campaign_store::staff(sql, campaign->id).rep_ids;
  if (std::find(reps.begin(), reps.end(), request.rep_id) == reps.end() ||
      !campaigns::rep_store::lock_calendar(sql, agency, request.rep_id)) {
    return fail(ErrorCode::invalid, "is not a rep of this campaign", "appointment.rep_id");
  }
  const auto rep = campaigns::rep_store::find(sql, agency, request.rep_id);
  if (!rep || !rep->active) return fail(ErrorCode::invalid, "is not an active rep", "appointment.rep_id");
  const auto person = contacts::contact_store::find_person(sql, agency, context.person_id);
  if (!person) return fail(ErrorCode::not_found, "no such lead");
  std::optional<contacts::Company> company;
  if (person->company_id) company = contacts::contact_store::find_company(sql, agency, *person->company_id);

  Appointment a;
  a.agency_id = agency;
  a.client_id = campaign->client_id;
  a.campaign_id = campaign->id;
  a.lead_id = context.lead_id;
  a.person_id = person->id;
  a.rep_id = rep->id;
  a.attempt_id = context.attempt_id;
  a.booked_by = context.agent_id;
  a.kind = request.kind;
  a.starts_at = request.starts_at;
  a.ends_at = request.starts_at + std::chrono::minutes{request.duration_minutes.value_or(rep->appointment_minutes)};
  const std::string country = company && !company->country.empty() ? company->country : rep->country;
  a.time_zone =
      !person->time_zone.empty() ? person->time_zone : platform::principal_time_zone(country).value_or(rep->time_zone);
  a.location = request.location;
  if (a.kind == "on_site" && company) {
    if (a.location.empty()) a.location = address_line(*company);
    a.place = places_.locate(country, company->postal_code, company->city);
  }
  if (a.kind == "on_site" && a.location.empty()) {
    return fail(ErrorCode::invalid, "is required: the company has no address", "appointment.location");
  }
  a.agenda = request.agenda;
  a.created_at = a.updated_at = to_micros(context.now);

  if (!appointment_store::busy_of_rep(sql, rep->id, to_micros(a.starts_at), to_micros(a.ends_at)).empty()) {
    return fail(ErrorCode::conflict, fmt::format("{} is not free then", rep->name), "appointment.starts_at");
  }
  a.id = appointment_store::insert(sql, a);

  TT_TRY(queued, queue_invitations(sql, a, parties_of(sql, a, site_), a.created_at));
  return a.id;
}

}  // namespace termintreu::appointments
