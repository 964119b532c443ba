// The import against a real database (SQLite and PostgreSQL): counts, duplicates skipped and merged, blocked rows,
// rejects with their lines, all or nothing, and the jobs table.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "contacts/block_list.hpp"
#include "contacts/import_pipeline.hpp"
#include "contacts/import_store.hpp"
#include "contacts/match_keys.hpp"
#include "identity/tenant_store.hpp"
#include "store_fixture.hpp"

namespace termintreu::contacts {
namespace {

constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (agency_id, client_id, name, created_at) VALUES (:agency_id, :client_id, :name, :now) "
    "RETURNING id";
constexpr const char* kInsertBlock =
    "INSERT INTO block_list (agency_id, kind, value_hash, created_at) VALUES (:agency_id, :kind, :hash, :now)";

class ImportStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    now_ = platform::to_micros(clock().now());
    directory_ = std::filesystem::temp_directory_path() /
                 ("termintreu-import-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(directory_);
    db().transaction("fixture", [&](soci::session& sql) {
      agency_ = identity::tenant_store::insert_agency(sql, "Agentur A", now_);
      other_agency_ = identity::tenant_store::insert_agency(sql, "Agentur B", now_);
      client_ = identity::tenant_store::insert_client(sql, {agency_, "Kunde A1", "", ""}, now_);
      campaign_ = insert_campaign(sql, "Frühjahr");
      second_campaign_ = insert_campaign(sql, "Herbst");
    });
  }
  void TearDown() override {
    std::filesystem::remove_all(directory_);
    StoreTest::TearDown();
  }

  std::int64_t insert_campaign(soci::session& sql, const std::string& name) {
    long long id = 0;
    const long long agency = agency_, client = client_, now = now_;
    sql << kInsertCampaign, soci::use(agency, "agency_id"), soci::use(client, "client_id"), soci::use(name, "name"),
        soci::use(now, "now"), soci::into(id);
    return id;
  }

  std::filesystem::path write_file(const std::string& bytes) {
    const auto path = directory_ / ("file" + std::to_string(files_++) + ".csv");
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  std::int64_t new_job() {
    ImportJob job;
    job.agency_id = agency_;
    job.client_id = client_;
    job.file_name = "liste.csv";
    job.created_at = now_;
    return db().transaction("job", [&](soci::session& sql) { return import_store::insert(sql, job); });
  }

  platform::Result<ImportSummary> import(const std::string& bytes, DuplicatePolicy duplicates = DuplicatePolicy::skip,
                                         std::optional<std::int64_t> campaign = std::nullopt,
                                         std::optional<std::int64_t> job = std::nullopt) {
    ImportRun run;
    run.file = write_file(bytes);
    run.choices.duplicates = duplicates;
    run.target.agency_id = agency_;
    run.target.client_id = client_;
    run.target.campaign_id = campaign ? campaign : std::optional<std::int64_t>(campaign_);
    run.target.import_id = job ? job : std::optional<std::int64_t>(new_job());
    run.target.time_zone = "Europe/Berlin";
    run.now = now_;
    run.normalisers = 2;
    return run_import(db(), run);
  }

  long long count(const std::string& select) {
    auto lease = db().session();
    long long n = 0;
    *lease << select, soci::into(n);
    return n;
  }
  std::string text(const std::string& select) {
    auto lease = db().session();
    std::string value;
    *lease << select, soci::into(value);
    return value;
  }

  void block(BlockKind kind, const std::string& value) {
    db().transaction("block", [&](soci::session& sql) {
      const long long agency = agency_, now = now_;
      const std::string kind_text(to_string(kind)), hash = block_hash(agency_, kind, value);
      sql << kInsertBlock, soci::use(agency, "agency_id"), soci::use(kind_text, "kind"), soci::use(hash, "hash"),
          soci::use(now, "now");
    });
  }

  static inline int counter_ = 0;
  std::filesystem::path directory_;
  int files_ = 0;
  std::int64_t now_ = 0, agency_ = 0, other_agency_ = 0, client_ = 0, campaign_ = 0, second_campaign_ = 0;
};

constexpr const char* kHeader = "Firma;Vorname;Nachname;Position;Telefon;Mobil;E-Mail\r\n";

TEST_F(ImportStoreTest, ImportsRowsAndReportsEveryRejectWithItsLine) {
  const std::string file = std::string(kHeader) +
                           "Kessler GmbH;Anna;Berg;Einkauf;030 1234567;;a.berg@kessler.example\r\n"  // line 2
                           "Kessler GmbH;Jonas;Weber;\"Leitung\r\nEinkauf\";030 1234568;;\r\n"       // 3-4
                           "\r\n"                                                                     // 5 blank
                           "Brandt AG;Eva;Roth;;0049 30 1234567;;\r\n"        // 6: same number as line 2
                           "Brandt AG;Max;Kurz;;12;;\r\n"                     // 7: invalid number
                           ";;;;030 9999999;;\r\n"                            // 8: no name
                           "Brandt AG;Max;Kurz;;030 7777777;0151 23456789;m@brandt.example;zu viel\r\n"  // 9
                           "Brandt AG;Max;Kurz;;030 7777777;0151 23456789;m@brandt.example\r\n";        // 10
  auto summary = import(file);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->encoding, "UTF-8");
  EXPECT_EQ(summary->delimiter, ';');
  EXPECT_EQ(summary->rows, 7u);
  EXPECT_EQ(summary->imported, 3u);
  EXPECT_EQ(summary->skipped_duplicates, 1u);
  EXPECT_EQ(summary->rejected, 3u);
  ASSERT_EQ(summary->rejects.size(), 4u);
  EXPECT_EQ(summary->rejects[0].line, 6u);
  EXPECT_EQ(summary->rejects[0].reason, "duplicate");
  EXPECT_EQ(summary->rejects[0].field, "phone");
  EXPECT_EQ(summary->rejects[1].line, 7u);
  EXPECT_EQ(summary->rejects[1].field, "phone");
  EXPECT_EQ(summary->rejects[2].line, 8u);
  EXPECT_EQ(summary->rejects[2].field, "last_name");
  EXPECT_EQ(summary->rejects[3].line, 9u);
  EXPECT_EQ(summary->rejects[3].raw, "Brandt AG;Max;Kurz;;030 7777777;0151 23456789;m@brandt.example;zu viel");

  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM companies"), 2) << "Kessler once, Brandt once";
  EXPECT_EQ(count("SELECT COUNT(*) FROM phone_numbers"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM phone_numbers WHERE kind = 'mobile' AND e164 = '+4915123456789' "
                  "AND number_type = 'mobile' AND region = 'DE'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM leads WHERE state = 'new'"), 3);
  EXPECT_EQ(text("SELECT function FROM persons WHERE last_name = 'Weber'"), "Leitung\r\nEinkauf");
  EXPECT_EQ(text("SELECT email_key FROM persons WHERE last_name = 'Berg'"), "a.berg@kessler.example");
  EXPECT_EQ(text("SELECT time_zone FROM persons WHERE last_name = 'Berg'"), "Europe/Berlin");
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rejects"), 4);
}

TEST_F(ImportStoreTest, DuplicatesOfStoredPersonsAreSkippedOrMerged) {
  ASSERT_TRUE(import(std::string(kHeader) + "Kessler GmbH;Anna;Berg;;030 1234567;;a.berg@kessler.example\r\n"));
  const std::string again = std::string(kHeader) +
                            "Kessler GmbH;Anna;Berg;Einkauf;030 1111111;0151 23456789;A.Berg@Kessler.EXAMPLE\r\n"
                            "Kessler;Anna;Berg;;;0160 1234567;\r\n";

  auto skipped = import(again, DuplicatePolicy::skip, second_campaign_);
  ASSERT_TRUE(skipped) << skipped.error().message;
  EXPECT_EQ(skipped->skipped_duplicates, 2u);
  ASSERT_EQ(skipped->rejects.size(), 2u);
  EXPECT_EQ(skipped->rejects[0].field, "email") << "the same e-mail ignoring case";
  EXPECT_EQ(skipped->rejects[0].message, "the same person is already stored");
  EXPECT_EQ(skipped->rejects[1].field, "last_name") << "the same company (without legal form) and name";
  EXPECT_EQ(count("SELECT COUNT(*) FROM phone_numbers"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM leads"), 1);

  auto merged = import(again, DuplicatePolicy::merge, second_campaign_);
  ASSERT_TRUE(merged) << merged.error().message;
  EXPECT_EQ(merged->merged, 2u);
  EXPECT_EQ(merged->imported, 0u);
  EXPECT_TRUE(merged->rejects.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 1);
  EXPECT_EQ(text("SELECT function FROM persons"), "Einkauf") << "an empty field is filled";
  EXPECT_EQ(text("SELECT email FROM persons"), "a.berg@kessler.example") << "a filled one is kept";
  EXPECT_EQ(count("SELECT COUNT(*) FROM phone_numbers"), 4) << "the new numbers are added";
  EXPECT_EQ(count("SELECT COUNT(*) FROM leads"), 2) << "one lead per campaign";
}

TEST_F(ImportStoreTest, NoBlockedPersonIsImportableAndTheReportKeepsNothingOfThem) {
  block(BlockKind::phone, "+49301234567");
  block(BlockKind::email, "e.roth@brandt.example");
  block(BlockKind::name, person_key(company_key("Lenz KG"), "Ida", "Lenz"));
  const std::string file = std::string(kHeader) +
                           "Kessler GmbH;Anna;Berg;;+49 30 123 45 67;;\r\n"
                           "Brandt AG;Eva;Roth;;030 2222222;;E.Roth@Brandt.example\r\n"
                           "Lenz;Ida;Lenz;;030 3333333;;\r\n"
                           "Kessler GmbH;Tom;Tal;;030 1234567;;\r\n"
                           "Kessler GmbH;Uwe;Ufer;;030 4444444;;\r\n";
  auto summary = import(file);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->skipped_blocked, 4u);
  EXPECT_EQ(summary->imported, 1u);
  for (const auto& reject : summary->rejects) {
    EXPECT_EQ(reject.reason, "blocked");
    EXPECT_EQ(reject.raw, "") << reject.line;
  }
  EXPECT_EQ(summary->rejects[0].field, "phone");
  EXPECT_EQ(summary->rejects[1].field, "email");
  EXPECT_EQ(summary->rejects[2].field, "last_name");
  EXPECT_EQ(summary->rejects[3].line, 5u) << "the blocked number in another spelling";
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rejects WHERE raw <> ''"), 0);
}

TEST_F(ImportStoreTest, AFileThatBreaksOffLeavesNothingBehind) {
  std::string file = kHeader;
  for (int i = 0; i < 9000; ++i) {
    file += "Firma " + std::to_string(i) + ";Anna;Berg;;030 " + std::to_string(2000000 + i) + ";;\r\n";
  }
  file += "Kessler GmbH;\"Anna;Berg;;030 1234567;;\r\n";  // a quote never closed
  const auto job = new_job();
  auto summary = import(file, DuplicatePolicy::skip, std::nullopt, job);
  ASSERT_FALSE(summary);
  EXPECT_NE(summary.error().message.find("9002"), std::string::npos) << summary.error().message;
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM companies"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM phone_numbers"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM import_rejects"), 0);
}

TEST_F(ImportStoreTest, ReadsWindows1252AndIso885915) {
  // "Müller;Jürgen;Straße" in Windows-1252, "€uro Büro" in ISO-8859-15 (€ is 0xA4 there).
  const std::string cp1252 = "Firma;Vorname;Nachname;Telefon\r\nM\xFCller GmbH;J\xFCrgen;Stra\xDF" "e;030 1234567\r\n";
  auto first = import(cp1252);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->imported, 1u);
  EXPECT_EQ(text("SELECT name FROM companies"), "Müller GmbH");
  EXPECT_EQ(text("SELECT first_name FROM persons"), "Jürgen");

  ImportRun run;
  run.file = write_file("Firma;Nachname;Telefon\n\xA4uro B\xFCro;Kurz;030 7654321\n");
  run.file_options.encoding = "ISO-8859-15";
  run.target.agency_id = agency_;
  run.target.client_id = client_;
  run.now = now_;
  auto second = run_import(db(), run);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->encoding, "ISO-8859-15");
  EXPECT_EQ(count("SELECT COUNT(*) FROM companies WHERE name = '€uro Büro'"), 1);
}

TEST_F(ImportStoreTest, AMappingOfTheWrongWidthIsRefused) {
  ImportRun run;
  run.file = write_file(kHeader);
  run.choices.mapping = {ContactField::company_name};
  run.target.agency_id = agency_;
  run.target.client_id = client_;
  auto result = run_import(db(), run);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "mapping");
}

TEST_F(ImportStoreTest, JobsRunOnceFailOnRestartAndKeepTheirMapping) {
  const auto id = new_job();
  auto lease = db().session();
  auto job = import_store::find(*lease, agency_, id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, ImportState::uploaded);
  EXPECT_FALSE(import_store::find(*lease, other_agency_, id)) << "another agency finds nothing";

  job->mapping = R"({"0":"company_name"})";
  EXPECT_TRUE(import_store::start(*lease, *job, now_));
  EXPECT_FALSE(import_store::start(*lease, *job, now_)) << "a running import is not started twice";
  EXPECT_EQ(import_store::fail_interrupted(*lease, now_), 1);
  job = import_store::find(*lease, agency_, id);
  EXPECT_EQ(job->state, ImportState::failed);
  EXPECT_NE(job->error.find("interrupted"), std::string::npos);

  EXPECT_TRUE(import_store::start(*lease, *job, now_)) << "a failed import may run again";
  ImportSummary summary;
  summary.rows = 5;
  summary.imported = 4;
  summary.rejected = 1;
  summary.encoding = "UTF-8";
  import_store::finish(*lease, id, summary, now_);
  job = import_store::find(*lease, agency_, id);
  EXPECT_EQ(job->state, ImportState::done);
  EXPECT_EQ(job->imported, 4);
  EXPECT_EQ(job->rows_done, 5);
  EXPECT_EQ(import_store::list_for_client(*lease, agency_, client_).size(), 1u);
  EXPECT_TRUE(import_store::list_for_client(*lease, other_agency_, client_).empty());

  EXPECT_FALSE(import_store::saved_mapping(*lease, client_));
  import_store::save_mapping(*lease, client_, R"({"firma":"company_name"})", now_);
  import_store::save_mapping(*lease, client_, R"({"firma":"company_name","tel":"phone"})", now_);
  EXPECT_EQ(import_store::saved_mapping(*lease, client_), R"({"firma":"company_name","tel":"phone"})");
}

}  // namespace
}  // namespace termintreu::contacts
