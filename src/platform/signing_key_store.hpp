#pragma once
// The installation's secret keys, one per purpose ("links": the signed links in mails), made on first use and kept
// in the database, so that every server of a scale-out signs and checks with the same key.
#include <cstdint>
#include <string>
#include <string_view>

#include <soci/soci.h>

namespace termintreu::platform::signing_key_store {

// The key named `name`; made (32 random bytes) the first time it is asked for.
std::string key(soci::session& sql, std::string_view name, std::int64_t now);

}  // namespace termintreu::platform::signing_key_store
