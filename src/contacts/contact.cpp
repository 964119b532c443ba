#include "contacts/contact.hpp"

#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::contacts {

std::string display_name(const Person& person) {
  std::string out = person.title;
  for (const auto* part : {&person.first_name, &person.last_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

nlohmann::json to_json(const Company& c) {
  return {{"id", c.id},           {"client_id", c.client_id}, {"name", c.name},
          {"industry", c.industry}, {"size", c.size},         {"website", c.website},
          {"street", c.street},   {"postal_code", c.postal_code}, {"city", c.city},
          {"state", c.state},     {"country", c.country}};
}

nlohmann::json to_json(const Phone& p) {
  return {{"id", p.id}, {"kind", p.kind}, {"e164", p.e164}, {"type", p.number_type}, {"region", p.region}};
}

nlohmann::json to_json(const Person& p) {
  return {{"id", p.id},
          {"client_id", p.client_id},
          {"company_id", p.company_id ? nlohmann::json(*p.company_id) : nlohmann::json(nullptr)},
          {"salutation", p.salutation},
          {"title", p.title},
          {"first_name", p.first_name},
          {"last_name", p.last_name},
          {"function", p.function},
          {"level", p.level},
          {"email", p.email},
          {"time_zone", p.time_zone},
          {"legal_basis", p.legal_basis},
          {"legal_basis_reason", p.legal_basis_reason},
          {"notes", p.notes},
          {"external_id", p.external_id},
          {"blocked", p.blocked_at.has_value()},
          {"blocked_at", platform::iso8601_or_null(p.blocked_at)},
          {"erased_at", platform::iso8601_or_null(p.erased_at)},
          {"created_at", platform::iso8601_or_null(p.created_at)},
          {"updated_at", platform::iso8601_or_null(p.updated_at)}};
}

nlohmann::json to_json(const Lead& l) {
  return {{"id", l.id},
          {"campaign_id", l.campaign_id},
          {"campaign_name", l.campaign_name},
          {"client_id", l.client_id},
          {"person_id", l.person_id},
          {"state", l.state},
          {"priority", l.priority},
          {"created_at", platform::iso8601_or_null(l.created_at)},
          {"updated_at", platform::iso8601_or_null(l.updated_at)}};
}

nlohmann::json to_json(const PersonSummary& s) {
  return {{"id", s.id},
          {"client_id", s.client_id},
          {"first_name", s.first_name},
          {"last_name", s.last_name},
          {"company_name", s.company_name},
          {"function", s.function},
          {"email", s.email},
          {"phone", s.phone},
          {"blocked", s.blocked}};
}

}  // namespace termintreu::contacts
