#pragma once
// Live-event topics are per tenant: an agency's, and a client's for the client portal.
#include <cstdint>
#include <string>

namespace termintreu::identity {

inline std::string agency_topic(std::int64_t agency_id) { return "agency:" + std::to_string(agency_id); }
inline std::string client_topic(std::int64_t client_id) { return "client:" + std::to_string(client_id); }

}  // namespace termintreu::identity
