#include "identity/model.hpp"

#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::identity {

using platform::iso8601_or_null;

nlohmann::json to_json(const Agency& agency) { return {{"id", agency.id}, {"name", agency.name}}; }

nlohmann::json to_json(const Client& client) {
  return {{"id", client.id},           {"name", client.name},         {"industry", client.industry},
          {"city", client.city},       {"country", client.country}, {"archived", client.archived}, {"campaign_count", client.campaign_count}};
}

nlohmann::json to_json(const User& user) {
  nlohmann::json out = {{"id", user.id},
                        {"email", user.email},
                        {"name", user.name},
                        {"role", to_string(user.role)},
                        {"client_id", nullptr},
                        {"client_name", nullptr},
                        {"active", user.active},
                        {"locale", user.locale},
                        {"created_at", iso8601_or_null(user.created_at)},
                        {"updated_at", iso8601_or_null(user.updated_at)}};
  if (user.client_id) out["client_id"] = *user.client_id;
  if (user.client_name) out["client_name"] = *user.client_name;
  return out;
}

nlohmann::json to_json(const ApiToken& token) {
  nlohmann::json out = {{"id", token.id},
                        {"name", token.name},
                        {"role", to_string(token.role)},
                        {"client_id", nullptr},
                        {"created_by", token.created_by},
                        {"created_at", iso8601_or_null(token.created_at)},
                        {"last_used_at", iso8601_or_null(token.last_used_at)},
                        {"expires_at", iso8601_or_null(token.expires_at)},
                        {"revoked_at", iso8601_or_null(token.revoked_at)}};
  if (token.client_id) out["client_id"] = *token.client_id;
  return out;
}

}  // namespace termintreu::identity
