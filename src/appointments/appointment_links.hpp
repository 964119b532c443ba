#pragma once
// The signed links in an appointment's mails: the person confirms the appointment or asks for another time (until
// it starts); the rep records how it went (from its start until 30 days after). A link names the appointment's
// sequence: once the appointment moves, the links of the older mails stop working and the new mails carry new ones.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "appointments/appointment.hpp"
#include "appointments/mail_site.hpp"

namespace termintreu::appointments {

// The name of the installation's key the links are signed with (signing_key_store).
inline constexpr std::string_view kLinkKey = "links";

enum class LinkAction { confirm, change, outcome };

struct LinkClaim {
  std::int64_t appointment_id = 0;
  LinkAction action = LinkAction::confirm;
  int sequence = 0;
};

std::string_view to_string(LinkAction action);
// "appointment/17/confirm/2"
std::string claim_text(const LinkClaim& claim);
std::optional<LinkClaim> parse_claim(std::string_view text);

// The signed token for `action` on `appointment`, valid until the action's window closes.
std::string link_token(std::string_view key, const Appointment& appointment, LinkAction action);
// The page that token opens: site.public_url + "/link/" + token.
std::string link_url(const MailSite& site, std::string_view key, const Appointment& appointment, LinkAction action);

}  // namespace termintreu::appointments
