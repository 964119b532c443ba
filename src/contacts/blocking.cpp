#include "contacts/blocking.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "contacts/block_list_store.hpp"
#include "contacts/contact_store.hpp"

namespace termintreu::contacts {

std::vector<BlockKey> block_keys(const Person& person, const std::vector<Phone>& phones) {
  std::vector<BlockKey> keys;
  for (std::size_t i = 0; i < phones.size(); ++i) {
    keys.push_back({BlockKind::phone, phones[i].e164, fmt::format("phones[{}].number", i)});
  }
  if (!person.email_key.empty()) keys.push_back({BlockKind::email, person.email_key, "email"});
  // A name without its company is too weak a key: it would block every namesake in the agency.
  if (!person.name_key.empty() && person.name_key.front() != '|') {
    keys.push_back({BlockKind::name, person.name_key, "last_name"});
  }
  return keys;
}

std::optional<BlockKey> first_blocked(soci::session& sql, std::int64_t agency_id, const std::vector<BlockKey>& keys) {
  for (const auto& key : keys) {
    if (block_list_store::contains(sql, agency_id, block_hash(agency_id, key.kind, key.value))) return key;
  }
  return std::nullopt;
}

BlockOutcome block(soci::session& sql, std::int64_t agency_id, const std::vector<BlockKey>& keys,
                   const std::string& reason, std::optional<std::int64_t> created_by, std::int64_t now) {
  BlockOutcome outcome;
  std::set<std::int64_t> reached;
  for (const auto& key : keys) {
    if (block_list_store::add(sql, agency_id, key.kind, block_hash(agency_id, key.kind, key.value), reason,
                              created_by, now)) {
      ++outcome.entries_added;
    }
    std::vector<std::int64_t> persons;
    switch (key.kind) {
      case BlockKind::phone: persons = contact_store::persons_with_phone(sql, agency_id, key.value); break;
      case BlockKind::email: persons = contact_store::persons_with_email_key(sql, agency_id, key.value); break;
      case BlockKind::name: persons = contact_store::persons_with_name_key(sql, agency_id, key.value); break;
    }
    reached.insert(persons.begin(), persons.end());
  }
  for (const auto person_id : reached) contact_store::set_blocked(sql, agency_id, person_id, now);
  outcome.persons_blocked.assign(reached.begin(), reached.end());
  return outcome;
}

BlockOutcome block_person(soci::session& sql, std::int64_t agency_id, const Person& person,
                          const std::vector<Phone>& phones, const std::string& reason,
                          std::optional<std::int64_t> created_by, std::int64_t now) {
  auto outcome = block(sql, agency_id, block_keys(person, phones), reason, created_by, now);
  contact_store::set_blocked(sql, agency_id, person.id, now);
  if (std::find(outcome.persons_blocked.begin(), outcome.persons_blocked.end(), person.id) ==
      outcome.persons_blocked.end()) {
    outcome.persons_blocked.push_back(person.id);
  }
  return outcome;
}

std::string masked(const BlockKey& key) {
  const std::string bullet = "\u2022\u2022\u2022";
  switch (key.kind) {
    case BlockKind::phone:
      if (key.value.size() < 7) return bullet;
      return key.value.substr(0, 5) + " " + bullet + " " + key.value.substr(key.value.size() - 2);
    case BlockKind::email: {
      const auto at = key.value.find('@');
      if (at == std::string::npos || at == 0) return bullet;
      return key.value.substr(0, 1) + bullet + key.value.substr(at);
    }
    case BlockKind::name: return bullet;
  }
  return bullet;
}

}  // namespace termintreu::contacts
