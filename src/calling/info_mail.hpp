#pragma once
// The info mail an agent promises in a call: the campaign's template merged for the called person, addressed to
// the person's e-mail (or one the person gave in the call), from the campaign's client, replies to the agent.
// Queued in the outbox inside the call's transaction; the outbox sender does the rest.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "campaigns/campaign.hpp"
#include "contacts/contact.hpp"
#include "platform/error.hpp"
#include "platform/mail/outbox_store.hpp"

namespace termintreu::calling {

// The mail for `person` in `campaign`, written by `agent_id`; `address` empty: the person's stored e-mail.
// Fails naming "email" when there is no usable address, "outcome" when the campaign has no info mail.
platform::Result<platform::mail::outbox_store::OutboxMail> compose_info_mail(
    soci::session& sql, std::int64_t agency_id, std::int64_t lead_id, const contacts::Person& person,
    const campaigns::Campaign& campaign, std::int64_t agent_id, const std::string& address, std::int64_t now);

}  // namespace termintreu::calling
