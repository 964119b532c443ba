#include "contacts/contact_export.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "platform/time_text.hpp"

namespace termintreu::contacts {

namespace {

// A JSON value as table text: strings as they are, null as empty, others as JSON.
std::string cell_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

// One table: a row per object of `rows`, a column per key of the first.
void table(std::string& out, std::string_view title, const nlohmann::json& rows) {
  out += fmt::format("<h2>{}</h2>\n", html_escape(title));
  if (!rows.is_array() || rows.empty()) {
    out += "<p class=\"none\">—</p>\n";
    return;
  }
  out += "<table>\n<tr>";
  for (const auto& [key, value] : rows.front().items()) out += "<th>" + html_escape(key) + "</th>";
  out += "</tr>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& [key, value] : row.items()) out += "<td>" + html_escape(cell_text(value)) + "</td>";
    out += "</tr>\n";
  }
  out += "</table>\n";
}

// One object as a two-column table.
void fields(std::string& out, std::string_view title, const nlohmann::json& object) {
  out += fmt::format("<h2>{}</h2>\n", html_escape(title));
  if (!object.is_object()) {
    out += "<p class=\"none\">—</p>\n";
    return;
  }
  out += "<table>\n";
  for (const auto& [key, value] : object.items()) {
    out += "<tr><th>" + html_escape(key) + "</th><td>" + html_escape(cell_text(value)) + "</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

nlohmann::json to_json(const ContactExport& d) {
  nlohmann::json phones = nlohmann::json::array(), leads = nlohmann::json::array(),
                 consents = nlohmann::json::array(), audit = nlohmann::json::array(),
                 requests = nlohmann::json::array();
  for (const auto& p : d.phones) phones.push_back(to_json(p));
  for (const auto& l : d.leads) leads.push_back(to_json(l));
  for (const auto& c : d.consents) consents.push_back(to_json(c));
  for (const auto& a : d.audit) audit.push_back(identity::audit_log::to_json(a));
  for (const auto& r : d.privacy_requests) requests.push_back(to_json(r, d.exported_at));
  return {{"exported_at", platform::iso8601_or_null(d.exported_at)},
          {"person", to_json(d.person)},
          {"company", d.company ? to_json(*d.company) : nlohmann::json(nullptr)},
          {"phones", phones},
          {"leads", leads},
          {"consent_records", consents},
          {"audit_entries", audit},
          {"privacy_requests", requests}};
}

std::string to_html(const ContactExport& d) {
  const auto data = to_json(d);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>Auskunft / Data export</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
      "table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #bbb;padding:.3em .6em;"
      "text-align:left;vertical-align:top}th{background:#eee}.none{color:#777}</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>Gespeicherte Daten / Stored data: {}</h1>\n", html_escape(display_name(d.person)));
  out += fmt::format("<p>Stand / As of: {}</p>\n", html_escape(cell_text(data["exported_at"])));
  fields(out, "Person", data["person"]);
  fields(out, "Firma / Company", data["company"]);
  table(out, "Telefonnummern / Phone numbers", data["phones"]);
  table(out, "Kampagnen / Campaigns", data["leads"]);
  table(out, "Einwilligungen / Consent records", data["consent_records"]);
  table(out, "Protokoll / Audit log", data["audit_entries"]);
  table(out, "Anfragen / Privacy requests", data["privacy_requests"]);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace termintreu::contacts
