#include "appointments/appointment_links.hpp"

#include <array>
#include <charconv>
#include <chrono>

#include <fmt/format.h>

#include "platform/signed_link.hpp"

namespace termintreu::appointments {
namespace {

constexpr std::array<std::pair<LinkAction, std::string_view>, 3> kActions{
    {{LinkAction::confirm, "confirm"}, {LinkAction::change, "change"}, {LinkAction::outcome, "outcome"}}};
constexpr auto kOutcomeWindow = std::chrono::days{30};

template <class T>
std::optional<T> number(std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string_view to_string(LinkAction action) {
  for (const auto& [a, name] : kActions) {
    if (a == action) return name;
  }
  return "confirm";
}

std::string claim_text(const LinkClaim& claim) {
  return fmt::format("appointment/{}/{}/{}", claim.appointment_id, to_string(claim.action), claim.sequence);
}

std::optional<LinkClaim> parse_claim(std::string_view text) {
  constexpr std::string_view kPrefix = "appointment/";
  if (!text.starts_with(kPrefix)) return std::nullopt;
  text.remove_prefix(kPrefix.size());
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto id = number<std::int64_t>(text.substr(0, first));
  const auto sequence = number<int>(text.substr(second + 1));
  const auto action_name = text.substr(first + 1, second - first - 1);
  if (!id || !sequence || *id <= 0 || *sequence < 0) return std::nullopt;
  for (const auto& [action, name] : kActions) {
    if (name == action_name) return LinkClaim{*id, action, *sequence};
  }
  return std::nullopt;
}

std::string link_token(std::string_view key, const Appointment& a, LinkAction action) {
  const auto until = action == LinkAction::outcome ? a.ends_at + kOutcomeWindow : a.starts_at;
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(until.time_since_epoch()).count();
  return platform::signed_link::sign(key, claim_text({a.id, action, a.sequence}), seconds);
}

std::string link_url(const MailSite& site, std::string_view key, const Appointment& a, LinkAction action) {
  return site.public_url + "/link/" + link_token(key, a, action);
}

}  // namespace termintreu::appointments
