#pragma once
// Copies a SQLite database's write-ahead log back into the database on a thread of its own. Left to itself, SQLite
// does that inside whichever commit crosses the log's threshold, and the request behind that commit waits for it
// (the slowest percent of writes). The pooled connections report each commit's log size here instead.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <soci/soci.h>

namespace termintreu::platform::db {

class SqliteCheckpointer {
 public:
  // Opens a connection of its own to the database (SOCI sqlite3 connect string) and starts the thread.
  explicit SqliteCheckpointer(const std::string& soci_connect);
  ~SqliteCheckpointer();
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Makes the connection's commits report here (and stops SQLite's own checkpoints on it).
  void watch(soci::session& sql);
  // Called after each commit with the log's size in pages.
  void committed(int log_pages);

 private:
  void run();

  soci::session session_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace termintreu::platform::db
