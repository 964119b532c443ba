#include "contacts/block_list.hpp"

#include <fmt/format.h>

#include "platform/crypto.hpp"

namespace termintreu::contacts {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::phone: return "phone";
    case BlockKind::email: return "email";
    case BlockKind::name: return "name";
  }
  return "phone";
}

std::optional<BlockKind> block_kind_from_string(std::string_view text) {
  if (text == "phone") return BlockKind::phone;
  if (text == "email") return BlockKind::email;
  if (text == "name") return BlockKind::name;
  return std::nullopt;
}

std::string block_hash(std::int64_t agency_id, BlockKind kind, std::string_view normalised_value) {
  return platform::crypto::sha256_hex(fmt::format("termintreu-block/{}/{}/{}", agency_id, to_string(kind),
                                                  normalised_value));
}

}  // namespace termintreu::contacts
