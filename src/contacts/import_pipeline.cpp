#include "contacts/import_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <absl/container/flat_hash_map.h>

#include <fmt/format.h>

#include "contacts/block_list_store.hpp"
#include "contacts/import_bulk_store.hpp"
#include "contacts/import_rules.hpp"
#include "contacts/import_writer.hpp"
#include "contacts/phone_number.hpp"

namespace termintreu::contacts {

namespace {

using platform::ErrorCode;
using platform::fail;

// Rows handed between the threads at a time, and how many such batches may wait between two stages.
constexpr std::size_t kBatchRows = 512;
constexpr std::size_t kQueuedBatches = 16;

struct Batch {
  std::size_t seq = 0;
  std::vector<PreparedRow> rows;
};

// What the threads share: the work queue (reader → normalisers), the results by sequence (normalisers → writer),
// and the first error of any stage.
class Stages {
 public:
  // Reader side. False when the import was cancelled.
  bool push_work(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || work_.size() < kQueuedBatches; });
    if (cancelled_) return false;
    work_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }
  void finish_reading(std::size_t batches) {
    std::lock_guard lock(mutex_);
    total_batches_ = batches;
    changed_.notify_all();
  }

  // Normaliser side: nullopt when there is no more work.
  std::optional<Batch> pop_work() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || !work_.empty() || total_batches_.has_value(); });
    if (cancelled_ || work_.empty()) return std::nullopt;
    Batch batch = std::move(work_.front());
    work_.pop_front();
    changed_.notify_all();
    return batch;
  }
  // Waits while the batch is too far ahead of the writer, so results cannot pile up.
  bool push_done(Batch batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return cancelled_ || batch.seq < next_ + kQueuedBatches; });
    if (cancelled_) return false;
    done_.emplace(batch.seq, std::move(batch));
    changed_.notify_all();
    return true;
  }

  // Writer side: the next batch in file order; nullopt at the end or on an error.
  std::optional<Batch> pop_next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] {
      return cancelled_ || done_.contains(next_) || (total_batches_ && next_ == *total_batches_);
    });
    if (cancelled_ || !done_.contains(next_)) return std::nullopt;
    auto node = done_.extract(next_);
    ++next_;
    changed_.notify_all();
    return std::move(node.mapped());
  }

  void fail_with(platform::Error error) {
    std::lock_guard lock(mutex_);
    if (!error_) error_ = std::move(error);
    cancelled_ = true;
    changed_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }
  std::optional<platform::Error> error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> work_;
  std::map<std::size_t, Batch> done_;
  std::size_t next_ = 0;
  std::optional<std::size_t> total_batches_;
  bool cancelled_ = false;
  std::optional<platform::Error> error_;
};

// Ends the threads however the writer leaves: cancelling wakes every waiting stage.
class Threads {
 public:
  explicit Threads(Stages& stages) : stages_(stages) {}
  ~Threads() {
    stages_.cancel();
    for (auto& thread : threads_) thread.join();
  }
  template <class F>
  void start(F&& work) {
    threads_.emplace_back(std::forward<F>(work));
  }

 private:
  Stages& stages_;
  std::vector<std::thread> threads_;
};

// The reader's memory of phone-number texts: the same text later in the file is not parsed again.
class NumberTexts {
 public:
  NumberCell cell_for(const std::string& text) {
    if (text.empty()) return {};
    const auto [it, inserted] = ids_.try_emplace(key_hash(text), static_cast<std::uint32_t>(ids_.size()));
    return NumberCell{it->second, inserted};
  }

 private:
  absl::flat_hash_map<std::uint64_t, std::uint32_t> ids_;
};

std::string join_fields(const std::vector<std::string>& fields, char delimiter) {
  std::string raw;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) raw += delimiter;
    raw += fields[i];
  }
  return raw;
}

void read_rows(CsvFileReader& reader, const std::vector<ContactField>& mapping, Stages& stages,
               std::atomic<std::uint64_t>& bytes_read) {
  NumberTexts numbers;
  CsvRecord record;
  std::size_t seq = 0;
  Batch batch;
  const char delimiter = reader.dialect().delimiter;
  while (true) {
    auto more = reader.next(record);
    if (!more) {
      stages.fail_with(more.error());
      return;
    }
    if (*more) {
      PreparedRow row;
      row.line = record.line;
      row.raw = join_fields(record.fields, delimiter);
      bytes_read.fetch_add(row.raw.size() + 1, std::memory_order_relaxed);
      auto parsed = record_from_fields(mapping, record.fields);
      if (parsed) {
        row.record = std::move(*parsed);
        row.phone = numbers.cell_for(row.record.phone_text);
        // The same text in both columns is one number.
        if (row.record.mobile_text != row.record.phone_text) row.mobile = numbers.cell_for(row.record.mobile_text);
      } else {
        row.error = std::move(parsed.error());
      }
      batch.rows.push_back(std::move(row));
    }
    if (batch.rows.size() == kBatchRows || (!*more && !batch.rows.empty())) {
      batch.seq = seq++;
      if (!stages.push_work(std::move(batch))) return;
      batch = Batch{};
      batch.rows.reserve(kBatchRows);
    }
    if (!*more) break;
  }
  stages.finish_reading(seq);
}

void normalise_rows(Stages& stages, const std::string& region) {
  while (auto batch = stages.pop_work()) {
    for (auto& row : batch->rows) {
      if (row.error) continue;
      std::optional<PhoneNumber> phone, mobile;
      if (row.phone.first) {
        auto parsed = normalise_phone(row.record.phone_text, region, "phone");
        if (parsed) {
          phone = std::move(*parsed);
        } else {
          row.error = std::move(parsed.error());
        }
      }
      if (!row.error && row.mobile.first) {
        auto parsed = normalise_phone(row.record.mobile_text, region, "mobile");
        if (parsed) {
          mobile = std::move(*parsed);
        } else {
          row.error = std::move(parsed.error());
        }
      }
      row.keys = record_keys(row.record, std::move(phone), std::move(mobile));
    }
    if (!stages.push_done(std::move(*batch))) return;
  }
}

}  // namespace

platform::Result<ImportSummary> run_import(platform::db::Database& db, const ImportRun& run) {
  TT_TRY(reader, CsvFileReader::open(run.file, run.file_options));
  CsvRecord header;
  TT_TRY(has_header, (*reader)->next(header));
  if (!*has_header) return fail(ErrorCode::invalid, "the file is empty", "file");
  std::vector<ContactField> mapping = run.choices.mapping.empty() ? suggest_mapping(header.fields)
                                                                   : run.choices.mapping;
  if (mapping.size() != header.fields.size()) {
    return fail(ErrorCode::invalid,
                fmt::format("the mapping has {} columns, the file {}", mapping.size(), header.fields.size()),
                "mapping");
  }

  return db.transaction("import", [&](soci::session& sql) -> platform::Result<ImportSummary> {
    ImportSummary summary;
    summary.headers = header.fields;
    summary.mapping = mapping;
    summary.encoding = (*reader)->encoding();
    summary.delimiter = (*reader)->dialect().delimiter;
    ContactBulkWriter out(sql, db.engine(), run.target, run.now);
    ImportWriter writer(out, import_bulk_store::load_known(sql, run.target),
                        block_list_store::all_hashes(sql, run.target.agency_id), run.target, run.choices.duplicates,
                        summary);

    Stages stages;
    std::atomic<std::uint64_t> bytes_read{0};
    {
      Threads threads(stages);
      // A thread that throws (out of memory) fails the import instead of ending the process.
      const auto guarded = [&stages](auto work) {
        return [&stages, work] {
          try {
            work();
          } catch (const std::exception& e) {
            stages.fail_with({ErrorCode::unavailable, std::string("the import failed: ") + e.what(), ""});
          }
        };
      };
      threads.start(guarded([&] { read_rows(**reader, mapping, stages, bytes_read); }));
      const unsigned normalisers = run.normalisers > 0 ? run.normalisers
                                                       : std::max(1u, std::thread::hardware_concurrency());
      for (unsigned i = 0; i < normalisers; ++i) {
        threads.start(guarded([&] { normalise_rows(stages, run.target.default_region); }));
      }
      while (auto batch = stages.pop_next()) {
        for (auto& row : batch->rows) writer.write(row);
        if (run.on_progress) run.on_progress({summary.rows, bytes_read.load(std::memory_order_relaxed)});
      }
    }
    if (auto error = stages.error()) return tl::unexpected(std::move(*error));
    out.flush();
    if (run.before_commit) run.before_commit(sql, summary);
    return summary;
  });
}

}  // namespace termintreu::contacts
