#pragma once
// Turning the bytes of an uploaded contact list into UTF-8: detecting the encoding from the head of the file
// and converting it chunk by chunk, so a large file is never held in memory twice.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace termintreu::contacts {

using platform::Result;

// How many leading bytes of a file detect_encoding looks at.
inline constexpr std::size_t kEncodingSampleBytes = 64 * 1024;

struct DetectedEncoding {
  std::string name;          // an iconv name: "UTF-8", "UTF-16LE", "WINDOWS-1252", "ISO-8859-15", …
  std::size_t bom_size = 0;  // bytes of byte-order mark at the start, to be skipped before converting
};

// Guesses the encoding of a text from its first bytes (`head` may end inside a character):
//  1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides;
//  2. UTF-16 without a mark is recognised by its NUL bytes in every other position;
//  3. bytes that are valid UTF-8 are UTF-8 (pure ASCII included);
//  4. otherwise uchardet guesses, refined for the Western single-byte family (see text_encoding.cpp), with
//     WINDOWS-1252 – the usual German Excel export – when it has no usable answer.
// Single-byte encodings cannot be told apart with certainty; the import preview shows the name so a person can
// correct it (Utf8FileReader::open takes an override).
DetectedEncoding detect_encoding(std::string_view head);

// Whether `name` names UTF-8 (any spelling iconv accepts: "UTF-8", "utf8").
bool is_utf8_name(std::string_view name);

// Where the bytes of `text` stop being valid UTF-8 (Unicode 15, table 3-7: no overlong forms, no surrogates,
// nothing above U+10FFFF).
struct Utf8Check {
  std::size_t valid_bytes;  // length of the longest valid prefix
  bool truncated;           // the rest is the start of a valid sequence cut off by the end of `text`
};
Utf8Check check_utf8(std::string_view text);

// Converts a byte stream in one encoding to UTF-8, fed in chunks of any size: a character split across two
// chunks is carried over. Invalid input is an error, never replaced: an import must report a damaged or
// misdetected file, not store mangled names. The error names the byte offset in the input and the line of the
// converted text (1-based; CRLF, LF and a lone CR each end a line, as the CSV reader counts them).
// Bytes 0x80–0x9F in an ISO-8859-* input are refused too: they are control characters there, and in practice
// mean that the file is really Windows-1252 (the sample that chose ISO-8859 had none of them).
// UTF-8 input is checked (check_utf8) and passed through: glibc's iconv lets 5-byte forms and code points
// above U+10FFFF through unchanged, which would break JSON and the database later.
class Utf8Converter {
 public:
  // `first_offset`: the offset of the first byte fed, for error messages (the size of a skipped BOM).
  static Result<Utf8Converter> open(std::string_view from_encoding, std::uint64_t first_offset = 0);

  Utf8Converter(Utf8Converter&& other) noexcept;
  Utf8Converter& operator=(Utf8Converter&& other) noexcept;
  Utf8Converter(const Utf8Converter&) = delete;
  Utf8Converter& operator=(const Utf8Converter&) = delete;
  ~Utf8Converter();

  // Appends the UTF-8 of `input` to `out` (which is not cleared).
  Result<void> convert(std::string_view input, std::string& out);
  // Ends the input: an incomplete character left over is an error.
  Result<void> finish();

  const std::string& encoding() const { return encoding_; }

 private:
  Utf8Converter(std::string encoding, void* iconv_handle, bool refuse_c1, std::uint64_t first_offset);

  // Converts as much of `input` as forms whole characters; returns the bytes consumed.
  Result<std::size_t> convert_some(std::string_view input, std::string& out, bool more_follows);
  Result<std::size_t> pass_utf8(std::string_view input, std::string& out, bool more_follows);
  Result<std::size_t> run_iconv(std::string_view input, std::string& out, bool more_follows);
  void count_lines(std::string_view produced);
  platform::Error invalid_at(std::uint64_t offset, unsigned char byte) const;

  std::string encoding_;
  void* iconv_ = nullptr;  // iconv_t; null for UTF-8 input
  bool refuse_c1_ = false;
  std::uint64_t offset_ = 0;   // input offset of the next byte not yet consumed
  std::uint64_t line_ = 1;     // line of the converted text that the next output byte belongs to
  bool after_cr_ = false;      // the output so far ends with CR (a following LF does not start a line)
  std::string carry_;          // the start of a character split across chunks
};

// A file read as UTF-8 in chunks: the encoding is detected from its first 64 KiB unless given.
class Utf8FileReader {
 public:
  // `encoding` overrides detection when not empty (the person correcting the preview).
  static Result<Utf8FileReader> open(const std::filesystem::path& path, std::string_view encoding = {});

  const std::string& encoding() const { return converter_.encoding(); }

  // The next piece of UTF-8 text, valid until the next call; empty at the end of the file.
  Result<std::string_view> next_chunk();

 private:
  Utf8FileReader(std::ifstream file, Utf8Converter converter, std::string first_block);

  Result<void> read_block();

  std::ifstream file_;
  Utf8Converter converter_;
  std::string block_;   // raw bytes of the current block
  std::string text_;    // their UTF-8
  bool pending_first_block_ = true;
  bool finished_ = false;
};

}  // namespace termintreu::contacts
