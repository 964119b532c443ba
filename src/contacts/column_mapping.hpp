#pragma once
// Which column of an imported contact list fills which field: suggested from the header row, corrected by the
// project manager in the import preview.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace termintreu::contacts {

enum class ContactField {
  ignore,
  company_name,
  company_industry,
  company_size,
  company_website,
  street,
  postal_code,
  city,
  state,  // Bundesland, Kanton
  country,
  salutation,
  title,      // academic: Dr., Prof.
  first_name,
  last_name,
  full_name,  // one "Ansprechpartner" column, split later
  function,   // Position, Funktion, job title
  level,      // Hierarchieebene
  phone,
  mobile,
  email,
  notes,
  external_id,
  legal_basis_reason,
};

// The stable id used in the API and in saved mappings: "company_name", …, "ignore".
std::string_view to_string(ContactField field);
std::optional<ContactField> contact_field_from_string(std::string_view id);

// A header reduced for matching: lower case, ä ö ü → ae oe ue, ß → ss, other accents dropped (é → e), and
// everything but letters and digits removed: "E-Mail-Adresse" → "emailadresse", "Straße / Nr." → "strassenr".
std::string normalize_header(std::string_view header);

// One target per column, from the spellings German and English exports use (and Swiss French ones). Rules:
//  - Each field is used at most once. A known spelling beats the same spelling with a number ("Telefon" beats
//    "Telefon 2"), which beats a header merely containing a key word ("Telefon Zentrale"); among equals the
//    leftmost column wins. A second phone column is ignored, not taken as mobile: a landline in the mobile field
//    would be wrong data, and the preview lets a person choose.
//  - "Name" means the last name when a first-name column exists, otherwise the full name, otherwise (when an
//    "Ansprechpartner" column has that) the company.
//  - "Title" means the job title (as in Salesforce and HubSpot) unless a job-title column exists; "Titel" is the
//    academic title.
//  - Fax columns and unknown headers are ignored.
std::vector<ContactField> suggest_mapping(const std::vector<std::string>& headers);

}  // namespace termintreu::contacts
