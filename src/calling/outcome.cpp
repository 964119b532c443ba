#include "calling/outcome.hpp"

#include <array>

namespace termintreu::calling {

namespace {

constexpr std::array kOutcomes{
    OutcomeKind{"no_answer", LeadEffect::retry, "no_answer", false, false, false},
    OutcomeKind{"busy", LeadEffect::retry, "busy", false, false, false},
    OutcomeKind{"voicemail", LeadEffect::retry, "voicemail", false, false, false},
    OutcomeKind{"gatekeeper", LeadEffect::retry, "gatekeeper", false, false, false},
    OutcomeKind{"decision_maker", LeadEffect::retry, "callback_general", true, false, false},
    OutcomeKind{"wrong_person", LeadEffect::invalid, "", false, false, false},
    OutcomeKind{"wrong_number", LeadEffect::invalid, "", false, false, false},
    OutcomeKind{"appointment", LeadEffect::appointment, "", true, false, false},
    OutcomeKind{"callback", LeadEffect::callback, "", true, false, true},
    OutcomeKind{"info_mail", LeadEffect::retry, "info_mail", true, false, false},
    OutcomeKind{"not_interested", LeadEffect::not_interested, "", true, true, false},
    OutcomeKind{"objection", LeadEffect::blocked, "", true, false, false},
};

}  // namespace

std::span<const OutcomeKind> outcome_kinds() { return kOutcomes; }

const OutcomeKind* find_outcome(std::string_view name) {
  for (const auto& kind : kOutcomes) {
    if (kind.name == name) return &kind;
  }
  return nullptr;
}

std::string_view lead_state_after(LeadEffect effect) {
  switch (effect) {
    case LeadEffect::retry: return "in_progress";
    case LeadEffect::callback: return "callback_due";
    case LeadEffect::appointment: return "appointment";
    case LeadEffect::not_interested: return "not_interested";
    case LeadEffect::invalid: return "invalid";
    case LeadEffect::blocked: return "blocked";
  }
  return "in_progress";
}

}  // namespace termintreu::calling
