#include "platform/db/sqlite_checkpointer.hpp"

#include <string>

#include <fcntl.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

namespace termintreu::platform::db {
namespace {

// PASSIVE copies what no reader still needs and never waits for a lock, so it holds up no request.
constexpr const char* kCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";
// The tail waits in the writer queue like a writer; if it does not get a turn this soon, the next checkpoint tries.
constexpr auto kTailPatience = std::chrono::milliseconds(1000);

int on_commit(void* checkpointer, sqlite_api::sqlite3* /*connection*/, const char* /*schema*/, int log_pages) {
  static_cast<SqliteCheckpointer*>(checkpointer)->committed(log_pages);
  return SQLITE_OK;
}

// Flushes the log file to disk. The checkpoint syncs the log before it copies from it; done first, outside the writer
// turn, that sync has only the last few commits left to flush while writers wait.
void sync_log(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  const char* database = sqlite_api::sqlite3_db_filename(backend->conn_, "main");
  if (database == nullptr || *database == '\0') return;
  const std::string log = std::string(database) + "-wal";
  const int fd = ::open(log.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fdatasync(fd);
  ::close(fd);
}

}  // namespace

SqliteCheckpointer::SqliteCheckpointer(const std::string& soci_connect, WriterQueue& writers, CheckpointLimits limits)
    : session_(soci::sqlite3, soci_connect), writers_(writers), limits_(limits) {
  thread_ = std::thread([this] { run(); });
}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void SqliteCheckpointer::watch(soci::session& sql) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  // Replaces the hook that PRAGMA wal_autocheckpoint installs: this connection no longer checkpoints by itself.
  sqlite_api::sqlite3_wal_hook(backend->conn_, &on_commit, this);
}

void SqliteCheckpointer::committed(int log_pages) {
  log_pages_.store(log_pages);
  if (log_pages < limits_.checkpoint_pages) return;
  {
    std::lock_guard lock(mutex_);
    due_ = true;
  }
  wake_.notify_one();
}

void SqliteCheckpointer::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return due_ || stopping_; });
    if (stopping_) return;
    due_ = false;
    lock.unlock();
    try {
      session_ << kCheckpoint;
      // Below the bound writers never wait for a checkpoint: the log restarts by itself whenever writing pauses.
      if (log_pages_.load() >= limits_.restart_pages) {
        session_ << kCheckpoint;  // what came in during the first pass, still beside the writers
        sync_log(session_);
        if (writers_.acquire(kTailPatience)) {
          const WriterTurn turn(writers_);
          session_ << kCheckpoint;  // the rest: with all of it copied, the next commit starts the log afresh
        }
      }
    } catch (const std::exception& error) {
      spdlog::warn("checkpointing the SQLite log failed (the next commit past the threshold tries again): {}",
                   error.what());
    }
    std::this_thread::sleep_for(limits_.pause);
    lock.lock();
  }
}

}  // namespace termintreu::platform::db
