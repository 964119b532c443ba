#include "platform/db/database.hpp"

#include <gtest/gtest.h>

namespace termintreu::platform::db {
namespace {

struct UrlCase {
  std::string url;
  Engine engine;
  std::string soci_connect;
  std::string display;
};

const std::string kPgDefaults = "application_name=termintreu connect_timeout=10";

class ParseDatabaseUrl : public ::testing::TestWithParam<UrlCase> {};

TEST_P(ParseDatabaseUrl, GivesEngineConnectStringAndDisplay) {
  const UrlCase& expected = GetParam();
  const ConnectionTarget target = parse_database_url(expected.url);
  EXPECT_EQ(target.engine, expected.engine);
  EXPECT_EQ(target.soci_connect, expected.soci_connect);
  EXPECT_EQ(target.display, expected.display);
}

INSTANTIATE_TEST_SUITE_P(
    Valid, ParseDatabaseUrl,
    ::testing::Values(
        UrlCase{"/var/lib/termintreu/data.db", Engine::sqlite, "/var/lib/termintreu/data.db",
                "sqlite:/var/lib/termintreu/data.db"},
        UrlCase{"data/termintreu.db", Engine::sqlite, "data/termintreu.db", "sqlite:data/termintreu.db"},
        UrlCase{"  data.db\n", Engine::sqlite, "data.db", "sqlite:data.db"},
        UrlCase{"sqlite:data.db", Engine::sqlite, "data.db", "sqlite:data.db"},
        UrlCase{"SQLite:data.db", Engine::sqlite, "data.db", "sqlite:data.db"},
        UrlCase{"sqlite:///var/x.db", Engine::sqlite, "/var/x.db", "sqlite:/var/x.db"},
        UrlCase{"sqlite://relative/x.db", Engine::sqlite, "relative/x.db", "sqlite:relative/x.db"},
        UrlCase{"sqlite::memory:", Engine::sqlite, ":memory:", "sqlite::memory:"},
        // SOCI's SQLite connect string splits at spaces and '=': such paths must be quoted.
        UrlCase{"/tmp/my data/x.db", Engine::sqlite, "db=\"/tmp/my data/x.db\"", "sqlite:/tmp/my data/x.db"},
        UrlCase{"sqlite:/tmp/a=b.db", Engine::sqlite, "db=\"/tmp/a=b.db\"", "sqlite:/tmp/a=b.db"},
        UrlCase{"postgresql://app:secret@db.example.com:5433/termintreu?sslmode=require", Engine::postgresql,
                "host=db.example.com port=5433 dbname=termintreu user=app password=secret sslmode=require " +
                    kPgDefaults,
                "postgresql://app@db.example.com:5433/termintreu?sslmode=require"},
        UrlCase{"postgres://app@localhost/termintreu", Engine::postgresql,
                "host=localhost dbname=termintreu user=app " + kPgDefaults, "postgresql://app@localhost/termintreu"},
        UrlCase{"PostgreSQL://127.0.0.1:55433/postgres", Engine::postgresql,
                "host=127.0.0.1 port=55433 dbname=postgres " + kPgDefaults, "postgresql://127.0.0.1:55433/postgres"},
        UrlCase{"postgresql://app:p%40ss%20w%27rd%5C@127.0.0.1/db", Engine::postgresql,
                "host=127.0.0.1 dbname=db user=app password='p@ss w\\'rd\\\\' " + kPgDefaults,
                "postgresql://app@127.0.0.1/db"},
        UrlCase{"postgresql://us%65r:@h/d%C3%BCb", Engine::postgresql,
                "host=h dbname=d\xC3\xBC" "b user=user password='' " + kPgDefaults, "postgresql://us%65r@h/d%C3%BCb"},
        UrlCase{"postgresql://[::1]:5432/db", Engine::postgresql, "host=::1 port=5432 dbname=db " + kPgDefaults,
                "postgresql://[::1]:5432/db"},
        UrlCase{"postgresql:///db", Engine::postgresql, "dbname=db " + kPgDefaults, "postgresql:///db"},
        UrlCase{"postgresql://h/db?application_name=worker&connect_timeout=3", Engine::postgresql,
                "host=h dbname=db application_name=worker connect_timeout=3",
                "postgresql://h/db?application_name=worker&connect_timeout=3"},
        UrlCase{"postgresql://u@h/db?password=hidden&sslmode=disable", Engine::postgresql,
                "host=h dbname=db user=u password=hidden sslmode=disable " + kPgDefaults,
                "postgresql://u@h/db?sslmode=disable"}));

class RejectDatabaseUrl : public ::testing::TestWithParam<std::string> {};

TEST_P(RejectDatabaseUrl, ThrowsInvalidArgumentNamingTheProblem) {
  try {
    parse_database_url(GetParam());
    FAIL() << "accepted " << GetParam();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("invalid database URL"), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Invalid, RejectDatabaseUrl,
                         ::testing::Values("", "   ", "sqlite:", "sqlite://", "sqlite:a\"b.db", "mysql://u@h/db",
                                           "postgresql:db", "host=127.0.0.1 dbname=termintreu",
                                           "postgresql://h:abc/db", "postgresql://h:70000/db", "postgresql://h:0/db",
                                           "postgresql://h:/db", "postgresql://u:%zz@h/db", "postgresql://u:%4@h/db",
                                           "postgresql://h/a/b", "postgresql://h1,h2/db", "postgresql://h/db?sslmode",
                                           "postgresql://h/db?=x", "postgresql://h/db?SSLMODE=x",
                                           "postgresql://[::1/db", "postgresql://[::1]x/db"));

TEST(ParseDatabaseUrlDisplay, NeverShowsThePassword) {
  const ConnectionTarget target = parse_database_url("postgresql://app:Sup3rSecret@h:1/db?password=Sup3rSecret");
  EXPECT_EQ(target.display.find("Sup3rSecret"), std::string::npos) << target.display;
}

}  // namespace
}  // namespace termintreu::platform::db
