#pragma once
// SQL for a client's field reps.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "campaigns/rep.hpp"

namespace termintreu::campaigns::rep_store {

std::int64_t insert(soci::session& sql, const Rep& rep, std::int64_t now);
void update(soci::session& sql, const Rep& rep);
std::optional<Rep> find(soci::session& sql, std::int64_t agency_id, std::int64_t id);
std::vector<Rep> of_client(soci::session& sql, std::int64_t agency_id, std::int64_t client_id);
// Active reps of every agency that publish a calendar (calendar_url set), for the periodic import.
std::vector<Rep> with_calendar_url(soci::session& sql);
// Holds the rep's calendar until the transaction ends, so two bookings cannot both find the same time free
// (PostgreSQL: a row lock; SQLite: its writers take turns anyway). False when the rep is not the agency's.
bool lock_calendar(soci::session& sql, std::int64_t agency_id, std::int64_t id);
// The feed URL's secret is kept as its SHA-256 only; the feed finds its rep by id and that hash.
void set_feed_token_hash(soci::session& sql, std::int64_t agency_id, std::int64_t id, const std::string& hash);
std::optional<Rep> find_by_feed_token_hash(soci::session& sql, std::int64_t id, const std::string& hash);

}  // namespace termintreu::campaigns::rep_store
