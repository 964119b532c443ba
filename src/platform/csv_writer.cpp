#include "platform/csv_writer.hpp"

namespace termintreu::platform {

namespace {

constexpr std::size_t kStreamFlushBytes = 64 * 1024;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool starts_like_formula(std::string_view value) {
  const std::size_t first = value.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  switch (value[first]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool has_special(std::string_view value, char delimiter) {
  for (const char c : value) {
    if (c == delimiter || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

void append_csv_field(std::string& out, std::string_view value, char delimiter) {
  const bool neutralise = starts_like_formula(value);
  // After the apostrophe a leading blank is no longer leading.
  const bool edge_blank =
      !value.empty() && ((is_blank(value.front()) && !neutralise) || is_blank(value.back()));
  const bool quote = edge_blank || has_special(value, delimiter);
  if (quote) out += '"';
  if (neutralise) out += '\'';
  if (!quote) {
    out.append(value);
    return;
  }
  for (const char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

CsvWriter::CsvWriter(std::string& out, CsvWriterOptions options) : out_(out), options_(options) {
  if (options_.byte_order_mark) out_.append(kUtf8Bom);
}

CsvWriter::CsvWriter(std::ostream& out, CsvWriterOptions options)
    : out_(own_buffer_), stream_(&out), options_(options) {
  if (options_.byte_order_mark) out_.append(kUtf8Bom);
}

CsvWriter::~CsvWriter() { flush(); }

void CsvWriter::field(std::string_view value) {
  if (fields_in_row_++ > 0) out_ += options_.delimiter;
  append_csv_field(out_, value, options_.delimiter);
}

void CsvWriter::end_row() {
  out_.append("\r\n");
  fields_in_row_ = 0;
  flush_if_full();
}

void CsvWriter::row(std::initializer_list<std::string_view> values) {
  for (const std::string_view value : values) field(value);
  end_row();
}

void CsvWriter::row(std::span<const std::string> values) {
  for (const std::string& value : values) field(value);
  end_row();
}

void CsvWriter::flush() {
  if (!stream_ || own_buffer_.empty()) return;
  stream_->write(own_buffer_.data(), static_cast<std::streamsize>(own_buffer_.size()));
  own_buffer_.clear();
}

void CsvWriter::flush_if_full() {
  if (stream_ && own_buffer_.size() >= kStreamFlushBytes) flush();
}

}  // namespace termintreu::platform
