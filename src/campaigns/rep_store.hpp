#pragma once
// SQL for a client's field reps.
#include <cstdint>
#include <optional>
#include <vector>

#include <soci/soci.h>

#include "campaigns/rep.hpp"

namespace termintreu::campaigns::rep_store {

std::int64_t insert(soci::session& sql, const Rep& rep, std::int64_t now);
void update(soci::session& sql, const Rep& rep);
std::optional<Rep> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
std::vector<Rep> of_client(soci::session& sql, std::int64_t agency_id, std::int64_t client_id);

}  // namespace termintreu::campaigns::rep_store
