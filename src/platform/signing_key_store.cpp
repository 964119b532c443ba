#include "platform/signing_key_store.hpp"

#include <stdexcept>

#include "platform/crypto.hpp"
#include "platform/db/query.hpp"

namespace termintreu::platform::signing_key_store {
namespace {

// Of two servers making the key at once, the first insert wins and both read it back.
constexpr const char* kInsert =
    "INSERT INTO signing_keys (name, secret, created_at) VALUES (:name, :secret, :now) ON CONFLICT (name) DO NOTHING";
constexpr const char* kSelect = "SELECT secret FROM signing_keys WHERE name = :name";

}  // namespace

std::string key(soci::session& sql, std::string_view name, std::int64_t now) {
  const std::string key_name(name);
  if (auto found = db::fetch_value<std::string>(sql, kSelect, key_name)) return std::move(*found);
  db::execute(sql, kInsert, key_name, crypto::random_token(32), static_cast<long long>(now));
  auto made = db::fetch_value<std::string>(sql, kSelect, key_name);
  if (!made) throw std::runtime_error("signing key could not be stored");
  return std::move(*made);
}

}  // namespace termintreu::platform::signing_key_store
