#pragma once
// The block list as users work it: an objection by person (one click from the contact), by phone number or by
// e-mail address, honoured at once across every client and campaign of the agency and for good.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/block_list_store.hpp"
#include "contacts/blocking.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

// Exactly one of person_id, phone, email.
struct BlockRequest {
  std::optional<std::int64_t> person_id;
  std::optional<std::string> phone;
  std::optional<std::string> email;
  std::string country;  // how to read a phone without a country code; empty: DE
  std::string reason;
};

struct BlockResult {
  int entries_added = 0;
  std::vector<std::int64_t> persons_blocked;
};

class BlockService {
 public:
  BlockService(platform::db::Database& database, const platform::Clock& clock);

  platform::Result<BlockResult> block(const identity::Principal& actor, const BlockRequest& request,
                                      const identity::RequestMeta& meta);
  std::vector<block_list_store::Entry> list(const identity::Principal& actor, int limit, int offset);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
};

}  // namespace termintreu::contacts
