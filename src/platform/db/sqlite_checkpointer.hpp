#pragma once
// Copies a SQLite database's write-ahead log back into the database on a thread of its own. Left to itself, SQLite
// does that inside whichever commit crosses the log's threshold, and the request behind that commit waits for it
// (the slowest percent of writes). The pooled connections report each commit's log size here instead.
// A checkpoint that runs beside writers never catches up with them: the log is only started afresh (written from its
// beginning again) once everything in it has been copied, so under steady writes it grew without end (2.8 GB in
// 10 s of bench/dispatch). So once the log is past a bound, a checkpoint copies the bulk beside the writers and then,
// holding a turn of the writer queue, the rest that was committed meanwhile; the next commit restarts the log.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <soci/soci.h>

#include "platform/db/writer_queue.hpp"

namespace termintreu::platform::db {

struct CheckpointLimits {
  int checkpoint_pages = 1000;  // a commit that leaves the log this long (SQLite's own threshold) calls a checkpoint
  int restart_pages = 16384;    // 64 MiB: past this, the checkpoint's tail takes a writer turn so the log restarts
  // While readers keep the log from being reset, every commit is past the threshold: at most this often, then.
  std::chrono::milliseconds pause{100};
};

class SqliteCheckpointer {
 public:
  // Opens a connection of its own to the database (SOCI sqlite3 connect string) and starts the thread. `writers` is
  // the queue of the process's writers (it must outlive the checkpointer).
  SqliteCheckpointer(const std::string& soci_connect, WriterQueue& writers, CheckpointLimits limits = {});
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
  WriterQueue& writers_;
  CheckpointLimits limits_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  std::atomic<int> log_pages_{0};  // the log's size after the latest commit
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace termintreu::platform::db
