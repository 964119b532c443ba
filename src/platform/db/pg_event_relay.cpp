#include "platform/db/pg_event_relay.hpp"

#include <poll.h>

#include <chrono>

#include <libpq-fe.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "platform/crypto.hpp"

namespace termintreu::platform::db {
namespace {

constexpr const char* kChannel = "termintreu_events";
constexpr const char* kListen = "LISTEN termintreu_events";
constexpr const char* kNotify = "SELECT pg_notify($1, $2)";
// PostgreSQL refuses NOTIFY payloads of 8000 bytes and more; live events are far smaller.
constexpr std::size_t kMaxPayload = 7900;
constexpr std::size_t kMaxQueued = 10'000;
constexpr auto kReconnectPause = std::chrono::seconds{1};
constexpr int kPollMilliseconds = 250;

struct ConnectionDeleter {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
using Connection = std::unique_ptr<PGconn, ConnectionDeleter>;

Connection connect(const std::string& conninfo) {
  Connection connection(PQconnectdb(conninfo.c_str()));
  if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
    spdlog::warn("event relay: cannot connect to PostgreSQL: {}",
                 connection ? PQerrorMessage(connection.get()) : "out of memory");
    return nullptr;
  }
  return connection;
}

bool run(PGconn* connection, const char* command, const char* first = nullptr, const char* second = nullptr) {
  const char* values[2] = {first, second};
  PGresult* result = first == nullptr ? PQexec(connection, command)
                                      : PQexecParams(connection, command, 2, nullptr, values, nullptr, nullptr, 0);
  const auto status = PQresultStatus(result);
  PQclear(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace

PgEventRelay::PgEventRelay(std::string conninfo, http::EventHub& hub)
    : conninfo_(std::move(conninfo)), node_(crypto::random_token(8)), hub_(hub) {
  sender_ = std::thread([this] { send_loop(); });
  listener_ = std::thread([this] { listen_loop(); });
  hub_.set_relay([this](std::string_view topic, std::string_view name, const std::string& data) {
    enqueue(topic, name, data);
  });
}

PgEventRelay::~PgEventRelay() {
  hub_.set_relay({});
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  sender_.join();
  listener_.join();
}

void PgEventRelay::enqueue(std::string_view topic, std::string_view name, const std::string& data) {
  std::string payload = nlohmann::json{{"n", node_}, {"t", topic}, {"e", name}, {"d", data}}.dump();
  if (payload.size() > kMaxPayload) {
    spdlog::warn("event relay: event {} on {} too large to relay ({} bytes)", name, topic, payload.size());
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    if (outgoing_.size() >= kMaxQueued) outgoing_.pop_front();
    outgoing_.push_back(std::move(payload));
  }
  wake_.notify_one();
}

void PgEventRelay::send_loop() {
  Connection connection;
  for (;;) {
    std::string payload;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !outgoing_.empty(); });
      if (stopping_) return;
      payload = std::move(outgoing_.front());
      outgoing_.pop_front();
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!connection || PQstatus(connection.get()) != CONNECTION_OK) connection = connect(conninfo_);
      if (connection && run(connection.get(), kNotify, kChannel, payload.c_str())) break;
      if (connection) spdlog::warn("event relay: NOTIFY failed: {}", PQerrorMessage(connection.get()));
      connection.reset();
    }
  }
}

void PgEventRelay::listen_loop() {
  while (!stopping_) {
    Connection connection = connect(conninfo_);
    if (!connection || !run(connection.get(), kListen)) {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, kReconnectPause, [this] { return stopping_.load(); });
      continue;
    }
    listening_ = true;
    while (!stopping_) {
      pollfd descriptor{PQsocket(connection.get()), POLLIN, 0};
      if (poll(&descriptor, 1, kPollMilliseconds) < 0) continue;
      if (PQconsumeInput(connection.get()) == 0) {
        spdlog::warn("event relay: lost the listening connection: {}", PQerrorMessage(connection.get()));
        break;
      }
      while (PGnotify* notify = PQnotifies(connection.get())) {
        const auto message = nlohmann::json::parse(notify->extra, nullptr, /*allow_exceptions=*/false);
        PQfreemem(notify);
        if (!message.is_object() || message.value("n", "") == node_) continue;
        hub_.deliver_relayed(message.value("t", ""), message.value("e", ""), message.value("d", ""));
      }
    }
    listening_ = false;
  }
}

std::unique_ptr<PgEventRelay> start_event_relay(const Database& database, http::EventHub& hub) {
  if (database.engine() != Engine::postgresql) return nullptr;
  return std::make_unique<PgEventRelay>(database.target().soci_connect, hub);
}

}  // namespace termintreu::platform::db
