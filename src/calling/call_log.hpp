#pragma once
// The call log as people read it (GET /api/campaigns/{id}/attempts): a campaign's attempts newest first, a page at a
// time, with who called whom, and for a corrected entry the later entry that corrected it. The chain itself (hashes,
// the download, its check) is call_ledger.hpp; this is the same entries for supervisors and the campaign's client.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "calling/call_attempt.hpp"
#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace termintreu::calling {

// Every field narrows the list; none set: the whole log.
struct CallLogFilter {
  std::optional<std::int64_t> agent_id;
  std::optional<std::string> outcome;
  std::optional<std::int64_t> seq;  // one entry by its place in the chain (as the download numbers it)
  std::int64_t from = std::numeric_limits<std::int64_t>::min();   // started_at >= from (µs since the epoch)
  std::int64_t until = std::numeric_limits<std::int64_t>::max();  // started_at < until
};

struct CallLogQuery {
  CallLogFilter filter;
  int limit = 50;
  int offset = 0;
};

constexpr int kCallLogMaxLimit = 200;
constexpr int kCallLogMaxOffset = 10'000'000;

// The query parameters agent_id, outcome, seq, from, to (ISO 8601 UTC; from inclusive, to exclusive), limit (1–200,
// default 50) and offset. Invalid input names its parameter; an unknown outcome is invalid, not an empty list.
platform::Result<CallLogQuery> call_log_query_from(const platform::http::Request& request);

struct CallLogEntry {
  CallAttempt attempt;  // with its note ('' once the person was erased)
  std::string agent_name;
  std::string person_name;                       // '' once the person was erased
  std::string company_name;                      // '' when none
  std::optional<std::int64_t> corrected_by_seq;  // the latest entry whose corrects_seq names this one
};

struct CallLogAgent {
  std::int64_t id = 0;
  std::string name;
};

struct CallLogPage {
  std::vector<CallLogEntry> entries;
  std::int64_t total = 0;  // entries matching the filter, on all pages
  int limit = 0;
  int offset = 0;
  // Everyone with an entry in the campaign's log, by name, whatever the filter: the agent filter's choices.
  std::vector<CallLogAgent> agents;
};

nlohmann::json to_json(const CallLogEntry& entry);
nlohmann::json to_json(const CallLogPage& page);

}  // namespace termintreu::calling
