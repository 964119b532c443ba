#include "platform/mail/mail_message.hpp"

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

TEST(MailMessage, PlainAddress) {
  EXPECT_TRUE(plain_address("eva@kunde.example"));
  for (const char* bad : {"", "eva", "@kunde.example", "eva@", "eva@@x", "a b@x.de", "<a@x.de>", "a@x.de\r\nRCPT",
                          "a@x.de,b@y.de"}) {
    EXPECT_FALSE(plain_address(bad)) << bad;
  }
}

}  // namespace
}  // namespace termintreu::platform::mail
