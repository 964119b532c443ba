#include "contacts/phone_number.hpp"

#include <phonenumbers/phonenumberutil.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <stdexcept>

namespace termintreu::contacts {

using platform::ErrorCode;
namespace pn = i18n::phonenumbers;

namespace {

// libphonenumber refuses longer input too; checking first spares copying a stray multi-kilobyte cell.
constexpr std::size_t kMaxTextLength = 250;
constexpr std::string_view kTelPrefix = "tel:";

// Thread safety: one PhoneNumberUtil may serve any number of threads at once. GetInstance() builds the singleton
// under pthread_once, and the const methods used here share only the compiled-regex cache, which a mutex guards
// (each match builds its own ICU RegexMatcher). That holds for Debian's build: libphonenumber.so imports
// pthread_once and pthread_mutex_*, i.e. the POSIX singleton and lock, not the "unsafe" fallbacks; upstream's
// cpp/README needs Boost for thread safety only on platforms other than Linux and macOS. The cache mutex is
// taken on every regex lookup, so parallel threads contend on it somewhat. Not thread-safe, and not used here:
// AsYouTypeFormatter and PhoneNumberMatcher.
const pn::PhoneNumberUtil& phone_util() { return *pn::PhoneNumberUtil::GetInstance(); }

char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_upper(text[i]) != ascii_upper(prefix[i])) return false;
  }
  return true;
}

enum class TextProblem { none, letters, not_utf8 };

// Letters are refused before libphonenumber sees them: it reads three or more as keypad digits ("030 1234567
// (Zentrale)" becomes +4930123456793687253) and silently drops fewer ("030 12A4567" becomes 030 124567).
TextProblem find_text_problem(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());  // at most kMaxTextLength
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return TextProblem::not_utf8;
    if (u_isalpha(c)) return TextProblem::letters;
  }
  return TextProblem::none;
}

tl::unexpected<platform::Error> refuse(std::string message, std::string_view field) {
  return platform::fail(ErrorCode::invalid, std::move(message), std::string(field));
}

std::string parse_problem(pn::PhoneNumberUtil::ErrorType error, const std::string& region) {
  using E = pn::PhoneNumberUtil::ErrorType;
  switch (error) {
    case E::NO_PARSING_ERROR: break;
    case E::INVALID_COUNTRY_CODE_ERROR:
      // With a usable default region this only happens to an explicit, unknown country code.
      return phone_util().GetCountryCodeForRegion(region) == 0
                 ? "has no known country code (such as +49), and there is no default country to assume"
                 : "has an unknown country code";
    case E::NOT_A_NUMBER: return "is not a phone number";
    case E::TOO_SHORT_AFTER_IDD:
    case E::TOO_SHORT_NSN: return "is too short";
    case E::TOO_LONG_NSN: return "is too long";
  }
  throw std::logic_error("parse_problem called without a parse error");
}

// Why a parsed number is not valid; on the refusal path only, so its extra work does not cost the import.
std::string validity_problem(const pn::PhoneNumber& number) {
  const auto& util = phone_util();
  using V = pn::PhoneNumberUtil::ValidationResult;
  switch (util.IsPossibleNumberWithReason(number)) {
    case V::IS_POSSIBLE_LOCAL_ONLY: return "is too short (is the area code missing?)";
    case V::TOO_SHORT: return "is too short";
    case V::TOO_LONG: return "is too long";
    case V::INVALID_COUNTRY_CODE: return "has an unknown country code";
    case V::IS_POSSIBLE:
    case V::INVALID_LENGTH: break;
  }
  std::string region;
  util.GetRegionCodeForCountryCode(number.country_code(), &region);
  return "is not a valid number for " + region;
}

PhoneType from_library(pn::PhoneNumberUtil::PhoneNumberType type) {
  using T = pn::PhoneNumberUtil::PhoneNumberType;
  switch (type) {
    case T::FIXED_LINE: return PhoneType::fixed;
    case T::MOBILE: return PhoneType::mobile;
    case T::FIXED_LINE_OR_MOBILE: return PhoneType::fixed_or_mobile;
    case T::TOLL_FREE: return PhoneType::toll_free;
    case T::PREMIUM_RATE: return PhoneType::premium;
    case T::SHARED_COST: return PhoneType::shared_cost;
    case T::VOIP: return PhoneType::voip;
    case T::PERSONAL_NUMBER: return PhoneType::personal;
    case T::PAGER: return PhoneType::pager;
    case T::UAN: return PhoneType::uan;
    case T::VOICEMAIL: return PhoneType::voicemail;
    case T::UNKNOWN: return PhoneType::unknown;
  }
  return PhoneType::unknown;
}

}  // namespace

std::string_view to_string(PhoneType type) {
  switch (type) {
    case PhoneType::fixed: return "fixed";
    case PhoneType::mobile: return "mobile";
    case PhoneType::fixed_or_mobile: return "fixed_or_mobile";
    case PhoneType::toll_free: return "toll_free";
    case PhoneType::premium: return "premium";
    case PhoneType::shared_cost: return "shared_cost";
    case PhoneType::voip: return "voip";
    case PhoneType::personal: return "personal";
    case PhoneType::pager: return "pager";
    case PhoneType::uan: return "uan";
    case PhoneType::voicemail: return "voicemail";
    case PhoneType::unknown: return "unknown";
  }
  return "unknown";
}

// libphonenumber parses about 60k numbers a second on one core and everything after the parse costs nearly as
// much again, so the number is parsed once and IsValidNumber is spelled out as what it is inside the library
// (IsValidNumberForRegion of GetRegionCodeForNumber): the region, needed for the result anyway, is found once.
platform::Result<PhoneNumber> normalise_phone(std::string_view text, std::string_view default_region,
                                              std::string_view field) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return refuse("is required", field);
  if (text.size() > kMaxTextLength) return refuse("is too long", field);
  auto digits_part = text.substr(start);
  if (starts_with_ignoring_case(digits_part, kTelPrefix)) digits_part.remove_prefix(kTelPrefix.size());
  switch (find_text_problem(digits_part)) {
    case TextProblem::none: break;
    case TextProblem::letters: return refuse("must not contain letters", field);
    case TextProblem::not_utf8: return refuse("is not valid UTF-8", field);
  }

  std::string region(default_region);
  for (char& c : region) c = ascii_upper(c);
  const auto& util = phone_util();
  pn::PhoneNumber number;
  const auto parsed = util.Parse(std::string(text), region, &number);
  if (parsed != pn::PhoneNumberUtil::NO_PARSING_ERROR) return refuse(parse_problem(parsed, region), field);

  PhoneNumber out;
  util.GetRegionCodeForNumber(number, &out.region);
  if (!util.IsValidNumberForRegion(number, out.region)) return refuse(validity_problem(number), field);
  if (number.has_extension()) {
    return refuse("has an extension, which cannot be dialled: enter the direct number instead", field);
  }
  util.Format(number, pn::PhoneNumberUtil::E164, &out.e164);
  out.type = from_library(util.GetNumberType(number));
  return out;
}

}  // namespace termintreu::contacts
