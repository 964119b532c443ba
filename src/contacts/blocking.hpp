#pragma once
// Honouring an objection inside the caller's transaction: the block-list entries (hashes only) and, at once, every
// person of the agency – in any client and campaign – who matches one of the blocked values is marked blocked and
// all its leads leave every queue (state 'blocked'). Also the check that refuses new persons and leads whose
// number, e-mail or name is blocked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "contacts/block_list.hpp"
#include "contacts/contact.hpp"

namespace termintreu::contacts {

// One normalised value that identifies a person: E.164, email_key or person_key.
struct BlockKey {
  BlockKind kind;
  std::string value;
  std::string field;  // the input field it came from, for refusals ("phones[1].number", "email", "last_name")
};

// Every key of a person: its numbers, its e-mail key (when it has one) and its name key (when it has a company).
std::vector<BlockKey> block_keys(const Person& person, const std::vector<Phone>& phones);

// The first key on the agency's block list.
std::optional<BlockKey> first_blocked(soci::session& sql, std::int64_t agency_id, const std::vector<BlockKey>& keys);

struct BlockOutcome {
  int entries_added = 0;
  std::vector<std::int64_t> persons_blocked;  // every person the keys reached
};

// Adds the keys' hashes to the block list and blocks every person and lead they reach.
BlockOutcome block(soci::session& sql, std::int64_t agency_id, const std::vector<BlockKey>& keys,
                   const std::string& reason, std::optional<std::int64_t> created_by, std::int64_t now);

// Blocks the person itself (also when it has no key to hash) and everyone its keys reach.
BlockOutcome block_person(soci::session& sql, std::int64_t agency_id, const Person& person,
                          const std::vector<Phone>& phones, const std::string& reason,
                          std::optional<std::int64_t> created_by, std::int64_t now);

// "+49 30 ••• 67" / "a•••@example.de": a hint for messages that never shows the whole value.
std::string masked(const BlockKey& key);

}  // namespace termintreu::contacts
