#include "appointments/appointment_parties.hpp"

#include "appointments/appointment_links.hpp"
#include "campaigns/campaign_store.hpp"
#include "campaigns/rep_store.hpp"
#include "contacts/contact_store.hpp"
#include "identity/user_store.hpp"
#include "platform/mail/mail_message.hpp"
#include "platform/mail/outbox_store.hpp"
#include "platform/signing_key_store.hpp"

namespace termintreu::appointments {
namespace {

std::string person_name(const contacts::Person& person) {
  std::string out;
  for (const auto* part : {&person.title, &person.first_name, &person.last_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string plain_or_empty(const std::string& address) {
  return platform::mail::plain_address(address) ? address : std::string();
}

}  // namespace

AppointmentParties parties_of(soci::session& sql, const Appointment& a, const MailSite& site) {
  AppointmentParties parties;
  parties.mail_host = site.host;
  if (a.id != 0) {
    const auto key = platform::signing_key_store::key(sql, kLinkKey, a.updated_at);
    parties.confirm_url = link_url(site, key, a, LinkAction::confirm);
    parties.change_url = link_url(site, key, a, LinkAction::change);
    parties.outcome_url = link_url(site, key, a, LinkAction::outcome);
  }
  if (const auto campaign = campaigns::campaign_store::find(sql, a.agency_id, a.campaign_id)) {
    parties.client_name = campaign->client_name;
  }
  if (const auto person = contacts::contact_store::find_person(sql, a.agency_id, a.person_id)) {
    parties.person_name = person_name(*person);
    if (!person->erased_at) parties.person_email = plain_or_empty(person->email);
    if (person->company_id) {
      if (const auto company = contacts::contact_store::find_company(sql, a.agency_id, *person->company_id)) {
        parties.company_name = company->name;
      }
    }
  }
  if (const auto rep = campaigns::rep_store::find(sql, a.agency_id, a.rep_id)) {
    parties.rep_name = rep->name;
    parties.rep_email = plain_or_empty(rep->email);
  }
  if (const auto agent = identity::user_store::find(sql, a.agency_id, a.booked_by)) {
    parties.agent_name = agent->name;
    parties.agent_email = agent->email;
  }
  return parties;
}

platform::Result<std::size_t> queue_invitations(soci::session& sql, const Appointment& appointment,
                                                const AppointmentParties& parties, std::int64_t now) {
  TT_TRY(mails, invitation_mails(appointment, parties, now));
  for (const auto& mail : *mails) platform::mail::outbox_store::enqueue(sql, mail);
  return mails->size();
}

}  // namespace termintreu::appointments
