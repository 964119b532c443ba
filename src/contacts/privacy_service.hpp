#pragma once
// Data subject requests and what answers them: the request list with its deadlines, the export of everything
// stored about a person (Art. 15) and its erasure (Art. 17), which keeps only the hashed block-list entries, the
// consent records the law requires (UWG §7a, five years) and the call log's attempts (without their notes).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contacts/contact_export.hpp"
#include "contacts/privacy_request.hpp"
#include "identity/actor.hpp"
#include "platform/clock.hpp"
#include "platform/db/database.hpp"
#include "platform/error.hpp"

namespace termintreu::contacts {

struct NewPrivacyRequest {
  std::string kind;
  std::string subject;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> received_at;  // default: now
  std::string note;
};

class PrivacyService {
 public:
  PrivacyService(platform::db::Database& database, const platform::Clock& clock);

  platform::Result<PrivacyRequest> create(const identity::Principal& actor, const NewPrivacyRequest& request,
                                          const identity::RequestMeta& meta);
  std::vector<PrivacyRequest> list(const identity::Principal& actor, int limit, int offset);
  // Closes an open request as done or rejected, with a note.
  platform::Result<PrivacyRequest> close(const identity::Principal& actor, std::int64_t id, const std::string& state,
                                         const std::string& note, const identity::RequestMeta& meta);

  platform::Result<ContactExport> export_person(const identity::Principal& actor, std::int64_t person_id,
                                                const identity::RequestMeta& meta);
  // Blocks first (hashes), then blanks the personal fields and deletes the numbers and the call notes; open erasure
  // requests of the person are marked done.
  platform::Result<void> erase(const identity::Principal& actor, std::int64_t person_id,
                               const identity::RequestMeta& meta);

  std::int64_t now() const { return platform::to_micros(clock_.now()); }

 private:
  platform::db::Database& database_;
  const platform::Clock& clock_;
};

}  // namespace termintreu::contacts
