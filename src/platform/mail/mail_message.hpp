#pragma once
// One outgoing plain-text mail and its RFC 5322 text as handed to SMTP: UTF-8 headers as RFC 2047 encoded words,
// the body in base64 (safe for any line length and any byte), CRLF line ends. Header values never carry a line
// break, whatever a merged field held: a name must not be able to add a Bcc.
#include <optional>
#include <string>
#include <string_view>

#include "platform/clock.hpp"

namespace termintreu::platform::mail {

// An iTIP calendar sent by mail (RFC 6047), e.g. appointments::invitation_text. With one, the mail is built the way
// Google Calendar sends invitations, which Gmail, Outlook and Apple Mail all show with accept/decline:
//   multipart/mixed
//     multipart/alternative
//       text/plain; charset=UTF-8                     the body
//       text/calendar; charset=UTF-8; method=REQUEST  the calendar: what Outlook and Gmail act on
//     application/ics; name="invite.ics"              the same calendar as an attachment, for clients that only
//                                                     offer attached calendars (and to save it by hand)
// Every part is base64, so the calendar arrives byte for byte as given.
struct MailCalendar {
  std::string method;  // the calendar's METHOD ("REQUEST", "CANCEL"); only letters and '-' are kept, upper-cased
  std::string text;    // the VCALENDAR, CRLF line ends as libical writes them
};

struct MailMessage {
  std::string from;       // address
  std::string from_name;  // display name; may be empty
  std::string to;         // address
  std::string reply_to;   // address; may be empty
  std::string subject;
  std::string body;        // plain text, UTF-8
  std::string message_id;  // without the angle brackets; the same on every retry, so receivers can drop doubles
  TimePoint date;
  std::optional<MailCalendar> calendar;  // none: a single text/plain part, as before
};

std::string render(const MailMessage& message);

// A single mailbox "local@domain" with no spaces, angle brackets or line breaks: what SMTP's MAIL FROM and
// RCPT TO may carry. Not a full RFC 5321 check; addresses are normalised where they are entered.
bool plain_address(std::string_view address);

}  // namespace termintreu::platform::mail
