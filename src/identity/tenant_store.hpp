#pragma once
// SQL for the tenants: agencies and their clients.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "identity/model.hpp"

namespace termintreu::identity::tenant_store {

std::int64_t insert_agency(soci::session& sql, const std::string& name, std::int64_t now);
std::optional<Agency> find_agency(soci::session& sql, std::int64_t id);
std::optional<Agency> find_agency_by_name(soci::session& sql, const std::string& name);
std::int64_t count_agencies(soci::session& sql);

struct NewClient {
  std::int64_t agency_id = 0;
  std::string name;
  std::string industry;
  std::string city;
  std::string country = "DE";
};
std::int64_t insert_client(soci::session& sql, const NewClient& client, std::int64_t now);
std::optional<Client> find_client(soci::session& sql, std::int64_t agency_id, std::int64_t id);
bool client_name_taken(soci::session& sql, std::int64_t agency_id, const std::string& name, std::int64_t except_id = 0);
// Writes name, industry, city, country and the archived flag.
void update_client(soci::session& sql, const Client& client, std::int64_t now);
// All clients of the agency, or only `only_client` when given (client-bound principals).
std::vector<Client> list_clients(soci::session& sql, std::int64_t agency_id, std::optional<std::int64_t> only_client);

}  // namespace termintreu::identity::tenant_store
