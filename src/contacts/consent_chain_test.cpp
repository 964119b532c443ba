#include "contacts/consent_chain.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace termintreu::contacts {
namespace {

// A chain of three well-formed records.
std::vector<ConsentRecord> chain() {
  std::vector<ConsentRecord> out;
  std::string prev = kGenesisHash;
  for (std::int64_t i = 1; i <= 3; ++i) {
    ConsentRecord r;
    r.id = i;
    r.agency_id = 7;
    r.person_id = 40 + i;
    r.kind = i == 3 ? "withdrawal" : "consent";
    r.given_by = "Anna Berg, Geschäftsführerin";
    r.beneficiary = "Kessler Industrietechnik GmbH";
    r.purpose = "Telefonische Terminvereinbarung";
    r.given_at = 1'767'600'000'000'000 + i;
    r.channel = "phone";
    r.evidence = "Gespräch \"12\"";
    r.recorded_by = i == 2 ? std::nullopt : std::optional<std::int64_t>(3);
    r.recorded_at = 1'767'700'000'000'000 + i;
    r.prev_hash = prev;
    r.hash = consent_hash(r);
    prev = r.hash;
    out.push_back(r);
  }
  return out;
}

TEST(ConsentChain, AnIntactChainVerifies) {
  const auto records = chain();
  const auto check = verify_chain(records);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 3u);
  EXPECT_EQ(check.head, records.back().hash);
  EXPECT_TRUE(verify_chain({}).ok);
  EXPECT_EQ(verify_chain({}).head, kGenesisHash);
}

TEST(ConsentChain, TheEncodingIsFixed) {
  ConsentRecord r;
  r.agency_id = 1;
  r.person_id = 2;
  r.kind = "consent";
  r.given_by = "A \"B\"";
  r.beneficiary = "Ä";
  r.purpose = "p";
  r.given_at = 3;
  r.channel = "phone";
  r.recorded_at = 4;
  r.prev_hash = kGenesisHash;
  EXPECT_EQ(canonical_encoding(r),
            "[\"termintreu-consent-v1\",1,2,\"consent\",\"A \\\"B\\\"\",\"Ä\",\"p\",3,\"phone\",\"\",null,4,\"" +
                kGenesisHash + "\"]");
}

struct Tampering {
  const char* what;
  void (*apply)(std::vector<ConsentRecord>&);
  std::int64_t broken_id;
  const char* problem;
};

TEST(ConsentChain, DetectsTamperedDeletedAndReorderedRecords) {
  const std::vector<Tampering> cases{
      {"purpose changed", [](auto& r) { r[1].purpose = "Newsletter"; }, 2, "hash"},
      {"given_at changed", [](auto& r) { r[0].given_at += 1; }, 1, "hash"},
      {"kind changed", [](auto& r) { r[2].kind = "consent"; }, 3, "hash"},
      {"recorded_by changed", [](auto& r) { r[1].recorded_by = 3; }, 2, "hash"},
      {"changed and rehashed", [](auto& r) { r[0].purpose = "x"; r[0].hash = consent_hash(r[0]); }, 2, "prev_hash"},
      {"middle deleted", [](auto& r) { r.erase(r.begin() + 1); }, 3, "prev_hash"},
      {"first deleted", [](auto& r) { r.erase(r.begin()); }, 2, "prev_hash"},
      {"reordered", [](auto& r) { std::swap(r[1], r[2]); }, 3, "prev_hash"},
      {"inserted copy", [](auto& r) { r.insert(r.begin() + 1, r[0]); }, 1, "prev_hash"},
  };
  for (const auto& c : cases) {
    auto records = chain();
    c.apply(records);
    const auto check = verify_chain(records);
    EXPECT_FALSE(check.ok) << c.what;
    EXPECT_EQ(check.broken_id, c.broken_id) << c.what;
    EXPECT_EQ(check.problem, c.problem) << c.what;
  }
}

}  // namespace
}  // namespace termintreu::contacts
