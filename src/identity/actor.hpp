#pragma once
// Who did something and from where: what every audit entry records.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "identity/audit_log.hpp"
#include "identity/permissions.hpp"

namespace termintreu::identity {

struct RequestMeta {
  std::string ip;
  std::string user_agent;
  std::string request_id;
};

inline audit_log::Entry audit_entry(const Principal& actor, const RequestMeta& meta, std::int64_t at,
                                    std::string action, std::string target_type,
                                    std::optional<std::int64_t> target_id,
                                    nlohmann::json details = nlohmann::json::object()) {
  audit_log::Entry entry;
  entry.agency_id = actor.agency_id;
  entry.at = at;
  entry.actor_user_id = actor.user_id;
  entry.actor_token_id = actor.token_id;
  entry.action = std::move(action);
  entry.target_type = std::move(target_type);
  entry.target_id = target_id;
  entry.ip = meta.ip;
  entry.request_id = meta.request_id;
  entry.details = std::move(details);
  return entry;
}

// The operator at the command line: acts as an admin of the agency, recorded as "cli" in the audit log.
inline Principal command_line_actor(std::int64_t agency_id) {
  Principal p;
  p.agency_id = agency_id;
  p.role = Role::admin;
  p.name = "command line";
  return p;
}

}  // namespace termintreu::identity
