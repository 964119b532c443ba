#include "contacts/csv_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace termintreu::contacts {

using platform::ErrorCode;
using platform::fail;

namespace {

constexpr std::array<char, 4> kCandidateDelimiters{';', ',', '\t', '|'};
constexpr std::size_t kDialectSampleRecords = 50;
constexpr std::size_t kDialectSampleBytes = 64 * 1024;

struct DelimiterScore {
  char delimiter;
  double consistency;  // share of the records after the header with the header's number of fields
  std::size_t header_fields;
};

std::optional<DelimiterScore> score_delimiter(std::string_view sample, bool complete, char delimiter) {
  bool handed_out = false;
  CsvReader reader(
      [&]() -> Result<std::string_view> {
        if (handed_out) return std::string_view{};
        handed_out = true;
        return sample;
      },
      CsvDialect{delimiter, '"'});
  std::vector<std::size_t> counts;
  CsvRecord record;
  bool reached_end = false;
  while (counts.size() <= kDialectSampleRecords) {
    const auto more = reader.next(record);
    if (!more || !*more) {
      reached_end = more.has_value();
      break;
    }
    counts.push_back(record.fields.size());
  }
  // The record at the end of a cut-off sample may be cut off too (an error means it was, inside quotes).
  if (reached_end && !complete && !counts.empty()) counts.pop_back();
  if (counts.empty() || counts.front() < 2) return std::nullopt;
  const std::size_t rows = counts.size() - 1;
  const auto matching = static_cast<std::size_t>(std::count(counts.begin() + 1, counts.end(), counts.front()));
  return DelimiterScore{delimiter, rows == 0 ? 1.0 : static_cast<double>(matching) / static_cast<double>(rows),
                        counts.front()};
}

}  // namespace

std::string_view delimiter_name(char delimiter) {
  switch (delimiter) {
    case ';': return "semicolon";
    case ',': return "comma";
    case '\t': return "tab";
    case '|': return "pipe";
    default: return "other";
  }
}

CsvDialect detect_dialect(std::string_view sample, bool complete) {
  std::optional<DelimiterScore> best;
  for (const char delimiter : kCandidateDelimiters) {
    const auto score = score_delimiter(sample, complete, delimiter);
    if (!score) continue;
    const bool better = !best || score->consistency > best->consistency ||
                        (score->consistency == best->consistency && score->header_fields > best->header_fields);
    if (better) best = score;
  }
  return CsvDialect{best ? best->delimiter : ';', '"'};
}

// --- CsvReader ---

CsvReader::CsvReader(TextSource source, CsvDialect dialect, CsvReaderOptions options)
    : source_(std::move(source)), dialect_(dialect), options_(options) {
  for (const char stop : {dialect.delimiter, '\r', '\n'}) stops_unquoted_[static_cast<unsigned char>(stop)] = true;
  for (const char stop : {dialect.quote, '\r', '\n'}) stops_quoted_[static_cast<unsigned char>(stop)] = true;
}

bool CsvReader::refill() {
  while (!at_end_) {
    auto chunk = source_();
    if (!chunk) {
      error_ = std::move(chunk).error();
      return false;
    }
    if (chunk->empty()) {
      at_end_ = true;
      return false;
    }
    chunk_ = *chunk;
    pos_ = 0;
    return true;
  }
  return false;
}

std::string& CsvReader::start_field(CsvRecord& out) {
  if (field_count_ < out.fields.size()) {
    out.fields[field_count_].clear();
  } else {
    out.fields.emplace_back();
  }
  return out.fields[field_count_++];
}

void CsvReader::trim_end(std::string& field) const {
  while (!field.empty() && is_blank(field.back())) field.pop_back();
}

// At a CR or LF: one line ends; a CR directly followed by LF is one line break, also across chunks.
void CsvReader::consume_line_break() {
  const char c = chunk_[pos_++];
  ++line_;
  if (c != '\r') return;
  if (pos_ < chunk_.size()) {
    if (chunk_[pos_] == '\n') ++pos_;
  } else {
    after_cr_ = true;
  }
}

bool CsvReader::finish_record(CsvRecord& out) {
  if (out.fields.size() > field_count_) out.fields.erase(out.fields.begin() + field_count_, out.fields.end());
  return true;
}

Result<bool> CsvReader::fail_with(platform::Error error) {
  error_ = std::move(error);
  return tl::unexpected(*error_);
}

Result<bool> CsvReader::next(CsvRecord& out) {
  if (error_) return tl::unexpected(*error_);
  field_count_ = 0;
  out.line = line_;
  State state = State::field_start;
  std::string* field = nullptr;
  std::size_t quote_line = 0;
  const char delimiter = dialect_.delimiter;
  const char quote = dialect_.quote;

  while (true) {
    if (pos_ == chunk_.size()) {
      if (!refill()) break;
      if (after_cr_) {
        after_cr_ = false;
        if (chunk_[0] == '\n') {
          if (state == State::quoted) field->push_back('\n');
          pos_ = 1;
          continue;
        }
      }
    }
    const char* data = chunk_.data();
    const std::size_t size = chunk_.size();

    switch (state) {
      case State::field_start: {
        const char c = data[pos_];
        if (is_blank(c)) {
          ++pos_;
        } else if (c == quote) {
          ++pos_;
          field = &start_field(out);
          quote_line = line_;
          state = State::quoted;
        } else if (c == delimiter) {
          ++pos_;
          start_field(out);
        } else if (c == '\r' || c == '\n') {
          consume_line_break();
          if (field_count_ > 0) {
            start_field(out);  // the record ended with a delimiter: its last field is empty
            return finish_record(out);
          }
          out.line = line_;  // a blank line
        } else {
          field = &start_field(out);
          state = State::unquoted;
        }
        break;
      }
      case State::unquoted: {
        const std::size_t start = pos_;
        while (pos_ < size && !stops_unquoted_[static_cast<unsigned char>(data[pos_])]) ++pos_;
        field->append(data + start, pos_ - start);
        if (too_long(*field)) {
          return fail_with({ErrorCode::invalid,
                            fmt::format("line {}: a field is longer than {} bytes", out.line, options_.max_field_bytes),
                            "file"});
        }
        if (pos_ == size) break;
        trim_end(*field);
        if (data[pos_] == delimiter) {
          ++pos_;
          state = State::field_start;
          break;
        }
        consume_line_break();
        return finish_record(out);
      }
      case State::quoted: {
        const std::size_t start = pos_;
        while (pos_ < size && !stops_quoted_[static_cast<unsigned char>(data[pos_])]) ++pos_;
        if (pos_ < size && data[pos_] != quote) consume_line_break();  // a line break inside quotes is content
        field->append(data + start, pos_ - start);
        if (too_long(*field)) {
          return fail_with({ErrorCode::invalid,
                            fmt::format("line {}: the quoted field opened there is longer than {} bytes; is a "
                                        "closing quote missing?",
                                        quote_line, options_.max_field_bytes),
                            "file"});
        }
        if (pos_ < size && data[pos_] == quote) {
          ++pos_;
          state = State::quote_in_quoted;
        }
        break;
      }
      case State::quote_in_quoted: {
        if (data[pos_] == quote) {
          field->push_back(quote);  // a doubled quote
          ++pos_;
          state = State::quoted;
        } else {
          state = State::after_quoted;
        }
        break;
      }
      case State::after_quoted: {
        const char c = data[pos_];
        if (is_blank(c)) {
          ++pos_;
        } else if (c == delimiter) {
          ++pos_;
          state = State::field_start;
        } else if (c == '\r' || c == '\n') {
          consume_line_break();
          return finish_record(out);
        } else {
          state = State::unquoted;  // text after the closing quote, taken literally
        }
        break;
      }
    }
  }

  if (error_) return tl::unexpected(*error_);
  switch (state) {
    case State::field_start:
      if (field_count_ == 0) return false;
      start_field(out);  // the text ended right after a delimiter
      return finish_record(out);
    case State::quoted:
      return fail_with({ErrorCode::invalid,
                        fmt::format("line {}: a quoted field opened there is never closed", quote_line), "file"});
    case State::unquoted:
      trim_end(*field);
      return finish_record(out);
    case State::quote_in_quoted:
    case State::after_quoted:
      return finish_record(out);
  }
  return false;
}

// --- CsvFileReader ---

Result<std::unique_ptr<CsvFileReader>> CsvFileReader::open(const std::filesystem::path& path,
                                                           const CsvFileOptions& options) {
  if (options.delimiter && (*options.delimiter == '"' || *options.delimiter == '\r' || *options.delimiter == '\n')) {
    return fail(ErrorCode::invalid, "the delimiter cannot be a quote or a line break", "delimiter");
  }
  TT_TRY(text, Utf8FileReader::open(path, options.encoding));
  std::unique_ptr<CsvFileReader> file(new CsvFileReader(std::move(*text)));
  bool complete = false;
  while (file->head_.size() < kDialectSampleBytes) {
    TT_TRY(chunk, file->text_.next_chunk());
    if (chunk->empty()) {
      complete = true;
      break;
    }
    file->head_.append(*chunk);
  }
  file->dialect_ = options.delimiter ? CsvDialect{*options.delimiter, '"'} : detect_dialect(file->head_, complete);
  file->reader_ = std::make_unique<CsvReader>([self = file.get()] { return self->next_text(); }, file->dialect_,
                                              options.reader);
  return file;
}

CsvFileReader::CsvFileReader(Utf8FileReader text) : text_(std::move(text)) {}

Result<std::string_view> CsvFileReader::next_text() {
  if (!head_given_) {
    head_given_ = true;
    if (!head_.empty()) return std::string_view(head_);
  }
  // The reader is done with the read-ahead once it asks for more.
  std::string().swap(head_);
  return text_.next_chunk();
}

}  // namespace termintreu::contacts
