#include "platform/db/database.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include "platform/db/sqlite_checkpointer.hpp"
#include "platform/db/statement_cache.hpp"
#include "platform/metrics.hpp"

namespace termintreu::platform::db {

namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kSqliteMemory = ":memory:";
constexpr std::string_view kApplicationName = "termintreu";
// Without it libpq waits for the operating system's TCP timeout (minutes) on an unreachable host; a request should
// get its 503 long before that.
constexpr std::string_view kConnectTimeoutSeconds = "10";
// A thread that waits this long for a pooled connection is better answered with 503 than left hanging (it also
// turns a nested lease on an exhausted pool, which would wait forever, into a visible error).
constexpr int kLeaseTimeoutMilliseconds = 30'000;

constexpr const char* kPing = "SELECT 1";
// IMMEDIATE takes the write lock at BEGIN: two deferred transactions that both read and then write would otherwise
// deadlock, and SQLite answers that with SQLITE_BUSY at once instead of waiting out busy_timeout.
constexpr const char* kBeginImmediate = "BEGIN IMMEDIATE";
constexpr const char* kRollback = "ROLLBACK";
constexpr const char* kJournalModeWal = "PRAGMA journal_mode = WAL";
constexpr const char* kForeignKeysOn = "PRAGMA foreign_keys = ON";
// NORMAL in WAL mode is durable against application crashes; only a power loss may cost the last transactions.
constexpr const char* kSynchronousNormal = "PRAGMA synchronous = NORMAL";
// PRAGMA takes no bound parameters; the value is formatted from an integer, never from user text.
constexpr const char* kBusyTimeoutFormat = "PRAGMA busy_timeout = {}";
// No PRAGMA mmap_size: a connection that finds the database changed by another one unmaps the whole file and faults
// every page in again, which cost more than the copies it saves (docs/decisions/0012-sqlite-writer-connection.md).

[[noreturn]] void invalid_url(std::string_view why) {
  throw std::invalid_argument(fmt::format(
      "invalid database URL: {} (expected a file path, sqlite:PATH or postgresql://user:password@host:port/dbname)",
      why));
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text, std::string_view part) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int high = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) invalid_url(fmt::format("bad percent-encoding in the {}", part));
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// libpq's keyword form: values with spaces, quotes or backslashes (or empty ones) go in single quotes, escaped.
std::string keyword_value(std::string_view value) {
  const bool plain = !value.empty() && value.find_first_of(" \t\n'\\") == std::string_view::npos;
  if (plain) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

void add_keyword(std::string& connect, std::string_view key, std::string_view value) {
  if (!connect.empty()) connect += ' ';
  connect += key;
  connect += '=';
  connect += keyword_value(value);
}

bool is_keyword_form(std::string_view text) {
  // "host=… dbname=…" is what SOCI wants, but as a database URL it would silently become an SQLite file name.
  const auto equals = text.find('=');
  if (equals == std::string_view::npos || equals == 0) return false;
  const auto key = text.substr(0, equals);
  const bool word = std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
  return word && text.find(' ') != std::string_view::npos;
}

// The file path of an SQLite URL; anything that is neither PostgreSQL nor SQLite is rejected here.
std::string sqlite_path(std::string_view url) {
  std::string path;
  if (lower(url.substr(0, kSqliteScheme.size())) == kSqliteScheme) {
    std::string_view rest = url.substr(kSqliteScheme.size());
    if (rest.substr(0, 2) == "//") rest.remove_prefix(2);
    path = std::string(rest);
  } else {
    if (url.find("://") != std::string_view::npos) {
      invalid_url(fmt::format("unsupported scheme '{}'", url.substr(0, url.find("://"))));
    }
    const std::string prefix = lower(url.substr(0, url.find(':') == std::string_view::npos ? 0 : url.find(':')));
    if (prefix == "postgresql" || prefix == "postgres") invalid_url("a PostgreSQL URL starts with postgresql://");
    if (is_keyword_form(url)) invalid_url("this looks like a libpq keyword string; give a postgresql:// URL");
    path = std::string(url);
  }
  if (path.find_first_not_of(" \t\n") == std::string::npos) invalid_url("the SQLite file path is empty");
  // SOCI's SQLite connect string quotes values with '"' and has no escape for it.
  if (path.find('"') != std::string::npos) invalid_url("an SQLite file path must not contain '\"'");
  return path;
}

std::string sqlite_connect_string(const std::string& path) {
  // SOCI splits its SQLite connect string at '=' and ' '; a plain path is taken whole only when it has neither.
  if (path.find_first_of("= \t") == std::string::npos) return path;
  return fmt::format("db=\"{}\"", path);
}

ConnectionTarget parse_postgresql(std::string_view url) {
  const auto scheme_end = url.find("://");
  std::string_view rest = url.substr(scheme_end + 3);

  std::string_view query;
  if (const auto question = rest.find('?'); question != std::string_view::npos) {
    query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  std::string_view authority = rest;
  std::string_view path;
  if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }

  std::string_view user_info;
  std::string_view host_port = authority;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    user_info = authority.substr(0, at);
    host_port = authority.substr(at + 1);
  }
  std::string_view raw_user = user_info;
  std::optional<std::string_view> raw_password;
  if (const auto colon = user_info.find(':'); colon != std::string_view::npos) {
    raw_user = user_info.substr(0, colon);
    raw_password = user_info.substr(colon + 1);
  }

  if (host_port.find(',') != std::string_view::npos) invalid_url("several hosts in one URL are not supported");
  std::string_view host = host_port;
  std::string_view port;
  if (!host_port.empty() && host_port.front() == '[') {
    const auto close = host_port.find(']');
    if (close == std::string_view::npos) invalid_url("unclosed '[' in the IPv6 host");
    host = host_port.substr(1, close - 1);
    const auto after = host_port.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') invalid_url("unexpected text after the IPv6 host");
      port = after.substr(1);
    }
  } else if (const auto colon = host_port.find(':'); colon != std::string_view::npos) {
    host = host_port.substr(0, colon);
    port = host_port.substr(colon + 1);
    if (port.empty()) invalid_url("the port after ':' is empty");
  }
  if (!port.empty()) {
    const bool digits = std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); });
    if (!digits || port.size() > 5 || std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535) {
      invalid_url(fmt::format("bad port '{}'", port));
    }
  }

  const std::string user = percent_decode(raw_user, "user name");
  const std::string password = raw_password ? percent_decode(*raw_password, "password") : std::string();
  const std::string host_name = percent_decode(host, "host");
  const std::string dbname = percent_decode(path, "database name");
  if (dbname.find('/') != std::string::npos) invalid_url("the database name must not contain '/'");

  std::string connect;
  if (!host_name.empty()) add_keyword(connect, "host", host_name);
  if (!port.empty()) add_keyword(connect, "port", port);
  if (!dbname.empty()) add_keyword(connect, "dbname", dbname);
  if (!user.empty()) add_keyword(connect, "user", user);
  if (raw_password) add_keyword(connect, "password", password);

  std::string display = "postgresql://";
  if (!raw_user.empty()) display += fmt::format("{}@", raw_user);
  display += host_port;
  if (!path.empty()) display += fmt::format("/{}", path);

  bool application_name_given = false;
  bool connect_timeout_given = false;
  std::string display_query;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0) {
      invalid_url(fmt::format("query parameter '{}' is not key=value", pair));
    }
    const std::string key(pair.substr(0, equals));
    const bool word = std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::islower(c) || c == '_'; });
    if (!word) invalid_url(fmt::format("bad query parameter name '{}'", key));
    add_keyword(connect, key, percent_decode(pair.substr(equals + 1), "query parameter " + key));
    application_name_given = application_name_given || key == "application_name";
    connect_timeout_given = connect_timeout_given || key == "connect_timeout";
    if (key != "password") display_query += fmt::format("{}{}", display_query.empty() ? "?" : "&", pair);
  }
  if (!application_name_given) add_keyword(connect, "application_name", kApplicationName);
  if (!connect_timeout_given) add_keyword(connect, "connect_timeout", kConnectTimeoutSeconds);

  return ConnectionTarget{Engine::postgresql, std::move(connect), display + display_query};
}

bool sqlite_is_busy(const soci::sqlite3_soci_error& error) {
  const int primary = error.result() & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

// Re-establishes a PostgreSQL connection the server has closed (restart, failover, idle kill). Everything that was
// committed is on the server; what the dead connection had uncommitted is gone with it, as it must be.
// An idle pooled connection has nothing to read: the server speaks only when asked, and these connections do not
// LISTEN. A server that restarts or terminates the backend says goodbye (an error message, then the socket closes),
// which makes the socket readable. So "nothing to read" tells without a round trip that the connection is as good as
// a ping would say; anything else (or a bad status) is left to the ping. A silently dropped network path is not
// noticed by either before the statement itself fails.
bool quietly_alive(soci::session& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  if (backend == nullptr || backend->conn_ == nullptr || PQstatus(backend->conn_) != CONNECTION_OK) return false;
  pollfd socket{PQsocket(backend->conn_), POLLIN, 0};
  return socket.fd >= 0 && poll(&socket, 1, 0) == 0;
}

// The prepared statements of a connection that is about to be closed or replaced go first: they refer to it.
void forget_statements(soci::session& sql) {
  if (StatementCache* cache = StatementCache::of(sql)) cache->clear();
}

void ensure_connected(soci::session& sql, const ConnectionTarget& target) {
  if (quietly_alive(sql) || sql.is_connected()) return;
  spdlog::warn("database connection to {} was lost; reconnecting", target.display);
  forget_statements(sql);
  try {
    sql.reconnect();
  } catch (const soci::soci_error& error) {
    throw DatabaseUnavailable(fmt::format("database {} is unreachable: {}", target.display, error.what()));
  }
}

void connect(soci::session& sql, const ConnectionTarget& target, const DatabaseOptions& options) {
  if (target.engine == Engine::postgresql) {
    try {
      sql.open(soci::postgresql, target.soci_connect);
    } catch (const soci::soci_error& error) {
      throw DatabaseUnavailable(fmt::format("cannot connect to the database {}: {}", target.display, error.what()));
    }
    return;
  }
  try {
    sql.open(soci::sqlite3, target.soci_connect);
    sql << fmt::format(kBusyTimeoutFormat, options.busy_timeout.count());
    std::string journal_mode;
    sql << kJournalModeWal, soci::into(journal_mode);
    if (journal_mode != "wal" && journal_mode != "memory") {
      throw std::runtime_error(fmt::format("the file system refused WAL mode (journal_mode is {})", journal_mode));
    }
    sql << kForeignKeysOn;
    sql << kSynchronousNormal;
  } catch (const std::exception& error) {
    forget_statements(sql);
    if (sql.get_backend() != nullptr) sql.close();  // half-configured: the next lease must start over
    throw std::runtime_error(fmt::format("cannot open the database {}: {}", target.display, error.what()));
  }
}

// A session must come out of the pool outside any transaction. One that went back inside one (a caller began a
// transaction on a Lease and then threw) would hold locks and make its next user's work part of a stranger's
// transaction. Both checks read client-side state only: no round trip.
void end_leftover_transaction(soci::session& sql, Engine engine) {
  bool open = false;
  if (engine == Engine::sqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    open = backend != nullptr && sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
  } else {
    auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    if (backend != nullptr) {
      const PGTransactionStatusType status = PQtransactionStatus(backend->conn_);
      open = status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
    }
  }
  if (!open) return;
  spdlog::warn("a pooled database session came back inside a transaction; rolling it back");
  sql << kRollback;
}

}  // namespace

ConnectionTarget parse_database_url(const std::string& url) {
  const auto begin = url.find_first_not_of(" \t\n");
  if (begin == std::string::npos) invalid_url("it is empty");
  const std::string_view trimmed = std::string_view(url).substr(begin, url.find_last_not_of(" \t\n") - begin + 1);

  const auto scheme_end = trimmed.find("://");
  if (scheme_end != std::string_view::npos) {
    const std::string scheme = lower(trimmed.substr(0, scheme_end));
    if (scheme == "postgresql" || scheme == "postgres") return parse_postgresql(trimmed);
  }
  const std::string path = sqlite_path(trimmed);
  return ConnectionTarget{Engine::sqlite, sqlite_connect_string(path), fmt::format("sqlite:{}", path)};
}

std::unique_ptr<Database> Database::open(const std::string& url, DatabaseOptions options) {
  if (options.pool_size == 0) throw std::invalid_argument("database pool_size must be at least 1");
  ConnectionTarget target = parse_database_url(url);
  if (target.engine == Engine::sqlite) {
    const std::string path = target.display.substr(kSqliteScheme.size());
    if (path == kSqliteMemory) {
      // Every connection to ":memory:" is a database of its own: a pool would scatter the data.
      options.pool_size = 1;
    } else {
      const auto parent = std::filesystem::path(path).parent_path();
      if (!parent.empty()) {
        std::error_code error;
        std::filesystem::create_directories(parent, error);
        if (error) {
          throw std::runtime_error(
              fmt::format("cannot create the directory {} for the database: {}", parent.string(), error.message()));
        }
      }
    }
  }
  return std::unique_ptr<Database>(new Database(std::move(target), options));
}

Database::Database(ConnectionTarget target, DatabaseOptions options)
    : target_(std::move(target)), options_(options), pool_(std::make_unique<soci::connection_pool>(options.pool_size)) {
  // One connection now, so a wrong URL, password or path stops the server at start; the others open on first use,
  // which keeps start-up fast and idle servers light on PostgreSQL connections.
  connect(pool_->at(0), target_, options_);
  if (target_.engine == Engine::sqlite && target_.display != fmt::format("{}{}", kSqliteScheme, kSqliteMemory)) {
    checkpointer_ = std::make_unique<SqliteCheckpointer>(target_.soci_connect, writers_);
    checkpointer_->watch(pool_->at(0));
    writer_ = std::make_unique<soci::session>();
    connect(*writer_, target_, options_);
    checkpointer_->watch(*writer_);
  }
  // Last: nothing below may throw, or the registry would keep sessions of a Database that never was.
  for (std::size_t i = 0; i < options.pool_size; ++i) {
    statement_caches_.push_back(std::make_unique<StatementCache>(target_.engine == Engine::sqlite));
    StatementCache::attach(pool_->at(i), statement_caches_.back().get());
  }
  if (writer_) {
    statement_caches_.push_back(std::make_unique<StatementCache>(true));
    StatementCache::attach(*writer_, statement_caches_.back().get());
  }
}

Database::~Database() {
  if (statement_caches_.empty()) return;  // the constructor threw before attaching
  for (std::size_t i = 0; i < options_.pool_size; ++i) StatementCache::detach(pool_->at(i));
  if (writer_) StatementCache::detach(*writer_);
}

WriterTurn Database::hold_writer() {
  if (target_.engine != Engine::sqlite) return {};
  // A transaction begun inside another one on the same thread waits here for itself: it ends as the same 503 that
  // SQLite's busy timeout would give, instead of hanging.
  if (!writers_.acquire(options_.busy_timeout)) {
    throw DatabaseUnavailable(fmt::format("the database {} stayed busy with other writes for {} ms", target_.display,
                                          options_.busy_timeout.count()));
  }
  return WriterTurn(writers_);
}

void Database::open_connection(soci::session& sql) {
  connect(sql, target_, options_);
  if (checkpointer_) checkpointer_->watch(sql);
}

Database::Lease Database::writing_session() {
  if (!writer_) return session();
  end_leftover_transaction(*writer_, target_.engine);
  return Lease(*writer_);
}

Database::Lease Database::session() {
  Lease lease(*pool_);
  soci::session& sql = *lease;
  if (sql.get_backend() == nullptr) {
    // Never opened, or a reconnect failed while the server was down.
    open_connection(sql);
  } else if (target_.engine == Engine::postgresql) {
    ensure_connected(sql, target_);
  }
  end_leftover_transaction(sql, target_.engine);
  return lease;
}

void Database::begin(soci::session& sql) {
  if (target_.engine == Engine::sqlite) {
    try {
      sql << kBeginImmediate;
    } catch (const soci::sqlite3_soci_error& error) {
      if (!sqlite_is_busy(error)) throw;
      throw DatabaseUnavailable(fmt::format("the database {} stayed locked by another writer for {} ms: {}",
                                            target_.display, options_.busy_timeout.count(), error.what()));
    }
    return;
  }
  try {
    sql.begin();
  } catch (const soci::soci_error&) {
    if (sql.is_connected()) throw;
    // The server went away between the lease's check and BEGIN. Nothing of the transaction has run yet, so a
    // fresh connection and a second BEGIN cannot repeat or lose any work.
    ensure_connected(sql, target_);
    sql.begin();
  }
}

void Database::record(std::string_view name, std::chrono::steady_clock::duration took) {
  if (options_.metrics != nullptr) options_.metrics->observe_database(name, took);
}

bool Database::ping() {
  try {
    Lease lease = session();
    int one = 0;
    *lease << kPing, soci::into(one);
    return one == 1;
  } catch (const std::exception& error) {
    spdlog::warn("database ping to {} failed: {}", target_.display, error.what());
    return false;
  }
}

Database::Lease::Lease(soci::connection_pool& pool) : pool_(&pool), position_(0) {
  if (!pool.try_lease(position_, kLeaseTimeoutMilliseconds)) {
    throw DatabaseUnavailable(
        fmt::format("no database connection became free within {} ms", kLeaseTimeoutMilliseconds));
  }
}

Database::Lease::Lease(soci::session& only) : only_(&only) {}

Database::Lease::~Lease() {
  if (pool_ != nullptr) pool_->give_back(position_);
}

Database::Lease::Lease(Lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      position_(other.position_),
      only_(std::exchange(other.only_, nullptr)) {}

}  // namespace termintreu::platform::db
