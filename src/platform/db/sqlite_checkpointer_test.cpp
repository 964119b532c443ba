#include "platform/db/sqlite_checkpointer.hpp"

#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "platform/db/writer_queue.hpp"

namespace termintreu::platform::db {
namespace {

constexpr int kCommits = 3000;
constexpr std::uintmax_t kPageBytes = 4096;
constexpr CheckpointLimits kSmallLimits{50, 200, std::chrono::milliseconds(1)};

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "termintreu-checkpointer.XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TemporaryDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Writers that never pause: a checkpoint beside them never copies everything, so without the tail under a writer
// turn the log would never start afresh and would hold every commit (here about 3000 pages, 12 MB).
TEST(SqliteCheckpointer, TheLogStartsAfreshUnderWritesThatNeverPause) {
  TemporaryDirectory directory;
  const std::string file = (directory.path() / "log.db").string();
  soci::session writer(soci::sqlite3, file);
  std::string mode;
  writer << "PRAGMA journal_mode = WAL", soci::into(mode);
  ASSERT_EQ(mode, "wal");
  writer << "CREATE TABLE pages (body BLOB NOT NULL)";
  WriterQueue writers;
  SqliteCheckpointer checkpointer(file, writers, kSmallLimits);
  checkpointer.watch(writer);

  const std::string body(3000, 'x');  // most of a page per commit
  std::uintmax_t largest_log = 0;
  for (int i = 0; i < kCommits; ++i) {
    ASSERT_TRUE(writers.acquire(std::chrono::milliseconds(60'000)));
    const WriterTurn turn(writers);
    writer << "BEGIN IMMEDIATE";
    writer << "INSERT INTO pages (body) VALUES (:body)", soci::use(body);
    writer << "COMMIT";
    largest_log = std::max(largest_log, std::filesystem::file_size(file + "-wal"));
  }
  long long rows = 0;
  writer << "SELECT COUNT(*) FROM pages", soci::into(rows);
  EXPECT_EQ(rows, kCommits);
  // The log file keeps its largest size; it must have been reused from its start long before holding every commit.
  EXPECT_LT(largest_log, static_cast<std::uintmax_t>(kCommits) * kPageBytes / 3);
}

}  // namespace
}  // namespace termintreu::platform::db
