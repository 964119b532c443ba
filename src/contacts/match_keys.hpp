#pragma once
// The keys by which two records are taken to be the same company or person: used by the import (duplicates within
// the file and against stored data), by manual entry and by the block list. Stored in the *_key columns.
#include <string>
#include <string_view>

namespace termintreu::contacts {

// Text folded for comparison: lower case, ä ö ü → ae oe ue, ß → ss, other Latin accents dropped (é → e),
// every run of characters that are neither letters nor digits turned into one space, trimmed.
// "Müller-Lüdenscheidt  GmbH" → "mueller luedenscheidt gmbh". Characters outside Latin-1 Supplement and Latin
// Extended-A are kept as they are (lower-cased only when ASCII).
std::string fold_text(std::string_view text);

// A company name without its legal form, folded: "Kessler Industrietechnik GmbH & Co. KG" and
// "kessler industrietechnik" give the same key. Empty when nothing is left.
std::string company_key(std::string_view name);

// Company key and the person's folded first and last name ("kessler industrietechnik|anna|berg"); empty when the
// person has no last name (a name alone is too weak to call two records the same).
std::string person_key(std::string_view company_key, std::string_view first_name, std::string_view last_name);

// An e-mail address compared ignoring case and surrounding spaces; empty for an empty address.
std::string email_key(std::string_view email);

}  // namespace termintreu::contacts
