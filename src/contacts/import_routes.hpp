#pragma once
// HTTP ↔ ImportService: upload, preview, run, progress, history and the rejects report.
#include "contacts/import_service.hpp"
#include "identity/guard.hpp"

namespace termintreu::contacts {

// The largest file an upload route takes (a million rows of a wide export fit several times).
inline constexpr std::size_t kMaxImportFileBytes = std::size_t{1} << 30;

void add_import_routes(identity::Guard& guard, ImportService& imports);

}  // namespace termintreu::contacts
