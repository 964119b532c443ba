#pragma once
// Settings come from, in rising precedence: defaults, a TOML file (--config), environment (TERMINTREU_*), flags.
#include <filesystem>
#include <optional>
#include <string>

#include "platform/mail/smtp_mailer.hpp"

namespace termintreu::app {

struct Config {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;
  std::filesystem::path data_dir = "data";  // SQLite file and uploads
  std::string database_url;                 // empty: SQLite in data_dir
  std::filesystem::path web_root;           // empty: found next to the binary or in the working directory
  bool demo = true;                         // load demo data on first start of an empty database
  bool trust_proxy = false;                 // believe X-Forwarded-Proto/-For from a reverse proxy
  std::string log_level = "info";
  unsigned io_threads = 2;
  unsigned worker_threads = 4;
  std::size_t database_pool = 8;
  bool test_clock = false;                  // POST /api/test/clock moves the server's time (tests only)
  std::string public_url;                   // where the links in mails lead; empty: http://address:port
  platform::mail::SmtpSettings smtp;        // url empty: mails stay queued in the outbox until one is set

  std::string effective_database_url() const;
  // public_url without a trailing slash, or http://address:port.
  std::string effective_public_url() const;
};

// Reads a TOML file into `config`; throws std::runtime_error with the file, line and reason on bad input.
void apply_toml(Config& config, const std::filesystem::path& file);
// TERMINTREU_DATABASE, TERMINTREU_DATA, TERMINTREU_PORT, TERMINTREU_ADDRESS, TERMINTREU_WEB, TERMINTREU_LOG_LEVEL,
// TERMINTREU_PUBLIC_URL, TERMINTREU_SMTP_URL, TERMINTREU_SMTP_USER, TERMINTREU_SMTP_PASSWORD, TERMINTREU_SMTP_FROM,
// TERMINTREU_SMTP_FROM_NAME.
void apply_environment(Config& config);
// The SMTP settings hold together: a sender address once a server is named; throws std::runtime_error.
void check_smtp(const Config& config);
// public_url, when set, is an http(s) address; throws std::runtime_error.
void check_public_url(const Config& config);
// The built web app: web_root if set, else web/dist beside the source tree the binary came from, else ./web/dist.
std::filesystem::path find_web_root(const Config& config, const std::filesystem::path& executable);

}  // namespace termintreu::app
