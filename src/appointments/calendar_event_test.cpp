#include "appointments/calendar_event.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <libical/ical.h>

namespace termintreu::appointments {
namespace {

using platform::ErrorCode;
using platform::TimePoint;
using namespace std::chrono;

TimePoint utc(int y, unsigned m, unsigned d, int h, int min = 0) {
  return TimePoint(sys_days(year(y) / month(m) / day(d)) + hours(h) + minutes(min));
}

const std::string kDescription =
    "Grüße an Frau Müller; bitte Angebot, Grundriss und Fotos mitbringen.\n"
    "Anfahrt: Hof links \\ Tor 3, Klingel \"Süd\".\n\nÄÖÜäöüß€ — lange Zeile, damit libical sie faltet: "
    "ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€ÄÖÜäöüß€";

CalendarEvent sample() {
  CalendarEvent e;
  e.uid = "appointment-42@termintreu.example";
  e.sequence = 0;
  e.starts = utc(2026, 3, 30, 8);  // 10:00 in Berlin, the day after the change to summer time
  e.ends = e.starts + minutes(90);
  e.time_zone = "Europe/Berlin";
  e.summary = "Termin: Müller GmbH, Wärmepumpe; Erstgespräch";
  e.description = kDescription;
  e.location = "Hauptstraße 1; 12345 Musterstadt, Hinterhaus";
  e.organizer = {"termine@agentur.example", "Agentur \"Muster\", Vertrieb: Süd"};
  e.attendees = {{"rita.rep@kunde.example", "Rita Rep"}, {"eva.muster@firma.example", "Eva Müster, Einkauf"}};
  e.stamp = utc(2026, 3, 1, 12);
  return e;
}

struct FreeComponent {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Parsed = std::unique_ptr<icalcomponent, FreeComponent>;

Parsed parse(const std::string& text) {
  return Parsed(icalparser_parse_string(text.c_str()));
}

std::vector<icalcomponent*> children(icalcomponent* parent, icalcomponent_kind kind) {
  std::vector<icalcomponent*> out;
  for (auto* c = icalcomponent_get_first_component(parent, kind); c != nullptr;
       c = icalcomponent_get_next_component(parent, kind)) {
    out.push_back(c);
  }
  return out;
}

std::vector<icalproperty*> properties(icalcomponent* component, icalproperty_kind kind) {
  std::vector<icalproperty*> out;
  for (auto* p = icalcomponent_get_first_property(component, kind); p != nullptr;
       p = icalcomponent_get_next_property(component, kind)) {
    out.push_back(p);
  }
  return out;
}

std::string parameter_text(icalproperty* property, icalparameter_kind kind) {
  icalparameter* parameter = icalproperty_get_first_parameter(property, kind);
  if (parameter == nullptr) return "<none>";
  char* text = icalparameter_as_ical_string_r(parameter);
  std::string out(text);
  icalmemory_free_buffer(text);
  return out;
}

std::string tzid_of(icalcomponent* vtimezone) {
  return icalproperty_get_tzid(icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY));
}

std::string x_value(icalcomponent* component, const std::string& name) {
  for (auto* p : properties(component, ICAL_X_PROPERTY)) {
    if (icalproperty_get_x_name(p) == name) return icalproperty_get_x(p);
  }
  return "<none>";
}

// The local wall time of DTSTART/DTEND, its TZID, and the UTC instant it means by the calendar's own VTIMEZONE.
struct Zoned {
  std::string local;
  std::string tzid;
  TimePoint instant;
};

Zoned zoned(icalcomponent* calendar, icalproperty* property) {
  Zoned out;
  const icaltimetype value = icalproperty_get_datetime_with_component(property, nullptr);
  char* local = icaltime_as_ical_string_r(value);
  out.local = local;
  icalmemory_free_buffer(local);
  icalparameter* tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER);
  if (tzid == nullptr) {
    out.tzid = "<none>";
    out.instant = TimePoint(seconds(icaltime_as_timet_with_zone(value, icaltimezone_get_utc_timezone())));
    return out;
  }
  out.tzid = icalparameter_get_tzid(tzid);
  for (auto* vtimezone : children(calendar, ICAL_VTIMEZONE_COMPONENT)) {
    if (tzid_of(vtimezone) != out.tzid) continue;
    icaltimezone* zone = icaltimezone_new();
    icaltimezone_set_component(zone, icalcomponent_new_clone(vtimezone));
    out.instant = TimePoint(seconds(icaltime_as_timet_with_zone(value, zone)));
    icaltimezone_free(zone, 1);
  }
  return out;
}

// Every line ends in CRLF, is at most 75 octets and is whole UTF-8 (libical folds between characters).
void expect_well_formed_lines(const std::string& text) {
  ASSERT_GE(text.size(), 2U);
  EXPECT_EQ(text.substr(text.size() - 2), "\r\n");
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find("\r\n", at);
    ASSERT_NE(end, std::string::npos) << "no CRLF after offset " << at;
    const std::string line = text.substr(at, end - at);
    EXPECT_EQ(line.find('\n'), std::string::npos) << line;
    EXPECT_EQ(line.find('\r'), std::string::npos) << line;
    EXPECT_LE(line.size(), 75U) << line;
    if (!line.empty()) {
      EXPECT_NE(static_cast<unsigned char>(line[line.size() - 1]) & 0xC0, 0xC0U) << "cut after a lead byte: " << line;
      const std::size_t first = line[0] == ' ' ? 1 : 0;
      if (line.size() > first) {
        EXPECT_NE(static_cast<unsigned char>(line[first]) & 0xC0, 0x80U) << "starts inside a character: " << line;
      }
    }
    at = end + 2;
  }
}

TEST(CalendarEvent, InvitationParsesBackWithEverythingInIt) {
  const auto text = invitation_text(sample(), CalendarMethod::request);
  ASSERT_TRUE(text) << text.error().message << " " << text.error().field;
  expect_well_formed_lines(*text);
  EXPECT_EQ(text->rfind("BEGIN:VCALENDAR\r\n", 0), 0U);

  const Parsed calendar = parse(*text);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_isa(calendar.get()), ICAL_VCALENDAR_COMPONENT);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_REQUEST);
  EXPECT_STREQ(icalproperty_get_version(icalcomponent_get_first_property(calendar.get(), ICAL_VERSION_PROPERTY)),
               "2.0");
  EXPECT_NE(icalcomponent_get_first_property(calendar.get(), ICAL_PRODID_PROPERTY), nullptr);

  const auto events = children(calendar.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_EQ(events.size(), 1U);
  icalcomponent* event = events[0];
  EXPECT_STREQ(icalcomponent_get_uid(event), "appointment-42@termintreu.example");
  EXPECT_EQ(icalcomponent_get_sequence(event), 0);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
  EXPECT_EQ(icalcomponent_get_summary(event), sample().summary);
  EXPECT_EQ(icalcomponent_get_description(event), kDescription);
  EXPECT_EQ(icalcomponent_get_location(event), sample().location);
  EXPECT_NE(text->find("DTSTAMP:20260301T120000Z\r\n"), std::string::npos);

  const Zoned start = zoned(calendar.get(), icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY));
  EXPECT_EQ(start.tzid, "Europe/Berlin");
  EXPECT_EQ(start.local, "20260330T100000");
  EXPECT_EQ(start.instant, sample().starts);
  const Zoned end = zoned(calendar.get(), icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY));
  EXPECT_EQ(end.local, "20260330T113000");
  EXPECT_EQ(end.instant, sample().ends);

  icalproperty* organizer = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
  ASSERT_NE(organizer, nullptr);
  EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:termine@agentur.example");
  EXPECT_STREQ(icalparameter_get_cn(icalproperty_get_first_parameter(organizer, ICAL_CN_PARAMETER)),
               "Agentur \"Muster\", Vertrieb: Süd");

  const auto attendees = properties(event, ICAL_ATTENDEE_PROPERTY);
  ASSERT_EQ(attendees.size(), 2U);
  const std::vector<std::pair<std::string, std::string>> expected{
      {"mailto:rita.rep@kunde.example", "Rita Rep"}, {"mailto:eva.muster@firma.example", "Eva Müster, Einkauf"}};
  for (std::size_t i = 0; i < attendees.size(); ++i) {
    EXPECT_EQ(icalproperty_get_attendee(attendees[i]), expected[i].first);
    EXPECT_EQ(icalparameter_get_cn(icalproperty_get_first_parameter(attendees[i], ICAL_CN_PARAMETER)),
              expected[i].second);
    EXPECT_EQ(parameter_text(attendees[i], ICAL_ROLE_PARAMETER), "ROLE=REQ-PARTICIPANT");
    EXPECT_EQ(parameter_text(attendees[i], ICAL_PARTSTAT_PARAMETER), "PARTSTAT=NEEDS-ACTION");
    EXPECT_EQ(parameter_text(attendees[i], ICAL_RSVP_PARAMETER), "RSVP=TRUE");
  }
  // libical's table of what RFC 5546 requires and allows for METHOD:REQUEST.
  EXPECT_EQ(icalrestriction_check(calendar.get()), 1) << *text;
}

TEST(CalendarEvent, TheTimeZoneIsShortAndNamedPlainly) {
  const auto text = invitation_text(sample(), CalendarMethod::request);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->find("1893"), std::string::npos);
  EXPECT_EQ(text->find("freeassociation"), std::string::npos);
  const Parsed calendar = parse(*text);
  const auto zones = children(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_EQ(zones.size(), 1U);
  EXPECT_EQ(tzid_of(zones[0]), "Europe/Berlin");
  // Outlook reads only the STANDARD and the DAYLIGHT with the latest start: one of each, in force in 2026.
  EXPECT_EQ(children(zones[0], ICAL_XSTANDARD_COMPONENT).size(), 1U);
  EXPECT_EQ(children(zones[0], ICAL_XDAYLIGHT_COMPONENT).size(), 1U);
  const auto begin = text->find("BEGIN:VTIMEZONE");
  const auto vtimezone = text->substr(begin, text->find("END:VTIMEZONE") - begin);
  EXPECT_LT(vtimezone.size(), 700U) << vtimezone;
}

struct ZoneCase {
  std::string zone;
  TimePoint starts;
  std::string local;  // DTSTART's wall time in that zone
  std::string tzid;   // DTSTART's TZID; "<none>" for UTC
};

TEST(CalendarEvent, LocalTimesAcrossZonesAndDaylightSavingChanges) {
  const std::vector<ZoneCase> cases{
      {"Europe/Berlin", utc(2026, 3, 30, 8), "20260330T100000", "Europe/Berlin"},      // summer time: UTC+2
      {"Europe/Berlin", utc(2026, 1, 15, 9), "20260115T100000", "Europe/Berlin"},      // winter: UTC+1
      {"Europe/Berlin", utc(2026, 3, 29, 1, 30), "20260329T033000", "Europe/Berlin"},  // just after clocks went forward
      // 02:30 happens twice in the night the clocks go back: a zoned 02:30 is read differently by RFC 5545 (the
      // first) and by libical (the second), so both are written in UTC.
      {"Europe/Berlin", utc(2026, 10, 25, 0, 30), "20261025T003000Z", "<none>"},
      {"Europe/Berlin", utc(2026, 10, 25, 1, 30), "20261025T013000Z", "<none>"},
      {"Europe/Berlin", utc(2026, 10, 25, 2, 0), "20261025T030000", "Europe/Berlin"},
      {"Europe/Vienna", utc(2026, 7, 1, 7), "20260701T090000", "Europe/Vienna"},
      {"Europe/London", utc(2026, 7, 1, 7), "20260701T080000", "Europe/London"},
      {"America/New_York", utc(2026, 3, 9, 14), "20260309T100000", "America/New_York"},     // a day after the US change
      {"America/Sao_Paulo", utc(2026, 1, 15, 13), "20260115T100000", "America/Sao_Paulo"},  // no DST since 2019
      {"Asia/Tokyo", utc(2026, 1, 15, 1), "20260115T100000", "Asia/Tokyo"},
      {"Australia/Lord_Howe", utc(2026, 1, 15, 0), "20260115T110000", "Australia/Lord_Howe"},  // half-hour DST
  };
  for (const auto& c : cases) {
    auto e = sample();
    e.time_zone = c.zone;
    e.starts = c.starts;
    e.ends = c.starts + hours(1);
    const auto text = invitation_text(e, CalendarMethod::request);
    ASSERT_TRUE(text) << c.zone;
    const Parsed calendar = parse(*text);
    icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
    const Zoned start = zoned(calendar.get(), icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY));
    EXPECT_EQ(start.tzid, c.tzid) << c.local;
    EXPECT_EQ(start.local, c.local) << c.zone;
    // Read back through the VTIMEZONE sent along, the wall time means the same instant; the same for the end.
    EXPECT_EQ(start.instant, c.starts) << c.zone << " " << c.local;
    const Zoned end = zoned(calendar.get(), icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY));
    EXPECT_EQ(end.instant, e.ends) << c.zone << " " << end.local;
    EXPECT_EQ(text->find("1893"), std::string::npos) << c.zone;
    EXPECT_EQ(icalrestriction_check(calendar.get()), 1) << *text;
  }
}

TEST(CalendarEvent, UtcIsWrittenAsUtcWithoutATimeZone) {
  auto e = sample();
  e.time_zone = "UTC";
  const auto text = invitation_text(e, CalendarMethod::request);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("DTSTART:20260330T080000Z\r\n"), std::string::npos) << *text;
  EXPECT_EQ(text->find("VTIMEZONE"), std::string::npos);
}

TEST(CalendarEvent, CancellationKeepsTheUidWithItsSequence) {
  auto e = sample();
  e.sequence = 3;
  e.cancelled = true;
  e.stamp = utc(2026, 3, 20, 9);
  const auto text = invitation_text(e, CalendarMethod::cancel);
  ASSERT_TRUE(text) << text.error().message;
  expect_well_formed_lines(*text);
  const Parsed calendar = parse(*text);
  EXPECT_EQ(icalcomponent_get_method(calendar.get()), ICAL_METHOD_CANCEL);
  icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  EXPECT_STREQ(icalcomponent_get_uid(event), "appointment-42@termintreu.example");
  EXPECT_EQ(icalcomponent_get_sequence(event), 3);
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CANCELLED);
  const auto attendees = properties(event, ICAL_ATTENDEE_PROPERTY);
  ASSERT_EQ(attendees.size(), 2U);  // RFC 5546: a cancellation of the whole event names every attendee
  EXPECT_EQ(parameter_text(attendees[0], ICAL_RSVP_PARAMETER), "<none>");
  EXPECT_EQ(icalrestriction_check(calendar.get()), 1) << *text;
  EXPECT_EQ(method_name(CalendarMethod::cancel), "CANCEL");
  EXPECT_EQ(method_name(CalendarMethod::request), "REQUEST");
}

TEST(CalendarEvent, FeedHasTheNameTheShownEventsAndOneZoneEach) {
  std::vector<CalendarEvent> events;
  for (int i = 0; i < 4; ++i) {
    auto e = sample();
    e.uid = "appointment-" + std::to_string(100 + i) + "@termintreu.example";
    e.starts = utc(2026, 1 + 3 * i, 10, 9);
    e.ends = e.starts + hours(1);
    events.push_back(e);
  }
  events[1].time_zone = "America/New_York";
  events[2].cancelled = true;
  events[3].organizer = {};  // the feed does without one
  const std::string name = "Rita Rep, Süd; Termine";
  const auto text = feed_text(name, events);
  ASSERT_TRUE(text) << text.error().message << " " << text.error().field;
  expect_well_formed_lines(*text);

  const Parsed calendar = parse(*text);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(icalcomponent_get_first_property(calendar.get(), ICAL_METHOD_PROPERTY), nullptr);
  EXPECT_STREQ(icalproperty_get_name(icalcomponent_get_first_property(calendar.get(), ICAL_NAME_PROPERTY)),
               name.c_str());
  EXPECT_EQ(x_value(calendar.get(), "X-WR-CALNAME"), name);
  EXPECT_EQ(x_value(calendar.get(), "X-PUBLISHED-TTL"), "PT1H");
  EXPECT_NE(text->find("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"), std::string::npos);

  const auto shown = children(calendar.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_EQ(shown.size(), 3U);
  EXPECT_STREQ(icalcomponent_get_uid(shown[0]), "appointment-100@termintreu.example");
  EXPECT_STREQ(icalcomponent_get_uid(shown[1]), "appointment-101@termintreu.example");
  EXPECT_STREQ(icalcomponent_get_uid(shown[2]), "appointment-103@termintreu.example");
  for (auto* event : shown) {
    EXPECT_TRUE(properties(event, ICAL_ATTENDEE_PROPERTY).empty());
    EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CONFIRMED);
  }
  EXPECT_NE(icalcomponent_get_first_property(shown[0], ICAL_ORGANIZER_PROPERTY), nullptr);
  EXPECT_EQ(icalcomponent_get_first_property(shown[2], ICAL_ORGANIZER_PROPERTY), nullptr);
  const Zoned later = zoned(calendar.get(), icalcomponent_get_first_property(shown[2], ICAL_DTSTART_PROPERTY));
  EXPECT_EQ(later.local, "20261010T110000");  // October 2026: still summer time, covered by the one VTIMEZONE
  EXPECT_EQ(later.instant, events[3].starts);
  const Zoned new_york = zoned(calendar.get(), icalcomponent_get_first_property(shown[1], ICAL_DTSTART_PROPERTY));
  EXPECT_EQ(new_york.local, "20260410T050000");
  EXPECT_EQ(new_york.instant, events[1].starts);

  const auto zones = children(calendar.get(), ICAL_VTIMEZONE_COMPONENT);
  ASSERT_EQ(zones.size(), 2U);
  EXPECT_EQ(tzid_of(zones[0]), "America/New_York");
  EXPECT_EQ(tzid_of(zones[1]), "Europe/Berlin");
}

TEST(CalendarEvent, AnEmptyFeedIsStillACalendar) {
  const auto text = feed_text("Leer", {});
  ASSERT_TRUE(text);
  const Parsed calendar = parse(*text);
  ASSERT_TRUE(calendar);
  EXPECT_EQ(x_value(calendar.get(), "X-WR-CALNAME"), "Leer");
  EXPECT_TRUE(children(calendar.get(), ICAL_VEVENT_COMPONENT).empty());
}

struct BadCase {
  std::string what;
  CalendarEvent event;
  CalendarMethod method;
  std::string field;
};

TEST(CalendarEvent, InvalidInputIsRefusedWithTheField) {
  std::vector<BadCase> cases;
  const auto with = [&](std::string what, auto change, std::string field,
                        CalendarMethod method = CalendarMethod::request) {
    auto e = sample();
    change(e);
    cases.push_back({std::move(what), std::move(e), method, std::move(field)});
  };
  for (const char* zone : {"", "Mars/Olympus_Mons", "europe/berlin", "../../../etc/passwd", "Europe/Berlin\n"}) {
    with(
        std::string("zone ") + zone, [&](CalendarEvent& e) { e.time_zone = zone; }, "time_zone");
  }
  with(
      "empty uid", [](CalendarEvent& e) { e.uid.clear(); }, "uid");
  with(
      "uid with a line break", [](CalendarEvent& e) { e.uid = "a\r\nATTENDEE:mailto:x@y.de"; }, "uid");
  with(
      "negative sequence", [](CalendarEvent& e) { e.sequence = -1; }, "sequence");
  with(
      "end at start", [](CalendarEvent& e) { e.ends = e.starts; }, "ends");
  with(
      "end before start", [](CalendarEvent& e) { e.ends = e.starts - hours(1); }, "ends");
  with(
      "no attendees", [](CalendarEvent& e) { e.attendees.clear(); }, "attendees");
  with(
      "request for a cancelled event", [](CalendarEvent& e) { e.cancelled = true; }, "cancelled");
  with(
      "organizer address", [](CalendarEvent& e) { e.organizer.email = "termine"; }, "organizer.email");
  with(
      "no organizer", [](CalendarEvent& e) { e.organizer = {}; }, "organizer.email");
  with(
      "attendee address", [](CalendarEvent& e) { e.attendees[1].email = "eva@x.de\r\nATTENDEE:mailto:y@z.de"; },
      "attendees[1].email");
  with(
      "attendee name not UTF-8", [](CalendarEvent& e) { e.attendees[0].name = "M\xFCller"; }, "attendees[0].name");
  with(
      "summary not UTF-8", [](CalendarEvent& e) { e.summary = "\xC3"; }, "summary");
  with(
      "description with NUL", [](CalendarEvent& e) { e.description = std::string("vorher\0nachher", 14); },
      "description");
  with(
      "cancel with a bad zone", [](CalendarEvent& e) { e.time_zone = "Nowhere"; }, "time_zone", CalendarMethod::cancel);
  for (const auto& c : cases) {
    const auto refused = invitation_text(c.event, c.method);
    ASSERT_FALSE(refused) << c.what;
    EXPECT_EQ(refused.error().code, ErrorCode::invalid) << c.what;
    EXPECT_EQ(refused.error().field, c.field) << c.what;
  }

  auto bad = sample();
  bad.time_zone = "Nowhere";
  const auto feed = feed_text("Termine", {sample(), bad});
  ASSERT_FALSE(feed);
  EXPECT_EQ(feed.error().field, "events[1].time_zone");
  EXPECT_EQ(feed_text("\xFF", {}).error().field, "calendar_name");
  auto bad_organizer = sample();
  bad_organizer.organizer.email = "termine";
  EXPECT_EQ(feed_text("Termine", {bad_organizer}).error().field, "events[0].organizer.email");
}

TEST(CalendarEvent, NamesAreKeptToOneLine) {
  auto e = sample();
  e.attendees[0].name = "Rita\r\nRep";
  const auto text = invitation_text(e, CalendarMethod::request);
  ASSERT_TRUE(text);
  const Parsed calendar = parse(*text);
  icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  const auto attendees = properties(event, ICAL_ATTENDEE_PROPERTY);
  ASSERT_EQ(attendees.size(), 2U);
  EXPECT_STREQ(icalparameter_get_cn(icalproperty_get_first_parameter(attendees[0], ICAL_CN_PARAMETER)), "Rita  Rep");
}

TEST(CalendarEvent, LineBreaksInTextComeBackAsLineFeeds) {
  auto e = sample();
  e.description = "eins\r\nzwei\ndrei";
  const auto text = invitation_text(e, CalendarMethod::request);
  ASSERT_TRUE(text);
  const Parsed calendar = parse(*text);
  icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_STREQ(icalcomponent_get_description(event), "eins\nzwei\ndrei");
}

}  // namespace
}  // namespace termintreu::appointments
