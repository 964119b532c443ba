#pragma once
// A campaign's call log for whoever may see the campaign, its client included: the chain as a download that can be
// checked offline (docs/call-ledger.md), its check on the server, and its entries page by page to read.
#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "calling/call_ledger.hpp"
#include "calling/call_log.hpp"
#include "identity/permissions.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::calling {

// Walk the chain page by page, so a campaign with many attempts never sits in memory as structs all at once.
// (The operator's command line uses these directly; the routes go through LedgerService.)
constexpr int kLedgerPageSize = 5000;
LedgerCheck verify_campaign_ledger(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                   int page_size = kLedgerPageSize);
// The download: one line `<hash> <payload>` per entry, in seq order.
std::string campaign_ledger_text(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                 int page_size = kLedgerPageSize);
// What a LedgerBreak's problem means, in words for people.
std::string_view describe_problem(std::string_view problem);

class LedgerService {
 public:
  explicit LedgerService(platform::db::Database& database);

  // not_found (field "id") for a campaign of another agency or of a client the actor may not see.
  platform::Result<std::string> download(const identity::Principal& actor, std::int64_t campaign_id);
  platform::Result<LedgerCheck> verify(const identity::Principal& actor, std::int64_t campaign_id);
  // One page of the log for people, newest first, with the total matching the query's filter.
  platform::Result<CallLogPage> log(const identity::Principal& actor, std::int64_t campaign_id,
                                    const CallLogQuery& query);

 private:
  platform::Result<void> check_visible(soci::session& sql, const identity::Principal& actor, std::int64_t campaign_id);

  platform::db::Database& database_;
};

}  // namespace termintreu::calling
