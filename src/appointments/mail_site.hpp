#pragma once
// How the server appears in the mails it sends: the host of calendar UIDs (the sender's mail domain) and the address
// under which the links in mails reach it (the public URL, e.g. https://termine.agentur.de).
#include <string>

namespace termintreu::appointments {

struct MailSite {
  std::string host = "termintreu.invalid";
  std::string public_url = "http://127.0.0.1:8080";  // without a trailing slash
};

}  // namespace termintreu::appointments
