#pragma once
// Live events across server processes on one PostgreSQL: every event a process publishes is sent with NOTIFY on
// one channel, and every process LISTENs and delivers the others' events to its own subscribers. Best effort, like
// the stream itself: an event published while the connection is down is logged and lost, and screens catch up on
// their next refresh. Each direction has its own libpq connection and thread, so a request never waits for it.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "platform/db/database.hpp"
#include "platform/http/events.hpp"

namespace termintreu::platform::db {

class PgEventRelay {
 public:
  // `conninfo`: libpq's keyword form (ConnectionTarget::soci_connect). Starts both threads and sets itself as the
  // hub's relay; the destructor detaches and stops them.
  PgEventRelay(std::string conninfo, http::EventHub& hub);
  ~PgEventRelay();
  PgEventRelay(const PgEventRelay&) = delete;
  PgEventRelay& operator=(const PgEventRelay&) = delete;

  // True once the listening connection has run LISTEN (tests wait for it before publishing).
  bool listening() const { return listening_.load(); }

 private:
  void enqueue(std::string_view topic, std::string_view name, const std::string& data);
  void send_loop();
  void listen_loop();

  const std::string conninfo_;
  const std::string node_;  // this process, so it skips its own notifications
  http::EventHub& hub_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> outgoing_;  // payloads waiting for NOTIFY
  std::thread sender_;
  std::thread listener_;
};

// The relay for a PostgreSQL database; nullptr for SQLite, which serves from one process.
std::unique_ptr<PgEventRelay> start_event_relay(const Database& database, http::EventHub& hub);

}  // namespace termintreu::platform::db
