#include "contacts/text_encoding.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>

namespace termintreu::contacts {

using platform::ErrorCode;
using platform::fail;

namespace {

constexpr std::size_t kReadBlockBytes = 64 * 1024;
// Longer than any character of any encoding iconv converts, so a carried-over rest that reaches it is invalid.
constexpr std::size_t kMaxCharBytes = 8;
const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Length of the UTF-8 sequence at the start of `bytes` when valid, 0 when invalid, -1 when `bytes` ends in the
// middle of a sequence that is valid so far.
int utf8_sequence_length(const unsigned char* bytes, std::size_t size) {
  const unsigned char lead = bytes[0];
  if (lead < 0x80) return 1;
  int length = 0;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;  // overlong
    if (lead == 0xED) second_max = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;  // overlong
    if (lead == 0xF4) second_max = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  for (int i = 1; i < length; ++i) {
    if (static_cast<std::size_t>(i) >= size) return -1;
    const unsigned char lo = i == 1 ? second_min : 0x80;
    const unsigned char hi = i == 1 ? second_max : 0xBF;
    if (bytes[i] < lo || bytes[i] > hi) return 0;
  }
  return length;
}

std::optional<DetectedEncoding> encoding_from_bom(std::string_view head) {
  const auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) return DetectedEncoding{"UTF-8", 3};
  // UTF-32LE before UTF-16LE: its mark begins with the UTF-16LE one.
  if (starts("\xFF\xFE\x00\x00"sv)) return DetectedEncoding{"UTF-32LE", 4};
  if (starts("\x00\x00\xFE\xFF"sv)) return DetectedEncoding{"UTF-32BE", 4};
  if (starts("\xFF\xFE"sv)) return DetectedEncoding{"UTF-16LE", 2};
  if (starts("\xFE\xFF"sv)) return DetectedEncoding{"UTF-16BE", 2};
  return std::nullopt;
}

// Text in Latin script as UTF-16 has a NUL in nearly every high byte; single-byte and UTF-8 text has none.
std::optional<std::string> utf16_without_bom(std::string_view head) {
  const std::size_t pairs = head.size() / 2;
  if (pairs < 2) return std::nullopt;
  std::size_t even_nuls = 0;
  std::size_t odd_nuls = 0;
  for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
    even_nuls += head[i] == '\0';
    odd_nuls += head[i + 1] == '\0';
  }
  const auto mostly = [&](std::size_t nuls) { return nuls * 10 >= pairs * 4; };
  const auto hardly = [&](std::size_t nuls) { return nuls * 20 <= pairs; };
  if (mostly(odd_nuls) && hardly(even_nuls)) return "UTF-16LE";
  if (mostly(even_nuls) && hardly(odd_nuls)) return "UTF-16BE";
  return std::nullopt;
}

// A UTF-8 file with a few stray bytes of another encoding (copied in from an old system) is still UTF-8: its
// umlauts should come out right and the stray byte be reported, rather than every umlaut silently turning into
// two characters ("MÃ¼ller") because the whole file was read as Windows-1252.
bool mostly_utf8(std::string_view head) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(head.data());
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < head.size();) {
    const int length = utf8_sequence_length(bytes + i, head.size() - i);
    if (length < 0) break;
    if (length == 0) {
      ++invalid;
      ++i;
      continue;
    }
    multibyte += length > 1;
    i += static_cast<std::size_t>(length);
  }
  return multibyte > 2 * invalid;
}

bool iconv_knows(const std::string& encoding) {
  const iconv_t handle = iconv_open("UTF-8", encoding.c_str());
  if (handle == kNoIconv) return false;
  iconv_close(handle);
  return true;
}

// What the bytes themselves say within the Western single-byte family, which statistics cannot separate:
//  - ISO-8859-1 and Windows-1252 agree on every byte except 0x80–0x9F, where ISO-8859-1 has control characters
//    nobody types and Windows-1252 has € „ “ ” – … and friends. A text without those bytes decodes identically
//    either way, so the answer is WINDOWS-1252 (as browsers do for "iso-8859-1"): should such a byte appear after
//    the sample, it then decodes to what Excel meant instead of being refused.
//  - ISO-8859-15 differs from ISO-8859-1 in eight bytes: 0xA4 is € instead of ¤, and 0xA6 0xA8 0xB4 0xB8 0xBC
//    0xBD 0xBE are Š š Ž ž Œ œ Ÿ instead of ¦ ¨ ´ ¸ ¼ ½ ¾. uchardet calls such German text ISO-8859-1. No one
//    writes ¤ in a contact list, while € is common, so 0xA4 without any 0x80–0x9F means ISO-8859-15 – unless one
//    of the other seven bytes appears too: ´ (misused as an apostrophe) and ½ are likelier in German text than
//    Ž and œ, and then we cannot tell and stay with Windows-1252.
// A Windows-1252 file whose sample has neither 0x80–0x9F nor 0xA4 is indistinguishable from ISO-8859-1 and
// ISO-8859-15 on those bytes; it decodes correctly whichever we call it.
std::string western_single_byte(std::string_view head) {
  bool has_c1 = false;
  bool has_a4 = false;
  bool has_latin9_conflict = false;
  for (const char c : head) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 && byte <= 0x9F) has_c1 = true;
    if (byte == 0xA4) has_a4 = true;
    if (byte == 0xA6 || byte == 0xA8 || byte == 0xB4 || byte == 0xB8 || (byte >= 0xBC && byte <= 0xBE)) {
      has_latin9_conflict = true;
    }
  }
  if (!has_c1 && has_a4 && !has_latin9_conflict) return "ISO-8859-15";
  return "WINDOWS-1252";
}

std::string ask_uchardet(std::string_view head) {
  const std::unique_ptr<uchardet, decltype(&uchardet_delete)> detector(uchardet_new(), &uchardet_delete);
  if (!detector || uchardet_handle_data(detector.get(), head.data(), head.size()) != 0) {
    return western_single_byte(head);
  }
  uchardet_data_end(detector.get());
  const char* charset = uchardet_get_charset(detector.get());
  const std::string guess = upper_ascii(charset ? charset : "");
  // Empty, ASCII and UTF-8 are no answer for bytes that failed the UTF-8 check.
  if (guess.empty() || guess == "ASCII" || is_utf8_name(guess)) return western_single_byte(head);
  if (guess == "ISO-8859-1" || guess == "ISO-8859-15" || guess == "WINDOWS-1252") return western_single_byte(head);
  if (!iconv_knows(guess)) return western_single_byte(head);
  return guess;
}

bool is_iso_8859_name(std::string_view encoding) {
  const std::string name = upper_ascii(encoding);
  return name.starts_with("ISO-8859-") || name.starts_with("ISO8859-") || name.starts_with("ISO_8859-") ||
         name.starts_with("LATIN");
}

std::string normalized_name(std::string_view encoding) {
  std::string out;
  for (const char c : upper_ascii(encoding)) {
    if (c != '-' && c != '_') out += c;
  }
  return out;
}

}  // namespace

bool is_utf8_name(std::string_view name) { return normalized_name(name) == "UTF8"; }

Utf8Check check_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    // Contact lists are mostly ASCII: skip eight such bytes at a time.
    if (i + 8 <= size) {
      std::uint64_t word;
      std::memcpy(&word, bytes + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const int length = utf8_sequence_length(bytes + i, size - i);
    if (length <= 0) return {i, length < 0};
    i += static_cast<std::size_t>(length);
  }
  return {size, false};
}

DetectedEncoding detect_encoding(std::string_view head) {
  if (auto from_bom = encoding_from_bom(head)) return *from_bom;
  if (auto utf16 = utf16_without_bom(head)) return {*utf16, 0};
  const Utf8Check check = check_utf8(head);
  if (check.valid_bytes == head.size() || check.truncated || mostly_utf8(head)) return {"UTF-8", 0};
  return {ask_uchardet(head), 0};
}

// --- Utf8Converter ---

Result<Utf8Converter> Utf8Converter::open(std::string_view from_encoding, std::uint64_t first_offset) {
  const std::string name = upper_ascii(from_encoding);
  if (is_utf8_name(name)) return Utf8Converter("UTF-8", nullptr, false, first_offset);
  const iconv_t handle = name.empty() ? kNoIconv : iconv_open("UTF-8", name.c_str());
  if (handle == kNoIconv) return fail(ErrorCode::invalid, fmt::format("unknown encoding \"{}\"", from_encoding), "encoding");
  return Utf8Converter(name, handle, is_iso_8859_name(name), first_offset);
}

Utf8Converter::Utf8Converter(std::string encoding, void* iconv_handle, bool refuse_c1, std::uint64_t first_offset)
    : encoding_(std::move(encoding)), iconv_(iconv_handle), refuse_c1_(refuse_c1), offset_(first_offset) {}

Utf8Converter::Utf8Converter(Utf8Converter&& other) noexcept
    : encoding_(std::move(other.encoding_)),
      iconv_(std::exchange(other.iconv_, nullptr)),
      refuse_c1_(other.refuse_c1_),
      offset_(other.offset_),
      line_(other.line_),
      after_cr_(other.after_cr_),
      carry_(std::move(other.carry_)) {}

Utf8Converter& Utf8Converter::operator=(Utf8Converter&& other) noexcept {
  if (this != &other) {
    if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
    encoding_ = std::move(other.encoding_);
    iconv_ = std::exchange(other.iconv_, nullptr);
    refuse_c1_ = other.refuse_c1_;
    offset_ = other.offset_;
    line_ = other.line_;
    after_cr_ = other.after_cr_;
    carry_ = std::move(other.carry_);
  }
  return *this;
}

Utf8Converter::~Utf8Converter() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
}

Result<void> Utf8Converter::convert(std::string_view input, std::string& out) {
  if (!carry_.empty()) {
    // Complete the character split across chunks with the first bytes of this one.
    const std::size_t carried = carry_.size();
    const std::size_t take = std::min(input.size(), kMaxCharBytes - carried);
    std::string joined = carry_;
    joined.append(input.substr(0, take));
    const bool may_grow = take == input.size();
    TT_TRY(used, convert_some(joined, out, may_grow));
    if (*used == 0) {
      carry_ = std::move(joined);
      return {};
    }
    input.remove_prefix(*used - carried);
    carry_.clear();
  }
  TT_TRY(used, convert_some(input, out, true));
  carry_.assign(input.substr(*used));
  return {};
}

Result<void> Utf8Converter::finish() {
  if (carry_.empty()) return {};
  return fail(ErrorCode::invalid,
              fmt::format("the file ends inside a {} character (byte offset {}, line {})", encoding_, offset_, line_),
              "file");
}

Result<std::size_t> Utf8Converter::convert_some(std::string_view input, std::string& out, bool more_follows) {
  if (!iconv_) return pass_utf8(input, out, more_follows);
  if (!refuse_c1_) return run_iconv(input, out, more_follows);
  const auto c1 = std::find_if(input.begin(), input.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 && byte <= 0x9F;
  });
  const auto clean = static_cast<std::size_t>(c1 - input.begin());
  if (clean == input.size()) return run_iconv(input, out, more_follows);
  TT_TRY(used, run_iconv(input.substr(0, clean), out, true));
  if (*used < clean) return used;
  return fail(ErrorCode::invalid,
              fmt::format("byte 0x{:02X} at byte offset {} (line {}) is a control character in {}; the file is "
                          "probably Windows-1252",
                          static_cast<unsigned char>(*c1), offset_, line_, encoding_),
              "file");
}

Result<std::size_t> Utf8Converter::pass_utf8(std::string_view input, std::string& out, bool more_follows) {
  const Utf8Check check = check_utf8(input);
  const std::string_view valid = input.substr(0, check.valid_bytes);
  out.append(valid);
  count_lines(valid);
  offset_ += valid.size();
  if (valid.size() == input.size() || (check.truncated && more_follows)) return valid.size();
  if (check.truncated) {
    return fail(ErrorCode::invalid,
                fmt::format("the file ends inside a UTF-8 character (byte offset {}, line {})", offset_, line_),
                "file");
  }
  return tl::unexpected(invalid_at(offset_, static_cast<unsigned char>(input[valid.size()])));
}

Result<std::size_t> Utf8Converter::run_iconv(std::string_view input, std::string& out, bool more_follows) {
  const auto handle = static_cast<iconv_t>(iconv_);
  char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write the input
  std::size_t in_left = input.size();
  // One input byte never becomes more than three UTF-8 bytes (four input bytes at most four); E2BIG still
  // grows the buffer rather than trusting that.
  std::size_t room = input.size() * 3 + 16;
  const char* consumed_until = input.data();
  while (true) {
    const std::size_t start = out.size();
    out.resize(start + room);
    char* out_ptr = out.data() + start;
    std::size_t out_left = room;
    const std::size_t result = iconv(handle, &in, &in_left, &out_ptr, &out_left);
    const int error = errno;
    out.resize(start + (room - out_left));
    count_lines(std::string_view(out).substr(start));
    offset_ += static_cast<std::size_t>(in - consumed_until);
    consumed_until = in;
    if (result != static_cast<std::size_t>(-1)) break;
    if (error == E2BIG) {
      room = room * 2;
      continue;
    }
    if (error == EINVAL && more_follows) break;
    if (error == EINVAL) {
      return fail(ErrorCode::invalid,
                  fmt::format("the file ends inside a {} character (byte offset {}, line {})", encoding_,
                              offset_, line_),
                  "file");
    }
    return tl::unexpected(invalid_at(offset_, static_cast<unsigned char>(*in)));
  }
  return input.size() - in_left;
}

void Utf8Converter::count_lines(std::string_view produced) {
  for (const char c : produced) {
    if (c == '\n') {
      if (!after_cr_) ++line_;
      after_cr_ = false;
    } else if (c == '\r') {
      ++line_;
      after_cr_ = true;
    } else {
      after_cr_ = false;
    }
  }
}

platform::Error Utf8Converter::invalid_at(std::uint64_t offset, unsigned char byte) const {
  return platform::Error{
      ErrorCode::invalid,
      fmt::format("byte 0x{:02X} at byte offset {} (line {}) is not valid {}", byte, offset, line_, encoding_),
      "file"};
}

// --- Utf8FileReader ---

Result<Utf8FileReader> Utf8FileReader::open(const std::filesystem::path& path, std::string_view encoding) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return fail(ErrorCode::not_found, fmt::format("cannot open {}", path.string()), "file");
  std::string head(kEncodingSampleBytes, '\0');
  file.read(head.data(), static_cast<std::streamsize>(head.size()));
  if (file.bad()) return fail(ErrorCode::unavailable, fmt::format("cannot read {}", path.string()), "file");
  head.resize(static_cast<std::size_t>(file.gcount()));

  DetectedEncoding detected;
  if (encoding.empty()) {
    detected = detect_encoding(head);
  } else {
    // Skip a byte-order mark only when it belongs to the chosen encoding; "UTF-16" alone lets iconv read it.
    const auto bom = encoding_from_bom(head);
    const bool same = bom && normalized_name(bom->name) == normalized_name(encoding);
    detected = {std::string(encoding), same ? bom->bom_size : 0};
  }
  TT_TRY(converter, Utf8Converter::open(detected.name, detected.bom_size));
  head.erase(0, detected.bom_size);
  return Utf8FileReader(std::move(file), std::move(*converter), std::move(head));
}

Utf8FileReader::Utf8FileReader(std::ifstream file, Utf8Converter converter, std::string first_block)
    : file_(std::move(file)), converter_(std::move(converter)), block_(std::move(first_block)) {}

Result<void> Utf8FileReader::read_block() {
  block_.resize(kReadBlockBytes);
  file_.read(block_.data(), static_cast<std::streamsize>(block_.size()));
  if (file_.bad()) return fail(ErrorCode::unavailable, "cannot read the file", "file");
  block_.resize(static_cast<std::size_t>(file_.gcount()));
  return {};
}

Result<std::string_view> Utf8FileReader::next_chunk() {
  while (!finished_) {
    if (!pending_first_block_) {
      TT_TRY(read, read_block());
    }
    const bool at_end = block_.empty() && !pending_first_block_;
    pending_first_block_ = false;
    text_.clear();
    if (at_end) {
      finished_ = true;
      TT_TRY(done, converter_.finish());
      return std::string_view{};
    }
    TT_TRY(converted, converter_.convert(block_, text_));
    if (!text_.empty()) return std::string_view(text_);
  }
  return std::string_view{};
}

}  // namespace termintreu::contacts
