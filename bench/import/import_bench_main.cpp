// bench/import: the import on a generated lead file, against what bounds it – libphonenumber alone on the same
// numbers, and the bare insert of the same rows into the same tables. One mode per process, so that each reports
// its own peak memory:
//   termintreu_import_bench phones FILE THREADS    parse every distinct number of the file on THREADS threads
//   termintreu_import_bench bare DATABASE FILE     insert the rows as they are (no parsing, no duplicate checks)
//   termintreu_import_bench import DATABASE FILE   the real import (pipeline, one transaction)
// DATABASE: a SQLite file path or a postgresql:// URL of an empty database. Prints one line of JSON.
#include <atomic>
#include <chrono>
#include <iostream>
#include <thread>
#include <unordered_set>

#include <fmt/format.h>
#include <sys/resource.h>

#include "contacts/csv_reader.hpp"
#include "contacts/import_bulk_store.hpp"
#include "contacts/import_pipeline.hpp"
#include "contacts/import_rules.hpp"
#include "contacts/phone_number.hpp"
#include "identity/tenant_store.hpp"
#include "platform/clock.hpp"
#include "platform/crypto.hpp"
#include "platform/db/database.hpp"
#include "platform/db/migrations.hpp"
#include "platform/malloc_tuning.hpp"

namespace {

using namespace termintreu;
using Clock = std::chrono::steady_clock;

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void print(const std::string& mode, std::size_t rows, double seconds, const std::string& extra = "") {
  std::cout << fmt::format(R"({{"mode":"{}","rows":{},"seconds":{:.3f},"rows_per_second":{:.0f},"peak_rss_mib":{}{}}})",
                           mode, rows, seconds, rows / seconds, peak_rss_mib(), extra)
            << "\n";
}

struct Fixture {
  std::int64_t agency = 0, client = 0, campaign = 0;
};

Fixture prepare(platform::db::Database& db) {
  platform::SystemClock clock;
  platform::db::migrate(db, clock);
  const auto now = platform::to_micros(clock.now());
  Fixture f;
  db.transaction("bench.fixture", [&](soci::session& sql) {
    f.agency = identity::tenant_store::insert_agency(sql, "Bench", now);
    f.client = identity::tenant_store::insert_client(sql, {f.agency, "Bench-Kunde", "", ""}, now);
    long long id = 0;
    const long long agency = f.agency, client = f.client, at = now;
    sql << "INSERT INTO campaigns (agency_id, client_id, name, created_at) VALUES (:a, :c, 'Bench', :n) RETURNING id",
        soci::use(agency, "a"), soci::use(client, "c"), soci::use(at, "n"), soci::into(id);
    f.campaign = id;
  });
  return f;
}

int phones(const std::string& file, unsigned threads) {
  auto reader = contacts::CsvFileReader::open(file);
  if (!reader) throw std::runtime_error(reader.error().message);
  contacts::CsvRecord record;
  (void)(*reader)->next(record);
  const auto mapping = contacts::suggest_mapping(record.fields);
  std::vector<std::string> numbers;
  std::unordered_set<std::string> seen;
  while (*(*reader)->next(record)) {
    for (std::size_t i = 0; i < record.fields.size() && i < mapping.size(); ++i) {
      const bool is_number = mapping[i] == contacts::ContactField::phone || mapping[i] == contacts::ContactField::mobile;
      if (is_number && !record.fields[i].empty() && seen.insert(record.fields[i]).second) {
        numbers.push_back(record.fields[i]);
      }
    }
  }
  seen.clear();
  std::atomic<std::size_t> next{0}, valid{0};
  const auto start = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < numbers.size(); i = next++) {
        if (contacts::normalise_phone(numbers[i], "DE")) ++valid;
      }
    });
  }
  for (auto& thread : pool) thread.join();
  print(fmt::format("phones x{}", threads), numbers.size(), seconds_since(start),
        fmt::format(R"(,"valid":{})", valid.load()));
  return 0;
}

int bare(const std::string& url, const std::string& file) {
  auto db = platform::db::Database::open(url);
  const auto fixture = prepare(*db);
  auto reader = contacts::CsvFileReader::open(file);
  if (!reader) throw std::runtime_error(reader.error().message);
  contacts::CsvRecord record;
  (void)(*reader)->next(record);
  const auto mapping = contacts::suggest_mapping(record.fields);
  contacts::ImportTarget target;
  target.agency_id = fixture.agency;
  target.client_id = fixture.client;
  target.campaign_id = fixture.campaign;
  const auto start = Clock::now();
  std::size_t rows = 0;
  db->transaction("bench.bare", [&](soci::session& sql) {
    contacts::ContactBulkWriter out(sql, db->engine(), target, 0);
    while (*(*reader)->next(record)) {
      ++rows;
      auto parsed = contacts::record_from_fields(mapping, record.fields);
      if (!parsed) continue;
      const auto keys = contacts::record_keys(*parsed, std::nullopt, std::nullopt);
      const auto person = out.add_person(*parsed, keys, std::nullopt);
      // The typed text stands in for the E.164 form: same table, same row size, no parse.
      out.add_phone(person, "phone", contacts::PhoneNumber{parsed->phone_text, "DE", contacts::PhoneType::fixed});
      out.add_lead(person);
      out.flush_if_full();
    }
    out.flush();
  });
  print("bare insert", rows, seconds_since(start));
  return 0;
}

int import(const std::string& url, const std::string& file) {
  auto db = platform::db::Database::open(url);
  const auto fixture = prepare(*db);
  contacts::ImportRun run;
  run.file = file;
  run.target.agency_id = fixture.agency;
  run.target.client_id = fixture.client;
  run.target.campaign_id = fixture.campaign;
  run.target.time_zone = "Europe/Berlin";
  const auto start = Clock::now();
  auto summary = contacts::run_import(*db, run);
  if (!summary) throw std::runtime_error(summary.error().message);
  print("import", summary->rows, seconds_since(start),
        fmt::format(R"(,"imported":{},"duplicates":{},"rejected":{})", summary->imported,
                    summary->skipped_duplicates, summary->rejected));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  platform::tune_malloc();  // as the server does
  try {
    platform::crypto::initialise();
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "phones" && argc == 4) return phones(argv[2], static_cast<unsigned>(std::stoul(argv[3])));
    if (mode == "bare" && argc == 4) return bare(argv[2], argv[3]);
    if (mode == "import" && argc == 4) return import(argv[2], argv[3]);
    std::cerr << "usage: termintreu_import_bench phones FILE THREADS | bare DATABASE FILE | import DATABASE FILE\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "termintreu_import_bench: " << e.what() << "\n";
    return 1;
  }
}
