#pragma once
// Appointments as iCalendar text (RFC 5545), built with libical: the invitation or cancellation mailed to the rep and
// the person (iTIP, RFC 5546, carried by mail as in RFC 6047) and the subscription feed of a rep's appointments.
// Times are UTC inside; each event is written in its own zone (DTSTART;TZID=Europe/Berlin) with a VTIMEZONE cut down
// to the span of the events, because clients show the local time the agent agreed on the phone, DST included.
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.hpp"
#include "platform/error.hpp"

namespace termintreu::appointments {

struct CalendarAttendee {
  std::string email;  // a plain address (platform::mail::plain_address)
  std::string name;   // may be empty; control characters become spaces
};

struct CalendarEvent {
  std::string uid;   // stable per appointment, e.g. "appointment-42@<host>": clients match updates by it
  int sequence = 0;  // grows with every change the attendees are sent; clients ignore a lower or equal one
  platform::TimePoint starts, ends;            // UTC, written to the second
  std::string time_zone;                       // IANA, e.g. "Europe/Berlin"
  std::string summary, description, location;  // UTF-8; line breaks come back as "\n" (CRLF is not kept)
  CalendarAttendee organizer;                  // receives the replies; required in invitations, optional in feeds
  std::vector<CalendarAttendee> attendees;     // the rep and the person
  platform::TimePoint stamp;                   // DTSTAMP: when this version was made
  bool cancelled = false;
};

enum class CalendarMethod { request, cancel };

// "REQUEST" / "CANCEL": the mail's text/calendar part must carry the same method as the calendar inside.
std::string_view method_name(CalendarMethod method);

// One VCALENDAR with METHOD REQUEST or CANCEL, the VTIMEZONE of the event's zone and one VEVENT: ORGANIZER, and each
// attendee with ROLE=REQ-PARTICIPANT (a request also asks PARTSTAT=NEEDS-ACTION, RSVP=TRUE). A cancellation carries
// STATUS:CANCELLED and must have a higher sequence than the request it cancels (the caller keeps the count).
// Invalid input is an ErrorCode::invalid error naming the field: unknown zone, empty uid, negative sequence, end not
// after start, an address that is not plain, text that is not UTF-8, a request without attendees or for a cancelled
// event.
platform::Result<std::string> invitation_text(const CalendarEvent& event, CalendarMethod method);

// A subscription feed (served as text/calendar; charset=utf-8): NAME and X-WR-CALNAME (on one line: control
// characters become spaces), refresh hints REFRESH-INTERVAL and X-PUBLISHED-TTL of one hour, one VTIMEZONE per zone
// used. No METHOD: a feed is calendar data, not a scheduling message (RFC 5545 3.7.2 would want the same method on
// the HTTP Content-Type, RFC 5546's PUBLISH would demand an ORGANIZER), and calendar data without METHOD is what
// every CalDAV client reads all day (RFC 4791 forbids METHOD there). ORGANIZER only when the event names one; no
// ATTENDEE lines: the feed's URL should not hand out the person's address, and Outlook would show a meeting.
// Cancelled events are left out: a feed is a snapshot that clients replace on every refresh, and an event left out
// disappears everywhere, while STATUS:CANCELLED is dropped by Google but shown struck through by Apple and others.
// Errors as for invitations, their fields prefixed "events[i].".
platform::Result<std::string> feed_text(std::string_view calendar_name, const std::vector<CalendarEvent>& events);

}  // namespace termintreu::appointments
