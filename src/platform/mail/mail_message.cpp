#include "platform/mail/mail_message.hpp"

#include <algorithm>

#include <date/date.h>
#include <fmt/format.h>
#include <sodium.h>

namespace termintreu::platform::mail {
namespace {

constexpr std::size_t kBodyLine = 76;
// Every part is base64, whose alphabet has neither '-' nor '_': no line of a part can start with "--" or hold "=_",
// so these boundaries cannot occur in the content. Neither is a prefix of the other, which would confuse parsers
// that match the outer boundary on a prefix.
constexpr std::string_view kMixedBoundary = "=_termintreu_mixed";
constexpr std::string_view kAlternativeBoundary = "=_termintreu_alt";
// Raw bytes per encoded word: 45 bytes become 60 base64 characters, within the 75 an encoded word may have.
constexpr std::size_t kWordBytes = 45;

std::string base64(std::string_view bytes) {
  if (bytes.empty()) return {};
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

// Control characters (line breaks above all) become spaces.
std::string one_line(std::string_view text) {
  std::string out(text);
  std::replace_if(out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; },
                  ' ');
  return out;
}

bool ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 2047 "B" encoded words, split between UTF-8 characters and folded onto continuation lines.
std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = std::min(text.size(), at + kWordBytes);
    while (end < text.size() && end > at && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(text.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string header_text(std::string_view text) {
  const std::string line = one_line(text);
  return ascii(line) ? line : encoded_words(line);
}

// A display name as a quoted string when plain ASCII, else encoded words.
std::string display_name(std::string_view name) {
  const std::string line = one_line(name);
  if (!ascii(line)) return encoded_words(line);
  std::string quoted = "\"";
  for (const char c : line) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string base64_lines(std::string_view bytes) {
  const std::string encoded = base64(bytes);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / kBodyLine * 2 + 2);
  for (std::size_t at = 0; at < encoded.size(); at += kBodyLine) {
    out += encoded.substr(at, kBodyLine);
    out += "\r\n";
  }
  return out;
}

// A MIME token for the method parameter: nothing a merged value could use to end the header or add a parameter.
std::string method_token(std::string_view method) {
  std::string out;
  for (const char c : method) {
    if ((c >= 'A' && c <= 'Z') || c == '-') out += c;
    if (c >= 'a' && c <= 'z') out += static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string part(std::string_view headers, std::string_view base64_body) {
  return std::string(headers) + "Content-Transfer-Encoding: base64\r\n\r\n" + std::string(base64_body);
}

std::string delimiter(std::string_view boundary) {
  return "--" + std::string(boundary) + "\r\n";
}
std::string close_delimiter(std::string_view boundary) {
  return "--" + std::string(boundary) + "--\r\n";
}

std::string calendar_body(const MailMessage& m, const MailCalendar& calendar) {
  const std::string text = base64_lines(crlf_lines(m.body));
  const std::string ics = base64_lines(calendar.text);
  std::string out;
  out += delimiter(kMixedBoundary);
  out += "Content-Type: multipart/alternative; boundary=\"" + std::string(kAlternativeBoundary) + "\"\r\n\r\n";
  out += delimiter(kAlternativeBoundary);
  out += part("Content-Type: text/plain; charset=UTF-8\r\n", text);
  out += delimiter(kAlternativeBoundary);
  out += part("Content-Type: text/calendar; charset=UTF-8; method=" + method_token(calendar.method) + "\r\n", ics);
  out += close_delimiter(kAlternativeBoundary);
  out += delimiter(kMixedBoundary);
  out += part(
      "Content-Type: application/ics; name=\"invite.ics\"\r\n"
      "Content-Disposition: attachment; filename=\"invite.ics\"\r\n",
      ics);
  out += close_delimiter(kMixedBoundary);
  return out;
}

}  // namespace

std::string render(const MailMessage& m) {
  std::string out;
  out += "Date: " + date::format("%a, %d %b %Y %H:%M:%S +0000", std::chrono::floor<std::chrono::seconds>(m.date)) +
         "\r\n";
  out += "From: " + (m.from_name.empty() ? std::string() : display_name(m.from_name) + " ") + "<" +
         one_line(m.from) + ">\r\n";
  out += "To: <" + one_line(m.to) + ">\r\n";
  if (!m.reply_to.empty()) out += "Reply-To: <" + one_line(m.reply_to) + ">\r\n";
  out += "Subject: " + header_text(m.subject) + "\r\n";
  out += "Message-ID: <" + one_line(m.message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (m.calendar) {
    out += "Content-Type: multipart/mixed; boundary=\"" + std::string(kMixedBoundary) + "\"\r\n\r\n";
    return out + calendar_body(m, *m.calendar);
  }
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  const std::string encoded = base64(crlf_lines(m.body));
  for (std::size_t at = 0; at < encoded.size(); at += kBodyLine) out += encoded.substr(at, kBodyLine) + "\r\n";
  return out;
}

bool plain_address(std::string_view address) {
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= address.size() || address.size() > 254) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  return std::none_of(address.begin(), address.end(), [](char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == '<' || c == '>' || c == 0x7f || c == ',' || c == ';';
  });
}

}  // namespace termintreu::platform::mail
