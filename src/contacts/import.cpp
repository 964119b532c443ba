#include "contacts/import.hpp"

namespace termintreu::contacts {

std::string_view to_string(DuplicatePolicy policy) {
  return policy == DuplicatePolicy::merge ? "merge" : "skip";
}

std::optional<DuplicatePolicy> duplicate_policy_from_string(std::string_view text) {
  if (text == "skip") return DuplicatePolicy::skip;
  if (text == "merge") return DuplicatePolicy::merge;
  return std::nullopt;
}

std::string_view to_string(ImportState state) {
  switch (state) {
    case ImportState::uploaded: return "uploaded";
    case ImportState::running: return "running";
    case ImportState::done: return "done";
    case ImportState::failed: return "failed";
  }
  return "failed";
}

std::optional<ImportState> import_state_from_string(std::string_view text) {
  for (auto state : {ImportState::uploaded, ImportState::running, ImportState::done, ImportState::failed}) {
    if (to_string(state) == text) return state;
  }
  return std::nullopt;
}

}  // namespace termintreu::contacts
