// The outbox against a real database (SQLite and PostgreSQL), with a fake mailer: due mails go out once, a
// temporary failure waits a growing pause, a permanent one or the last try fails for good, a claim keeps a second
// sender away and lapses when its sender died, and a mail whose transaction rolled back is never sent.
#include <gtest/gtest.h>

#include "identity/tenant_store.hpp"
#include "platform/mail/outbox_sender.hpp"
#include "platform/mail/outbox_store.hpp"
#include "store_fixture.hpp"

namespace termintreu::platform::mail {
namespace {

using std::chrono::minutes;

class FakeMailer final : public Mailer {
 public:
  SendResult next{SendResult::Status::sent, "250 ok"};
  std::vector<MailMessage> seen;
  SendResult send(const MailMessage& message) override {
    seen.push_back(message);
    return next;
  }
};

class OutboxTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    db().transaction("fixture", [&](soci::session& sql) {
      agency_ = identity::tenant_store::insert_agency(sql, "Agentur", to_micros(clock().now()));
    });
  }

  std::int64_t queue(const std::string& to) {
    return db().transaction("queue", [&](soci::session& sql) {
      outbox_store::OutboxMail mail;
      mail.agency_id = agency_;
      mail.lead_id = 7;
      mail.to_address = to;
      mail.from_name = "Muster AG";
      mail.reply_to = "anna@agentur.example";
      mail.subject = "Unterlagen";
      mail.body = "Guten Tag";
      mail.next_try_at = to_micros(clock().now());
      mail.created_at = to_micros(clock().now());
      return outbox_store::enqueue(sql, mail);
    });
  }

  outbox_store::OutboxMail stored(std::int64_t id) {
    auto lease = db().session();
    for (auto& mail : outbox_store::of_lead(*lease, agency_, 7)) {
      if (mail.id == id) return mail;
    }
    ADD_FAILURE() << "mail " << id << " not stored";
    return {};
  }

  OutboxSender sender(FakeMailer& mailer) {
    return OutboxSender(db(), clock(), mailer, {"info@agentur.example", "Agentur"});
  }

  std::int64_t agency_ = 0;
};

TEST_F(OutboxTest, SendsADueMailOnceWithItsHeaders) {
  FakeMailer mailer;
  const auto id = queue("eva@kunde.example");
  auto out = sender(mailer);
  const auto round = out.send_due();
  EXPECT_EQ(round.sent, 1);
  ASSERT_EQ(mailer.seen.size(), 1U);
  EXPECT_EQ(mailer.seen[0].to, "eva@kunde.example");
  EXPECT_EQ(mailer.seen[0].from, "info@agentur.example");
  EXPECT_EQ(mailer.seen[0].from_name, "Muster AG");
  EXPECT_EQ(mailer.seen[0].reply_to, "anna@agentur.example");
  const auto mail = stored(id);
  EXPECT_EQ(mail.state, "sent");
  EXPECT_EQ(mail.tries, 1);
  EXPECT_TRUE(mail.sent_at);
  EXPECT_EQ(out.send_due().sent, 0);
  EXPECT_EQ(mailer.seen.size(), 1U);
}

TEST_F(OutboxTest, ATemporaryFailureWaitsAGrowingPauseUnderTheSameMessageId) {
  FakeMailer mailer;
  mailer.next = {SendResult::Status::temporary, "Connection refused"};
  const auto id = queue("eva@kunde.example");
  auto out = sender(mailer);
  EXPECT_EQ(out.send_due().retried, 1);
  auto mail = stored(id);
  EXPECT_EQ(mail.state, "queued");
  EXPECT_EQ(mail.last_error, "Connection refused");
  EXPECT_EQ(mail.next_try_at, to_micros(clock().now() + minutes{1}));

  clock().advance(std::chrono::seconds{59});
  EXPECT_EQ(out.send_due().retried, 0);  // not yet due
  clock().advance(std::chrono::seconds{1});
  EXPECT_EQ(out.send_due().retried, 1);
  EXPECT_EQ(stored(id).next_try_at, to_micros(clock().now() + minutes{5}));

  mailer.next = {SendResult::Status::sent, "250 ok"};
  clock().advance(minutes{5});
  EXPECT_EQ(out.send_due().sent, 1);
  ASSERT_EQ(mailer.seen.size(), 3U);
  EXPECT_EQ(mailer.seen[0].message_id, mailer.seen[2].message_id);
  mail = stored(id);
  EXPECT_EQ(mail.state, "sent");
  EXPECT_EQ(mail.tries, 3);
}

TEST_F(OutboxTest, APermanentRefusalFailsAtOnceAndTheLastTryFailsForGood) {
  FakeMailer mailer;
  mailer.next = {SendResult::Status::permanent, "550 no such mailbox"};
  const auto refused = queue("niemand@kunde.example");
  auto out = sender(mailer);
  EXPECT_EQ(out.send_due().failed, 1);
  EXPECT_EQ(stored(refused).state, "failed");
  EXPECT_EQ(stored(refused).last_error, "550 no such mailbox");

  mailer.next = {SendResult::Status::temporary, "421 try later"};
  const auto id = queue("eva@kunde.example");
  for (int attempt = 1; attempt < kMaxTries; ++attempt) {
    EXPECT_EQ(out.send_due().retried, 1) << attempt;
    clock().advance(retry_pause(attempt));
  }
  EXPECT_EQ(out.send_due().failed, 1);
  EXPECT_EQ(stored(id).state, "failed");
  EXPECT_EQ(stored(id).tries, kMaxTries);
  clock().advance(std::chrono::hours{48});
  EXPECT_EQ(out.send_due().sent + out.send_due().retried, 0);
}

TEST_F(OutboxTest, AClaimKeepsASecondSenderAwayAndLapsesWhenItsSenderDied) {
  const auto id = queue("eva@kunde.example");
  auto other = open_another();
  const auto now = to_micros(clock().now());
  const auto claimed = db().transaction("claim", [&](soci::session& sql) {
    return outbox_store::claim_due(sql, now, now + std::chrono::microseconds(minutes{5}).count(), 10);
  });
  ASSERT_EQ(claimed.size(), 1U);
  const auto second = other->transaction("claim", [&](soci::session& sql) {
    return outbox_store::claim_due(sql, now, now + std::chrono::microseconds(minutes{5}).count(), 10);
  });
  EXPECT_TRUE(second.empty());

  // The first sender never settles: after the claim the mail is due again, its try counted.
  FakeMailer mailer;
  auto out = sender(mailer);
  EXPECT_EQ(out.send_due().sent, 0);
  clock().advance(minutes{5});
  EXPECT_EQ(out.send_due().sent, 1);
  EXPECT_EQ(stored(id).tries, 2);
}

TEST_F(OutboxTest, AMailOfARolledBackTransactionIsNeverSent) {
  EXPECT_THROW(db().transaction("rolled back",
                                [&](soci::session& sql) {
                                  outbox_store::OutboxMail mail;
                                  mail.agency_id = agency_;
                                  mail.to_address = "eva@kunde.example";
                                  mail.subject = "x";
                                  mail.body = "y";
                                  mail.next_try_at = to_micros(clock().now());
                                  mail.created_at = mail.next_try_at;
                                  outbox_store::enqueue(sql, mail);
                                  throw std::runtime_error("the call could not be recorded");
                                }),
               std::runtime_error);
  FakeMailer mailer;
  EXPECT_EQ(sender(mailer).send_due().sent, 0);
  EXPECT_TRUE(mailer.seen.empty());
}

}  // namespace
}  // namespace termintreu::platform::mail
