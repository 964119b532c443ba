// The call log against a real database (SQLite and PostgreSQL): appends build one chain per campaign, the database
// refuses changes, tampering behind the triggers' back is found, erasure takes the notes and keeps the chain,
// another agency finds nothing; the log for people pages and filters, and names each entry's correction.
#include <algorithm>
#include <atomic>
#include <thread>

#include <gtest/gtest.h>

#include "calling/attempt_correction.hpp"
#include "calling/attempt_store.hpp"
#include "calling/call_ledger.hpp"
#include "calling/ledger_service.hpp"
#include "campaigns/campaign_store.hpp"
#include "contacts/contact_store.hpp"
#include "contacts/privacy_service.hpp"
#include "identity/actor.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "store_fixture.hpp"

namespace termintreu::calling {
namespace {

using platform::ErrorCode;

class AttemptStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    now_ = platform::to_micros(clock().now());
    db().transaction("fixture", [&](soci::session& sql) {
      agency_a_ = identity::tenant_store::insert_agency(sql, "Agentur A", now_);
      agency_b_ = identity::tenant_store::insert_agency(sql, "Agentur B", now_);
      client_a1_ = identity::tenant_store::insert_client(sql, {agency_a_, "Kunde A1", "", "", "DE"}, now_);
      client_a2_ = identity::tenant_store::insert_client(sql, {agency_a_, "Kunde A2", "", "", "DE"}, now_);
      campaigns::Campaign campaign;
      campaign.agency_id = agency_a_;
      campaign.client_id = client_a1_;
      campaign.name = "Wartung";
      campaign_a1_ = campaigns::campaign_store::insert(sql, campaign, now_);
      campaign.client_id = client_a2_;
      campaign_a2_ = campaigns::campaign_store::insert(sql, campaign, now_);
      anna_ = person(sql, client_a1_, "Anna", "Berg");
      bernd_ = person(sql, client_a1_, "Bernd", "Kranz");
      lead_anna_ = contacts::contact_store::insert_lead(sql, agency_a_, campaign_a1_, anna_, "new", now_);
      lead_bernd_ = contacts::contact_store::insert_lead(sql, agency_a_, campaign_a1_, bernd_, "new", now_);
      carla_ = person(sql, client_a2_, "Carla", "Roth");
      lead_carla_ = contacts::contact_store::insert_lead(sql, agency_a_, campaign_a2_, carla_, "new", now_);
    });
  }

  std::int64_t person(soci::session& sql, std::int64_t client_id, const char* first, const char* last) {
    contacts::Person p;
    p.agency_id = agency_a_;
    p.client_id = client_id;
    p.first_name = first;
    p.last_name = last;
    p.time_zone = "Europe/Berlin";
    return contacts::contact_store::insert_person(sql, p, now_);
  }

  // Appends one attempt in a transaction of its own, as the calling service will.
  CallAttempt append(std::int64_t campaign_id, std::int64_t lead_id, std::int64_t person_id, const std::string& outcome,
                     const std::string& note = "", std::int64_t agent_id = 501) {
    CallAttempt a;
    a.agency_id = agency_a_;
    a.campaign_id = campaign_id;
    a.lead_id = lead_id;
    a.person_id = person_id;
    a.agent_id = agent_id;
    a.phone = "+49302312510" + std::to_string(person_id % 10);
    a.caller_id = "+495219876540";
    a.outcome = outcome;
    a.reason = outcome == "not_interested" ? "Kein Bedarf: „läuft über den Hersteller\"" : "";
    a.note = note;
    a.started_at = now_ + ++calls_ * 60'000'000;
    a.ended_at = a.started_at + 30'000'000;
    a.talk_seconds = 5;
    if (outcome == "callback") a.callback_at = now_ + 86'400'000'000;
    a.recorded_at = a.ended_at + 1'000'000;
    db().transaction("call.record", [&](soci::session& sql) { attempt_store::append(sql, a); });
    return a;
  }

  LedgerCheck verify(std::int64_t campaign_id, std::int64_t agency_id = 0) {
    auto lease = db().session();
    return verify_campaign_ledger(*lease, agency_id == 0 ? agency_a_ : agency_id, campaign_id);
  }

  std::vector<CallAttempt> of_lead(std::int64_t lead_id, std::int64_t agency_id = 0) {
    auto lease = db().session();
    return attempt_store::of_lead(*lease, agency_id == 0 ? agency_a_ : agency_id, lead_id);
  }

  std::int64_t now_ = 0, calls_ = 0;
  std::int64_t agency_a_ = 0, agency_b_ = 0, client_a1_ = 0, client_a2_ = 0, campaign_a1_ = 0, campaign_a2_ = 0;
  std::int64_t anna_ = 0, bernd_ = 0, carla_ = 0, lead_anna_ = 0, lead_bernd_ = 0, lead_carla_ = 0;
};

TEST_F(AttemptStoreTest, AppendsBuildAVerifiableChain) {
  const auto first = append(campaign_a1_, lead_anna_, anna_, "no_answer");
  const auto second = append(campaign_a1_, lead_bernd_, bernd_, "callback", "Rückruf nach der Messe");
  const auto third = append(campaign_a1_, lead_anna_, anna_, "not_interested", "sagt \"nein\" \\ endgültig");
  EXPECT_EQ(first.seq, 1);
  EXPECT_EQ(first.prev_hash, kGenesisHash);
  EXPECT_EQ(second.seq, 2);
  EXPECT_EQ(second.prev_hash, first.hash);
  EXPECT_EQ(third.seq, 3);
  EXPECT_EQ(third.prev_hash, second.hash);
  EXPECT_EQ(second.note_sha256, note_sha256("Rückruf nach der Messe"));
  EXPECT_GT(first.id, 0);

  const auto check = verify(campaign_a1_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 3u);
  EXPECT_EQ(check.head, third.hash);

  // What was stored reads back to the same hash, fields and all.
  auto lease = db().session();
  const auto page = attempt_store::of_campaign(*lease, agency_a_, campaign_a1_, 1, 1);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].seq, 2);
  EXPECT_EQ(page[0].callback_at, second.callback_at);
  EXPECT_EQ(attempt_hash(page[0]), second.hash);
  EXPECT_EQ(campaign_ledger_text(*lease, agency_a_, campaign_a1_),
            first.hash + " " + canonical_payload(first) + "\n" + second.hash + " " + canonical_payload(second) + "\n" +
                third.hash + " " + canonical_payload(third) + "\n");

  const auto anna = of_lead(lead_anna_);
  ASSERT_EQ(anna.size(), 2u);
  EXPECT_EQ(anna[0].seq, 3) << "newest first";
  EXPECT_EQ(anna[0].note, "sagt \"nein\" \\ endgültig");
  EXPECT_EQ(anna[0].reason, "Kein Bedarf: „läuft über den Hersteller\"");
  EXPECT_EQ(anna[1].seq, 1);
  EXPECT_EQ(anna[1].note, "");
}

TEST_F(AttemptStoreTest, LongChainsAreReadPageByPage) {
  for (int i = 0; i < 7; ++i) append(campaign_a1_, lead_anna_, anna_, "no_answer");
  auto lease = db().session();
  const auto whole = campaign_ledger_text(*lease, agency_a_, campaign_a1_);
  for (const int page_size : {1, 2, 3, 7, 8}) {
    EXPECT_EQ(campaign_ledger_text(*lease, agency_a_, campaign_a1_, page_size), whole) << page_size;
    const auto check = verify_campaign_ledger(*lease, agency_a_, campaign_a1_, page_size);
    EXPECT_TRUE(check.ok) << page_size;
    EXPECT_EQ(check.checked, 7u) << page_size;
  }
  EXPECT_EQ(std::count(whole.begin(), whole.end(), '\n'), 7);
}

TEST_F(AttemptStoreTest, TwoCampaignsHaveSeparateChains) {
  const auto a1 = append(campaign_a1_, lead_anna_, anna_, "no_answer");
  const auto a2 = append(campaign_a2_, lead_carla_, carla_, "busy");
  const auto a1_next = append(campaign_a1_, lead_bernd_, bernd_, "voicemail");
  EXPECT_EQ(a2.seq, 1);
  EXPECT_EQ(a2.prev_hash, kGenesisHash);
  EXPECT_EQ(a1_next.seq, 2);
  EXPECT_EQ(a1_next.prev_hash, a1.hash);
  EXPECT_EQ(verify(campaign_a1_).checked, 2u);
  EXPECT_EQ(verify(campaign_a2_).checked, 1u);
  EXPECT_EQ(verify(campaign_a2_).head, a2.hash);
}

TEST_F(AttemptStoreTest, ConcurrentAppendsToOneCampaignNeverFork) {
  constexpr int kThreads = 4, kEach = 8;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        CallAttempt a;
        a.agency_id = agency_a_;
        a.campaign_id = campaign_a1_;
        a.lead_id = lead_anna_;
        a.person_id = anna_;
        a.agent_id = 600 + t;
        a.phone = "+493023125101";
        a.caller_id = "+495219876540";
        a.outcome = "no_answer";
        a.started_at = now_ + i;
        a.ended_at = now_ + i;
        a.recorded_at = now_ + i;
        try {
          db().transaction("call.record", [&](soci::session& sql) { attempt_store::append(sql, a); });
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  const auto check = verify(campaign_a1_);
  EXPECT_TRUE(check.ok) << (check.broken ? check.broken->problem : "");
  EXPECT_EQ(check.checked, static_cast<std::size_t>(kThreads * kEach));
}

TEST_F(AttemptStoreTest, TheDatabaseRefusesUpdateAndDelete) {
  const auto first = append(campaign_a1_, lead_anna_, anna_, "no_answer");
  auto lease = db().session();
  const long long id = first.id;
  EXPECT_THROW((*lease << "UPDATE call_attempts SET outcome = 'appointment' WHERE id = :id", soci::use(id)),
               soci::soci_error);
  EXPECT_THROW((*lease << "DELETE FROM call_attempts WHERE id = :id", soci::use(id)), soci::soci_error);
  const auto check = verify(campaign_a1_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 1u);
}

// Someone with the database's owner rights can drop the triggers; the chain still shows what they did.
TEST_F(AttemptStoreTest, TamperingBehindTheTriggersIsFound) {
  append(campaign_a1_, lead_anna_, anna_, "no_answer");
  const auto second = append(campaign_a1_, lead_bernd_, bernd_, "callback");
  const auto third = append(campaign_a1_, lead_anna_, anna_, "voicemail");
  append(campaign_a1_, lead_bernd_, bernd_, "busy");
  {
    auto lease = db().session();
    if (is_sqlite()) {
      *lease << "DROP TRIGGER call_attempts_no_update";
      *lease << "DROP TRIGGER call_attempts_no_delete";
    } else {
      *lease << "DROP TRIGGER call_attempts_no_change ON call_attempts";
    }
    const long long id = second.id;
    *lease << "UPDATE call_attempts SET outcome = 'appointment' WHERE id = :id", soci::use(id);
  }
  auto check = verify(campaign_a1_);
  EXPECT_FALSE(check.ok);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->seq, 2);
  EXPECT_EQ(check.broken->problem, "hash");
  EXPECT_EQ(check.checked, 1u);
  {
    auto lease = db().session();
    const long long id = second.id, third_id = third.id;
    *lease << "UPDATE call_attempts SET outcome = 'callback' WHERE id = :id", soci::use(id);
    EXPECT_TRUE(verify(campaign_a1_).ok) << "restored";
    *lease << "DELETE FROM call_notes WHERE attempt_id = :id", soci::use(third_id);
    *lease << "DELETE FROM call_attempts WHERE id = :id", soci::use(third_id);
  }
  check = verify(campaign_a1_);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->seq, 4);
  EXPECT_EQ(check.broken->position, 3u);
  EXPECT_EQ(check.broken->problem, "prev_hash");
  EXPECT_EQ(check.head, second.hash);
}

TEST_F(AttemptStoreTest, ErasureDeletesTheNotesAndKeepsTheChain) {
  const auto about_anna = append(campaign_a1_, lead_anna_, anna_, "callback", "Frau Berg: Sohn übernimmt 2027");
  const auto about_bernd = append(campaign_a1_, lead_bernd_, bernd_, "callback", "Herr Kranz: ab 14 Uhr");
  const auto head_before = verify(campaign_a1_).head;
  contacts::PrivacyService privacy(db(), clock());
  ASSERT_TRUE(privacy.erase(identity::command_line_actor(agency_a_), anna_, {}));

  const auto anna = of_lead(lead_anna_);
  ASSERT_EQ(anna.size(), 1u) << "the attempt stays";
  EXPECT_EQ(anna[0].note, "");
  EXPECT_EQ(anna[0].note_sha256, about_anna.note_sha256);
  EXPECT_EQ(anna[0].phone, about_anna.phone);
  EXPECT_EQ(of_lead(lead_bernd_).at(0).note, "Herr Kranz: ab 14 Uhr") << "another person's note stays";
  const auto check = verify(campaign_a1_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 2u);
  EXPECT_EQ(check.head, head_before);
  EXPECT_EQ(check.head, about_bernd.hash);
}

TEST_F(AttemptStoreTest, AnotherAgencyFindsNothing) {
  append(campaign_a1_, lead_anna_, anna_, "callback", "vertraulich");
  EXPECT_TRUE(of_lead(lead_anna_, agency_b_).empty());
  EXPECT_EQ(verify(campaign_a1_, agency_b_).checked, 0u);
  {
    auto lease = db().session();
    EXPECT_TRUE(attempt_store::of_campaign(*lease, agency_b_, campaign_a1_, 0, 100).empty());
    EXPECT_EQ(campaign_ledger_text(*lease, agency_b_, campaign_a1_), "");
    EXPECT_EQ(attempt_store::erase_notes(*lease, agency_b_, anna_), 0);
  }
  EXPECT_EQ(of_lead(lead_anna_).at(0).note, "vertraulich");

  LedgerService ledger(db());
  EXPECT_EQ(ledger.verify(identity::command_line_actor(agency_b_), campaign_a1_).error().code, ErrorCode::not_found);
  EXPECT_EQ(ledger.download(identity::command_line_actor(agency_b_), campaign_a1_).error().field, "id");
  EXPECT_TRUE(ledger.download(identity::command_line_actor(agency_a_), campaign_a1_));
  // A client's manager sees its own campaigns' log only.
  auto manager = identity::command_line_actor(agency_a_);
  manager.role = identity::Role::client_manager;
  manager.client_id = client_a2_;
  EXPECT_EQ(ledger.verify(manager, campaign_a1_).error().code, ErrorCode::not_found);
  manager.client_id = client_a1_;
  ASSERT_TRUE(ledger.verify(manager, campaign_a1_));
  EXPECT_EQ(ledger.verify(manager, campaign_a1_)->checked, 1u);

  // Appending under the wrong agency is a caller's mistake, refused before anything is written.
  CallAttempt foreign;
  foreign.agency_id = agency_b_;
  foreign.campaign_id = campaign_a1_;
  EXPECT_THROW(db().transaction("call.record", [&](soci::session& sql) { attempt_store::append(sql, foreign); }),
               std::invalid_argument);
  EXPECT_EQ(verify(campaign_a1_).checked, 1u);
}

TEST_F(AttemptStoreTest, ACorrectionNamesAnEarlierEntry) {
  const auto wrong = append(campaign_a1_, lead_anna_, anna_, "appointment");
  CallAttempt correction = wrong;
  correction.outcome = "callback";
  correction.corrects_seq = wrong.seq;
  db().transaction("call.correct", [&](soci::session& sql) { attempt_store::append(sql, correction); });
  EXPECT_EQ(correction.seq, 2);
  EXPECT_EQ(of_lead(lead_anna_).size(), 2u) << "the corrected entry stays";
  for (const std::int64_t bad : {0, 3, 4}) {
    CallAttempt nonsense = wrong;
    nonsense.corrects_seq = bad;
    EXPECT_THROW(db().transaction("call.correct", [&](soci::session& sql) { attempt_store::append(sql, nonsense); }),
                 std::invalid_argument)
        << bad;
  }
  const auto check = verify(campaign_a1_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 2u);
}

class CallLogTest : public AttemptStoreTest {
 protected:
  void SetUp() override {
    AttemptStoreTest::SetUp();
    db().transaction("fixture", [&](soci::session& sql) {
      identity::user_store::NewUser user;
      user.agency_id = agency_a_;
      user.role = identity::Role::agent;
      user.password_hash = "x";
      user.email = "lena@a.example";
      user.name = "Lena Vogt";
      lena_ = identity::user_store::insert(sql, user, now_);
      user.email = "tom@a.example";
      user.name = "Tom Brandt";
      tom_ = identity::user_store::insert(sql, user, now_);
      user.email = "sabine@a.example";
      user.name = "Sabine Kurz";
      user.role = identity::Role::supervisor;
      supervisor_ = identity::user_store::insert(sql, user, now_);
      contacts::Company company;
      company.agency_id = agency_a_;
      company.client_id = client_a1_;
      company.name = "Kessler Haustechnik GmbH";
      company.name_key = "kessler haustechnik";
      const auto kessler = contacts::contact_store::insert_company(sql, company, now_);
      contacts::Person p;
      p.agency_id = agency_a_;
      p.client_id = client_a1_;
      p.company_id = kessler;
      p.first_name = "Dora";
      p.last_name = "Kessler";
      p.time_zone = "Europe/Berlin";
      dora_ = contacts::contact_store::insert_person(sql, p, now_);
      lead_dora_ = contacts::contact_store::insert_lead(sql, agency_a_, campaign_a1_, dora_, "new", now_);
    });
  }

  CallLogPage log(const CallLogFilter& filter = {}, int offset = 0, int limit = 50, std::int64_t agency_id = 0) {
    LedgerService ledger(db());
    const auto page = ledger.log(identity::command_line_actor(agency_id == 0 ? agency_a_ : agency_id), campaign_a1_,
                                 {filter, limit, offset});
    EXPECT_TRUE(page) << (page ? "" : page.error().message);
    return page ? *page : CallLogPage{};
  }

  static std::vector<std::int64_t> seqs(const CallLogPage& page) {
    std::vector<std::int64_t> out;
    for (const auto& entry : page.entries) out.push_back(entry.attempt.seq);
    return out;
  }

  platform::Result<CallAttempt> correct(std::int64_t attempt_id, const std::string& outcome, const std::string& why) {
    auto supervisor = identity::command_line_actor(agency_a_);
    supervisor.role = identity::Role::supervisor;
    supervisor.user_id = supervisor_;
    return db().transaction("call.correct", [&](soci::session& sql) {
      return correct_attempt(sql, supervisor, attempt_id, {outcome, "", why}, {}, now_ + 86'400'000'000);
    });
  }

  std::int64_t lena_ = 0, tom_ = 0, supervisor_ = 0, dora_ = 0, lead_dora_ = 0;
};

TEST_F(CallLogTest, NewestFirstWithNamesNotesAndTheCorrectingEntry) {
  const auto first = append(campaign_a1_, lead_dora_, dora_, "no_answer", "", lena_);
  append(campaign_a2_, lead_carla_, carla_, "busy", "", tom_);  // another campaign's chain
  const auto wrong = append(campaign_a1_, lead_dora_, dora_, "appointment", "Termin am Dienstag", tom_);
  append(campaign_a1_, lead_anna_, anna_, "voicemail", "", lena_);
  const auto correction = correct(wrong.id, "decision_maker", "Kein Termin: nur Interesse bekundet");
  ASSERT_TRUE(correction) << correction.error().message;
  EXPECT_EQ(correction->seq, 4);

  const auto page = log();
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{4, 3, 2, 1}));
  EXPECT_EQ(page.total, 4);
  const auto& fixed = page.entries[0];
  EXPECT_EQ(fixed.attempt.corrects_seq, 2);
  EXPECT_EQ(fixed.corrected_by_seq, std::nullopt);
  EXPECT_EQ(fixed.agent_name, "Sabine Kurz") << "a correction is recorded by the supervisor";
  EXPECT_EQ(fixed.attempt.note, "Kein Termin: nur Interesse bekundet");
  const auto& corrected = page.entries[2];
  EXPECT_EQ(corrected.attempt.id, wrong.id);
  EXPECT_EQ(corrected.corrected_by_seq, 4);
  EXPECT_EQ(corrected.attempt.outcome, "appointment") << "the corrected entry stays as it was";
  EXPECT_EQ(corrected.attempt.note, "Termin am Dienstag");
  EXPECT_EQ(corrected.agent_name, "Tom Brandt");
  EXPECT_EQ(corrected.person_name, "Dora Kessler");
  EXPECT_EQ(corrected.company_name, "Kessler Haustechnik GmbH");
  EXPECT_EQ(corrected.attempt.phone, wrong.phone);
  EXPECT_EQ(page.entries[1].person_name, "Anna Berg");
  EXPECT_EQ(page.entries[1].company_name, "");
  EXPECT_EQ(page.entries[3].attempt.id, first.id);
  EXPECT_EQ(page.entries[3].corrected_by_seq, std::nullopt);
  ASSERT_EQ(page.agents.size(), 3u) << "the filter's choices: whoever has an entry, by name";
  EXPECT_EQ(page.agents[0].name, "Lena Vogt");
  EXPECT_EQ(page.agents[0].id, lena_);
  EXPECT_EQ(page.agents[1].name, "Sabine Kurz");
  EXPECT_EQ(page.agents[2].name, "Tom Brandt");
  EXPECT_TRUE(verify(campaign_a1_).ok);
}

TEST_F(CallLogTest, PagesAndFiltersCountTheWholeMatch) {
  for (int i = 0; i < 5; ++i) append(campaign_a1_, lead_anna_, anna_, i % 2 == 0 ? "no_answer" : "busy", "", lena_);
  for (int i = 0; i < 3; ++i) append(campaign_a1_, lead_dora_, dora_, "voicemail", "", tom_);
  // seq 1–5: Lena (no_answer, busy, no_answer, busy, no_answer); 6–8: Tom (voicemail); one minute apart.

  auto page = log({}, 0, 3);
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{8, 7, 6}));
  EXPECT_EQ(page.total, 8);
  page = log({}, 6, 3);
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{2, 1}));
  EXPECT_EQ(page.total, 8);
  page = log({}, 9, 3);
  EXPECT_TRUE(page.entries.empty());
  EXPECT_EQ(page.total, 8) << "past the end still tells the total";

  CallLogFilter lena;
  lena.agent_id = lena_;
  page = log(lena, 0, 2);
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{5, 4}));
  EXPECT_EQ(page.total, 5);

  EXPECT_EQ(page.agents.size(), 2u) << "the filter's choices do not depend on the filter";

  CallLogFilter busy;
  busy.outcome = "busy";
  EXPECT_EQ(seqs(log(busy)), (std::vector<std::int64_t>{4, 2}));
  busy.agent_id = tom_;
  EXPECT_EQ(log(busy).total, 0);

  CallLogFilter one;
  one.seq = 6;
  page = log(one);
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{6}));
  EXPECT_EQ(page.entries[0].agent_name, "Tom Brandt");

  // Calls started at now + 1 min … now + 8 min: from is inclusive, until exclusive.
  CallLogFilter window;
  window.from = now_ + 3 * 60'000'000;
  window.until = now_ + 6 * 60'000'000;
  EXPECT_EQ(seqs(log(window)), (std::vector<std::int64_t>{5, 4, 3}));
  EXPECT_EQ(log(window).total, 3);
}

TEST_F(CallLogTest, AnotherAgencyAndAnotherClientSeeNothing) {
  append(campaign_a1_, lead_dora_, dora_, "no_answer", "vertraulich", lena_);
  LedgerService ledger(db());
  const auto other = ledger.log(identity::command_line_actor(agency_b_), campaign_a1_, {});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_EQ(other.error().field, "id");
  auto manager = identity::command_line_actor(agency_a_);
  manager.role = identity::Role::client_manager;
  manager.client_id = client_a2_;
  EXPECT_EQ(ledger.log(manager, campaign_a1_, {}).error().code, ErrorCode::not_found);
  manager.client_id = client_a1_;
  ASSERT_TRUE(ledger.log(manager, campaign_a1_, {}));
  EXPECT_EQ(ledger.log(manager, campaign_a1_, {})->total, 1);
  {
    auto lease = db().session();
    EXPECT_TRUE(attempt_store::log_page(*lease, agency_b_, campaign_a1_, {}, 0, 50).empty());
    EXPECT_EQ(attempt_store::log_count(*lease, agency_b_, campaign_a1_, {}), 0);
  }
}

TEST_F(CallLogTest, AnEntryIsCorrectedOnceAndACorrectionCanBeCorrected) {
  const auto wrong = append(campaign_a1_, lead_dora_, dora_, "appointment", "", lena_);
  const auto first = correct(wrong.id, "decision_maker", "kein Termin");
  ASSERT_TRUE(first);
  const auto again = correct(wrong.id, "wrong_person", "doch die falsche Person");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().field, "id");
  EXPECT_NE(again.error().message.find("entry 2"), std::string::npos) << again.error().message;

  const auto second = correct(first->id, "wrong_person", "doch die falsche Person");
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->corrects_seq, first->seq);
  const auto page = log();
  EXPECT_EQ(seqs(page), (std::vector<std::int64_t>{3, 2, 1}));
  EXPECT_EQ(page.entries[0].corrected_by_seq, std::nullopt);
  EXPECT_EQ(page.entries[1].corrected_by_seq, 3);
  EXPECT_EQ(page.entries[2].corrected_by_seq, 2);
  EXPECT_TRUE(verify(campaign_a1_).ok);
}

}  // namespace
}  // namespace termintreu::calling
