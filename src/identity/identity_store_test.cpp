// Identity against a real database (SQLite and PostgreSQL): sign-in, lockout, sessions, tokens, user admin rules,
// tenant isolation and the audit trail.
#include <gtest/gtest.h>

#include "identity/audit_log.hpp"
#include "identity/session_service.hpp"
#include "identity/session_store.hpp"
#include "identity/tenant_store.hpp"
#include "identity/token_admin.hpp"
#include "identity/user_admin.hpp"
#include "platform/crypto.hpp"
#include "platform/http/events.hpp"
#include "store_fixture.hpp"

namespace termintreu::identity {
namespace {

using platform::ErrorCode;

class IdentityStoreTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    platform::crypto::initialise();
    const auto now = platform::to_micros(clock().now());
    db().transaction("fixture", [&](soci::session& sql) {
      agency_a_ = tenant_store::insert_agency(sql, "Agentur A", now);
      agency_b_ = tenant_store::insert_agency(sql, "Agentur B", now);
      client_a1_ = tenant_store::insert_client(sql, {agency_a_, "Kunde A1", "", ""}, now);
      client_a2_ = tenant_store::insert_client(sql, {agency_a_, "Kunde A2", "", ""}, now);
      client_b1_ = tenant_store::insert_client(sql, {agency_b_, "Kunde B1", "", ""}, now);
    });
    sessions_ = std::make_unique<SessionService>(db(), clock(), session_cache_, SessionSettings{});
    users_ = std::make_unique<UserAdmin>(db(), clock(), events_, session_cache_);
    tokens_ = std::make_unique<TokenAdmin>(db(), clock());
    admin_a_ = create(command_line_actor(agency_a_), "admin@a.example", Role::admin, std::nullopt).id;
  }

  User create(const Principal& actor, const std::string& email, Role role, std::optional<std::int64_t> client) {
    CreateUserRequest request;
    request.email = email;
    request.name = "Name " + email;
    request.role = role;
    request.client_id = client;
    request.password = kPassword;
    auto created = users_->create(actor, request, meta_);
    EXPECT_TRUE(created) << (created ? "" : created.error().message);
    return created->user;
  }

  Principal admin_a() {
    Principal p = command_line_actor(agency_a_);
    p.user_id = admin_a_;
    return p;
  }

  std::vector<audit_log::Entry> audit(std::int64_t agency) {
    auto lease = db().session();
    return audit_log::page(*lease, agency, std::nullopt, 100);
  }

  static constexpr const char* kPassword = "Sehr-geheim-123";
  RequestMeta meta_{"192.0.2.1", "test", "req-1"};
  platform::http::EventHub events_;
  SessionCache session_cache_{clock(), SessionCacheSettings{}};
  std::unique_ptr<SessionService> sessions_;
  std::unique_ptr<UserAdmin> users_;
  std::unique_ptr<TokenAdmin> tokens_;
  std::int64_t agency_a_ = 0, agency_b_ = 0, client_a1_ = 0, client_a2_ = 0, client_b1_ = 0, admin_a_ = 0;
};

TEST_F(IdentityStoreTest, SignInGivesASessionThatAuthenticatesUntilSignOut) {
  const auto signed_in = sessions_->sign_in("ADMIN@a.example ", kPassword, meta_);
  ASSERT_TRUE(signed_in) << signed_in.error().error.message;
  EXPECT_EQ(signed_in->user.id, admin_a_);
  EXPECT_EQ(signed_in->agency.name, "Agentur A");
  const auto principal = sessions_->from_session_token(signed_in->session_token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->agency_id, agency_a_);
  EXPECT_EQ(principal->role, Role::admin);
  EXPECT_EQ(principal->csrf_token, signed_in->principal.csrf_token);
  EXPECT_FALSE(sessions_->from_session_token(signed_in->session_token + "x"));

  sessions_->sign_out(*principal, meta_);
  EXPECT_FALSE(sessions_->from_session_token(signed_in->session_token));
  const auto entries = audit(agency_a_);
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "session.signed_out");
  EXPECT_EQ(entries[1].action, "session.signed_in");
}

TEST_F(IdentityStoreTest, SessionsExpireWhenIdle) {
  const auto signed_in = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_TRUE(signed_in);
  clock().advance(std::chrono::hours(11));
  EXPECT_TRUE(sessions_->from_session_token(signed_in->session_token)) << "used within 12 h: extended";
  clock().advance(std::chrono::hours(10));
  EXPECT_TRUE(sessions_->from_session_token(signed_in->session_token));
  clock().advance(std::chrono::hours(13));
  EXPECT_FALSE(sessions_->from_session_token(signed_in->session_token));
}

TEST_F(IdentityStoreTest, ASessionIsKnownWithoutTheDatabaseOnlyWhileNoReadOrTouchIsDue) {
  const auto signed_in = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_TRUE(signed_in);
  const auto& token = signed_in->session_token;
  EXPECT_FALSE(sessions_->knows_session_token(token)) << "not looked up on this node yet";
  ASSERT_TRUE(sessions_->from_session_token(token));
  EXPECT_TRUE(sessions_->knows_session_token(token));
  EXPECT_FALSE(sessions_->knows_session_token(token + "x"));
  EXPECT_TRUE(sessions_->knows_session_token("")) << "refused without a look at the database";

  clock().advance(std::chrono::seconds(3));
  EXPECT_FALSE(sessions_->knows_session_token(token)) << "older than the cache's TTL: read again";
  // Just before the sliding-expiry write falls due the lookup writes nothing; a second later it must.
  clock().advance(std::chrono::minutes(5) - std::chrono::seconds(3) - std::chrono::milliseconds(500));
  ASSERT_TRUE(sessions_->from_session_token(token));
  EXPECT_TRUE(sessions_->knows_session_token(token));
  clock().advance(std::chrono::seconds(1));
  EXPECT_FALSE(sessions_->knows_session_token(token)) << "cached, but the touch is due";
  const auto principal = sessions_->from_session_token(token);
  ASSERT_TRUE(principal);
  EXPECT_TRUE(sessions_->knows_session_token(token));

  sessions_->sign_out(*principal, meta_);
  EXPECT_FALSE(sessions_->knows_session_token(token));
}

TEST_F(IdentityStoreTest, WrongPasswordsLockTheAccountForAWhile) {
  for (int i = 0; i < 5; ++i) {
    const auto failed = sessions_->sign_in("admin@a.example", "falsch-falsch", meta_);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().error.code, ErrorCode::unauthenticated);
  }
  const auto locked = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_FALSE(locked) << "the right password does not open a locked account";
  EXPECT_EQ(locked.error().error.code, ErrorCode::rate_limited);
  EXPECT_EQ(locked.error().retry_after_seconds, 15 * 60);
  clock().advance(std::chrono::minutes(15));
  EXPECT_TRUE(sessions_->sign_in("admin@a.example", kPassword, meta_));
  int failures = 0;
  for (const auto& entry : audit(agency_a_)) failures += entry.action == "session.sign_in_failed";
  EXPECT_EQ(failures, 5);
}

TEST_F(IdentityStoreTest, UnknownAndDeactivatedUsersGetTheSameAnswer) {
  const auto unknown = sessions_->sign_in("nobody@a.example", kPassword, meta_);
  ASSERT_FALSE(unknown);
  const auto agent = create(admin_a(), "agent@a.example", Role::agent, std::nullopt);
  UserPatch deactivate;
  deactivate.active = false;
  ASSERT_TRUE(users_->update(admin_a(), agent.id, deactivate, meta_));
  const auto inactive = sessions_->sign_in("agent@a.example", kPassword, meta_);
  ASSERT_FALSE(inactive);
  EXPECT_EQ(unknown.error().error.message, inactive.error().error.message);
  EXPECT_EQ(unknown.error().error.code, inactive.error().error.code);
}

TEST_F(IdentityStoreTest, DeactivationAndPasswordResetEndSessions) {
  const auto agent = create(admin_a(), "agent@a.example", Role::agent, std::nullopt);
  const auto first = sessions_->sign_in("agent@a.example", kPassword, meta_);
  ASSERT_TRUE(first);
  const auto reset = users_->reset_password(admin_a(), agent.id, std::nullopt, meta_);
  ASSERT_TRUE(reset);
  EXPECT_FALSE(sessions_->from_session_token(first->session_token));
  EXPECT_FALSE(sessions_->sign_in("agent@a.example", kPassword, meta_));
  const auto second = sessions_->sign_in("agent@a.example", *reset, meta_);
  ASSERT_TRUE(second);
  UserPatch deactivate;
  deactivate.active = false;
  ASSERT_TRUE(users_->update(admin_a(), agent.id, deactivate, meta_));
  EXPECT_FALSE(sessions_->from_session_token(second->session_token));
}

TEST_F(IdentityStoreTest, PasswordChangeNeedsTheCurrentOneAndKeepsOnlyThisSession) {
  const auto here = sessions_->sign_in("admin@a.example", kPassword, meta_);
  const auto elsewhere = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_TRUE(here && elsewhere);
  const auto wrong = sessions_->change_password(here->principal, "falsch-falsch", "Neues-Passwort-1", meta_);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().field, "current_password");
  const auto short_one = sessions_->change_password(here->principal, kPassword, "kurz", meta_);
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().field, "new_password");
  ASSERT_TRUE(sessions_->change_password(here->principal, kPassword, "Neues-Passwort-1", meta_));
  EXPECT_TRUE(sessions_->from_session_token(here->session_token));
  EXPECT_FALSE(sessions_->from_session_token(elsewhere->session_token));
  EXPECT_TRUE(sessions_->sign_in("admin@a.example", "Neues-Passwort-1", meta_));
}

// The clock stands still in these tests, so only invalidation (not the cache's TTL) can refuse a cached session.
TEST_F(IdentityStoreTest, EndingSessionsOnThisNodeOverridesTheSessionCacheAtOnce) {
  const auto agent = create(admin_a(), "agent@a.example", Role::agent, std::nullopt);
  const auto signed_in_and_cached = [&](const std::string& password) {
    auto signed_in = sessions_->sign_in("agent@a.example", password, meta_);
    if (!signed_in) {
      ADD_FAILURE() << signed_in.error().error.message;
      return SignedIn{};
    }
    EXPECT_TRUE(sessions_->from_session_token(signed_in->session_token));
    EXPECT_TRUE(session_cache_.find(platform::crypto::sha256_hex(signed_in->session_token)));
    return *signed_in;
  };

  const auto before_reset = signed_in_and_cached(kPassword);
  const auto reset = users_->reset_password(admin_a(), agent.id, std::nullopt, meta_);
  ASSERT_TRUE(reset);
  EXPECT_FALSE(sessions_->from_session_token(before_reset.session_token)) << "password reset";

  UserPatch role;
  role.role = Role::supervisor;
  const auto before_role = signed_in_and_cached(*reset);
  ASSERT_TRUE(users_->update(admin_a(), agent.id, role, meta_));
  EXPECT_FALSE(sessions_->from_session_token(before_role.session_token)) << "role change";

  UserPatch rename;
  rename.name = "Neuer Name";
  const auto before_rename = signed_in_and_cached(*reset);
  ASSERT_TRUE(users_->update(admin_a(), agent.id, rename, meta_));
  const auto renamed = sessions_->from_session_token(before_rename.session_token);
  ASSERT_TRUE(renamed) << "a new name does not end the session";
  EXPECT_EQ(renamed->name, "Neuer Name");
  EXPECT_EQ(renamed->role, Role::supervisor);

  const auto here = signed_in_and_cached(*reset);
  const auto elsewhere = signed_in_and_cached(*reset);
  ASSERT_TRUE(sessions_->change_password(here.principal, *reset, "Neues-Passwort-1", meta_));
  EXPECT_TRUE(sessions_->from_session_token(here.session_token));
  EXPECT_FALSE(sessions_->from_session_token(elsewhere.session_token)) << "password change";

  const auto before_deactivation = signed_in_and_cached("Neues-Passwort-1");
  UserPatch deactivate;
  deactivate.active = false;
  ASSERT_TRUE(users_->update(admin_a(), agent.id, deactivate, meta_));
  EXPECT_FALSE(sessions_->from_session_token(before_deactivation.session_token)) << "deactivation";
  EXPECT_FALSE(sessions_->from_session_token(here.session_token));
}

TEST_F(IdentityStoreTest, AnotherNodeSeesAnEndedSessionWithinTheCacheTtl) {
  SessionCache other_cache{clock(), SessionCacheSettings{std::chrono::seconds(2), 100}};
  SessionService other_node(db(), clock(), other_cache, SessionSettings{});
  const auto signed_in = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_TRUE(signed_in);
  ASSERT_TRUE(other_node.from_session_token(signed_in->session_token));

  sessions_->sign_out(signed_in->principal, meta_);
  EXPECT_FALSE(sessions_->from_session_token(signed_in->session_token));
  EXPECT_TRUE(other_node.from_session_token(signed_in->session_token)) << "the other node's entry is still fresh";
  clock().advance(std::chrono::seconds(2));
  EXPECT_FALSE(other_node.from_session_token(signed_in->session_token));
}

TEST_F(IdentityStoreTest, CachedSessionsStillSlideTheirExpiryInTheDatabase) {
  const auto signed_in = sessions_->sign_in("admin@a.example", kPassword, meta_);
  ASSERT_TRUE(signed_in);
  const auto hash = platform::crypto::sha256_hex(signed_in->session_token);
  const auto stored_expiry = [&] {
    auto lease = db().session();
    return session_store::find_active(*lease, hash, platform::to_micros(clock().now()))->expires_at;
  };
  const auto first_expiry = stored_expiry();
  // Used every second for six minutes: half the answers come from the cache, yet the database must see the use.
  for (int i = 0; i < 6 * 60; ++i) {
    clock().advance(std::chrono::seconds(1));
    ASSERT_TRUE(sessions_->from_session_token(signed_in->session_token));
  }
  EXPECT_GE(stored_expiry(), first_expiry + std::chrono::microseconds(std::chrono::minutes(5)).count());
}

TEST_F(IdentityStoreTest, ClientRolesNeedAClientOfTheirOwnAgency) {
  CreateUserRequest request;
  request.email = "kunde@a.example";
  request.name = "Kundin";
  request.role = Role::client_manager;
  request.password = kPassword;
  auto missing = users_->create(admin_a(), request, meta_);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "client_id");
  request.client_id = client_b1_;
  auto foreign = users_->create(admin_a(), request, meta_);
  ASSERT_FALSE(foreign) << "another agency's client";
  EXPECT_EQ(foreign.error().field, "client_id");
  request.client_id = client_a1_;
  ASSERT_TRUE(users_->create(admin_a(), request, meta_));
  request.email = "agent2@a.example";
  request.role = Role::agent;
  auto bound_agent = users_->create(admin_a(), request, meta_);
  ASSERT_FALSE(bound_agent);
  EXPECT_EQ(bound_agent.error().field, "client_id");
  request.client_id.reset();
  request.email = "KUNDE@a.example";
  auto duplicate = users_->create(admin_a(), request, meta_);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);
}

TEST_F(IdentityStoreTest, AnotherAgencysUsersCannotBeSeenOrChanged) {
  const auto admin_b = create(command_line_actor(agency_b_), "admin@b.example", Role::admin, std::nullopt);
  EXPECT_EQ(users_->get(admin_a(), admin_b.id).error().code, ErrorCode::not_found);
  UserPatch patch;
  patch.name = "Übernommen";
  EXPECT_EQ(users_->update(admin_a(), admin_b.id, patch, meta_).error().code, ErrorCode::not_found);
  EXPECT_EQ(users_->reset_password(admin_a(), admin_b.id, std::nullopt, meta_).error().code, ErrorCode::not_found);
  for (const auto& user : users_->list(admin_a())) EXPECT_EQ(user.agency_id, agency_a_);
  EXPECT_TRUE(sessions_->sign_in("admin@b.example", kPassword, meta_)) << "B's admin untouched";
}

TEST_F(IdentityStoreTest, AdminsCannotLockThemselvesOut) {
  UserPatch demote;
  demote.role = Role::agent;
  const auto refused = users_->update(admin_a(), admin_a_, demote, meta_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  UserPatch deactivate;
  deactivate.active = false;
  EXPECT_EQ(users_->update(admin_a(), admin_a_, deactivate, meta_).error().code, ErrorCode::conflict);
  EXPECT_EQ(users_->get(admin_a(), admin_a_)->role, Role::admin) << "nothing changed";
}

TEST_F(IdentityStoreTest, EveryoneMayChangeTheirOwnNameAndLocaleButNotTheirAccess) {
  const auto agent = create(admin_a(), "agent@a.example", Role::agent, std::nullopt);
  const auto signed_in = sessions_->sign_in("agent@a.example", kPassword, meta_);
  ASSERT_TRUE(signed_in);
  UserPatch own;
  own.locale = "de";
  own.name = "Agentin Neu";
  const auto changed = users_->update(signed_in->principal, agent.id, own, meta_);
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->locale, "de");
  EXPECT_EQ(changed->name, "Agentin Neu");
  UserPatch promote;
  promote.role = Role::admin;
  const auto refused = users_->update(signed_in->principal, agent.id, promote, meta_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(users_->get(admin_a(), agent.id)->role, Role::agent);
}

TEST_F(IdentityStoreTest, RoleChangesAreAuditedWithBeforeAndAfter) {
  const auto agent = create(admin_a(), "agent@a.example", Role::agent, std::nullopt);
  UserPatch promote;
  promote.role = Role::supervisor;
  ASSERT_TRUE(users_->update(admin_a(), agent.id, promote, meta_));
  const auto entries = audit(agency_a_);
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0].action, "user.updated");
  EXPECT_EQ(entries[0].actor_user_id, admin_a_);
  EXPECT_EQ(entries[0].target_id, agent.id);
  EXPECT_EQ(entries[0].details["changes"]["role"]["from"], "agent");
  EXPECT_EQ(entries[0].details["changes"]["role"]["to"], "supervisor");
  EXPECT_EQ(entries[0].request_id, "req-1");
  EXPECT_TRUE(audit(agency_b_).empty()) << "A's entries are not B's";
}

TEST_F(IdentityStoreTest, ApiTokensAuthenticateWithTheirRoleUntilRevoked) {
  CreateTokenRequest request;
  request.name = "CRM-Anbindung";
  request.role = Role::client_manager;
  request.client_id = client_a2_;
  const auto created = tokens_->create(admin_a(), request, meta_);
  ASSERT_TRUE(created);
  EXPECT_EQ(created->secret.rfind("tt_", 0), 0u);
  const auto principal = sessions_->from_api_token(created->secret, meta_);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->role, Role::client_manager);
  EXPECT_EQ(principal->client_id, client_a2_);
  EXPECT_EQ(principal->token_id, created->token.id);
  EXPECT_TRUE(principal->csrf_token.empty());
  {
    auto lease = db().session();
    long long stored = 0;
    *lease << "SELECT COUNT(*) FROM api_tokens WHERE token_hash = :secret", soci::use(created->secret),
        soci::into(stored);
    EXPECT_EQ(stored, 0) << "the secret itself is never stored";
  }
  EXPECT_EQ(tokens_->revoke(command_line_actor(agency_b_), created->token.id, meta_).error().code,
            ErrorCode::not_found);
  EXPECT_TRUE(sessions_->from_api_token(created->secret, meta_));
  ASSERT_TRUE(tokens_->revoke(admin_a(), created->token.id, meta_));
  EXPECT_FALSE(sessions_->from_api_token(created->secret, meta_));
  bool used = false;
  for (const auto& entry : audit(agency_a_)) used = used || entry.action == "token.used";
  EXPECT_TRUE(used);
}

TEST_F(IdentityStoreTest, ExpiredTokensAreRefused) {
  CreateTokenRequest request;
  request.name = "kurzlebig";
  request.role = Role::agent;
  request.expires_in_days = 1;
  const auto created = tokens_->create(admin_a(), request, meta_);
  ASSERT_TRUE(created);
  EXPECT_TRUE(sessions_->from_api_token(created->secret, meta_));
  clock().advance(std::chrono::hours(25));
  EXPECT_FALSE(sessions_->from_api_token(created->secret, meta_));
}

TEST_F(IdentityStoreTest, ClientListsAreScopedToAgencyAndClient) {
  auto lease = db().session();
  EXPECT_EQ(tenant_store::list_clients(*lease, agency_a_, std::nullopt).size(), 2u);
  const auto only = tenant_store::list_clients(*lease, agency_a_, client_a2_);
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].name, "Kunde A2");
  EXPECT_TRUE(tenant_store::list_clients(*lease, agency_a_, client_b1_).empty());
  EXPECT_FALSE(tenant_store::find_client(*lease, agency_a_, client_b1_));
}

}  // namespace
}  // namespace termintreu::identity
