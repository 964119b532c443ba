#include "calling/info_mail.hpp"

#include <map>

#include "contacts/contact_store.hpp"
#include "identity/credential_rules.hpp"
#include "identity/user_store.hpp"
#include "platform/mail/mail_message.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::fail;
using platform::mail::outbox_store::OutboxMail;

namespace {

std::string joined(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += ' ';
    out += part;
  }
  return out;
}

}  // namespace

platform::Result<OutboxMail> compose_info_mail(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id,
                                               const contacts::Person& person, const campaigns::Campaign& campaign,
                                               std::int64_t agent_id, const std::string& address, std::int64_t now) {
  if (campaign.info_mail.empty()) {
    return fail(ErrorCode::invalid, "needs an info mail template in the campaign, which this one has not", "outcome");
  }
  std::string to = person.email;
  if (!address.empty()) {
    TT_TRY(normalised, identity::normalise_email(address, "email"));
    to = *normalised;
  }
  if (to.empty()) return fail(ErrorCode::invalid, "is required: the person has no e-mail address", "email");
  if (!platform::mail::plain_address(to)) return fail(ErrorCode::invalid, "is not a usable e-mail address", "email");

  const auto agent = identity::user_store::find(sql, agency_id, agent_id);
  std::string company;
  if (person.company_id) {
    if (const auto found = contacts::contact_store::find_company(sql, agency_id, *person.company_id)) company = found->name;
  }
  const std::string full_name = joined({person.title, person.first_name, person.last_name});
  const std::map<std::string, std::string, std::less<>> values = {
      {"salutation", person.salutation.empty() ? full_name : joined({person.salutation, person.title, person.last_name})},
      {"first_name", person.first_name},
      {"last_name", person.last_name},
      {"full_name", full_name},
      {"company", company},
      {"campaign", campaign.name},
      {"client", campaign.client_name},
      {"agent", agent ? agent->name : std::string()},
      {"agent_email", agent ? agent->email : std::string()},
  };

  OutboxMail mail;
  mail.agency_id = agency_id;
  mail.lead_id = lead_id;
  mail.kind = "info_mail";
  mail.to_address = to;
  mail.from_name = campaign.client_name;
  mail.reply_to = agent ? agent->email : std::string();
  mail.subject = campaigns::merge_fields(campaign.info_mail.subject, values);
  mail.body = campaigns::merge_fields(campaign.info_mail.body, values);
  mail.next_try_at = now;
  mail.created_at = now;
  return mail;
}

}  // namespace termintreu::calling
