#pragma once
// The block list's keys. An objection is stored only as keyed hashes of what identifies the person – each phone
// number (E.164), the e-mail address (email_key) and the company-and-name key (person_key) – so an erased person
// leaves nothing readable behind, yet a later import or manual entry of the same data is still refused.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace termintreu::contacts {

enum class BlockKind { phone, email, name };

std::string_view to_string(BlockKind kind);
std::optional<BlockKind> block_kind_from_string(std::string_view text);

// SHA-256 (hex) over the agency, the kind and the already normalised value (E.164, email_key or person_key).
// The agency is part of the hash so one agency's list says nothing about another's.
std::string block_hash(std::int64_t agency_id, BlockKind kind, std::string_view normalised_value);

}  // namespace termintreu::contacts
