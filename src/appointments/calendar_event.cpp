#include "appointments/calendar_event.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>

#include <date/tz.h>
#include <fmt/format.h>
#include <libical/ical.h>

#include "platform/json_input.hpp"
#include "platform/mail/mail_message.hpp"

namespace termintreu::appointments {
namespace {

using platform::Error;
using platform::ErrorCode;
using platform::fail;
using platform::Result;
using platform::TimePoint;

constexpr const char* kProductId = "-//Termintreu//Appointments//DE";
// Outlook and Apple read X-PUBLISHED-TTL, RFC 7986 clients REFRESH-INTERVAL; Google polls on its own schedule.
constexpr const char* kFeedRefresh = "PT1H";

struct FreeComponent {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, FreeComponent>;

enum class Purpose { request, cancel, publish };

struct Zone {
  std::string tzid;              // the IANA name as given: what DTSTART's TZID and the VTIMEZONE's TZID say
  const date::time_zone* rules;  // the same system tzdata, to find wall times that occur twice
  icaltimezone* zone;            // libical's built-in zone, owned by libical
  bool utc;                      // times written as UTC ("…Z") with no VTIMEZONE
};

Result<Zone> find_zone(const std::string& name, const std::string& field) {
  // date's lookup first: it knows exactly the IANA names, while libical reads whatever path under the zoneinfo
  // directory it is handed.
  const date::time_zone* rules = nullptr;
  try {
    rules = date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return fail(ErrorCode::invalid, "must be a time zone such as Europe/Berlin", field);
  }
  icaltimezone* zone = icaltimezone_get_builtin_timezone(name.c_str());
  if (zone == nullptr) return fail(ErrorCode::invalid, "is a time zone the calendar library does not know", field);
  const bool utc = zone == icaltimezone_get_utc_timezone();
  if (!utc && icaltimezone_get_component(zone) == nullptr) {
    return fail(ErrorCode::invalid, "is a time zone the calendar library cannot describe", field);
  }
  return Zone{name, rules, zone, utc};
}

std::time_t seconds_of(TimePoint t) {
  return static_cast<std::time_t>(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count());
}

icaltimetype utc_time(TimePoint t) {
  return icaltime_from_timet_with_zone(seconds_of(t), 0, icaltimezone_get_utc_timezone());
}

// DTSTART/DTEND as the local wall time with a TZID parameter. A wall time that occurs twice (the hour after the clocks
// go back) is written in UTC instead: RFC 5545 3.3.5 says it means the first occurrence, libical 3.0 reads it as the
// second, and a client may follow either. The value is made floating on purpose: libical 3.0 writes a time that carries
// a zone as UTC.
icalproperty* zoned_time(icalproperty* (*make)(icaltimetype), TimePoint t, const Zone& zone) {
  if (zone.utc) return make(utc_time(t));
  const auto instant = std::chrono::floor<std::chrono::seconds>(t);
  if (zone.rules->get_info(zone.rules->to_local(instant)).result != date::local_info::unique) {
    return make(utc_time(t));
  }
  icaltimetype local = icaltime_from_timet_with_zone(seconds_of(t), 0, zone.zone);
  local.zone = nullptr;
  icalproperty* property = make(local);
  icalproperty_add_parameter(property, icalparameter_new_tzid(zone.tzid.c_str()));
  return property;
}

// The built-in VTIMEZONE reaches back to 1893 (~3 kB for Berlin): it is cut to the observances in force between the
// first start and the last end. ms_compatible keeps recurring observances as RRULEs from their original start, which
// leaves Berlin with one STANDARD and one DAYLIGHT: Outlook reads only the STANDARD and DAYLIGHT with the latest
// DTSTART (MS-OXCICAL 2.1.3.1.1.19), so the rules in force must be those. Clients that know the IANA name (Google,
// Apple) use their own rules for it anyway.
Component short_vtimezone(const Zone& zone, TimePoint from, TimePoint to) {
  Component vtimezone(icalcomponent_new_clone(icaltimezone_get_component(zone.zone)));
  icaltimezone_truncate_vtimezone(vtimezone.get(), utc_time(from), utc_time(to), 1);
  icalproperty* tzid = icalcomponent_get_first_property(vtimezone.get(), ICAL_TZID_PROPERTY);
  if (tzid == nullptr) throw std::logic_error("libical built-in VTIMEZONE without TZID");
  icalproperty_set_tzid(tzid, zone.tzid.c_str());  // not libical's "/freeassociation.sourceforge.net/…"
  return vtimezone;
}

std::string one_line(std::string_view text) {
  std::string out(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }, ' ');
  return out;
}

// libical takes C strings: a NUL would cut the text short without a word.
std::optional<Error> check_text(std::string_view text, std::string field) {
  if (!platform::utf8_length(text)) return Error{ErrorCode::invalid, "must be valid UTF-8", std::move(field)};
  if (text.find('\0') != std::string_view::npos)
    return Error{ErrorCode::invalid, "must not contain NUL", std::move(field)};
  return std::nullopt;
}

std::optional<Error> check_person(const CalendarAttendee& who, const std::string& field) {
  if (!platform::mail::plain_address(who.email)) {
    return Error{ErrorCode::invalid, "must be an e-mail address", field + ".email"};
  }
  return check_text(who.name, field + ".name");
}

// Everything that would make the calendar wrong or unreadable; returns the zone to write the event in.
Result<Zone> check_event(const CalendarEvent& e, const std::string& prefix, Purpose purpose) {
  const auto fail_with = [&](std::string message, std::string_view field) {
    return fail(ErrorCode::invalid, std::move(message), prefix + std::string(field));
  };
  if (e.uid.empty() || check_text(e.uid, "") || one_line(e.uid) != e.uid) {
    return fail_with("must be a non-empty single line", "uid");
  }
  if (e.sequence < 0) return fail_with("must not be negative", "sequence");
  if (e.ends <= e.starts) return fail_with("must be after the start", "ends");
  if (purpose == Purpose::request && e.cancelled) {
    return fail_with("a cancelled appointment is sent as a cancellation, not a request", "cancelled");
  }
  if (purpose == Purpose::request && e.attendees.empty())
    return fail_with("an invitation needs attendees", "attendees");
  for (const auto& [text, field] : {std::pair{&e.summary, "summary"}, std::pair{&e.description, "description"},
                                    std::pair{&e.location, "location"}}) {
    if (auto error = check_text(*text, prefix + field)) return tl::unexpected(std::move(*error));
  }
  // A feed names the organizer only when one is given; an invitation must (RFC 5546: replies go there).
  if (purpose != Purpose::publish || !e.organizer.email.empty()) {
    if (auto error = check_person(e.organizer, prefix + "organizer")) return tl::unexpected(std::move(*error));
  }
  for (std::size_t i = 0; i < e.attendees.size(); ++i) {
    if (auto error = check_person(e.attendees[i], fmt::format("{}attendees[{}]", prefix, i))) {
      return tl::unexpected(std::move(*error));
    }
  }
  return find_zone(e.time_zone, prefix + "time_zone");
}

icalproperty* with_name(icalproperty* property, const CalendarAttendee& who) {
  // libical quotes the name when it holds , ; or : and writes a double quote as RFC 6868's ^'.
  if (!who.name.empty()) icalproperty_add_parameter(property, icalparameter_new_cn(one_line(who.name).c_str()));
  return property;
}

std::string mailto(const CalendarAttendee& who) {
  return "mailto:" + who.email;
}

Component vevent(const CalendarEvent& e, const Zone& zone, Purpose purpose) {
  Component event(icalcomponent_new_vevent());
  icalcomponent* v = event.get();
  icalcomponent_add_property(v, icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(v, icalproperty_new_sequence(e.sequence));
  icalcomponent_add_property(v, icalproperty_new_dtstamp(utc_time(e.stamp)));
  icalcomponent_add_property(v, zoned_time(icalproperty_new_dtstart, e.starts, zone));
  icalcomponent_add_property(v, zoned_time(icalproperty_new_dtend, e.ends, zone));
  icalcomponent_add_property(v, icalproperty_new_summary(e.summary.c_str()));
  if (!e.description.empty()) icalcomponent_add_property(v, icalproperty_new_description(e.description.c_str()));
  if (!e.location.empty()) icalcomponent_add_property(v, icalproperty_new_location(e.location.c_str()));
  if (!e.organizer.email.empty()) {
    icalcomponent_add_property(v, with_name(icalproperty_new_organizer(mailto(e.organizer).c_str()), e.organizer));
  }
  if (purpose != Purpose::publish) {
    for (const auto& who : e.attendees) {
      icalproperty* attendee = with_name(icalproperty_new_attendee(mailto(who).c_str()), who);
      icalproperty_add_parameter(attendee, icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
      icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
      if (purpose == Purpose::request) {
        icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
        icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
      }
      icalcomponent_add_property(v, attendee);
    }
  }
  icalcomponent_add_property(
      v, icalproperty_new_status(purpose == Purpose::cancel ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property(v, icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
  return event;
}

Component vcalendar(std::optional<icalproperty_method> method) {
  Component calendar(icalcomponent_new_vcalendar());
  icalcomponent_add_property(calendar.get(), icalproperty_new_prodid(kProductId));
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  if (method) icalcomponent_add_property(calendar.get(), icalproperty_new_method(*method));
  return calendar;
}

void add(icalcomponent* parent, Component child) {
  icalcomponent_add_component(parent, child.release());
}

// libical escapes only line breaks in an X- value (so "\," never appears in X-WR-CALNAME); clients read it as plain
// text. The values here are single lines.
icalproperty* x_property(const char* name, const char* value) {
  icalproperty* property = icalproperty_new_x(value);
  icalproperty_set_x_name(property, name);
  return property;
}

// libical folds at 75 octets between UTF-8 characters and ends lines with CRLF.
std::string text_of(icalcomponent* calendar) {
  char* raw = icalcomponent_as_ical_string_r(calendar);
  if (raw == nullptr) throw std::runtime_error("libical could not write the calendar");
  std::string out(raw);
  icalmemory_free_buffer(raw);
  return out;
}

}  // namespace

std::string_view method_name(CalendarMethod method) {
  return method == CalendarMethod::request ? "REQUEST" : "CANCEL";
}

Result<std::string> invitation_text(const CalendarEvent& event, CalendarMethod method) {
  const Purpose purpose = method == CalendarMethod::request ? Purpose::request : Purpose::cancel;
  TT_TRY(zone, check_event(event, "", purpose));
  Component calendar = vcalendar(method == CalendarMethod::request ? ICAL_METHOD_REQUEST : ICAL_METHOD_CANCEL);
  if (!zone->utc) add(calendar.get(), short_vtimezone(*zone, event.starts, event.ends));
  add(calendar.get(), vevent(event, *zone, purpose));
  return text_of(calendar.get());
}

Result<std::string> feed_text(std::string_view calendar_name, const std::vector<CalendarEvent>& events) {
  if (auto error = check_text(calendar_name, "calendar_name")) return tl::unexpected(std::move(*error));
  struct Used {
    Zone zone;
    TimePoint earliest, latest;
  };
  std::map<std::string, Used> zones;  // by name: one VTIMEZONE each, in a stable order
  std::vector<std::pair<const CalendarEvent*, Zone>> shown;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (events[i].cancelled) continue;
    TT_TRY(zone, check_event(events[i], fmt::format("events[{}].", i), Purpose::publish));
    Used& used = zones.try_emplace(zone->tzid, Used{*zone, events[i].starts, events[i].ends}).first->second;
    used.earliest = std::min(used.earliest, events[i].starts);
    used.latest = std::max(used.latest, events[i].ends);
    shown.emplace_back(&events[i], std::move(*zone));
  }

  Component calendar = vcalendar(std::nullopt);
  const std::string name = one_line(calendar_name);
  icalcomponent_add_property(calendar.get(), icalproperty_new_name(name.c_str()));
  icalcomponent_add_property(calendar.get(), x_property("X-WR-CALNAME", name.c_str()));
  icalcomponent_add_property(calendar.get(),
                             icalproperty_new_refreshinterval(icaldurationtype_from_string(kFeedRefresh)));
  icalcomponent_add_property(calendar.get(), x_property("X-PUBLISHED-TTL", kFeedRefresh));
  for (const auto& [name_of_zone, used] : zones) {
    if (!used.zone.utc) add(calendar.get(), short_vtimezone(used.zone, used.earliest, used.latest));
  }
  for (const auto& [event, zone] : shown) add(calendar.get(), vevent(*event, zone, Purpose::publish));
  return text_of(calendar.get());
}

}  // namespace termintreu::appointments
