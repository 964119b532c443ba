#include "contacts/column_mapping.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "contacts/match_keys.hpp"

namespace termintreu::contacts {

namespace {

struct FieldName {
  ContactField field;
  std::string_view id;
};

constexpr std::array<FieldName, 23> kFieldNames{{
    {ContactField::ignore, "ignore"},
    {ContactField::company_name, "company_name"},
    {ContactField::company_industry, "company_industry"},
    {ContactField::company_size, "company_size"},
    {ContactField::company_website, "company_website"},
    {ContactField::street, "street"},
    {ContactField::postal_code, "postal_code"},
    {ContactField::city, "city"},
    {ContactField::state, "state"},
    {ContactField::country, "country"},
    {ContactField::salutation, "salutation"},
    {ContactField::title, "title"},
    {ContactField::first_name, "first_name"},
    {ContactField::last_name, "last_name"},
    {ContactField::full_name, "full_name"},
    {ContactField::function, "function"},
    {ContactField::level, "level"},
    {ContactField::phone, "phone"},
    {ContactField::mobile, "mobile"},
    {ContactField::email, "email"},
    {ContactField::notes, "notes"},
    {ContactField::external_id, "external_id"},
    {ContactField::legal_basis_reason, "legal_basis_reason"},
}};

// What a header may be matched to before the rules about "Name" and "Title" are applied.
enum class Target {
  field,
  name,           // "Name": last name, full name or company, depending on the other columns
  english_title,  // "Title": job title or academic title, depending on the other columns
  fax,            // never imported
};

struct Spelling {
  std::string_view normalized;
  Target target;
  ContactField field;
};

constexpr Spelling F(std::string_view normalized, ContactField field) { return {normalized, Target::field, field}; }

// Known spellings, as normalize_header leaves them (German, English, Swiss French).
constexpr std::array kSpellings{
    F("firma", ContactField::company_name), F("firmenname", ContactField::company_name),
    F("unternehmen", ContactField::company_name), F("unternehmensname", ContactField::company_name),
    F("company", ContactField::company_name), F("companyname", ContactField::company_name),
    F("organisation", ContactField::company_name), F("organization", ContactField::company_name),
    F("account", ContactField::company_name), F("accountname", ContactField::company_name),
    F("entreprise", ContactField::company_name), F("societe", ContactField::company_name),
    F("raisonsociale", ContactField::company_name),
    F("branche", ContactField::company_industry), F("industry", ContactField::company_industry),
    F("sector", ContactField::company_industry), F("secteur", ContactField::company_industry),
    F("wirtschaftszweig", ContactField::company_industry),
    F("mitarbeiter", ContactField::company_size), F("mitarbeiterzahl", ContactField::company_size),
    F("anzahlmitarbeiter", ContactField::company_size), F("unternehmensgroesse", ContactField::company_size),
    F("firmengroesse", ContactField::company_size), F("groesse", ContactField::company_size),
    F("employees", ContactField::company_size), F("numberofemployees", ContactField::company_size),
    F("companysize", ContactField::company_size), F("effectif", ContactField::company_size),
    F("website", ContactField::company_website), F("webseite", ContactField::company_website),
    F("homepage", ContactField::company_website), F("internet", ContactField::company_website),
    F("url", ContactField::company_website), F("www", ContactField::company_website),
    F("web", ContactField::company_website), F("siteweb", ContactField::company_website),
    F("strasse", ContactField::street), F("str", ContactField::street), F("strassenr", ContactField::street),
    F("strassehausnummer", ContactField::street), F("strasseundhausnummer", ContactField::street),
    F("adresse", ContactField::street), F("anschrift", ContactField::street), F("street", ContactField::street),
    F("streetaddress", ContactField::street), F("address", ContactField::street),
    F("addressline", ContactField::street), F("rue", ContactField::street),
    F("plz", ContactField::postal_code), F("postleitzahl", ContactField::postal_code),
    F("zip", ContactField::postal_code), F("zipcode", ContactField::postal_code),
    F("postalcode", ContactField::postal_code), F("postcode", ContactField::postal_code),
    F("npa", ContactField::postal_code), F("codepostal", ContactField::postal_code),
    F("ort", ContactField::city), F("stadt", ContactField::city), F("city", ContactField::city),
    F("town", ContactField::city), F("ville", ContactField::city), F("localite", ContactField::city),
    F("bundesland", ContactField::state), F("kanton", ContactField::state), F("state", ContactField::state),
    F("region", ContactField::state), F("province", ContactField::state), F("canton", ContactField::state),
    F("land", ContactField::country), F("country", ContactField::country), F("pays", ContactField::country),
    F("anrede", ContactField::salutation), F("salutation", ContactField::salutation),
    F("civilite", ContactField::salutation),
    F("titel", ContactField::title), F("akademischertitel", ContactField::title),
    F("akadtitel", ContactField::title), F("academictitle", ContactField::title),
    F("vorname", ContactField::first_name), F("firstname", ContactField::first_name),
    F("givenname", ContactField::first_name), F("prenom", ContactField::first_name),
    F("nachname", ContactField::last_name), F("familienname", ContactField::last_name),
    F("lastname", ContactField::last_name), F("surname", ContactField::last_name),
    F("familyname", ContactField::last_name), F("nom", ContactField::last_name),
    F("ansprechpartner", ContactField::full_name), F("kontaktperson", ContactField::full_name),
    F("kontakt", ContactField::full_name), F("contact", ContactField::full_name),
    F("contactname", ContactField::full_name), F("contactperson", ContactField::full_name),
    F("fullname", ContactField::full_name), F("vollername", ContactField::full_name),
    F("interlocuteur", ContactField::full_name),
    F("position", ContactField::function), F("funktion", ContactField::function),
    F("jobtitle", ContactField::function), F("job", ContactField::function),
    F("berufsbezeichnung", ContactField::function), F("stellenbezeichnung", ContactField::function),
    F("rolle", ContactField::function), F("role", ContactField::function), F("fonction", ContactField::function),
    F("poste", ContactField::function),
    F("hierarchieebene", ContactField::level), F("ebene", ContactField::level),
    F("hierarchie", ContactField::level), F("level", ContactField::level),
    F("managementlevel", ContactField::level), F("seniority", ContactField::level),
    F("telefon", ContactField::phone), F("tel", ContactField::phone), F("telefonnummer", ContactField::phone),
    F("rufnummer", ContactField::phone), F("festnetz", ContactField::phone), F("phone", ContactField::phone),
    F("phonenumber", ContactField::phone), F("telephone", ContactField::phone),
    F("businessphone", ContactField::phone), F("workphone", ContactField::phone),
    F("mobil", ContactField::mobile), F("mobiltelefon", ContactField::mobile), F("handy", ContactField::mobile),
    F("mobilnummer", ContactField::mobile), F("mobile", ContactField::mobile),
    F("mobilephone", ContactField::mobile), F("cell", ContactField::mobile), F("cellphone", ContactField::mobile),
    F("natel", ContactField::mobile), F("portable", ContactField::mobile),
    F("email", ContactField::email), F("emailadresse", ContactField::email), F("mail", ContactField::email),
    F("emailaddress", ContactField::email), F("courriel", ContactField::email),
    F("notizen", ContactField::notes), F("notiz", ContactField::notes), F("bemerkung", ContactField::notes),
    F("bemerkungen", ContactField::notes), F("kommentar", ContactField::notes), F("notes", ContactField::notes),
    F("note", ContactField::notes), F("comment", ContactField::notes), F("comments", ContactField::notes),
    F("remarques", ContactField::notes),
    F("id", ContactField::external_id), F("externeid", ContactField::external_id),
    F("externalid", ContactField::external_id), F("kundennummer", ContactField::external_id),
    F("kundennr", ContactField::external_id), F("datensatzid", ContactField::external_id),
    F("recordid", ContactField::external_id), F("crmid", ContactField::external_id),
    F("rechtsgrundlage", ContactField::legal_basis_reason), F("legalbasis", ContactField::legal_basis_reason),
    F("legalbasisreason", ContactField::legal_basis_reason),
    Spelling{"name", Target::name, ContactField::ignore},
    Spelling{"title", Target::english_title, ContactField::ignore},
    Spelling{"fax", Target::fax, ContactField::ignore}, Spelling{"telefax", Target::fax, ContactField::ignore},
    Spelling{"faxnummer", Target::fax, ContactField::ignore},
};

// Key words found inside longer headers ("Telefon Zentrale", "E-Mail Ansprechpartner"), in the order they are
// tried: fax first (a "Fax Telefon" column is still a fax), then the specific fields before the general ones, so
// "Vorname Ansprechpartner" is a first name and "Telefon Ansprechpartner" a phone, not a full name.
constexpr std::array kKeyWords{
    Spelling{"fax", Target::fax, ContactField::ignore},
    F("email", ContactField::email), F("mobil", ContactField::mobile), F("handy", ContactField::mobile),
    F("mobile", ContactField::mobile), F("telefon", ContactField::phone), F("phone", ContactField::phone),
    F("rufnummer", ContactField::phone), F("vorname", ContactField::first_name),
    F("firstname", ContactField::first_name), F("nachname", ContactField::last_name),
    F("lastname", ContactField::last_name), F("postleitzahl", ContactField::postal_code),
    F("strasse", ContactField::street), F("website", ContactField::company_website),
    F("branche", ContactField::company_industry), F("mitarbeiter", ContactField::company_size),
    F("bundesland", ContactField::state), F("anrede", ContactField::salutation),
    F("position", ContactField::function), F("funktion", ContactField::function),
    F("jobtitle", ContactField::function), F("hierarchie", ContactField::level),
    F("bemerkung", ContactField::notes), F("notiz", ContactField::notes),
    F("firmenname", ContactField::company_name), F("firma", ContactField::company_name),
    F("company", ContactField::company_name), F("unternehmen", ContactField::company_name),
    F("ansprechpartner", ContactField::full_name),
};

enum class Tier { exact = 0, numbered = 1, contains = 2, none = 3 };

struct Candidate {
  Target target = Target::field;
  ContactField field = ContactField::ignore;
  Tier tier = Tier::none;
};

std::optional<Spelling> exact_spelling(std::string_view normalized) {
  for (const auto& spelling : kSpellings) {
    if (spelling.normalized == normalized) return spelling;
  }
  return std::nullopt;
}

Candidate candidate_for(const std::string& header) {
  const std::string normalized = normalize_header(header);
  if (normalized.empty()) return {};
  if (auto spelling = exact_spelling(normalized)) return {spelling->target, spelling->field, Tier::exact};
  // "Telefon 2", "E-Mail1": a known spelling followed by a number.
  const auto digits_from = normalized.find_last_not_of("0123456789") + 1;
  if (digits_from > 0 && digits_from < normalized.size()) {
    if (auto spelling = exact_spelling(std::string_view(normalized).substr(0, digits_from))) {
      return {spelling->target, spelling->field, Tier::numbered};
    }
  }
  for (const auto& word : kKeyWords) {
    if (normalized.find(word.normalized) != std::string::npos) return {word.target, word.field, Tier::contains};
  }
  return {};
}

}  // namespace

std::string_view to_string(ContactField field) {
  for (const auto& name : kFieldNames) {
    if (name.field == field) return name.id;
  }
  return "ignore";
}

std::optional<ContactField> contact_field_from_string(std::string_view id) {
  for (const auto& name : kFieldNames) {
    if (name.id == id) return name.field;
  }
  return std::nullopt;
}

std::string normalize_header(std::string_view header) {
  std::string folded = fold_text(header);
  std::erase(folded, ' ');
  return folded;
}

std::vector<ContactField> suggest_mapping(const std::vector<std::string>& headers) {
  std::vector<Candidate> candidates;
  candidates.reserve(headers.size());
  for (const auto& header : headers) candidates.push_back(candidate_for(header));

  const auto has_field = [&](ContactField field) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
      return c.target == Target::field && c.field == field;
    });
  };
  const bool has_first_name = has_field(ContactField::first_name);
  const bool has_full_name = has_field(ContactField::full_name);
  const bool has_job_title = has_field(ContactField::function);
  for (auto& candidate : candidates) {
    if (candidate.target == Target::name) {
      candidate.field = has_first_name  ? ContactField::last_name
                        : has_full_name ? ContactField::company_name
                                        : ContactField::full_name;
    } else if (candidate.target == Target::english_title) {
      candidate.field = has_job_title ? ContactField::title : ContactField::function;
    } else if (candidate.target == Target::fax) {
      candidate.field = ContactField::ignore;
    }
  }

  // For each field, the best column: lowest tier, then leftmost.
  std::vector<ContactField> mapping(headers.size(), ContactField::ignore);
  for (const auto& name : kFieldNames) {
    if (name.field == ContactField::ignore) continue;
    std::size_t best = headers.size();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].field != name.field || candidates[i].tier == Tier::none) continue;
      if (best == headers.size() || candidates[i].tier < candidates[best].tier) best = i;
    }
    if (best != headers.size()) mapping[best] = name.field;
  }
  return mapping;
}

}  // namespace termintreu::contacts
