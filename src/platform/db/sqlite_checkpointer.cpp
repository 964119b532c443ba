#include "platform/db/sqlite_checkpointer.hpp"

#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

namespace termintreu::platform::db {
namespace {

// SQLite's own threshold for an automatic checkpoint.
constexpr int kCheckpointPages = 1000;
// While readers keep the log from being reset, every commit is past the threshold: at most this often, then.
constexpr auto kMinPause = std::chrono::milliseconds(100);
// PASSIVE copies what no reader still needs and never waits for a lock, so it holds up no request.
constexpr const char* kCheckpoint = "PRAGMA wal_checkpoint(PASSIVE)";

int on_commit(void* checkpointer, sqlite_api::sqlite3* /*connection*/, const char* /*schema*/, int log_pages) {
  static_cast<SqliteCheckpointer*>(checkpointer)->committed(log_pages);
  return SQLITE_OK;
}

}  // namespace

SqliteCheckpointer::SqliteCheckpointer(const std::string& soci_connect) : session_(soci::sqlite3, soci_connect) {
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
  if (log_pages < kCheckpointPages) return;
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
    } catch (const std::exception& error) {
      spdlog::warn("checkpointing the SQLite log failed (the next commit past the threshold tries again): {}",
                   error.what());
    }
    std::this_thread::sleep_for(kMinPause);
    lock.lock();
  }
}

}  // namespace termintreu::platform::db
