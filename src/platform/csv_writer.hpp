#pragma once
// Writing CSV for spreadsheets (exports of contacts, calls, appointments): Excel-friendly and safe to open.
#include <cstddef>
#include <initializer_list>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace termintreu::platform {

struct CsvWriterOptions {
  char delimiter = ';';          // German Excel expects ';' (',' is the decimal separator there)
  bool byte_order_mark = false;  // Excel reads a CSV as UTF-8 only when it starts with one
};

// Appends `value` as one CSV field to `out`:
//  - Formula neutralisation (OWASP "CSV injection"): a value whose first character other than spaces is
//    = + - @ tab or CR gets a leading apostrophe, so a spreadsheet shows it as text instead of evaluating it.
//    This deliberately includes negative numbers ("-12,50" → "'-12,50") and international phone numbers
//    ("+49 30 1234567" → "'+49 30 1234567"): telling a harmless number from "-1+cmd|' /C calc'!A0" is exactly
//    the parsing that attacks exploit, our exports are lists for people rather than figures to compute with, and
//    Excel would otherwise drop the + of a phone number or turn it into a sum. Excel hides the apostrophe;
//    other programs (and our own CsvReader) see it as part of the value.
//    Leading spaces are looked past because some importers trim them before deciding.
//  - Quoting: a value containing the delimiter, a quote, CR or LF, or beginning or ending with a space or tab
//    (which readers trim) is put in quotes, inner quotes doubled.
void append_csv_field(std::string& out, std::string_view value, char delimiter);

// Writes rows with CRLF line ends, to a string (appending) or to a stream (buffered; flushed at 64 KiB, by
// flush() and by the destructor – the stream's error state is the caller's to check).
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out, CsvWriterOptions options = {});
  explicit CsvWriter(std::ostream& out, CsvWriterOptions options = {});
  ~CsvWriter();
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  // Cell by cell: field(), field(), …, end_row().
  void field(std::string_view value);
  void end_row();

  void row(std::initializer_list<std::string_view> values);
  void row(std::span<const std::string> values);

  void flush();

 private:
  void flush_if_full();

  std::string own_buffer_;
  std::string& out_;
  std::ostream* stream_ = nullptr;
  CsvWriterOptions options_;
  std::size_t fields_in_row_ = 0;
};

}  // namespace termintreu::platform
