#include "platform/signed_link.hpp"

#include <array>
#include <charconv>
#include <optional>

#include <sodium.h>

namespace termintreu::platform::signed_link {
namespace {

constexpr auto kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
// Between payload and MAC: unreserved in URLs, outside base64url, and not a dot (a path ending in ".xyz" reads as a
// file name to the web server, which then answers 404 instead of the app).
constexpr char kSeparator = '~';
constexpr std::size_t kLongestLink = 2048;

using Mac = std::array<unsigned char, crypto_auth_hmacsha256_BYTES>;

Mac mac_of(std::string_view key, std::string_view payload) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
  Mac mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  return mac;
}

std::string encode(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &size, &end, kVariant) != 0 ||
      end != text.data() + text.size()) {
    return std::nullopt;
  }
  out.resize(size);
  return out;
}

tl::unexpected<Error> malformed() {
  return fail(ErrorCode::invalid, "is not a link this server made", "token");
}

}  // namespace

std::string sign(std::string_view key, std::string_view claim, std::int64_t expires_at) {
  const std::string payload = std::string(claim) + '\n' + std::to_string(expires_at);
  const Mac mac = mac_of(key, payload);
  return encode(reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) + kSeparator +
         encode(mac.data(), mac.size());
}

Result<std::string> verify(std::string_view key, std::string_view link, std::int64_t now) {
  if (link.empty() || link.size() > kLongestLink) return malformed();
  const auto separator = link.rfind(kSeparator);
  if (separator == std::string_view::npos) return malformed();
  const auto payload = decode(link.substr(0, separator));
  const auto mac = decode(link.substr(separator + 1));
  if (!payload || !mac || mac->size() != crypto_auth_hmacsha256_BYTES) return malformed();
  const Mac expected = mac_of(key, *payload);
  if (sodium_memcmp(expected.data(), mac->data(), expected.size()) != 0) {
    return fail(ErrorCode::invalid, "was changed or is not from this server", "token");
  }
  const auto newline = payload->rfind('\n');
  if (newline == std::string::npos) return malformed();
  std::int64_t expires_at = 0;
  const char* first = payload->data() + newline + 1;
  const char* last = payload->data() + payload->size();
  if (const auto [end, error] = std::from_chars(first, last, expires_at); error != std::errc{} || end != last) {
    return malformed();
  }
  if (now >= expires_at) return fail(ErrorCode::invalid, "has expired", "token");
  return payload->substr(0, newline);
}

}  // namespace termintreu::platform::signed_link
