#pragma once
#include "calling/ledger_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::calling {

// A campaign's call log: its download (/api/campaigns/{id}/ledger), its check (…/ledger/verify) and its entries to
// read page by page (…/attempts), for the agency's supervision and for the campaign's client.
void add_ledger_routes(identity::Guard& guard, LedgerService& ledger);

}  // namespace termintreu::calling
