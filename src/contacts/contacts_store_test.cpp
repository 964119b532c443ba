// Contacts against a real database (SQLite and PostgreSQL): create and search, leads, the block list across
// clients, the consent chain, privacy requests, export and erasure, and tenant isolation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "campaigns/campaign_store.hpp"
#include "contacts/block_list_store.hpp"
#include "contacts/block_service.hpp"
#include "contacts/consent_service.hpp"
#include "contacts/consent_store.hpp"
#include "contacts/contact_input.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/privacy_service.hpp"
#include "identity/actor.hpp"
#include "identity/tenant_store.hpp"
#include "platform/time_text.hpp"
#include "store_fixture.hpp"

namespace termintreu::contacts {
namespace {

using platform::ErrorCode;

class ContactsStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    const auto now = platform::to_micros(clock().now());
    db().transaction("fixture", [&](soci::session& sql) {
      agency_a_ = identity::tenant_store::insert_agency(sql, "Agentur A", now);
      agency_b_ = identity::tenant_store::insert_agency(sql, "Agentur B", now);
      client_a1_ = identity::tenant_store::insert_client(sql, {agency_a_, "Kunde A1", "", "", "DE"}, now);
      client_a2_ = identity::tenant_store::insert_client(sql, {agency_a_, "Kunde A2", "", "", "AT"}, now);
      campaigns::Campaign campaign;
      campaign.agency_id = agency_a_;
      campaign.client_id = client_a1_;
      campaign.name = "Frühjahr";
      campaign_a1_ = campaigns::campaign_store::insert(sql, campaign, now);
      campaign.client_id = client_a2_;
      campaign.country = "AT";
      campaign_a2_ = campaigns::campaign_store::insert(sql, campaign, now);
    });
    admin_a_ = identity::command_line_actor(agency_a_);
    admin_b_ = identity::command_line_actor(agency_b_);
    contacts_ = std::make_unique<ContactService>(db(), clock());
    blocks_ = std::make_unique<BlockService>(db(), clock());
    consents_ = std::make_unique<ConsentService>(db(), clock());
    privacy_ = std::make_unique<PrivacyService>(db(), clock());
  }

  platform::JsonFields body(nlohmann::json object) {
    std::vector<std::string_view> allowed(kPersonFields);
    for (auto extra : {"client_id", "campaign_id", "company_id", "company"}) allowed.push_back(extra);
    return platform::JsonFields::from_object(std::move(object), allowed).value();
  }

  // Anna Berg at Kessler, a lead of client A1's campaign.
  ContactDetail anna() {
    auto created = contacts_->create(
        admin_a_,
        body({{"client_id", client_a1_},
              {"campaign_id", campaign_a1_},
              {"first_name", "Anna"},
              {"last_name", "Berg"},
              {"email", "anna.berg@kessler.example"},
              {"phones", {"030 1234567", {{"number", "0151 23456789"}}}},
              {"legal_basis", "presumed_b2b"},
              {"legal_basis_reason", "Leiterin Einkauf; das Angebot betrifft ihren Bereich"},
              {"company", {{"name", "Kessler Industrietechnik GmbH"}, {"city", "Bielefeld"}, {"country", "DE"}}}}),
        meta_);
    EXPECT_TRUE(created) << created.error().field << ": " << created.error().message;
    return *created;
  }

  std::vector<std::int64_t> found(const std::string& q, std::optional<std::int64_t> client = std::nullopt) {
    auto result = contacts_->search(admin_a_, q, client, Page{});
    EXPECT_TRUE(result);
    std::vector<std::int64_t> ids;
    for (const auto& summary : *result) ids.push_back(summary.id);
    return ids;
  }

  std::int64_t agency_a_ = 0, agency_b_ = 0, client_a1_ = 0, client_a2_ = 0, campaign_a1_ = 0, campaign_a2_ = 0;
  identity::Principal admin_a_, admin_b_;
  identity::RequestMeta meta_;
  std::unique_ptr<ContactService> contacts_;
  std::unique_ptr<BlockService> blocks_;
  std::unique_ptr<ConsentService> consents_;
  std::unique_ptr<PrivacyService> privacy_;
};

TEST_F(ContactsStoreTest, CreatesAPersonWithCompanyPhonesTimeZoneAndLead) {
  const auto created = anna();
  EXPECT_EQ(created.person.time_zone, "Europe/Berlin");
  ASSERT_TRUE(created.company);
  EXPECT_EQ(created.company->name, "Kessler Industrietechnik GmbH");
  ASSERT_EQ(created.phones.size(), 2u);
  EXPECT_EQ(created.phones[0].e164, "+49301234567");
  EXPECT_EQ(created.phones[0].number_type, "fixed");
  EXPECT_EQ(created.phones[1].kind, "mobile");
  ASSERT_EQ(created.leads.size(), 1u);
  EXPECT_EQ(created.leads[0].campaign_id, campaign_a1_);
  EXPECT_EQ(created.leads[0].state, "new");
}

TEST_F(ContactsStoreTest, RefusesBadInputWithTheFieldName) {
  const std::vector<std::pair<nlohmann::json, std::string>> cases{
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"legal_basis", "presumed_b2b"}}, "legal_basis_reason"},
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"legal_basis", "consent"}}, "legal_basis"},
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"phones", {"12"}}}, "phones[0].number"},
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"company", {{"city", "Köln"}}}}, "company.name"},
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"company", {{"name", "X"}, {"country", "XX"}}}},
       "company.country"},
      {{{"client_id", client_a1_}, {"last_name", "Berg"}, {"campaign_id", campaign_a2_}}, "campaign_id"},
      {{{"client_id", 999}, {"last_name", "Berg"}}, "client_id"},
  };
  for (const auto& [object, field] : cases) {
    const auto created = contacts_->create(admin_a_, body(object), meta_);
    ASSERT_FALSE(created) << object.dump();
    EXPECT_EQ(created.error().code, ErrorCode::invalid) << object.dump();
    EXPECT_EQ(created.error().field, field) << object.dump();
  }
}

TEST_F(ContactsStoreTest, FindsByNameCompanyEmailAndAPhoneInAnySpelling) {
  const auto id = anna().person.id;
  for (const auto* q : {"Berg", "anna berg", "kessler", "KESSLER Industrietechnik", "anna.berg@kessler.example",
                        "030 1234567", "+49 (0)30 / 123 45-67", "0049301234567", "(030) 12 34 56 7",
                        "+4915123456789"}) {
    EXPECT_EQ(found(q), std::vector<std::int64_t>{id}) << q;
  }
  EXPECT_EQ(found("030 1234567", client_a1_), std::vector<std::int64_t>{id});
  EXPECT_TRUE(found("030 1234567", client_a2_).empty());
  EXPECT_TRUE(found("Müller").empty());
  EXPECT_TRUE(found("030 7654321").empty());
}

TEST_F(ContactsStoreTest, AnotherAgencySeesNothing) {
  const auto id = anna().person.id;
  EXPECT_EQ(contacts_->get(admin_b_, id).error().code, ErrorCode::not_found);
  EXPECT_TRUE(contacts_->search(admin_b_, "Berg", std::nullopt, Page{})->empty());
  EXPECT_FALSE(contacts_->add_lead(admin_b_, campaign_a1_, id, meta_));
  EXPECT_FALSE(blocks_->block(admin_b_, {id, std::nullopt, std::nullopt, "", "x"}, meta_));
  EXPECT_FALSE(privacy_->erase(admin_b_, id, meta_));
  EXPECT_EQ(privacy_->export_person(admin_b_, id, meta_).error().code, ErrorCode::not_found);
}

TEST_F(ContactsStoreTest, ABlockReachesEveryClientAndRefusesNewEntries) {
  const auto first = anna();
  // The same number at client A2 (Austria: the number carries its country code).
  auto other = contacts_->create(admin_a_,
                                body({{"client_id", client_a2_},
                                      {"campaign_id", campaign_a2_},
                                      {"last_name", "Huber"},
                                      {"phones", {"+49 30 1234567"}}}),
                                meta_);
  ASSERT_TRUE(other) << other.error().message;
  ASSERT_TRUE(blocks_->block(admin_a_, {first.person.id, std::nullopt, std::nullopt, "", "Widerspruch am Telefon"},
                            meta_));
  const auto blocked_other = contacts_->get(admin_a_, other->person.id);
  ASSERT_TRUE(blocked_other);
  EXPECT_TRUE(blocked_other->person.blocked_at);
  ASSERT_EQ(blocked_other->leads.size(), 1u);
  EXPECT_EQ(blocked_other->leads[0].state, "blocked");
  EXPECT_EQ(contacts_->get(admin_a_, first.person.id)->leads[0].state, "blocked");

  const auto by_email = contacts_->create(
      admin_a_, body({{"client_id", client_a2_}, {"last_name", "X"}, {"email", "ANNA.BERG@kessler.example"}}), meta_);
  ASSERT_FALSE(by_email);
  EXPECT_EQ(by_email.error().code, ErrorCode::conflict);
  EXPECT_EQ(by_email.error().field, "email");
  const auto by_phone =
      contacts_->create(admin_a_, body({{"client_id", client_a1_}, {"last_name", "Y"}, {"phones", {"0151 23456789"}}}),
                       meta_);
  ASSERT_FALSE(by_phone);
  EXPECT_EQ(by_phone.error().field, "phones[0].number");
  EXPECT_EQ(contacts_->add_lead(admin_a_, campaign_a1_, first.person.id, meta_).error().code, ErrorCode::conflict);

  auto lease = db().session();
  EXPECT_EQ(block_list_store::page(*lease, agency_a_, 50, 0).size(), 4u);  // two numbers, e-mail, name
  EXPECT_TRUE(block_list_store::page(*lease, agency_b_, 50, 0).empty());
}

TEST_F(ContactsStoreTest, BlockingAnE164NumberAloneBlocksItsHolders) {
  const auto first = anna();
  const auto result = blocks_->block(admin_a_, {std::nullopt, "+49 151 23456789", std::nullopt, "", "Anruf"}, meta_);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->persons_blocked, std::vector<std::int64_t>{first.person.id});
  EXPECT_FALSE(blocks_->block(admin_a_, {std::nullopt, std::nullopt, std::nullopt, "", "x"}, meta_));
  EXPECT_EQ(blocks_->block(admin_a_, {std::nullopt, "+49 30 1", std::nullopt, "", "x"}, meta_).error().field, "phone");
}

TEST_F(ContactsStoreTest, ConsentRecordsChainAndSetTheLegalBasis) {
  const auto id = anna().person.id;
  ConsentInput input{"consent", "Anna Berg", "Kunde A1", "Terminvereinbarung", platform::to_micros(clock().now()),
                     "phone", "Gespräch 1"};
  const auto first = consents_->record(admin_a_, id, input, meta_);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->prev_hash, kGenesisHash);
  EXPECT_EQ(contacts_->get(admin_a_, id)->person.legal_basis, "presumed_b2b") << "an existing basis stays";
  input.kind = "withdrawal";
  const auto second = consents_->record(admin_a_, id, input, meta_);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->prev_hash, first->hash);
  const auto check = consents_->verify(admin_a_);
  EXPECT_TRUE(check.ok);
  EXPECT_EQ(check.checked, 2u);
  EXPECT_EQ(check.head, second->hash);
  EXPECT_EQ(consents_->verify(admin_b_).checked, 0u);
  input.given_at = platform::to_micros(clock().now()) + 3'600'000'000;
  EXPECT_EQ(consents_->record(admin_a_, id, input, meta_).error().field, "given_at");

  auto lease = db().session();
  const long long record_id = first->id;
  EXPECT_THROW((*lease << "UPDATE consent_records SET purpose = 'x' WHERE id = :id", soci::use(record_id)),
               soci::soci_error);
}

TEST_F(ContactsStoreTest, PrivacyRequestsAreDueAfterOneMonthOpenFirst) {
  clock().set(*platform::parse_iso8601("2026-03-02T08:00:00Z"));
  const auto received = *platform::parse_iso8601("2026-01-31T10:00:00Z");
  const auto late = privacy_->create(admin_a_, {"access", "Anna Berg", std::nullopt, platform::to_micros(received), ""},
                                    meta_);
  ASSERT_TRUE(late);
  EXPECT_EQ(platform::iso8601(platform::from_micros(late->due_at + 1)), "2026-02-28T23:00:00Z");
  const auto early = privacy_->create(admin_a_, {"erasure", "Max Muster", std::nullopt, std::nullopt, ""}, meta_);
  ASSERT_TRUE(early);
  ASSERT_TRUE(privacy_->close(admin_a_, late->id, "done", "Auskunft versandt", meta_));
  EXPECT_EQ(privacy_->close(admin_a_, late->id, "done", "", meta_).error().code, ErrorCode::conflict);
  const auto list = privacy_->list(admin_a_, 50, 0);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, early->id);
  EXPECT_EQ(list[1].state, "done");
  EXPECT_TRUE(privacy_->list(admin_b_, 50, 0).empty());
  EXPECT_EQ(privacy_->close(admin_b_, early->id, "done", "", meta_).error().code, ErrorCode::not_found);
}

TEST_F(ContactsStoreTest, ExportHoldsEverythingAndErasureLeavesOnlyHashesAndConsent) {
  const auto id = anna().person.id;
  ConsentInput input{"consent", "Anna Berg", "Kunde A1", "Terminvereinbarung", platform::to_micros(clock().now()),
                     "phone", ""};
  ASSERT_TRUE(consents_->record(admin_a_, id, input, meta_));
  ASSERT_TRUE(privacy_->create(admin_a_, {"erasure", "Anna Berg", id, std::nullopt, ""}, meta_));
  const auto exported = privacy_->export_person(admin_a_, id, meta_);
  ASSERT_TRUE(exported);
  EXPECT_EQ(exported->phones.size(), 2u);
  EXPECT_EQ(exported->consents.size(), 1u);
  EXPECT_EQ(exported->leads.size(), 1u);
  EXPECT_FALSE(exported->audit.empty());
  const auto html = to_html(*exported);
  EXPECT_NE(html.find("anna.berg@kessler.example"), std::string::npos);

  ASSERT_TRUE(privacy_->erase(admin_a_, id, meta_));
  const auto erased = contacts_->get(admin_a_, id);
  ASSERT_TRUE(erased);
  EXPECT_TRUE(erased->person.erased_at);
  EXPECT_TRUE(erased->person.blocked_at);
  EXPECT_EQ(erased->person.last_name, "");
  EXPECT_EQ(erased->person.email, "");
  EXPECT_TRUE(erased->phones.empty());
  EXPECT_EQ(erased->consents.size(), 1u) << "consent records are kept (UWG §7a)";
  EXPECT_TRUE(found("Berg").empty());
  EXPECT_TRUE(found("030 1234567").empty());
  EXPECT_EQ(privacy_->list(admin_a_, 50, 0)[0].state, "done");
  // The hashes still refuse the same person coming back.
  const auto again = contacts_->create(
      admin_a_, body({{"client_id", client_a1_}, {"last_name", "Neu"}, {"phones", {"030 1234567"}}}), meta_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(privacy_->erase(admin_a_, id, meta_).error().code, ErrorCode::conflict);
}

TEST_F(ContactsStoreTest, LeadsArePagedPerCampaign) {
  const auto id = anna().person.id;
  auto second = contacts_->create(admin_a_, body({{"client_id", client_a1_}, {"last_name", "Zeller"}}), meta_);
  ASSERT_TRUE(second);
  ASSERT_TRUE(contacts_->add_lead(admin_a_, campaign_a1_, second->person.id, meta_));
  EXPECT_EQ(contacts_->add_lead(admin_a_, campaign_a1_, second->person.id, meta_).error().code, ErrorCode::conflict);
  EXPECT_EQ(contacts_->add_lead(admin_a_, campaign_a2_, second->person.id, meta_).error().field, "person_id");
  const auto page = contacts_->campaign_leads(admin_a_, campaign_a1_, Page{1, 1});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].person.id, second->person.id);
  EXPECT_EQ(contacts_->campaign_leads(admin_a_, campaign_a1_, Page{})->at(0).person.id, id);
  EXPECT_EQ(contacts_->campaign_leads(admin_b_, campaign_a1_, Page{}).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace termintreu::contacts
