// bench/slots: slot suggestions while the person is on the phone. One rep (home base Bielefeld, Mon–Fri 08:00–17:00)
// with APPOINTMENTS half-hour appointments in the coming month at companies all over its territory; then REQUESTS
// suggestion requests (AppointmentService::slots, as GET /api/workspace/leads/{id}/slots answers them: the lead,
// its company and the rep read from the database, the rep's busy times of the searched days, public holidays, the
// ranking) for leads at different postal codes, one after another. Prints one line of JSON with the latency
// distribution, and the same for the ranking alone (suggest_slots on the calendar already read).
//   termintreu_slots_bench DATABASE APPOINTMENTS REQUESTS
// DATABASE: a SQLite file path or a postgresql:// URL of an empty database.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "appointments/appointment_service.hpp"
#include "appointments/appointment_store.hpp"
#include "appointments/mail_site.hpp"
#include "appointments/slot_finder.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/malloc_tuning.hpp"

namespace {

using namespace termintreu;
using Steady = std::chrono::steady_clock;
using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kCampaign =
    "INSERT INTO campaigns (agency_id, client_id, name, state, caller_id, created_at) VALUES (:agency_id, "
    ":client_id, 'Bench', 'active', '+493012345678', :now) RETURNING id";
// Postal codes of the rep's territory (Ostwestfalen, Münsterland, Ruhr): where its appointments and leads are.
constexpr const char* kPostalCodes[] = {"33602", "33100", "32052", "32423", "33330", "48143", "48431", "49074",
                                        "44135", "45127", "33790", "32756", "33098", "48683", "32545", "33378"};

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

std::string stats(std::vector<double> ms) {
  double sum = 0;
  for (const double v : ms) sum += v;
  const double mean = ms.empty() ? 0 : sum / static_cast<double>(ms.size());
  const double max = ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end());
  return fmt::format(R"({{"mean_ms":{:.3f},"p50_ms":{:.3f},"p95_ms":{:.3f},"p99_ms":{:.3f},"max_ms":{:.3f}}})", mean,
                     percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 0.99), max);
}

}  // namespace

int main(int argc, char** argv) {
  platform::tune_malloc();
  if (argc != 4) {
    std::cerr << "usage: termintreu_slots_bench DATABASE APPOINTMENTS REQUESTS\n";
    return 2;
  }
  const std::string url = argv[1];
  const int appointment_count = std::stoi(argv[2]);
  const int requests = std::stoi(argv[3]);
  // Monday 2 March 2026, 09:00 in Berlin.
  platform::FakeClock clock(platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 2)) + hours(8));
  auto db = platform::db::Database::open(url, {});
  platform::db::migrate(*db, clock);
  const appointments::PlaceIndex places{appointments::packaged_place_data()};
  std::mt19937 random(42);

  std::int64_t agency = 0, campaign = 0, rep_id = 0, booked_by = 0;
  std::vector<std::int64_t> leads;
  db->transaction("bench.setup", [&](soci::session& sql) {
    const auto now = platform::to_micros(clock.now());
    agency = identity::tenant_store::insert_agency(sql, "Bench-Agentur", now);
    const auto client = identity::tenant_store::insert_client(sql, {agency, "Bench-Kunde", "", "", "DE"}, now);
    long long id = 0;
    const long long a = agency, c = client;
    sql << kCampaign, soci::use(a), soci::use(c), soci::use(now), soci::into(id);
    campaign = id;
    campaigns::Rep rep;
    rep.agency_id = agency;
    rep.client_id = client;
    rep.name = "Stefan Ruhnau";
    rep.territories = "32,33,44,45,48,49";
    rep.postal_code = "33602";
    rep.city = "Bielefeld";
    rep.state = "NW";
    rep_id = campaigns::rep_store::insert(sql, rep, now);
    identity::user_store::NewUser user;
    user.agency_id = agency;
    user.email = "agent@bench.example";
    user.name = "Bench Agent";
    user.password_hash = "not used";
    booked_by = identity::user_store::insert(sql, user, now);
    campaigns::campaign_store::replace_reps(sql, campaign, {rep_id});
    // The month's appointments, half an hour each: on weekdays starting at a quarter hour from 08:00 to 16:30 (UTC
    // 07:00 to 15:30 in winter), at one of the territory's places. 200 of them are about nine a day: dense, overlapping
    // at times, yet a day keeps gaps a visit fits into.
    std::uniform_int_distribution<int> day(0, 29), quarter(0, 34), place(0, std::size(kPostalCodes) - 1);
    for (int i = 0; i < appointment_count; ++i) {
      auto starts = clock.now() + date::days{day(random)} - hours(1) + minutes(15 * quarter(random));
      while (date::weekday{date::floor<date::days>(starts)}.iso_encoding() > 5) starts += date::days{1};
      appointments::Appointment a;
      a.agency_id = agency;
      a.client_id = client;
      a.campaign_id = campaign;
      a.lead_id = 0;
      a.person_id = 0;
      a.rep_id = rep_id;
      a.booked_by = booked_by;
      a.starts_at = starts;
      a.ends_at = starts + minutes(30);
      a.time_zone = "Europe/Berlin";
      a.place = places.locate("DE", kPostalCodes[place(random)], "");
      a.created_at = a.updated_at = now;
      appointments::appointment_store::insert(sql, a);
    }
    for (std::size_t i = 0; i < std::size(kPostalCodes); ++i) {
      contacts::Company company;
      company.agency_id = agency;
      company.client_id = client;
      company.name = fmt::format("Firma {}", i);
      company.postal_code = kPostalCodes[i];
      company.country = "DE";
      contacts::Person person;
      person.agency_id = agency;
      person.client_id = client;
      person.company_id = contacts::contact_store::insert_company(sql, company, now);
      person.last_name = fmt::format("Person {}", i);
      person.time_zone = "Europe/Berlin";
      const auto person_id = contacts::contact_store::insert_person(sql, person, now);
      leads.push_back(contacts::contact_store::insert_lead(sql, agency, campaign, person_id, "new", now));
    }
    return true;
  });
  if (url.starts_with("postgresql")) {
    auto lease = db->session();
    *lease << "ANALYZE";
  }

  // Through the service, as the route runs it: a supervisor may plan for any lead of the agency.
  appointments::AppointmentService service(*db, clock, places,
                                           appointments::MailSite{"bench.example", "https://bench.example"});
  identity::Principal supervisor;
  supervisor.agency_id = agency;
  supervisor.role = identity::Role::supervisor;
  std::vector<double> service_ms;
  std::size_t slots_found = 0;
  for (int i = 0; i < requests; ++i) {
    const auto started = Steady::now();
    const auto answer = service.slots(supervisor, leads[static_cast<std::size_t>(i) % leads.size()], {});
    service_ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - started).count());
    if (!answer) {
      std::cerr << "slots failed: " << answer.error().message << "\n";
      return 1;
    }
    slots_found += (*answer)["slots"].size();
  }

  // The ranking alone, on the calendar as the service reads it.
  appointments::RepCalendar calendar;
  {
    auto lease = db->session();
    const auto rep = *campaigns::rep_store::find(*lease, agency, rep_id);
    calendar.rep_id = rep.id;
    calendar.zone = date::locate_zone(rep.time_zone);
    calendar.working_hours = rep.working_hours;
    calendar.home = places.locate(rep.country, rep.postal_code, rep.city);
    calendar.busy = appointments::appointment_store::busy_of_rep(*lease, rep.id, platform::to_micros(clock.now()),
                                                                 platform::to_micros(clock.now() + date::days{40}));
  }
  std::vector<double> ranking_ms;
  int empty_answers = 0;
  for (int i = 0; i < requests; ++i) {
    appointments::SlotQuery query;
    query.earliest = clock.now() + hours(2);
    query.place = places.locate("DE", kPostalCodes[static_cast<std::size_t>(i) % std::size(kPostalCodes)], "");
    const auto started = Steady::now();
    const auto found = appointments::suggest_slots({calendar}, query);
    ranking_ms.push_back(std::chrono::duration<double, std::milli>(Steady::now() - started).count());
    // A full month leaves some places without a slot in five working days: an answer too, counted.
    if (found.empty()) ++empty_answers;
  }
  std::cout << fmt::format(R"({{"engine":"{}","appointments":{},"busy_in_range":{},"requests":{},)"
                           R"("slots_per_answer":{:.1f},"empty_answers":{},"service":{},"ranking":{}}})",
                           url.starts_with("postgresql") ? "postgresql" : "sqlite", appointment_count,
                           calendar.busy.size(), requests,
                           static_cast<double>(slots_found) / static_cast<double>(requests), empty_answers,
                           stats(service_ms),
                           stats(ranking_ms))
            << std::endl;
  return 0;
}
