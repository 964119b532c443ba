#include "contacts/import_routes.hpp"

#include <limits>

#include <nlohmann/json.hpp>

#include "platform/http/path_id.hpp"
#include "platform/json_input.hpp"
#include "platform/time_text.hpp"

namespace termintreu::contacts {

using identity::Permission;
using identity::Principal;
using platform::ErrorCode;
using platform::JsonFields;
using platform::Result;
using platform::http::Method;
using platform::http::path_id;
using platform::http::Request;
using platform::http::Response;

namespace {

const std::vector<Permission> kImporters{Permission::contacts_manage};

nlohmann::json to_json(const ImportJob& job) {
  auto mapping = nlohmann::json::parse(job.mapping, nullptr, false);
  auto headers = nlohmann::json::parse(job.headers, nullptr, false);
  return {
      {"id", job.id},
      {"client_id", job.client_id},
      {"campaign_id", job.campaign_id ? nlohmann::json(*job.campaign_id) : nlohmann::json(nullptr)},
      {"file_name", job.file_name},
      {"file_size", job.file_size},
      {"encoding", job.encoding},
      {"delimiter", job.delimiter},
      {"mapping", mapping.is_array() ? mapping : nlohmann::json::array()},
      {"duplicates", std::string(to_string(job.duplicates))},
      {"state", std::string(to_string(job.state))},
      {"rows_total", job.rows_total},
      {"rows_done", job.rows_done},
      {"imported", job.imported},
      {"merged", job.merged},
      {"skipped_duplicates", job.skipped_duplicates},
      {"skipped_blocked", job.skipped_blocked},
      {"rejected", job.rejected},
      {"error", job.error},
      {"created_at", platform::iso8601_or_null(job.created_at)},
      {"started_at", platform::iso8601_or_null(job.started_at)},
      {"finished_at", platform::iso8601_or_null(job.finished_at)},
  };
}

std::string delimiter_id(char delimiter) { return std::string(delimiter_name(delimiter)); }

std::optional<char> delimiter_from_id(std::string_view id) {
  for (const char c : {';', ',', '\t', '|'}) {
    if (delimiter_name(c) == id) return c;
  }
  return std::nullopt;
}

Result<std::optional<char>> delimiter_param(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::optional<char>{};
  const auto delimiter = delimiter_from_id(*text);
  if (!delimiter) return platform::fail(ErrorCode::invalid, "semicolon, comma, tab or pipe", "delimiter");
  return std::optional<char>(*delimiter);
}

// An encoding name as iconv knows them: letters, digits and - _ . : only, so nothing odd reaches iconv_open.
Result<std::string> encoding_param(const std::optional<std::string>& text) {
  if (!text) return std::string{};
  if (text->size() > 40 || text->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:") !=
                               std::string::npos) {
    return platform::fail(ErrorCode::invalid, "not an encoding name", "encoding");
  }
  return *text;
}

Result<std::vector<ContactField>> mapping_param(const nlohmann::json* value) {
  std::vector<ContactField> mapping;
  if (value == nullptr) return mapping;
  if (!value->is_array() || value->size() > 500) {
    return platform::fail(ErrorCode::invalid, "must be a list of field ids, one per column", "mapping");
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    const auto& item = (*value)[i];
    const auto field = item.is_string() ? contact_field_from_string(item.get<std::string>()) : std::nullopt;
    if (!field) return platform::fail(ErrorCode::invalid, "unknown field", "mapping[" + std::to_string(i) + "]");
    for (std::size_t j = 0; j < mapping.size(); ++j) {
      if (*field != ContactField::ignore && mapping[j] == *field) {
        return platform::fail(ErrorCode::invalid, "each field may be chosen once", "mapping[" + std::to_string(i) + "]");
      }
    }
    mapping.push_back(*field);
  }
  return mapping;
}

}  // namespace

void add_import_routes(identity::Guard& guard, ImportService& imports) {
  guard.add(
      Method::post, "/api/clients/{id}/imports", kImporters,
      [&imports](Request& request, const Principal& p) -> Result<Response> {
        TT_TRY(client_id, path_id(request));
        std::string name = request.query_param("name").value_or("");
        if (name.size() > 255) name.resize(255);
        const auto meta = identity::meta_of(request);
        auto job = request.upload_file.empty()
                       ? imports.create_from_bytes(p, *client_id, name, request.body, meta)
                       : imports.create(p, *client_id, name, request.upload_file, true, meta);
        if (!job) return tl::unexpected(job.error());
        return Response::json(201, to_json(*job));
      },
      platform::http::Execution::blocking, kMaxImportFileBytes);

  guard.add(Method::get, "/api/clients/{id}/imports", kImporters,
            [&imports](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(client_id, path_id(request));
              TT_TRY(jobs, imports.list(p, *client_id));
              nlohmann::json list = nlohmann::json::array();
              for (const auto& job : *jobs) list.push_back(to_json(job));
              return Response::json(200, {{"imports", list}});
            });

  guard.add(Method::get, "/api/imports/{id}", kImporters,
            [&imports](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(job, imports.get(p, *id));
              return Response::json(200, to_json(*job));
            });

  guard.add(Method::get, "/api/imports/{id}/preview", kImporters,
            [&imports](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(encoding, encoding_param(request.query_param("encoding")));
              TT_TRY(delimiter, delimiter_param(request.query_param("delimiter")));
              TT_TRY(preview, imports.preview(p, *id, *encoding, *delimiter));
              nlohmann::json mapping = nlohmann::json::array();
              for (const auto field : preview->mapping) mapping.push_back(std::string(to_string(field)));
              nlohmann::json error = nullptr;
              if (preview->error) error = {{"message", preview->error->message}, {"field", preview->error->field}};
              return Response::json(200, {{"encoding", preview->encoding},
                                          {"delimiter", delimiter_id(preview->delimiter)},
                                          {"headers", preview->headers},
                                          {"mapping", mapping},
                                          {"rows", preview->rows},
                                          {"error", error}});
            });

  guard.add(Method::post, "/api/imports/{id}/run", kImporters,
            [&imports](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(fields, JsonFields::from_request(
                                 request, {"mapping", "duplicates", "campaign_id", "encoding", "delimiter"}));
              RunChoices choices;
              TT_TRY(mapping, mapping_param(fields->value("mapping")));
              choices.mapping = std::move(*mapping);
              TT_TRY(duplicates, fields->optional_choice("duplicates", {"skip", "merge"}));
              choices.duplicates = duplicate_policy_from_string(duplicates->value_or("skip")).value();
              TT_TRY(campaign, fields->optional_integer("campaign_id", 1, std::numeric_limits<std::int64_t>::max()));
              choices.campaign_id = *campaign;
              TT_TRY(encoding_text, fields->optional_text("encoding"));
              TT_TRY(encoding, encoding_param(*encoding_text));
              choices.encoding = std::move(*encoding);
              TT_TRY(delimiter_text, fields->optional_text("delimiter"));
              TT_TRY(delimiter, delimiter_param(*delimiter_text));
              choices.delimiter = *delimiter;
              TT_TRY(job, imports.start(p, *id, choices, identity::meta_of(request)));
              return Response::json(202, to_json(*job));
            });

  guard.add(Method::get, "/api/imports/{id}/rejects.csv", kImporters,
            [&imports](Request& request, const Principal& p) -> Result<Response> {
              TT_TRY(id, path_id(request));
              TT_TRY(csv, imports.rejects_csv(p, *id));
              auto response = Response::text(200, std::move(*csv), "text/csv; charset=utf-8");
              response.set_header("Content-Disposition",
                                  "attachment; filename=\"import-" + std::to_string(*id) + "-rejects.csv\"");
              return response;
            });
}

}  // namespace termintreu::contacts
