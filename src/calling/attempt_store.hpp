#pragma once
// SQL of the call log: call_attempts (append-only: the database refuses UPDATE and DELETE) and their notes in
// call_notes (deleted when the person is erased). Every query takes the agency.
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "calling/call_attempt.hpp"
#include "calling/call_log.hpp"

namespace termintreu::calling::attempt_store {

// Appends `attempt` to its campaign's chain. Call it inside a transaction the caller has opened: it locks the
// chain until that transaction ends, then sets seq, prev_hash, note_sha256 and hash from the chain's head and
// inserts the attempt and its note. The caller gives everything else, recorded_at included. Sets and returns the id.
// The campaign must belong to attempt.agency_id, and corrects_seq (if set) must name an earlier entry of its chain
// (std::invalid_argument otherwise: a caller's mistake, nothing is written).
std::int64_t append(soci::session& sql, CallAttempt& attempt);

// One attempt of the agency with its note.
std::optional<CallAttempt> find(soci::session& sql, std::int64_t agency_id, std::int64_t attempt_id);
// The lead's attempts with their notes ('' once erased), newest first.
std::vector<CallAttempt> of_lead(soci::session& sql, std::int64_t agency_id, std::int64_t lead_id);
// The campaign's chain in seq order from after_seq + 1, at most `limit` entries, without notes.
std::vector<CallAttempt> of_campaign(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                     std::int64_t after_seq, int limit);
// One page of the campaign's log for people (newest first, notes and names included) and how many entries match
// the filter in all.
std::vector<CallLogEntry> log_page(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                   const CallLogFilter& filter, int offset, int limit);
std::int64_t log_count(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                       const CallLogFilter& filter);
// Everyone who recorded an entry of the campaign (agents, and supervisors through corrections), by name.
std::vector<CallLogAgent> log_agents(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id);
// The seq of the latest entry correcting entry `seq` of the campaign, if any.
std::optional<std::int64_t> corrected_by(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id,
                                         std::int64_t seq);
// Takes the campaign chain's lock (as append does) until the transaction ends, for a check that must see the chain
// as the following append will. Taking it again in the same transaction is harmless.
void hold_chain(soci::session& sql, std::int64_t agency_id, std::int64_t campaign_id);
// Deletes the notes of the person's attempts (erasure); the attempts stay, and so does the chain, which holds only
// the notes' hashes. Returns how many notes went.
std::int64_t erase_notes(soci::session& sql, std::int64_t agency_id, std::int64_t person_id);

struct Chain {
  std::int64_t agency_id = 0;
  std::int64_t campaign_id = 0;
};
// Every campaign of every agency in id order, or only `campaign_id` (none when it does not exist). For the
// operator's command line, which acts for no single tenant; everything else goes through an agency.
std::vector<Chain> chains_for_operator(soci::session& sql, std::optional<std::int64_t> campaign_id);

}  // namespace termintreu::calling::attempt_store
