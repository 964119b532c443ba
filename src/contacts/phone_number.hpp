#pragma once
// Phone numbers as people type them, turned into E.164 with their country and kind (all number rules are
// libphonenumber's). A number's time zone: platform::principal_time_zone of its region.
#include <optional>
#include <string>
#include <string_view>

#include "platform/error.hpp"

namespace termintreu::contacts {

// libphonenumber's number types. fixed_or_mobile: the country's numbering does not tell them apart (US, CA).
enum class PhoneType {
  fixed,
  mobile,
  fixed_or_mobile,
  toll_free,
  premium,
  shared_cost,
  voip,
  personal,
  pager,
  uan,
  voicemail,
  unknown,
};

// The enumerator's name ("fixed", "fixed_or_mobile", …), as stored.
std::string_view to_string(PhoneType type);

struct PhoneNumber {
  std::string e164;    // "+49301234567"
  std::string region;  // ISO 3166 alpha-2 of the number ("DE"); "001" for non-geographic ones such as +800
  PhoneType type = PhoneType::unknown;
};

// Parses a number as typed: national ("030 1234567", "(030) 12 34 56 7") or international ("+49 (0)30 / 123 45-67",
// "0049 89 / 12 34 56-0"), optionally as "tel:…". A number without a country code is read as one of
// `default_region` (ISO alpha-2, the campaign's country; may be empty). Refuses (ErrorCode::invalid, `field`) what
// is empty, no phone number, too short or long, not a valid number of its country, contains letters (libphonenumber
// would read them as keypad digits, so "030 1234567 (Zentrale)" would become another number) or has an extension
// (a dialler cannot dial it).
// Safe to call from several threads at once; costs about 25 µs (a libphonenumber parse), see the .cpp.
platform::Result<PhoneNumber> normalise_phone(std::string_view text, std::string_view default_region,
                                              std::string_view field = "phone");

}  // namespace termintreu::contacts
