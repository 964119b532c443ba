#pragma once
// A data subject request (DSGVO Art. 15 access, 17 erasure, 21 objection) and its SQL (table privacy_requests).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <soci/soci.h>

namespace termintreu::contacts {

constexpr std::string_view kPrivacyKinds[] = {"access", "erasure", "objection"};
constexpr std::string_view kPrivacyStates[] = {"open", "done", "rejected"};

struct PrivacyRequest {
  std::int64_t id = 0;
  std::int64_t agency_id = 0;
  std::optional<std::int64_t> person_id;
  std::string subject;  // who asked, as they named themselves (the person may be unknown or erased)
  std::string kind;
  std::string state = "open";
  std::int64_t received_at = 0;
  std::int64_t due_at = 0;
  std::optional<std::int64_t> done_at;
  std::optional<std::int64_t> handled_by;
  std::string note;
  std::optional<std::int64_t> created_by;
  std::int64_t created_at = 0;
};

// `now` decides the overdue flag: open and past its due time.
nlohmann::json to_json(const PrivacyRequest& request, std::int64_t now);

}  // namespace termintreu::contacts

namespace termintreu::contacts::privacy_store {

std::int64_t insert(soci::session& sql, const PrivacyRequest& request);
std::optional<PrivacyRequest> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// Open ones first, each group by due time.
std::vector<PrivacyRequest> list(soci::session& sql, std::int64_t agency_id, int limit, int offset);
std::vector<PrivacyRequest> of_person(soci::session& sql, std::int64_t agency_id, std::int64_t person_id);
void close(soci::session& sql, const PrivacyRequest& request);

}  // namespace termintreu::contacts::privacy_store
