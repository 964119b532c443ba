#include "calling/ledger_service.hpp"

#include "calling/attempt_store.hpp"
#include "campaigns/campaign_store.hpp"

namespace termintreu::calling {

using identity::Principal;
using platform::ErrorCode;
using platform::fail;
using platform::Result;

namespace {

// Calls `visit` with each entry of the chain in seq order, a page at a time, until it returns false.
template <class Visit>
void walk_chain(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, int page_size, Visit&& visit) {
  std::int64_t after = 0;
  for (;;) {
    const auto page = attempt_store::of_campaign(sql, agency_id, campaign_id, after, page_size);
    for (const auto& attempt : page) {
      if (!visit(attempt)) return;
    }
    if (page.size() < static_cast<std::size_t>(page_size)) return;
    after = page.back().seq;
  }
}

}  // namespace

LedgerCheck verify_campaign_ledger(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                   int page_size) {
  LedgerVerifier verifier;
  walk_chain(sql, agency_id, campaign_id, page_size, [&](const CallAttempt& attempt) { return verifier.add(attempt); });
  return verifier.result();
}

std::string campaign_ledger_text(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id, int page_size) {
  std::string out;
  walk_chain(sql, agency_id, campaign_id, page_size, [&](const CallAttempt& attempt) {
    append_ledger_line(out, attempt);
    return true;
  });
  return out;
}

std::string_view describe_problem(std::string_view problem) {
  if (problem == "prev_hash") return "it does not follow the entry before it: an entry was removed, inserted or moved";
  if (problem == "seq") return "its seq is not the previous seq + 1";
  if (problem == "hash") return "its content does not match its hash: the entry was changed";
  return "unknown problem";
}

LedgerService::LedgerService(platform::db::Database& database) : database_(database) {}

Result<void> LedgerService::check_visible(soci::session& sql, const Principal& actor, std::int64_t campaign_id) {
  const auto campaign = campaigns::campaign_store::find(sql, actor.agency_id, campaign_id);
  if (!campaign || !identity::can_see_client(actor, campaign->client_id)) {
    return fail(ErrorCode::not_found, "no such campaign", "id");
  }
  return {};
}

Result<std::string> LedgerService::download(const Principal& actor, std::int64_t campaign_id) {
  auto lease = database_.session();
  TT_TRY(visible, check_visible(*lease, actor, campaign_id));
  return campaign_ledger_text(*lease, actor.agency_id, campaign_id);
}

Result<LedgerCheck> LedgerService::verify(const Principal& actor, std::int64_t campaign_id) {
  auto lease = database_.session();
  TT_TRY(visible, check_visible(*lease, actor, campaign_id));
  return verify_campaign_ledger(*lease, actor.agency_id, campaign_id);
}

Result<CallLogPage> LedgerService::log(const Principal& actor, std::int64_t campaign_id, const CallLogQuery& query) {
  auto lease = database_.session();
  TT_TRY(visible, check_visible(*lease, actor, campaign_id));
  CallLogPage page;
  page.limit = query.limit;
  page.offset = query.offset;
  page.entries = attempt_store::log_page(*lease, actor.agency_id, campaign_id, query.filter, query.offset, query.limit);
  // A short page that is not past the end is the last one: it tells the total without counting.
  const auto got = static_cast<std::int64_t>(page.entries.size());
  const bool last = got < query.limit && (got > 0 || query.offset == 0);
  page.total = last ? query.offset + got : attempt_store::log_count(*lease, actor.agency_id, campaign_id, query.filter);
  page.agents = attempt_store::log_agents(*lease, actor.agency_id, campaign_id);
  return page;
}

}  // namespace termintreu::calling
