#include "contacts/column_mapping.hpp"

#include <gtest/gtest.h>

namespace termintreu::contacts {
namespace {

using F = ContactField;

TEST(NormalizeHeader, FoldsAndKeepsOnlyLettersAndDigits) {
  const std::pair<const char*, const char*> table[] = {
      {"E-Mail-Adresse", "emailadresse"}, {"Straße / Nr.", "strassenr"}, {"  Télé phone ", "telephone"},
      {"Größe", "groesse"},               {"Telefon 2", "telefon2"},     {"", ""},
  };
  for (const auto& [in, out] : table) EXPECT_EQ(normalize_header(in), out) << in;
}

TEST(ContactFieldIds, RoundTrip) {
  for (int i = 0; i <= static_cast<int>(F::legal_basis_reason); ++i) {
    const auto field = static_cast<F>(i);
    EXPECT_EQ(contact_field_from_string(to_string(field)), field) << to_string(field);
  }
  EXPECT_EQ(contact_field_from_string("nonsense"), std::nullopt);
}

struct MappingCase {
  const char* why;
  std::vector<std::string> headers;
  std::vector<F> expected;
};

TEST(SuggestMapping, FollowsTheDocumentedRules) {
  const MappingCase table[] = {
      {"a typical German Excel export",
       {"Firma", "Anrede", "Titel", "Vorname", "Nachname", "Position", "Straße", "PLZ", "Ort", "Telefon", "E-Mail"},
       {F::company_name, F::salutation, F::title, F::first_name, F::last_name, F::function, F::street,
        F::postal_code, F::city, F::phone, F::email}},
      {"an English CRM export",
       {"Company", "First Name", "Last Name", "Job Title", "Title", "Phone", "Mobile Phone", "Email", "Industry",
        "Website", "Zip Code", "City", "Country", "Notes", "ID"},
       {F::company_name, F::first_name, F::last_name, F::function, F::title, F::phone, F::mobile, F::email,
        F::company_industry, F::company_website, F::postal_code, F::city, F::country, F::notes, F::external_id}},
      {"Title alone is the job title (Salesforce, HubSpot)",
       {"Company", "Name", "Title"},
       {F::company_name, F::full_name, F::function}},
      {"Swiss French spellings",
       {"Entreprise", "Civilité", "Prénom", "Nom", "Fonction", "NPA", "Localité", "Canton", "Téléphone", "Natel",
        "Courriel"},
       {F::company_name, F::salutation, F::first_name, F::last_name, F::function, F::postal_code, F::city, F::state,
        F::phone, F::mobile, F::email}},
      {"a known spelling beats a numbered one, which beats a key word; a second phone is not the mobile",
       {"Telefon Zentrale", "Telefon 2", "Telefon", "Telefon 3"},
       {F::ignore, F::ignore, F::phone, F::ignore}},
      {"a numbered spelling beats a key word",
       {"Telefon Zentrale", "Telefon 1"},
       {F::ignore, F::phone}},
      {"among equals the leftmost wins",
       {"E-Mail", "Email"},
       {F::email, F::ignore}},
      {"a header merely containing a key word",
       {"Firmenname (offiziell)", "Telefon Zentrale", "E-Mail Ansprechpartner", "Vorname Ansprechpartner"},
       {F::company_name, F::phone, F::email, F::first_name}},
      {"Name with a first-name column is the last name",
       {"Vorname", "Name"},
       {F::first_name, F::last_name}},
      {"Name without one is the full name",
       {"Firma", "Name"},
       {F::company_name, F::full_name}},
      {"Name beside an Ansprechpartner column is the company",
       {"Name", "Ansprechpartner", "Telefon"},
       {F::company_name, F::full_name, F::phone}},
      {"fax columns and unknown headers are ignored",
       {"Fax", "Telefax", "Faxnummer", "Fax Telefon", "Lieblingsfarbe", ""},
       {F::ignore, F::ignore, F::ignore, F::ignore, F::ignore, F::ignore}},
      {"the remaining German spellings",
       {"Unternehmen", "Branche", "Mitarbeiterzahl", "Homepage", "Bundesland", "Land", "Hierarchieebene", "Handy",
        "Bemerkung", "Kundennummer", "Rechtsgrundlage", "Ansprechpartner"},
       {F::company_name, F::company_industry, F::company_size, F::company_website, F::state, F::country, F::level,
        F::mobile, F::notes, F::external_id, F::legal_basis_reason, F::full_name}},
  };
  for (const auto& test : table) {
    EXPECT_EQ(suggest_mapping(test.headers), test.expected) << test.why;
  }
}

}  // namespace
}  // namespace termintreu::contacts
