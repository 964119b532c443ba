#pragma once
// Documented consent and its withdrawal (UWG §7a), recorded per person and chained per agency; the chain's check
// and its export for an authority.
#include <cstdint>
#include <string>
#include <vector>

#include "contacts/consent_chain.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

// What the user enters; the service adds the person, the recorder, the time and the chain.
struct ConsentInput {
  std::string kind;
  std::string given_by;
  std::string beneficiary;
  std::string purpose;
  std::int64_t given_at = 0;
  std::string channel;
  std::string evidence;
};

class ConsentService {
 public:
  ConsentService(platform::db::Database& database, const platform::Clock& clock);

  // Appends the record; a consent makes it the person's legal basis (when it had none), a withdrawal ends a
  // consent basis.
  platform::Result<ConsentRecord> record(const identity::Principal& actor, std::int64_t person_id,
                                         const ConsentInput& input, const identity::RequestMeta& meta);
  ChainCheck verify(const identity::Principal& actor);
  // The whole chain in order, for an authority.
  std::vector<ConsentRecord> chain(const identity::Principal& actor);

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
};

}  // namespace termintreu::contacts
