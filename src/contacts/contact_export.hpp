#pragma once
// Everything stored about one person (DSGVO Art. 15), as JSON for machines and as a readable HTML page.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "contacts/consent_chain.hpp"
#include "contacts/contact.hpp"
#include "contacts/privacy_request.hpp"
#include "identity/audit_log.hpp"

namespace termintreu::contacts {

struct ContactExport {
  Person person;
  std::optional<Company> company;
  std::vector<Phone> phones;
  std::vector<Lead> leads;
  std::vector<ConsentRecord> consents;
  std::vector<identity::audit_log::Entry> audit;
  std::vector<PrivacyRequest> privacy_requests;
  std::int64_t exported_at = 0;
};

nlohmann::json to_json(const ContactExport& data);
// A self-contained page (inline style, no scripts); every stored value is HTML-escaped.
std::string to_html(const ContactExport& data);

std::string html_escape(std::string_view text);

}  // namespace termintreu::contacts
