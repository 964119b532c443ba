// bench/dispatch: the queue under load. Generates LEADS leads in CAMPAIGNS active campaigns (persons in Berlin,
// one number each), AGENTS agents spread over the campaigns, then THREADS threads play the agents round-robin for
// SECONDS seconds: Next → outcome "busy" (the lead is due again only in an hour, so every cycle takes a fresh one).
// The clock stands on a Tuesday 10:00 in Berlin. In-process (DispatchService on the Database), so this measures
// the queue and the database, not HTTP (bench/http does that).
//   termintreu_dispatch_bench DATABASE LEADS CAMPAIGNS AGENTS THREADS SECONDS
// DATABASE: a SQLite file path or a postgresql:// URL of an empty database. Prints one line of JSON.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <sys/resource.h>

#include "calling/dispatch_service.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/db/query.hpp"
#include "platform/http/events.hpp"
#include "platform/malloc_tuning.hpp"

namespace {

using namespace termintreu;
using Steady = std::chrono::steady_clock;

constexpr const char* kCampaign =
    "INSERT INTO campaigns (agency_id, client_id, name, state, caller_id, created_at) VALUES (:agency_id, "
    ":client_id, :name, 'active', '+493012345678', :now) RETURNING id";
constexpr const char* kMember =
    "INSERT INTO campaign_members (campaign_id, user_id, member_role) VALUES (:campaign_id, :user_id, 'agent')";
// Persons, numbers and leads generated inside the database: a recursive count, no round trip per row.
constexpr const char* kPersons =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count) "
    "INSERT INTO persons (agency_id, client_id, first_name, last_name, time_zone, created_at, updated_at) "
    "SELECT :agency_id, :client_id, 'Eva', 'Muster' || i, 'Europe/Berlin', :now, :now2 FROM n";
constexpr const char* kPhones =
    "INSERT INTO phone_numbers (agency_id, person_id, kind, e164, region) "
    "SELECT agency_id, id, 'phone', '+4930' || (1000000 + id), 'DE' FROM persons WHERE agency_id = :agency_id";
constexpr const char* kLeads =
    "INSERT INTO leads (agency_id, campaign_id, person_id, state, created_at, updated_at) "
    "SELECT agency_id, :first_campaign + (id % :campaigns), id, 'new', :now, :now2 FROM persons "
    "WHERE agency_id = :agency_id";
constexpr const char* kPhoneOfLead =
    "SELECT p.e164 FROM leads l JOIN phone_numbers p ON p.person_id = l.person_id WHERE l.id = :id";

struct Setup {
  std::int64_t agency = 0;
  std::vector<identity::Principal> agents;
};

Setup prepare(platform::db::Database& db, const platform::Clock& clock, long long leads, int campaigns, int agents) {
  platform::db::migrate(db, clock);
  const long long now = platform::to_micros(clock.now());
  Setup setup;
  db.transaction("bench.setup", [&](soci::session& sql) {
    setup.agency = identity::tenant_store::insert_agency(sql, "Bench", now);
    const auto client = identity::tenant_store::insert_client(sql, {setup.agency, "Kunde", "", "", "DE"}, now);
    const long long agency = setup.agency, client_id = client;
    std::vector<long long> campaign_ids;
    for (int c = 0; c < campaigns; ++c) {
      long long id = 0;
      const std::string name = fmt::format("Kampagne {}", c);
      sql << kCampaign, soci::use(agency), soci::use(client_id), soci::use(name), soci::use(now), soci::into(id);
      campaign_ids.push_back(id);
    }
    for (int a = 0; a < agents; ++a) {
      identity::user_store::NewUser user;
      user.agency_id = setup.agency;
      user.email = fmt::format("agent{}@bench.example", a);
      user.name = fmt::format("Agent {}", a);
      user.password_hash = "x";  // nobody signs in: the bench calls the service directly
      const long long id = identity::user_store::insert(sql, user, now);
      const long long campaign = campaign_ids[static_cast<std::size_t>(a % campaigns)];
      sql << kMember, soci::use(campaign), soci::use(id);
      identity::Principal p;
      p.agency_id = setup.agency;
      p.user_id = id;
      p.name = user.name;
      setup.agents.push_back(p);
    }
    sql << kPersons, soci::use(leads), soci::use(agency), soci::use(client_id), soci::use(now), soci::use(now);
    sql << kPhones, soci::use(agency);
    const long long first = campaign_ids.front(), count = campaigns;
    sql << kLeads, soci::use(first), soci::use(count), soci::use(now), soci::use(now), soci::use(agency);
  });
  return setup;
}

// CPU time of the whole process (all threads, user + system) so far: what a cycle costs, apart from waiting.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double percentile(std::vector<double>& values, double p) {
  if (values.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k), values.end());
  return values[k];
}

}  // namespace

int main(int argc, char** argv) {
  platform::tune_malloc();  // as the server does
  if (argc != 7) {
    std::cerr << "usage: termintreu_dispatch_bench DATABASE LEADS CAMPAIGNS AGENTS THREADS SECONDS\n";
    return 2;
  }
  const std::string url = argv[1];
  const long long leads = std::stoll(argv[2]);
  const int campaigns = std::stoi(argv[3]), agents = std::stoi(argv[4]), threads = std::stoi(argv[5]);
  const int seconds = std::stoi(argv[6]);

  // Tuesday 3 March 2026, 10:00 in Berlin: inside the default windows, no holiday anywhere in Germany.
  platform::FakeClock clock(platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 3 / 3)) +
                            std::chrono::hours(9));
  platform::db::DatabaseOptions options;
  options.pool_size = static_cast<std::size_t>(threads) + 2;
  options.busy_timeout = std::chrono::milliseconds{30000};
  auto db = platform::db::Database::open(url, options);
  const auto setup_started = Steady::now();
  const Setup setup = prepare(*db, clock, leads, campaigns, agents);
  // Planner statistics for the freshly loaded rows, as a database in service has them (PostgreSQL's autovacuum
  // would gather them a minute later, in the middle of the run).
  {
    auto lease = db->session();
    *lease << "ANALYZE";
  }
  const double setup_seconds = std::chrono::duration<double>(Steady::now() - setup_started).count();

  platform::http::EventHub events;
  calling::DispatchService dispatch(*db, clock, events);
  // Every campaign's leads get their calling area on the first Next; do it before the clock starts.
  const auto warm_started = Steady::now();
  for (int c = 0; c < campaigns && c < agents; ++c) {
    const auto& agent = setup.agents[static_cast<std::size_t>(c)];
    if (auto got = dispatch.next(agent); got && got->lead_id) dispatch.release(agent, *got->lead_id);
  }
  const double warm_seconds = std::chrono::duration<double>(Steady::now() - warm_started).count();

  std::mutex mutex;
  std::vector<double> next_ms, outcome_ms;
  std::atomic<long long> cycles{0}, empty{0}, errors{0};
  std::map<std::string, long long> error_kinds;  // guarded by mutex
  const auto note_error = [&](const char* step, const std::string& message) {
    ++errors;
    std::lock_guard lock(mutex);
    ++error_kinds[std::string(step) + ": " + message];
  };
  const auto deadline = Steady::now() + std::chrono::seconds(seconds);
  const auto started = Steady::now();
  const double cpu_started = cpu_seconds();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::vector<double> my_next, my_outcome;
      auto phone_session = db->session();
      // Each thread plays its own agents (t, t + threads, …), so no agent is ever in two places at once.
      std::vector<const identity::Principal*> mine;
      for (std::size_t i = static_cast<std::size_t>(t); i < setup.agents.size(); i += static_cast<std::size_t>(threads)) {
        mine.push_back(&setup.agents[i]);
      }
      for (std::size_t turn = 0; !mine.empty() && Steady::now() < deadline; ++turn) {
        const auto& agent = *mine[turn % mine.size()];
        const auto t0 = Steady::now();
        const auto got = dispatch.next(agent);
        const auto t1 = Steady::now();
        my_next.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        if (!got) {
          note_error("next", got.error().message);
          continue;
        }
        if (!got->lead_id) {
          ++empty;
          continue;
        }
        calling::OutcomeInput input;
        input.outcome = "busy";
        input.phone =
            platform::db::fetch_value<std::string>(*phone_session, kPhoneOfLead, static_cast<long long>(*got->lead_id))
                .value_or("");
        const auto t2 = Steady::now();
        const auto stored = dispatch.record_outcome(agent, *got->lead_id, input);
        my_outcome.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t2).count());
        if (stored) {
          ++cycles;
        } else {
          note_error("outcome", stored.error().message);
        }
      }
      std::lock_guard lock(mutex);
      next_ms.insert(next_ms.end(), my_next.begin(), my_next.end());
      outcome_ms.insert(outcome_ms.end(), my_outcome.begin(), my_outcome.end());
    });
  }
  for (auto& w : workers) w.join();
  for (const auto& [kind, count] : error_kinds) std::cerr << fmt::format("{} × {}\n", count, kind);
  const double elapsed = std::chrono::duration<double>(Steady::now() - started).count();
  const double cpu_us_per_cycle = cycles.load() > 0 ? (cpu_seconds() - cpu_started) * 1e6 / cycles.load() : 0;
  std::cout << fmt::format(
                   R"({{"engine":"{}","leads":{},"campaigns":{},"agents":{},"threads":{},"setup_seconds":{:.1f},)"
                   R"("warm_seconds":{:.1f},"seconds":{:.1f},"cycles":{},"cycles_per_second":{:.0f},"empty":{},)"
                   R"("errors":{},"next_p50_ms":{:.2f},"next_p99_ms":{:.2f},"outcome_p50_ms":{:.2f},)"
                   R"("outcome_p99_ms":{:.2f},"cpu_us_per_cycle":{:.0f}}})",
                   db->engine() == platform::db::Engine::sqlite ? "sqlite" : "postgresql", leads, campaigns, agents,
                   threads, setup_seconds, warm_seconds, elapsed, cycles.load(), cycles.load() / elapsed, empty.load(),
                   errors.load(), percentile(next_ms, 0.5), percentile(next_ms, 0.99), percentile(outcome_ms, 0.5),
                   percentile(outcome_ms, 0.99), cpu_us_per_cycle)
            << "\n";
  return errors.load() == 0 ? 0 : 1;
}
