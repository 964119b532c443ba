#include "platform/mail/mail_message.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sodium.h>

namespace termintreu::platform::mail {
namespace {

MailMessage sample() {
  MailMessage m;
  m.from = "info@agentur.example";
  m.from_name = "Muster AG";
  m.to = "eva.muster@kunde.example";
  m.reply_to = "anna@agentur.example";
  m.subject = "Unterlagen";
  m.body = "Guten Tag,\nanbei.\n";
  m.message_id = "outbox-1-2@agentur.example";
  m.date = TimePoint(std::chrono::sys_days(std::chrono::year(2026) / 12 / 3)) + std::chrono::hours(9);
  return m;
}

std::string header(const std::string& text, const std::string& name) {
  const auto at = text.find("\r\n" + name + ": ");
  if (at == std::string::npos) return {};
  const auto start = at + 2 + name.size() + 2;
  return text.substr(start, text.find("\r\n", start) - start);
}

std::string decoded_body(const std::string& text) {
  std::string encoded;
  for (auto at = text.find("\r\n\r\n") + 4; at < text.size(); ++at) {
    if (text[at] != '\r' && text[at] != '\n') encoded += text[at];
  }
  std::string out(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), encoded.data(), encoded.size(),
                        nullptr, &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "<not base64>";
  }
  out.resize(length);
  return out;
}

TEST(MailMessage, RendersHeadersAndABase64BodyWithCrlf) {
  const std::string text = render(sample());
  EXPECT_EQ(text.rfind("Date: Thu, 03 Dec 2026 09:00:00 +0000\r\n", 0), 0U);
  EXPECT_EQ(header(text, "From"), "\"Muster AG\" <info@agentur.example>");
  EXPECT_EQ(header(text, "To"), "<eva.muster@kunde.example>");
  EXPECT_EQ(header(text, "Reply-To"), "<anna@agentur.example>");
  EXPECT_EQ(header(text, "Subject"), "Unterlagen");
  EXPECT_EQ(header(text, "Message-ID"), "<outbox-1-2@agentur.example>");
  EXPECT_EQ(header(text, "Content-Type"), "text/plain; charset=UTF-8");
  EXPECT_EQ(decoded_body(text), "Guten Tag,\r\nanbei.\r\n");
}

TEST(MailMessage, EncodesNonAsciiHeadersAsEncodedWords) {
  auto m = sample();
  m.subject = "Ihre Unterlagen zur Wärmepumpe – Größe und Förderung für Ihr Gebäude in Müßingen";
  m.from_name = "Müller & Söhne";
  const std::string text = render(m);
  const std::string subject = header(text, "Subject");
  EXPECT_EQ(subject.rfind("=?UTF-8?B?", 0), 0U);
  // Folded onto continuation lines, each encoded word within 75 characters.
  const auto folded = text.substr(text.find("Subject: "), text.find("\r\nMessage-ID") - text.find("Subject: "));
  EXPECT_NE(folded.find("\r\n =?UTF-8?B?"), std::string::npos);
  EXPECT_EQ(header(text, "From").rfind("=?UTF-8?B?", 0), 0U);
}

TEST(MailMessage, NoHeaderInjectionThroughMergedValues) {
  auto m = sample();
  m.subject = "Hallo\r\nBcc: alle@example.com";
  m.from_name = "X\nBcc: y@example.com";
  const std::string text = render(m);
  EXPECT_EQ(text.find("\r\nBcc:"), std::string::npos);
  EXPECT_EQ(text.find("\nBcc:"), std::string::npos);
  EXPECT_EQ(header(text, "Subject"), "Hallo  Bcc: alle@example.com");
}

TEST(MailMessage, WithoutACalendarTheTextIsAsBefore) {
  EXPECT_EQ(render(sample()),
            "Date: Thu, 03 Dec 2026 09:00:00 +0000\r\n"
            "From: \"Muster AG\" <info@agentur.example>\r\n"
            "To: <eva.muster@kunde.example>\r\n"
            "Reply-To: <anna@agentur.example>\r\n"
            "Subject: Unterlagen\r\n"
            "Message-ID: <outbox-1-2@agentur.example>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "R3V0ZW4gVGFnLA0KYW5iZWkuDQo=\r\n");
}

// A calendar as appointments::invitation_text writes it; long enough for several base64 lines.
const std::string kCalendar =
    "BEGIN:VCALENDAR\r\nPRODID:-//Termintreu//Appointments//DE\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:appointment-42@agentur.example\r\nSEQUENCE:0\r\nDTSTAMP:20261201T090000Z\r\n"
    "DTSTART;TZID=Europe/Berlin:20261203T100000\r\nDTEND;TZID=Europe/Berlin:20261203T113000\r\n"
    "SUMMARY:Termin vor Ort: Müller GmbH\\, Wärmepumpe\r\n"
    "ORGANIZER;CN=Anna Agentin:mailto:anna@agentur.example\r\n"
    "ATTENDEE;CN=Eva Muster;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRU\r\n "
    "E:mailto:eva.muster@kunde.example\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n";

MailMessage with_calendar() {
  auto m = sample();
  m.calendar = MailCalendar{"REQUEST", kCalendar};
  return m;
}

struct Part {
  std::string headers;  // each line with its CRLF
  std::string content;
};

Part split_part(const std::string& text) {
  const auto at = text.find("\r\n\r\n");
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at + 2), text.substr(at + 4)};
}

// The parts of a multipart body (RFC 2046 5.1.1: the CRLF before a delimiter belongs to the delimiter). Empty when
// the body is not exactly: delimiter, parts, close delimiter, nothing after.
std::vector<std::string> parts_of(const std::string& body, const std::string& boundary) {
  const std::string dash = "--" + boundary;
  if (body.rfind(dash + "\r\n", 0) != 0) return {};
  std::vector<std::string> out;
  std::size_t at = dash.size() + 2;
  for (;;) {
    const auto next = body.find("\r\n" + dash, at);
    if (next == std::string::npos) return {};
    out.push_back(body.substr(at, next - at));
    at = next + 2 + dash.size();
    // The close delimiter; the CRLF after it belongs to an outer delimiter, if any.
    if (body.compare(at, std::string::npos, "--") == 0 || body.compare(at, std::string::npos, "--\r\n") == 0) {
      return out;
    }
    if (body.compare(at, 2, "\r\n") != 0) return {};
    at += 2;
  }
}

std::string header_of(const std::string& headers, const std::string& name) {
  return header("\r\n" + headers, name);
}

// A part's base64 content, in lines of at most 76 (the last one's CRLF belongs to the next delimiter).
std::string decoded(const std::string& content) {
  for (std::size_t at = 0; at < content.size();) {
    const auto end = std::min(content.find("\r\n", at), content.size());
    if (end - at > 76) return "<not in lines of 76>";
    at = end + 2;
  }
  return decoded_body("\r\n\r\n" + content);
}

TEST(MailMessage, ACalendarMakesTheInvitationStructure) {
  const std::string text = render(with_calendar());
  // The headers as without a calendar, but for the type.
  EXPECT_EQ(header(text, "From"), "\"Muster AG\" <info@agentur.example>");
  EXPECT_EQ(header(text, "Subject"), "Unterlagen");
  EXPECT_EQ(header(text, "MIME-Version"), "1.0");
  EXPECT_EQ(header(text, "Content-Type"), "multipart/mixed; boundary=\"=_termintreu_mixed\"");
  EXPECT_EQ(header_of(split_part(text).headers, "Content-Transfer-Encoding"), "");
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == '\n') {
      ASSERT_TRUE(at > 0 && text[at - 1] == '\r') << "bare LF at " << at;
    }
  }

  const auto mixed = parts_of(split_part(text).content, "=_termintreu_mixed");
  ASSERT_EQ(mixed.size(), 2U) << text;

  const Part alternative = split_part(mixed[0]);
  EXPECT_EQ(alternative.headers, "Content-Type: multipart/alternative; boundary=\"=_termintreu_alt\"\r\n");
  const auto shown = parts_of(alternative.content, "=_termintreu_alt");
  ASSERT_EQ(shown.size(), 2U);
  const Part plain = split_part(shown[0]);
  EXPECT_EQ(plain.headers, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n");
  EXPECT_EQ(decoded(plain.content), "Guten Tag,\r\nanbei.\r\n");
  const Part calendar = split_part(shown[1]);
  EXPECT_EQ(calendar.headers,
            "Content-Type: text/calendar; charset=UTF-8; method=REQUEST\r\nContent-Transfer-Encoding: base64\r\n");
  EXPECT_EQ(decoded(calendar.content), kCalendar);

  const Part attachment = split_part(mixed[1]);
  EXPECT_EQ(attachment.headers,
            "Content-Type: application/ics; name=\"invite.ics\"\r\n"
            "Content-Disposition: attachment; filename=\"invite.ics\"\r\n"
            "Content-Transfer-Encoding: base64\r\n");
  EXPECT_EQ(decoded(attachment.content), kCalendar);
}

TEST(MailMessage, BoundariesInTheContentDoNotSplitParts) {
  auto m = with_calendar();
  m.body = "--=_termintreu_mixed\n--=_termintreu_alt--\nEnde";
  m.calendar->text = kCalendar + "--=_termintreu_mixed--\r\n";
  const std::string text = render(m);
  const auto mixed = parts_of(split_part(text).content, "=_termintreu_mixed");
  ASSERT_EQ(mixed.size(), 2U);
  const auto shown = parts_of(split_part(mixed[0]).content, "=_termintreu_alt");
  ASSERT_EQ(shown.size(), 2U);
  EXPECT_EQ(decoded(split_part(shown[0]).content), "--=_termintreu_mixed\r\n--=_termintreu_alt--\r\nEnde");
  EXPECT_EQ(decoded(split_part(shown[1]).content), m.calendar->text);
  EXPECT_EQ(decoded(split_part(mixed[1]).content), m.calendar->text);
}

TEST(MailMessage, CancellationsCarryTheirMethod) {
  auto m = with_calendar();
  m.calendar->method = "cancel";
  const std::string text = render(m);
  EXPECT_NE(text.find("\r\nContent-Type: text/calendar; charset=UTF-8; method=CANCEL\r\n"), std::string::npos);
}

TEST(MailMessage, NoHeaderInjectionWithACalendar) {
  auto m = with_calendar();
  m.subject = "Termin\r\nBcc: alle@example.com";
  m.from_name = "X\nBcc: y@example.com";
  m.calendar->method = "REQUEST\r\nBcc: z@example.com; charset=latin1";
  const std::string text = render(m);
  EXPECT_EQ(text.find("\nBcc:"), std::string::npos);
  EXPECT_EQ(header(text, "Subject"), "Termin  Bcc: alle@example.com");
  const auto at = text.find("Content-Type: text/calendar;");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text.substr(at, text.find("\r\n", at) - at),
            "Content-Type: text/calendar; charset=UTF-8; method=REQUESTBCCZEXAMPLECOMCHARSETLATIN");
}

TEST(MailMessage, PlainAddress) {
  EXPECT_TRUE(plain_address("eva@kunde.example"));
  for (const char* bad : {"", "eva", "@kunde.example", "eva@", "eva@@x", "a b@x.de", "<a@x.de>", "a@x.de\r\nRCPT",
                          "a@x.de,b@y.de"}) {
    EXPECT_FALSE(plain_address(bad)) << bad;
  }
}

}  // namespace
}  // namespace termintreu::platform::mail
