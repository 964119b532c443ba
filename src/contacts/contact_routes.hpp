#pragma once
#include "contacts/block_service.hpp"
#include "contacts/consent_service.hpp"
#include "contacts/contact_service.hpp"
#include "contacts/privacy_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::contacts {

// Contacts (/api/contacts…: search, create, edit, detail) and a campaign's leads (/api/campaigns/{id}/leads).
void add_contact_routes(identity::Guard& guard, ContactService& contacts);
// The block list (/api/block-list) and the one-click block of a contact (/api/contacts/{id}/block).
void add_block_routes(identity::Guard& guard, BlockService& blocks);
// Consent records (/api/contacts/{id}/consents) and their chain (/api/consents/verify, /api/consents/export).
void add_consent_routes(identity::Guard& guard, ConsentService& consents);
// Privacy requests (/api/privacy-requests…), a contact's export and erasure.
void add_privacy_routes(identity::Guard& guard, PrivacyService& privacy);

// limit (1–200, default 50) and offset (default 0) from the query.
platform::Result<Page> read_page(const platform::http::Request& request);

}  // namespace termintreu::contacts
