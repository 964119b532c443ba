#pragma once
// Passwords, random secrets and digests, all on libsodium.
#include <string>
#include <string_view>

namespace termintreu::platform::crypto {

// Must be called once before any other function here (sodium_init); safe to call again.
void initialise();

// Argon2id with libsodium's interactive limits: the encoded string carries salt and parameters.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded_hash, std::string_view password);
// True when the hash was made with weaker limits than today's and should be replaced at the next sign-in.
bool password_needs_rehash(std::string_view encoded_hash);

// `bytes` random bytes as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 32);
// A password a person can type from a screen: groups of letters and digits without look-alikes.
std::string random_password();

std::string sha256_hex(std::string_view data);
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace termintreu::platform::crypto
