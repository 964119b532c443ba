#include "calling/call_ledger.hpp"

#include <functional>
#include <utility>

#include <gtest/gtest.h>

namespace termintreu::calling {
namespace {

// One entry with every field set, hashed on `prev`.
CallAttempt entry(std::int64_t seq, const std::string& prev) {
  CallAttempt a;
  a.id = 100 + seq;
  a.agency_id = 3;
  a.campaign_id = 12;
  a.seq = seq;
  a.lead_id = 340 + seq;
  a.person_id = 77;
  a.agent_id = 5;
  a.phone = "+4930231251" + std::to_string(seq);
  a.caller_id = "+495219876540";
  a.outcome = seq == 2 ? "callback" : "no_answer";
  a.reason = seq == 3 ? "Sekretariat: „erst nächste Woche\"" : "";
  a.note = "Notiz " + std::to_string(seq);
  a.note_sha256 = note_sha256(a.note);
  a.started_at = 1'767'600'000'000'000 + seq * 3'600'000'000;
  a.ended_at = a.started_at + 42'000'000;
  a.talk_seconds = seq == 2 ? 30 : 0;
  if (seq == 2) a.callback_at = 1'767'700'000'000'000;
  if (seq == 3) a.corrects_seq = 1;
  a.recorded_at = a.ended_at + 1'000'000;
  a.prev_hash = prev;
  a.hash = attempt_hash(a);
  return a;
}

std::vector<CallAttempt> chain(std::int64_t length = 4) {
  std::vector<CallAttempt> out;
  std::string prev = kGenesisHash;
  for (std::int64_t seq = 1; seq <= length; ++seq) {
    out.push_back(entry(seq, prev));
    prev = out.back().hash;
  }
  return out;
}

TEST(CallLedger, TheEncodingIsFixedAndHashesLikeSha256sum) {
  CallAttempt a;
  a.campaign_id = 12;
  a.seq = 1;
  a.lead_id = 340;
  a.person_id = 77;
  a.agent_id = 5;
  a.phone = "+4930231251";
  a.caller_id = "+495219876540";
  a.outcome = "not_interested";
  a.reason = "Kein Bedarf: „zu teuer\" \\ später";
  a.note_sha256 = note_sha256("");
  a.started_at = 1'767'600'000'000'000;
  a.ended_at = 1'767'600'095'000'000;
  a.talk_seconds = 80;
  a.recorded_at = 1'767'600'100'000'000;
  a.prev_hash = kGenesisHash;
  const std::string payload =
      kGenesisHash +
      " [\"termintreu-call-v1\",12,1,340,77,5,\"+4930231251\",\"+495219876540\",\"not_interested\","
      "\"Kein Bedarf: „zu teuer\\\" \\\\ später\","
      "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\",1767600000000000,1767600095000000,80,"
      "null,null,1767600100000000]";
  EXPECT_EQ(canonical_payload(a), payload);
  // Taken with `printf '%s' "$payload" | sha256sum`: the shell check in docs/call-ledger.md sees the same hash.
  EXPECT_EQ(attempt_hash(a), "b65673103e06146a2bb6c5348b7c909a7bed28357a9913cc91e5dbba2034f1de");

  a.callback_at = 5;
  a.corrects_seq = 0;
  EXPECT_NE(canonical_payload(a).find(",5,0,1767600100000000]"), std::string::npos) << canonical_payload(a);
}

TEST(CallLedger, ADownloadLineIsTheHashASpaceAndThePayload) {
  auto a = entry(1, kGenesisHash);
  a.reason = "zwei\nZeilen\tund \"Anführung\"";
  a.hash = attempt_hash(a);
  std::string out;
  append_ledger_line(out, a);
  EXPECT_EQ(out, a.hash + " " + canonical_payload(a) + "\n");
  EXPECT_EQ(out.find('\n'), out.size() - 1) << "a field's line break must not split the line";
  EXPECT_EQ(out.find('\t'), std::string::npos);
  EXPECT_NE(out.find("zwei\\nZeilen\\tund \\\"Anführung\\\""), std::string::npos) << out;
}

TEST(CallLedger, EveryFieldIsCovered) {
  const std::vector<std::pair<const char*, std::function<void(CallAttempt&)>>> changes{
      {"campaign_id", [](auto& a) { a.campaign_id += 1; }},
      {"seq", [](auto& a) { a.seq += 1; }},
      {"lead_id", [](auto& a) { a.lead_id += 1; }},
      {"person_id", [](auto& a) { a.person_id += 1; }},
      {"agent_id", [](auto& a) { a.agent_id += 1; }},
      {"phone", [](auto& a) { a.phone += "0"; }},
      {"caller_id", [](auto& a) { a.caller_id = "+495219876541"; }},
      {"outcome", [](auto& a) { a.outcome = "appointment"; }},
      {"reason", [](auto& a) { a.reason = "x"; }},
      {"note_sha256", [](auto& a) { a.note_sha256 = note_sha256("anders"); }},
      {"started_at", [](auto& a) { a.started_at += 1; }},
      {"ended_at", [](auto& a) { a.ended_at += 1; }},
      {"talk_seconds", [](auto& a) { a.talk_seconds += 1; }},
      {"callback_at", [](auto& a) { a.callback_at = std::nullopt; }},
      {"corrects_seq", [](auto& a) { a.corrects_seq = 1; }},
      {"recorded_at", [](auto& a) { a.recorded_at += 1; }},
      {"prev_hash", [](auto& a) { a.prev_hash[0] = 'f'; }},
  };
  const auto original = entry(2, std::string(64, 'a'));
  for (const auto& [field, change] : changes) {
    auto changed = original;
    change(changed);
    EXPECT_NE(attempt_hash(changed), original.hash) << field;
  }
  auto only_note = original;
  only_note.note = "gelöscht";
  EXPECT_EQ(attempt_hash(only_note), original.hash) << "the note itself is outside the chain";
}

TEST(CallLedger, AnIntactChainVerifies) {
  const auto entries = chain();
  const auto check = verify_ledger(entries);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 4u);
  EXPECT_EQ(check.head, entries.back().hash);
  EXPECT_FALSE(check.broken);
}

TEST(CallLedger, AnEmptyChainVerifiesWithTheGenesisHead) {
  const auto check = verify_ledger({});
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 0u);
  EXPECT_EQ(check.head, kGenesisHash);
  EXPECT_EQ(check.head, std::string(64, '0'));
}

struct Tampering {
  const char* what;
  std::function<void(std::vector<CallAttempt>&)> apply;
  std::size_t position;  // where verification stops
  std::int64_t seq;      // the seq of the entry found there
  const char* problem;
  std::size_t checked;
};

TEST(CallLedger, FindsTheFirstTamperedDeletedReorderedOrInsertedEntry) {
  const std::vector<Tampering> cases{
      {"outcome changed", [](auto& c) { c[1].outcome = "appointment"; }, 2, 2, "hash", 1},
      {"talk time changed", [](auto& c) { c[0].talk_seconds = 600; }, 1, 1, "hash", 0},
      {"UTF-8 reason changed", [](auto& c) { c[2].reason = "Sekretariat: „erst übernächste Woche\""; }, 3, 3, "hash",
       2},
      {"callback removed", [](auto& c) { c[1].callback_at.reset(); }, 2, 2, "hash", 1},
      {"last entry changed", [](auto& c) { c[3].phone = "+491701234567"; }, 4, 4, "hash", 3},
      {"hash replaced", [](auto& c) { c[2].hash = std::string(64, 'b'); }, 3, 3, "hash", 2},
      {"changed and rehashed",
       [](auto& c) {
         c[1].reason = "x";
         c[1].hash = attempt_hash(c[1]);
       },
       3, 3, "prev_hash", 2},
      {"middle deleted", [](auto& c) { c.erase(c.begin() + 1); }, 2, 3, "prev_hash", 1},
      {"first deleted", [](auto& c) { c.erase(c.begin()); }, 1, 2, "prev_hash", 0},
      {"two swapped", [](auto& c) { std::swap(c[1], c[2]); }, 2, 3, "prev_hash", 1},
      {"last two swapped", [](auto& c) { std::swap(c[2], c[3]); }, 3, 4, "prev_hash", 2},
      {"copy inserted",
       [](auto& c) {
         const auto copy = c[1];
         c.insert(c.begin() + 2, copy);
       },
       3, 2, "prev_hash", 2},
  };
  for (const auto& c : cases) {
    auto entries = chain();
    c.apply(entries);
    const auto check = verify_ledger(entries);
    EXPECT_FALSE(check.ok) << c.what;
    ASSERT_TRUE(check.broken) << c.what;
    EXPECT_EQ(check.broken->position, c.position) << c.what;
    EXPECT_EQ(check.broken->seq, c.seq) << c.what;
    EXPECT_EQ(check.broken->problem, c.problem) << c.what;
    EXPECT_EQ(check.checked, c.checked) << c.what;
    EXPECT_EQ(check.head, c.checked == 0 ? kGenesisHash : entries[c.checked - 1].hash) << c.what;
  }
}

TEST(CallLedger, AChainMustStartAtSeqOneAndCountUp) {
  // Correctly hashed and linked, but numbered 2, 3: seq 1 is missing from its start.
  std::vector<CallAttempt> entries{entry(2, kGenesisHash)};
  entries.push_back(entry(3, entries[0].hash));
  const auto check = verify_ledger(entries);
  ASSERT_TRUE(check.broken);
  EXPECT_EQ(check.broken->problem, "seq");
  EXPECT_EQ(check.broken->position, 1u);

  std::vector<CallAttempt> gap{entry(1, kGenesisHash)};
  gap.push_back(entry(3, gap[0].hash));
  const auto gap_check = verify_ledger(gap);
  ASSERT_TRUE(gap_check.broken);
  EXPECT_EQ(gap_check.broken->problem, "seq");
  EXPECT_EQ(gap_check.broken->seq, 3);
  EXPECT_EQ(gap_check.checked, 1u);
}

TEST(CallLedger, TheVerifierStopsAtTheFirstBreak) {
  auto entries = chain();
  entries[1].outcome = "appointment";
  LedgerVerifier verifier;
  EXPECT_TRUE(verifier.add(entries[0]));
  EXPECT_FALSE(verifier.add(entries[1]));
  EXPECT_FALSE(verifier.add(entries[2])) << "nothing after a break counts as checked";
  EXPECT_EQ(verifier.result().checked, 1u);
  EXPECT_EQ(verifier.result().broken->seq, 2);
}

}  // namespace
}  // namespace termintreu::calling
