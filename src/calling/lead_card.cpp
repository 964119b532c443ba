#include "calling/lead_card.hpp"

#include <nlohmann/json.hpp>

#include "calling/attempt_store.hpp"
#include "calling/callback_store.hpp"
#include "calling/escalation_store.hpp"
#include "calling/info_mail.hpp"
#include "calling/queue_store.hpp"
#include "campaigns/campaign_store.hpp"
#include "contacts/contact_store.hpp"
#include "platform/mail/outbox_store.hpp"
#include "platform/time_text.hpp"

namespace termintreu::calling {

using platform::ErrorCode;
using platform::fail;

namespace {

nlohmann::json local_time(const Area& area, platform::TimePoint now) {
  const date::time_zone* zone = local_zone(area);
  if (zone == nullptr) return nullptr;
  const auto local = zone->to_local(std::chrono::floor<std::chrono::minutes>(now));
  return date::format("%Y-%m-%dT%H:%M", local);
}

}  // namespace

platform::Result<nlohmann::json> lead_card(soci::session& sql, const identity::Principal& viewer, std::int64_t lead_id,
                                           platform::TimePoint now) {
  const auto lead = queue_store::find_lead(sql, viewer.agency_id, lead_id);
  if (!lead) return fail(ErrorCode::not_found, "no such lead");
  const bool holder = viewer.user_id && lead->leased_by == viewer.user_id;
  // Besides its holder and supervision: second level, which calls the person back about an escalated question.
  if (!holder && !identity::role_has(viewer.role, identity::Permission::supervision_view) &&
      !(viewer.user_id && escalation_store::escalated_to(sql, viewer.agency_id, lead->id, *viewer.user_id))) {
    return fail(ErrorCode::not_found, "no such lead");
  }
  const auto person = contacts::contact_store::find_person(sql, viewer.agency_id, lead->person_id);
  const auto campaign = campaigns::campaign_store::find(sql, viewer.agency_id, lead->campaign_id);
  if (!person || !campaign) return fail(ErrorCode::not_found, "no such lead");

  nlohmann::json card;
  card["lead"] = {{"id", lead->id},
                  {"campaign_id", lead->campaign_id},
                  {"state", lead->state},
                  {"attempts", lead->attempts},
                  {"lease_until", platform::iso8601_or_null(lead->lease_until)}};
  card["person"] = contacts::to_json(*person);
  card["company"] = nullptr;
  if (person->company_id) {
    if (const auto company = contacts::contact_store::find_company(sql, viewer.agency_id, *person->company_id)) {
      card["company"] = contacts::to_json(*company);
    }
  }
  nlohmann::json phones = nlohmann::json::array();
  for (const auto& phone : contacts::contact_store::phones(sql, viewer.agency_id, person->id)) {
    phones.push_back(contacts::to_json(phone));
  }
  card["phones"] = std::move(phones);
  nlohmann::json attempts = nlohmann::json::array();
  for (const auto& attempt : attempt_store::of_lead(sql, viewer.agency_id, lead->id)) attempts.push_back(to_json(attempt));
  card["attempts"] = std::move(attempts);
  nlohmann::json callbacks = nlohmann::json::array();
  for (const auto& callback : callback_store::of_lead(sql, viewer.agency_id, lead->id)) {
    callbacks.push_back(to_json(callback));
  }
  card["callbacks"] = std::move(callbacks);
  nlohmann::json mails = nlohmann::json::array();
  for (const auto& mail : platform::mail::outbox_store::of_lead(sql, viewer.agency_id, lead->id)) {
    mails.push_back(platform::mail::outbox_store::to_json(mail));
  }
  card["mails"] = std::move(mails);
  nlohmann::json escalations = nlohmann::json::array();
  for (const auto& escalation : escalation_store::of_lead(sql, viewer.agency_id, lead->id)) {
    escalations.push_back(to_json(escalation, now));
  }
  card["escalations"] = std::move(escalations);
  // What the info mail outcome would send now, so the agent sees it before promising it.
  const auto info_mail = compose_info_mail(sql, viewer.agency_id, lead->id, *person, *campaign,
                                           viewer.user_id.value_or(0), "", platform::to_micros(now));
  card["info_mail"] = info_mail ? nlohmann::json{{"to", info_mail->to_address},
                                                 {"subject", info_mail->subject},
                                                 {"body", info_mail->body},
                                                 {"problem", nullptr}}
                                : nlohmann::json{{"to", person->email},
                                                 {"subject", nullptr},
                                                 {"body", nullptr},
                                                 {"problem", {{"field", info_mail.error().field},
                                                              {"message", info_mail.error().message}}}};
  const auto briefing = campaigns::campaign_store::current_briefing(sql, campaign->id);
  card["campaign"] = {{"id", campaign->id},
                      {"name", campaign->name},
                      {"client_name", campaign->client_name},
                      {"caller_id", campaign->caller_id ? nlohmann::json(*campaign->caller_id) : nullptr},
                      {"script", campaigns::to_json(campaign->script)},
                      {"briefing", briefing ? campaigns::to_json(*briefing) : nlohmann::json(nullptr)}};
  card["local_time"] = nullptr;
  card["time_zone"] = person->time_zone;
  if (lead->area_id) {
    if (const auto area = queue_store::find_area(sql, *lead->area_id)) card["local_time"] = local_time(*area, now);
  }
  return card;
}

}  // namespace termintreu::calling
