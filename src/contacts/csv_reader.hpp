#pragma once
// Reading contact lists exported from Excel and CRMs: dialect detection and an RFC 4180-style streaming reader
// over UTF-8 text, with the physical line on which each record starts.
#include <array>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/text_encoding.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

struct CsvRecord {
  std::vector<std::string> fields;
  std::size_t line = 0;  // physical line (1-based) on which the record starts
};

struct CsvDialect {
  char delimiter = ';';
  char quote = '"';
};

// "semicolon", "comma", "tab", "pipe" – for the import preview ("Windows-1252, semicolon").
std::string_view delimiter_name(char delimiter);

// Chooses among ; , tab and | the delimiter that splits the first records (at most 50) of `sample` into the most
// consistent number of fields – outside quotes, the header having at least two –, preferring more fields and
// then the order ; , tab |. `complete` says whether `sample` is the whole text; if not, its last record may be
// cut off and is not counted. A single-column text gets ';'.
CsvDialect detect_dialect(std::string_view sample, bool complete);

// Yields the next piece of UTF-8 text, valid until the next call; empty at the end of the input.
using TextSource = std::function<Result<std::string_view>()>;

struct CsvReaderOptions {
  // A field longer than this is an error: usually an unbalanced quote swallowing the rest of the file.
  std::size_t max_field_bytes = 1024 * 1024;
};

// Reads records one at a time from UTF-8 text in any chunking. The rules, where RFC 4180 leaves room:
//  - Line breaks are CRLF, LF or a lone CR (old Mac exports), also mixed; the last line needs none.
//  - A field is quoted when its first character other than spaces is the quote; inside, a doubled quote is one
//    quote and delimiters and line breaks are content, kept as they are (line breaks are not normalised).
//  - Unquoted fields are trimmed of surrounding spaces (and tabs, unless tab is the delimiter): exports pad
//    columns, and no one means a leading space in a name. Quoted fields keep every character between the quotes.
//  - A quote inside an unquoted field is taken literally (12" Monitor), as Excel does. Text after a closing quote
//    is appended literally too ("abc"def → abcdef), spaces before the next delimiter are dropped.
//  - Blank lines (nothing or only spaces) are skipped wherever they are, but still counted in line numbers.
//  - Records keep the number of fields they have; comparing it with the header is the importer's job.
//  - A quoted field still open at the end of the text is an error naming the line where the quote opened.
// After an error every further next() returns the same error.
class CsvReader {
 public:
  CsvReader(TextSource source, CsvDialect dialect, CsvReaderOptions options = {});

  // Fills `out` with the next record (reusing its strings' storage): true, or false at the end of the text.
  Result<bool> next(CsvRecord& out);

  // The line the reader has reached: after the end, one more than the last line.
  std::size_t line() const { return line_; }

 private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted, after_quoted };

  bool refill();
  bool is_blank(char c) const { return c == ' ' || (c == '\t' && dialect_.delimiter != '\t'); }
  std::string& start_field(CsvRecord& out);
  void trim_end(std::string& field) const;
  void consume_line_break();
  bool finish_record(CsvRecord& out);
  Result<bool> fail_with(platform::Error error);
  bool too_long(const std::string& field) const { return field.size() > options_.max_field_bytes; }

  TextSource source_;
  CsvDialect dialect_;
  CsvReaderOptions options_;
  // Byte classes for the scans: which bytes end a run of ordinary characters in each state.
  std::array<bool, 256> stops_unquoted_{};
  std::array<bool, 256> stops_quoted_{};

  std::string_view chunk_;
  std::size_t pos_ = 0;
  bool at_end_ = false;
  std::size_t line_ = 1;
  bool after_cr_ = false;  // the last byte read was a CR: an LF now ends no further line
  std::size_t field_count_ = 0;
  std::optional<platform::Error> error_;
};

// Corrections from the import preview when detection guessed wrong.
struct CsvFileOptions {
  std::string encoding;          // empty: detect
  std::optional<char> delimiter;  // empty: detect
  CsvReaderOptions reader;
};

// A file opened for import: bytes → UTF-8 (Utf8FileReader) → dialect detection on the first 64 KiB of text →
// CsvReader. Not movable (the reader pulls from its own members); open() hands out a unique_ptr.
class CsvFileReader {
 public:
  static Result<std::unique_ptr<CsvFileReader>> open(const std::filesystem::path& path,
                                                     const CsvFileOptions& options = {});

  CsvFileReader(const CsvFileReader&) = delete;
  CsvFileReader& operator=(const CsvFileReader&) = delete;

  const std::string& encoding() const { return text_.encoding(); }
  CsvDialect dialect() const { return dialect_; }
  Result<bool> next(CsvRecord& out) { return reader_->next(out); }

 private:
  explicit CsvFileReader(Utf8FileReader text);
  Result<std::string_view> next_text();

  Utf8FileReader text_;
  std::string head_;        // the text read ahead for dialect detection, handed to the reader first
  bool head_given_ = false;
  CsvDialect dialect_;
  std::unique_ptr<CsvReader> reader_;
};

}  // namespace termintreu::contacts
