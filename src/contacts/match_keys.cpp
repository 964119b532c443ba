#include "contacts/match_keys.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace termintreu::contacts {

namespace {

// Decodes one UTF-8 code point at `pos` (advancing it); invalid bytes are returned as themselves.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || pos + length > text.size()) {
    ++pos;
    return byte;
  }
  char32_t cp = length == 1 ? byte : byte & (0xFF >> (length + 1));
  for (int i = 1; i < length; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  pos += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The ASCII spelling of a Latin-1 Supplement or Latin Extended-A letter (U+00C0–U+017F), lower case; nullptr when
// the code point is not such a letter (× and ÷ among them).
const char* fold_latin(char32_t cp) {
  // U+00C0–U+00FF.
  static constexpr std::array<const char*, 64> kLatin1{
      "a",  "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0–CF
      "d",  "n", "o", "o", "o",  "o", "oe", nullptr, "o", "u", "u", "u", "ue", "y", "th", "ss",  // D0–DF
      "a",  "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0–EF
      "d",  "n", "o", "o", "o",  "o", "oe", nullptr, "o", "u", "u", "u", "ue", "y", "th", "y"};  // F0–FF
  // U+0100–U+017F: pairs of capital and small letters, folded to their base letter.
  static constexpr std::string_view kExtendedA =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii"  // 0100–0131
      "jjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // 0132–017F
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x132 || cp == 0x133) return "ij";
    if (cp == 0x152 || cp == 0x153) return "oe";
    static std::array<std::array<char, 2>, 128> table = [] {
      std::array<std::array<char, 2>, 128> t{};
      for (std::size_t i = 0; i < t.size(); ++i) t[i] = {kExtendedA[i], '\0'};
      return t;
    }();
    return table[cp - 0x100].data();
  }
  return nullptr;
}

bool is_ascii_alnum(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

// Legal forms as folded words, longest first so "gmbh co kg" is removed before "gmbh".
const std::vector<std::string_view>& legal_forms() {
  static const std::vector<std::string_view> forms{
      "gmbh co kgaa", "gmbh co kg", "ag co kg", "ug haftungsbeschraenkt", "gmbh co ohg", "se co kg", "kgaa",
      "gmbh", "mbh", "ggmbh", "ag", "kg", "ohg", "ug", "gbr", "ev", "e v", "eg", "e k", "ek", "ekfm", "se", "sarl",
      "sa", "ltd", "limited", "llc", "inc", "plc", "bv", "nv", "co", "und co", "ges m b h", "gesmbh"};
  return forms;
}

}  // namespace

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = next_code_point(text, pos);
    const char* folded = nullptr;
    std::string single;
    if (is_ascii_alnum(cp)) {
      single = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
      folded = single.c_str();
    } else if (cp >= 0xC0 && cp <= 0x17F) {
      folded = fold_latin(cp);
    } else if (cp > 0x17F && cp != 0x2019 && cp != 0x2013 && cp != 0x2014 && cp != 0x201E && cp != 0x201C &&
               cp != 0x201D && cp != 0x00A0 && cp != 0x202F) {
      append_utf8(single, cp);  // another script: kept as it is
      folded = single.c_str();
    }
    if (folded == nullptr) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += folded;
  }
  return out;
}

std::string company_key(std::string_view name) {
  std::string key = fold_text(name);
  // Remove legal forms standing as whole words at the end (repeatedly: "… gmbh co kg").
  bool changed = true;
  while (changed && !key.empty()) {
    changed = false;
    for (const auto form : legal_forms()) {
      if (key.size() < form.size()) continue;
      const std::size_t at = key.size() - form.size();
      if (key.compare(at, form.size(), form) != 0) continue;
      if (at != 0 && key[at - 1] != ' ') continue;
      if (at == 0) break;  // the name is only a legal form: keep it
      key.erase(at == 0 ? 0 : at - 1);
      changed = true;
      break;
    }
  }
  return key;
}

std::string person_key(std::string_view company_key, std::string_view first_name, std::string_view last_name) {
  std::string last = fold_text(last_name);
  if (last.empty()) return {};
  std::string key(company_key);
  key += '|';
  key += fold_text(first_name);
  key += '|';
  key += last;
  return key;
}

std::string email_key(std::string_view email) {
  std::size_t begin = 0, end = email.size();
  while (begin < end && (email[begin] == ' ' || email[begin] == '\t')) ++begin;
  while (end > begin && (email[end - 1] == ' ' || email[end - 1] == '\t')) --end;
  std::string key(email.substr(begin, end - begin));
  for (auto& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return key;
}

}  // namespace termintreu::contacts
