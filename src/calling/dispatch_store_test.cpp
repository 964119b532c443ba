// The queue against a real database (SQLite and PostgreSQL): leases, outcomes into the chain, callbacks that come
// back first and pass to others, missed callbacks, objections, calling windows, other tenants, and many agents at
// once on one and on two Database instances (two server processes).
#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>

#include "calling/attempt_store.hpp"
#include "calling/call_ledger.hpp"
#include "calling/dispatch_service.hpp"
#include "calling/escalation_service.hpp"
#include "calling/presence_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "contacts/block_list_store.hpp"
#include "contacts/contact_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/user_store.hpp"
#include "platform/http/events.hpp"
#include "store_fixture.hpp"

namespace termintreu::calling {
namespace {

using identity::Principal;
using identity::Role;
using platform::TimePoint;
using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (agency_id, client_id, name, state, caller_id, created_at) VALUES (:agency_id, "
    ":client_id, :name, 'active', '+493012345678', :now) RETURNING id";
constexpr const char* kAddMember =
    "INSERT INTO campaign_members (campaign_id, user_id, member_role) VALUES (:campaign_id, :user_id, :role)";
constexpr const char* kCountAttempts = "SELECT COUNT(*) FROM call_attempts WHERE campaign_id = :campaign_id";
constexpr const char* kLeadState = "SELECT state FROM leads WHERE id = :id";

class DispatchStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    // Monday 5 January 2026, 10:00 in Berlin.
    clock().set(platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 5)) + hours(9));
    const auto now = platform::to_micros(clock().now());
    db().transaction("fixture", [&](soci::session& sql) {
      agency_ = identity::tenant_store::insert_agency(sql, "Agentur A", now);
      other_agency_ = identity::tenant_store::insert_agency(sql, "Agentur B", now);
      client_ = identity::tenant_store::insert_client(sql, {agency_, "Kunde A1", "", "", "DE"}, now);
      other_client_ = identity::tenant_store::insert_client(sql, {other_agency_, "Kunde B1", "", "", "DE"}, now);
      campaign_ = insert_campaign(sql, agency_, client_, "Frühjahr");
      other_campaign_ = insert_campaign(sql, other_agency_, other_client_, "Fremd");
    });
    dispatch_ = std::make_unique<DispatchService>(db(), clock(), events_);
  }

  std::int64_t insert_campaign(soci::session& sql, std::int64_t agency, std::int64_t client, const std::string& name) {
    long long id = 0;
    const long long a = agency, c = client, now = platform::to_micros(clock().now());
    sql << kInsertCampaign, soci::use(a), soci::use(c), soci::use(name), soci::use(now), soci::into(id);
    return id;
  }

  Principal agent(const std::string& name, std::int64_t agency = 0, std::int64_t campaign = 0,
                  const std::string& member_role = "agent") {
    Principal p;
    p.agency_id = agency != 0 ? agency : agency_;
    p.role = Role::agent;
    p.name = name;
    db().transaction("agent", [&](soci::session& sql) {
      identity::user_store::NewUser user;
      user.agency_id = p.agency_id;
      user.email = name + "@example.de";
      user.name = name;
      user.password_hash = "not used";
      p.user_id = identity::user_store::insert(sql, user, platform::to_micros(clock().now()));
      const long long c = campaign != 0 ? campaign : campaign_, u = *p.user_id;
      sql << kAddMember, soci::use(c), soci::use(u), soci::use(member_role);
    });
    return p;
  }

  // A person with one number and a lead in the campaign.
  std::int64_t lead(const std::string& last_name, std::int64_t campaign = 0, std::int64_t agency = 0,
                    std::int64_t client = 0) {
    std::int64_t id = 0;
    db().transaction("lead", [&](soci::session& sql) {
      contacts::Person person;
      person.agency_id = agency != 0 ? agency : agency_;
      person.client_id = client != 0 ? client : client_;
      person.first_name = "Eva";
      person.last_name = last_name;
      person.time_zone = "Europe/Berlin";
      const auto now = platform::to_micros(clock().now());
      const auto person_id = contacts::contact_store::insert_person(sql, person, now);
      contacts::Phone phone;
      phone.e164 = phone_of(person_id);
      phone.region = "DE";
      contacts::contact_store::replace_phones(sql, person.agency_id, person_id, {phone});
      id = contacts::contact_store::insert_lead(sql, person.agency_id, campaign != 0 ? campaign : campaign_,
                                               person_id, "new", now);
    });
    return id;
  }

  static std::string phone_of(std::int64_t person_id) { return "+4930" + std::to_string(5550000 + person_id); }

  std::string phone_of_lead(std::int64_t lead_id) {
    auto lease = db().session();
    long long person = 0;
    *lease << "SELECT person_id FROM leads WHERE id = :id", soci::use(static_cast<long long>(lead_id)),
        soci::into(person);
    return phone_of(person);
  }

  OutcomeInput outcome(const std::string& name, std::int64_t lead_id) {
    OutcomeInput input;
    input.outcome = name;
    input.phone = phone_of_lead(lead_id);
    input.talk_seconds = 30;
    return input;
  }

  std::string state_of(std::int64_t lead_id) {
    auto lease = db().session();
    std::string state;
    *lease << kLeadState, soci::use(static_cast<long long>(lead_id)), soci::into(state);
    return state;
  }

  long long attempts_in(std::int64_t campaign) {
    auto lease = db().session();
    long long count = 0;
    *lease << kCountAttempts, soci::use(static_cast<long long>(campaign)), soci::into(count);
    return count;
  }

  LedgerCheck verify(std::int64_t campaign, std::int64_t agency = 0) {
    auto lease = db().session();
    return verify_ledger(attempt_store::of_campaign(*lease, agency != 0 ? agency : agency_, campaign, 0, 1'000'000));
  }

  platform::http::EventHub events_;
  std::unique_ptr<DispatchService> dispatch_;
  std::int64_t agency_ = 0, other_agency_ = 0, client_ = 0, other_client_ = 0, campaign_ = 0, other_campaign_ = 0;
};

TEST_F(DispatchStoreTest, NextLeasesEachLeadToOneAgentAtATime) {
  const auto anna = agent("anna");
  const auto ben = agent("ben");
  const auto first = lead("Erste");
  const auto second = lead("Zweite");

  const auto a = dispatch_->next(anna);
  ASSERT_TRUE(a.has_value()) << a.error().message;
  ASSERT_TRUE(a->lead_id.has_value()) << a->empty_reason;
  EXPECT_EQ(*a->lead_id, first);  // equal priority: the longest waiting, then the older
  const auto again = dispatch_->next(anna);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->lead_id, a->lead_id) << "Next while holding a lead gives the same lead back";

  const auto b = dispatch_->next(ben);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->lead_id, std::optional<std::int64_t>(second));
  const auto carl = agent("carl");
  const auto c = dispatch_->next(carl);
  ASSERT_TRUE(c.has_value());
  EXPECT_FALSE(c->lead_id.has_value());
  EXPECT_EQ(c->empty_reason, "nothing_due");

  // A lease that lapses (the agent vanished) frees the lead for others.
  clock().advance(kLeaseFor + minutes(1));
  const auto after = dispatch_->next(carl);
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->lead_id, std::optional<std::int64_t>(first));
}

TEST_F(DispatchStoreTest, AnOutcomeGoesIntoTheChainAndSchedulesTheRetry) {
  const auto anna = agent("anna");
  const auto first = lead("Erste");
  const auto second = lead("Zweite");
  ASSERT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(first));

  auto input = outcome("no_answer", first);
  input.note = "Zentrale sagt: ab 14 Uhr";
  const auto recorded = dispatch_->record_outcome(anna, first, input);
  ASSERT_TRUE(recorded.has_value()) << recorded.error().message;
  EXPECT_EQ(recorded->seq, 1);
  EXPECT_EQ(recorded->lead_state, "in_progress");
  ASSERT_TRUE(recorded->next_call_at.has_value());
  EXPECT_EQ(platform::from_micros(*recorded->next_call_at), clock().now() + hours(3));

  // The retried lead waits; the other one comes.
  EXPECT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(second));
  ASSERT_TRUE(dispatch_->record_outcome(anna, second, outcome("busy", second)).has_value());
  EXPECT_EQ(dispatch_->next(anna)->empty_reason, "nothing_due");
  clock().advance(hours(3));
  EXPECT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(second)) << "busy retries after 1 hour";

  EXPECT_EQ(attempts_in(campaign_), 2);
  const auto check = verify(campaign_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 2u);
}

TEST_F(DispatchStoreTest, BadOutcomesAreRefusedAndChangeNothing) {
  const auto anna = agent("anna");
  const auto ben = agent("ben");
  const auto first = lead("Erste");
  ASSERT_TRUE(dispatch_->next(anna)->lead_id.has_value());

  const auto expect_refused = [&](const Principal& who, OutcomeInput input, const std::string& field) {
    const auto result = dispatch_->record_outcome(who, first, input);
    ASSERT_FALSE(result.has_value()) << field;
    EXPECT_EQ(result.error().field, field);
  };
  expect_refused(anna, outcome("teleported", first), "outcome");
  expect_refused(anna, outcome("not_interested", first), "reason");
  expect_refused(anna, outcome("callback", first), "callback");
  auto wrong_phone = outcome("no_answer", first);
  wrong_phone.phone = "+4989000000";
  expect_refused(anna, wrong_phone, "phone");
  auto evening = outcome("callback", first);
  evening.callback = CallbackRequest{clock().now() + hours(11), "personal"};  // 21:00 in Berlin
  expect_refused(anna, evening, "callback.at");

  const auto not_held = dispatch_->record_outcome(ben, first, outcome("no_answer", first));
  ASSERT_FALSE(not_held.has_value());
  EXPECT_EQ(not_held.error().code, platform::ErrorCode::conflict);
  EXPECT_EQ(attempts_in(campaign_), 0);
  EXPECT_EQ(state_of(first), "new");
}

TEST_F(DispatchStoreTest, APersonalCallbackComesBackFirstToItsOwnerAndPassesOnWhenTheOwnerIsAway) {
  const auto anna = agent("anna");
  const auto ben = agent("ben");
  const auto promised = lead("Rückruf");
  const auto other = lead("Andere");
  lead("Dritte");
  ASSERT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(promised));
  auto input = outcome("callback", promised);
  input.callback = CallbackRequest{clock().now() + hours(2), "personal"};
  const auto recorded = dispatch_->record_outcome(anna, promised, input);
  ASSERT_TRUE(recorded.has_value()) << recorded.error().message;
  EXPECT_EQ(recorded->lead_state, "callback_due");
  ASSERT_TRUE(recorded->callback_id.has_value());

  clock().advance(hours(2));
  // Anna is signed in and ready: Ben does not get her callback.
  ASSERT_TRUE(dispatch_->heartbeat(anna, "ready").has_value());
  const auto b = dispatch_->next(ben);
  EXPECT_EQ(b->lead_id, std::optional<std::int64_t>(other));
  const auto a = dispatch_->next(anna);
  ASSERT_TRUE(a->callback.has_value());
  EXPECT_EQ(a->lead_id, std::optional<std::int64_t>(promised));
  EXPECT_EQ(a->callback->kind, "personal");
  ASSERT_TRUE(dispatch_->record_outcome(anna, promised, outcome("appointment", promised)).has_value());
  EXPECT_EQ(state_of(promised), "appointment");

  // A second promise; when it falls due Anna has not been seen for minutes: Ben takes it.
  const auto third = dispatch_->next(anna);
  ASSERT_TRUE(third->lead_id.has_value());
  auto again = outcome("callback", *third->lead_id);
  again.callback = CallbackRequest{clock().now() + hours(1), "personal"};
  ASSERT_TRUE(dispatch_->record_outcome(anna, *third->lead_id, again).has_value());
  ASSERT_TRUE(dispatch_->record_outcome(ben, other, outcome("no_answer", other)).has_value());
  clock().advance(hours(1));
  const auto handed = dispatch_->next(ben);
  ASSERT_TRUE(handed->callback.has_value()) << handed->empty_reason;
  EXPECT_EQ(handed->lead_id, third->lead_id);
}

TEST_F(DispatchStoreTest, OnlyAgentsOfACampaignShowAsPresent) {
  const auto anna = agent("anna");
  const auto sara = agent("sara", 0, 0, "specialist");  // second level only: no queue of her own
  ASSERT_TRUE(dispatch_->heartbeat(anna, "ready").has_value());
  ASSERT_TRUE(dispatch_->heartbeat(sara, "ready").has_value());
  auto lease = db().session();
  const auto present = presence_store::of_agency(*lease, agency_, 0);
  ASSERT_EQ(present.size(), 1u);
  EXPECT_EQ(present[0].user_id, *anna.user_id);
  EXPECT_EQ(present[0].state, "ready");
}

TEST_F(DispatchStoreTest, ACallbackNobodyStartsInTimeIsMissedAndAnApologyLeadsTheQueue) {
  const auto anna = agent("anna");
  const auto ben = agent("ben");
  const auto promised = lead("Rückruf");
  lead("Andere");
  ASSERT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(promised));
  auto input = outcome("callback", promised);
  input.callback = CallbackRequest{clock().now() + hours(1), "personal"};
  ASSERT_TRUE(dispatch_->record_outcome(anna, promised, input).has_value());

  clock().advance(hours(1) + minutes(10));
  EXPECT_EQ(dispatch_->sweep_missed_callbacks(), 0u) << "the tolerance is 10 minutes: not yet missed";
  clock().advance(minutes(1));
  EXPECT_EQ(dispatch_->sweep_missed_callbacks(), 1u);
  EXPECT_EQ(dispatch_->sweep_missed_callbacks(), 0u) << "missed once, apologised once";

  const auto b = dispatch_->next(ben);
  ASSERT_TRUE(b->callback.has_value());
  EXPECT_EQ(b->callback->kind, "apology");
  EXPECT_EQ(b->lead_id, std::optional<std::int64_t>(promised));
}

TEST_F(DispatchStoreTest, AnObjectionBlocksThePersonForGoodAndBlockedPersonsAreNeverLeased) {
  const auto anna = agent("anna");
  const auto objecting = lead("Widerspruch");
  ASSERT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(objecting));
  const auto recorded = dispatch_->record_outcome(anna, objecting, outcome("objection", objecting));
  ASSERT_TRUE(recorded.has_value()) << recorded.error().message;
  EXPECT_EQ(state_of(objecting), "blocked");
  {
    auto lease = db().session();
    EXPECT_FALSE(contacts::block_list_store::page(*lease, agency_, 10, 0).empty());
  }

  // A person blocked elsewhere (the block list, another campaign) is skipped and closed when the queue meets it.
  const auto later = lead("Später");
  db().transaction("block", [&](soci::session& sql) {
    long long person = 0;
    sql << "SELECT person_id FROM leads WHERE id = :id", soci::use(static_cast<long long>(later)), soci::into(person);
    contacts::contact_store::set_blocked(sql, agency_, person, platform::to_micros(clock().now()));
  });
  const auto next = dispatch_->next(anna);
  EXPECT_FALSE(next->lead_id.has_value());
  EXPECT_EQ(state_of(later), "blocked");
}

TEST_F(DispatchStoreTest, NothingIsDueOutsideTheCallingWindowOrBeforeTheBriefingIsAcknowledged) {
  const auto anna = agent("anna");
  lead("Abend");
  clock().set(platform::TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 1 / 5)) + hours(19) +
              minutes(30));  // 20:30 in Berlin
  EXPECT_EQ(dispatch_->next(anna)->empty_reason, "nothing_due");
  clock().advance(hours(12));  // 08:30 on Tuesday 6 January: Epiphany, a holiday in three states
  EXPECT_EQ(dispatch_->next(anna)->empty_reason, "nothing_due") << "a person in an unknown state: every holiday counts";
  clock().advance(hours(24));  // 08:30 on Wednesday
  EXPECT_TRUE(dispatch_->next(anna)->lead_id.has_value());

  const auto ben = agent("ben");
  db().transaction("briefing", [&](soci::session& sql) {
    campaigns::campaign_store::insert_briefing(sql, agency_, campaign_, "Neue Preise ab heute",
                                               std::nullopt, platform::to_micros(clock().now()));
  });
  const auto waiting = dispatch_->next(ben);
  EXPECT_EQ(waiting->empty_reason, "briefing");
  EXPECT_EQ(waiting->briefings_pending, std::vector<std::int64_t>{campaign_});
}

TEST_F(DispatchStoreTest, AnotherAgencysLeadIsNotFound) {
  const auto anna = agent("anna");
  const auto foreign = lead("Fremd", other_campaign_, other_agency_, other_client_);
  const auto result = dispatch_->record_outcome(anna, foreign, outcome("no_answer", foreign));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, platform::ErrorCode::not_found);
  EXPECT_FALSE(dispatch_->card(anna, foreign).has_value());
  EXPECT_FALSE(dispatch_->release(anna, foreign).has_value());
}

TEST_F(DispatchStoreTest, AnEscalationReachesSecondLevelAndItsAnswerIsACallInTheLog) {
  EscalationService escalations(db(), clock(), events_);
  const auto anna = agent("anna");
  const auto ben = agent("ben");
  const auto specialist = agent("sara", 0, 0, "specialist");
  const auto asking = lead("Frage");
  ASSERT_EQ(dispatch_->next(anna)->lead_id, std::optional<std::int64_t>(asking));

  EscalationRequest request{"Gilt der Rahmenvertrag auch für die Schweizer Tochter?", "high",
                            clock().now() + hours(1)};
  const auto not_holding = escalations.raise(ben, asking, request);
  ASSERT_FALSE(not_holding.has_value());
  EXPECT_EQ(not_holding.error().code, platform::ErrorCode::conflict);
  auto evening = request;
  evening.promised_at = clock().now() + hours(11);  // 21:00 in Berlin
  const auto refused = escalations.raise(anna, asking, evening);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().field, "promised_at");
  const auto raised = escalations.raise(anna, asking, request);
  ASSERT_TRUE(raised.has_value()) << raised.error().message;
  EXPECT_EQ(raised->state, "open");
  EXPECT_EQ(raised->person_name, "Eva Frage");

  const auto listed = escalations.open(specialist);
  ASSERT_EQ(listed.size(), 1u) << "second level sees it";
  EXPECT_EQ(listed[0].time_zone, "Europe/Berlin") << "with what calling back needs";
  ASSERT_EQ(listed[0].phones.size(), 1u);
  EXPECT_EQ(listed[0].phones[0].e164, phone_of_lead(asking));
  EXPECT_TRUE(dispatch_->card(specialist, asking).has_value()) << "and reads the lead card to call back";
  EXPECT_FALSE(dispatch_->card(ben, asking).has_value()) << "an agent who is no specialist does not";
  EXPECT_TRUE(escalations.open(ben).empty()) << "an agent who is no specialist does not";
  ASSERT_TRUE(dispatch_->record_outcome(anna, asking, outcome("decision_maker", asking)).has_value());

  clock().advance(minutes(40));
  auto answer = outcome("appointment", asking);
  answer.note = "Ja, gilt auch für die AG in Zug";
  const auto resolved = escalations.resolve(specialist, raised->id, answer);
  ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
  EXPECT_EQ(resolved->call.seq, 2);
  EXPECT_EQ(resolved->escalation.state, "resolved");
  EXPECT_EQ(resolved->escalation.resolved_in, std::optional<std::int64_t>(resolved->call.attempt_id));
  EXPECT_EQ(state_of(asking), "appointment");
  EXPECT_TRUE(escalations.open(specialist).empty());
  EXPECT_TRUE(dispatch_->card(specialist, asking).has_value()) << "the answered call stays readable to second level";
  const auto again = escalations.resolve(specialist, raised->id, answer);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, platform::ErrorCode::conflict);
  EXPECT_TRUE(verify(campaign_).ok);

  Principal stranger = anna;
  stranger.agency_id = other_agency_;
  stranger.role = Role::supervisor;
  const auto foreign = escalations.resolve(stranger, raised->id, answer);
  ASSERT_FALSE(foreign.has_value());
  EXPECT_EQ(foreign.error().code, platform::ErrorCode::not_found);
}

// Many agents press Next and record an outcome over and over, on two Database instances as two server processes
// would: a lead is never held by two agents at once, every outcome is stored, and the counts reconcile.
TEST_F(DispatchStoreTest, ManyAgentsOnTwoProcessesNeverShareALeadAndEveryOutcomeIsStored) {
  constexpr int kAgents = 24;
  constexpr int kLeads = 60;
  constexpr int kCycles = 10;
  for (int i = 0; i < kLeads; ++i) lead("Lead" + std::to_string(i));
  std::vector<Principal> agents;
  for (int i = 0; i < kAgents; ++i) agents.push_back(agent("agent" + std::to_string(i)));
  platform::db::DatabaseOptions options;
  options.busy_timeout = std::chrono::milliseconds{30000};
  auto second_process = open_another(options);
  platform::http::EventHub second_events;
  DispatchService second(*second_process, clock(), second_events);

  // The clock stands still and "busy" retries after an hour, so each lead must be handed out exactly once.
  std::mutex mutex;
  std::map<std::int64_t, int> handed;  // lead → how often Next gave it
  std::atomic<int> recorded{0}, failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kAgents; ++i) {
    threads.emplace_back([&, i] {
      DispatchService& service = i % 2 == 0 ? *dispatch_ : second;
      const Principal& me = agents[static_cast<std::size_t>(i)];
      for (int cycle = 0; cycle < kCycles; ++cycle) {
        const auto next = service.next(me);
        if (!next) {
          ++failures;
          continue;
        }
        if (!next->lead_id) continue;
        {
          std::lock_guard lock(mutex);
          ++handed[*next->lead_id];
        }
        OutcomeInput input;
        input.outcome = "busy";
        input.phone = phone_of_lead(*next->lead_id);
        if (service.record_outcome(me, *next->lead_id, input)) {
          ++recorded;
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(handed.size(), static_cast<std::size_t>(kLeads));
  for (const auto& [lead_id, times] : handed) EXPECT_EQ(times, 1) << "lead " << lead_id << " was handed out twice";
  EXPECT_EQ(recorded.load(), std::min(kLeads, kAgents * kCycles));
  EXPECT_EQ(attempts_in(campaign_), recorded.load());
  const auto check = verify(campaign_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, static_cast<std::size_t>(recorded.load()));
}

}  // namespace
}  // namespace termintreu::calling
