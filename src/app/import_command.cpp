// `termintreu import`: the import service run in the foreground, its preview and outcome printed.
#include <unistd.h>

#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/application.hpp"
#include "app/commands.hpp"
#include "contacts/column_mapping.hpp"
#include "identity/actor.hpp"
#include "platform/crypto.hpp"
#include "platform/db/migrations.hpp"
#include "platform/log.hpp"

namespace termintreu::app {
namespace {

using contacts::ContactField;

std::optional<char> delimiter_from(std::string_view text) {
  if (text == "tab" || text == "\\t" || text == "\t") return '\t';
  if (text == ";" || text == "," || text == "|") return text[0];
  return std::nullopt;
}

// Applies "column=field,…" to the suggested mapping; an error names what is wrong.
platform::Result<std::vector<ContactField>> apply_mapping(std::vector<ContactField> mapping,
                                                          const std::vector<std::string>& headers,
                                                          std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find(',', pos);
    if (end == std::string_view::npos) end = text.size();
    const auto item = text.substr(pos, end - pos);
    pos = end + 1;
    const auto equals = item.rfind('=');
    if (equals == std::string_view::npos) {
      return platform::fail(platform::ErrorCode::invalid, fmt::format("'{}' is not column=field", item), "mapping");
    }
    const std::string column(item.substr(0, equals));
    const auto field = contacts::contact_field_from_string(item.substr(equals + 1));
    if (!field) {
      return platform::fail(platform::ErrorCode::invalid, fmt::format("unknown field '{}'", item.substr(equals + 1)),
                            "mapping");
    }
    std::optional<std::size_t> index;
    for (std::size_t i = 0; i < headers.size(); ++i) {
      if (headers[i] == column) index = i;
    }
    if (!index && !column.empty() && column.find_first_not_of("0123456789") == std::string::npos) {
      const auto number = std::stoul(column);
      if (number >= 1 && number <= headers.size()) index = number - 1;
    }
    if (!index) return platform::fail(platform::ErrorCode::invalid, fmt::format("no column '{}'", column), "mapping");
    // The field moves to this column: no other column keeps it.
    for (auto& other : mapping) {
      if (other == *field && *field != ContactField::ignore) other = ContactField::ignore;
    }
    mapping[*index] = *field;
  }
  return mapping;
}

int failed(const platform::Error& error) {
  std::cerr << "termintreu import: " << (error.field.empty() ? "" : error.field + ": ") << error.message << "\n";
  return 1;
}

}  // namespace

int command_import(const Config& config, const ImportCommand& command) {
  platform::init_logging(config.log_level);
  platform::crypto::initialise();
  Application app(config);
  platform::db::migrate(app.database(), app.clock());

  long long agency_id = 0;
  {
    auto lease = app.database().session();
    const long long client = command.client_id;
    *lease << "SELECT agency_id FROM clients WHERE id = :id", soci::use(client, "id"), soci::into(agency_id);
    if (!lease->got_data()) return failed({platform::ErrorCode::not_found, "no such client", "client"});
  }
  const auto duplicates = contacts::duplicate_policy_from_string(command.duplicates);
  if (!duplicates) return failed({platform::ErrorCode::invalid, "skip or merge", "duplicates"});
  std::optional<char> delimiter;
  if (!command.delimiter.empty()) {
    delimiter = delimiter_from(command.delimiter);
    if (!delimiter) return failed({platform::ErrorCode::invalid, "';', ',', 'tab' or '|'", "delimiter"});
  }

  const auto actor = identity::command_line_actor(agency_id);
  const identity::RequestMeta meta{"", "termintreu import", ""};
  auto& imports = app.imports();
  const std::filesystem::path file(command.file);
  auto job = imports.create(actor, command.client_id, file.filename().string(), file, false, meta);
  if (!job) return failed(job.error());
  auto preview = imports.preview(actor, job->id, command.encoding, delimiter);
  if (!preview) return failed(preview.error());
  std::cout << fmt::format("{}: {}, {}\n", command.file, preview->encoding,
                           contacts::delimiter_name(preview->delimiter));
  if (preview->error) return failed(*preview->error);

  auto mapping = apply_mapping(preview->mapping, preview->headers, command.mapping);
  if (!mapping) return failed(mapping.error());
  for (std::size_t i = 0; i < preview->headers.size(); ++i) {
    std::cout << fmt::format("  {:>2}. {:<30} → {}\n", i + 1, preview->headers[i], contacts::to_string((*mapping)[i]));
  }

  contacts::RunChoices choices;
  choices.mapping = std::move(*mapping);
  choices.duplicates = *duplicates;
  choices.campaign_id = command.campaign_id;
  choices.encoding = command.encoding;
  choices.delimiter = delimiter;
  const bool terminal = isatty(fileno(stderr));
  std::size_t last_printed = 0;
  auto summary = imports.run(actor, job->id, choices, meta, [&](const contacts::ImportProgress& progress) {
    if (progress.rows_done < last_printed + 50000) return;
    last_printed = progress.rows_done;
    std::cerr << fmt::format("{}{} rows{}", terminal ? "\r" : "", progress.rows_done, terminal ? "" : "\n")
              << std::flush;
  });
  if (terminal && last_printed > 0) std::cerr << "\n";
  if (!summary) return failed(summary.error());

  std::cout << fmt::format(
      "import {}: {} rows: {} imported, {} merged, {} duplicates skipped, {} blocked skipped, {} rejected\n", job->id,
      summary->rows, summary->imported, summary->merged, summary->skipped_duplicates, summary->skipped_blocked,
      summary->rejected);
  if (!command.rejects.empty()) {
    auto csv = imports.rejects_csv(actor, job->id);
    if (!csv) return failed(csv.error());
    std::ofstream(command.rejects, std::ios::binary) << *csv;
    std::cout << fmt::format("{} rows not imported: see {}\n", summary->rejects.size(), command.rejects);
  } else {
    for (const auto& reject : summary->rejects) {
      std::cout << fmt::format("  line {}: {} ({}{}{})\n", reject.line, reject.reason, reject.field,
                               reject.field.empty() ? "" : ": ", reject.message);
    }
  }
  return 0;
}

}  // namespace termintreu::app
