#include "appointments/invitation_mail.hpp"

#include <array>
#include <optional>

#include <date/tz.h>
#include <fmt/format.h>

#include "platform/mail/mail_message.hpp"

namespace termintreu::appointments {
namespace {

using platform::mail::outbox_store::OutboxMail;

constexpr std::array<std::string_view, 7> kGermanWeekdays{"Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."};

std::string kind_text(std::string_view kind) {
  if (kind == "video") return "Videotermin";
  if (kind == "phone") return "Telefontermin";
  return "Termin vor Ort";
}

std::string summary_of(const Appointment& a, const AppointmentParties& parties) {
  const std::string with = parties.company_name.empty() ? parties.person_name : parties.company_name;
  return fmt::format("{}: {} – {}", kind_text(a.kind), with, parties.client_name);
}

std::string details(const Appointment& a, const AppointmentParties& p) {
  std::string text = fmt::format("{}\nWann: {} bis {}\n", kind_text(a.kind), german_time(a.starts_at, a.time_zone),
                                 german_time(a.ends_at, a.time_zone));
  if (!a.location.empty()) text += fmt::format("Wo: {}\n", a.location);
  text += fmt::format("Gesprächspartner: {}{}\n", p.person_name, p.company_name.empty() ? "" : ", " + p.company_name);
  text += fmt::format("Für {}: {}\n", p.client_name, p.rep_name);
  if (!a.agenda.empty()) text += fmt::format("\nThemen:\n{}\n", a.agenda);
  return text;
}

OutboxMail mail_to(const Appointment& a, const AppointmentParties& p, const std::string& to, std::string subject,
                   std::string body, std::optional<CalendarMethod> method, std::string calendar, std::int64_t now) {
  OutboxMail mail;
  mail.agency_id = a.agency_id;
  mail.lead_id = a.lead_id;
  mail.attempt_id = a.attempt_id;
  mail.appointment_id = a.id;
  mail.kind = !method                  ? "appointment_reminder"
              : a.state == "cancelled" ? "appointment_cancellation"
                                       : "appointment_invitation";
  mail.to_address = to;
  mail.from_name = p.client_name;
  mail.reply_to = p.agent_email;
  mail.subject = std::move(subject);
  mail.body = std::move(body);
  if (method) mail.calendar_method = std::string(method_name(*method));
  mail.calendar_text = std::move(calendar);
  mail.next_try_at = now;
  mail.created_at = now;
  return mail;
}

// "heute", "morgen", "in 3 Tagen": the start seen from `now`, by calendar days in the person's zone.
std::string how_soon(platform::TimePoint now, platform::TimePoint start, const std::string& zone) {
  const auto* tz = date::locate_zone(zone.empty() ? "Europe/Berlin" : zone);
  const auto days = (date::floor<date::days>(tz->to_local(start)) - date::floor<date::days>(tz->to_local(now))).count();
  if (days <= 0) return "heute";
  if (days == 1) return "morgen";
  return fmt::format("in {} Tagen", days);
}

}  // namespace

std::string person_links(const AppointmentParties& p) {
  if (p.confirm_url.empty()) return {};
  return fmt::format(
      "\nBitte bestätigen Sie den Termin mit einem Klick:\n{}\n\nPasst Ihnen die Zeit nicht? Dann "
      "bitten Sie hier um einen anderen Termin:\n{}\n",
      p.confirm_url, p.change_url);
}

std::string rep_link(const AppointmentParties& p) {
  if (p.outcome_url.empty()) return {};
  return fmt::format("\n\nNach dem Termin tragen Sie bitte hier ein, wie er verlaufen ist:\n{}\n", p.outcome_url);
}

std::string german_time(platform::TimePoint t, const std::string& zone) {
  const auto* tz = date::locate_zone(zone.empty() ? "Europe/Berlin" : zone);
  const auto local = date::floor<std::chrono::minutes>(tz->to_local(t));
  const auto day = date::floor<date::days>(local);
  const auto weekday = date::weekday{day}.iso_encoding() - 1;
  return fmt::format("{} {}, {} Uhr", kGermanWeekdays[weekday], date::format("%d.%m.%Y", day),
                     date::format("%H:%M", local));
}

CalendarEvent calendar_event_of(const Appointment& a, const AppointmentParties& p, std::int64_t stamp) {
  CalendarEvent event;
  event.uid = fmt::format("appointment-{}@{}", a.id, p.mail_host.empty() ? "termintreu.invalid" : p.mail_host);
  event.sequence = a.sequence;
  event.starts = a.starts_at;
  event.ends = a.ends_at;
  event.time_zone = a.time_zone;
  event.summary = summary_of(a, p);
  event.description = details(a, p);
  event.location = a.location;
  event.organizer = {p.agent_email, p.agent_name.empty() ? p.client_name : p.agent_name};
  if (!p.rep_email.empty()) event.attendees.push_back({p.rep_email, p.rep_name});
  if (!p.person_email.empty()) event.attendees.push_back({p.person_email, p.person_name});
  event.stamp = platform::from_micros(stamp);
  event.cancelled = a.state == "cancelled";
  return event;
}

platform::Result<std::vector<OutboxMail>> invitation_mails(const Appointment& a, const AppointmentParties& p,
                                                           std::int64_t now) {
  std::vector<OutboxMail> out;
  const CalendarEvent event = calendar_event_of(a, p, now);
  if (event.attendees.empty() || !platform::mail::plain_address(p.agent_email)) return out;
  const bool cancelled = a.state == "cancelled";
  const auto method = cancelled ? CalendarMethod::cancel : CalendarMethod::request;
  TT_TRY(calendar, invitation_text(event, method));
  const std::string when = german_time(a.starts_at, a.time_zone);
  const std::string what = cancelled ? "Abgesagt" : a.sequence > 0 ? "Geändert" : "Bestätigung";
  const std::string with = p.company_name.empty() ? p.person_name : p.company_name;
  if (!p.person_email.empty()) {
    std::string body =
        cancelled ? fmt::format("Guten Tag {},\n\nder folgende Termin mit {} findet nicht statt:\n\n{}", p.person_name,
                                p.client_name, details(a, p))
                  : fmt::format(
                        "Guten Tag {},\n\nvielen Dank für das Gespräch. Wir bestätigen Ihren Termin "
                        "mit {}:\n\n{}\nDie Einladung liegt bei; Sie können sie in Ihren Kalender "
                        "übernehmen.\n{}\nMit freundlichen Grüßen\n{}\n{}",
                        p.person_name, p.client_name, details(a, p), person_links(p), p.agent_name, p.client_name);
    out.push_back(mail_to(a, p, p.person_email, fmt::format("{}: Termin mit {} am {}", what, p.client_name, when),
                          std::move(body), method, *calendar, now));
  }
  if (!p.rep_email.empty()) {
    std::string body = fmt::format("Hallo {},\n\n{}:\n\n{}\nGebucht von {} ({}).", p.rep_name,
                                   cancelled        ? "dieser Termin wurde abgesagt"
                                   : a.sequence > 0 ? "dieser Termin wurde geändert"
                                                    : "für Sie wurde ein Termin vereinbart",
                                   details(a, p), p.agent_name, p.agent_email);
    if (!cancelled) body += rep_link(p);
    out.push_back(mail_to(a, p, p.rep_email, fmt::format("{}: {} am {}", what, with, when), std::move(body), method,
                          *calendar, now));
  }
  return out;
}

std::vector<OutboxMail> reminder_mails(const Appointment& a, const AppointmentParties& p, std::int64_t now) {
  std::vector<OutboxMail> out;
  if (!platform::mail::plain_address(p.agent_email)) return out;
  const std::string when = german_time(a.starts_at, a.time_zone);
  const std::string soon = how_soon(platform::from_micros(now), a.starts_at, a.time_zone);
  if (!p.person_email.empty()) {
    std::string body = fmt::format("Guten Tag {},\n\nwir erinnern Sie an Ihren Termin mit {} ({}):\n\n{}",
                                   p.person_name, p.client_name, soon, details(a, p));
    if (a.state != "confirmed") body += person_links(p);
    body += fmt::format("\nMit freundlichen Grüßen\n{}\n{}", p.agent_name, p.client_name);
    out.push_back(mail_to(a, p, p.person_email, fmt::format("Erinnerung: Termin mit {} am {}", p.client_name, when),
                          std::move(body), std::nullopt, {}, now));
  }
  if (!p.rep_email.empty()) {
    const std::string with = p.company_name.empty() ? p.person_name : p.company_name;
    std::string body = fmt::format("Hallo {},\n\nIhr Termin {}:\n\n{}\nBestätigt vom Gesprächspartner: {}.", p.rep_name,
                                   soon, details(a, p), a.state == "confirmed" ? "ja" : "noch nicht");
    body += rep_link(p);
    out.push_back(mail_to(a, p, p.rep_email, fmt::format("Erinnerung: {} am {}", with, when), std::move(body),
                          std::nullopt, {}, now));
  }
  return out;
}

}  // namespace termintreu::appointments
