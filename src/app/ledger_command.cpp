// `termintreu ledger verify`: every campaign's call log checked (or one campaign's), the first broken entry of each
// printed.
#include <iostream>

#include <fmt/format.h>

#include "app/application.hpp"
#include "app/commands.hpp"
#include "calling/attempt_store.hpp"
#include "calling/ledger_service.hpp"
#include "platform/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/log.hpp"

namespace termintreu::app {

int command_ledger_verify(const Config& config, std::optional<long long> campaign_id) {
  platform::init_logging(config.log_level);
  platform::crypto::initialise();
  Application app(config);
  platform::db::migrate(app.database(), app.clock());
  auto lease = app.database().session();
  const auto chains = calling::attempt_store::chains_for_operator(
      *lease, campaign_id ? std::optional<std::int64_t>(*campaign_id) : std::nullopt);
  if (campaign_id && chains.empty()) {
    std::cerr << "termintreu: --campaign: no campaign " << *campaign_id << "\n";
    return 2;
  }
  int broken = 0;
  for (const auto& chain : chains) {
    const auto check = calling::verify_campaign_ledger(*lease, chain.agency_id, chain.campaign_id);
    if (check.ok) {
      std::cout << fmt::format("campaign {}: OK, {} entries, head {}\n", chain.campaign_id, check.checked, check.head);
      continue;
    }
    ++broken;
    std::cout << fmt::format(
        "campaign {}: BROKEN at seq {} (entry {} of the chain): {} ({}); {} entries intact before it\n",
        chain.campaign_id, check.broken->seq, check.broken->position, check.broken->problem,
        calling::describe_problem(check.broken->problem), check.checked);
  }
  if (broken > 0) std::cout << fmt::format("{} of {} campaigns have a broken call log\n", broken, chains.size());
  return broken > 0 ? 1 : 0;
}

}  // namespace termintreu::app
