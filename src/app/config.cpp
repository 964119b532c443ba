#include "app/config.hpp"

#include <cstdlib>
#include <stdexcept>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace termintreu::app {

std::string Config::effective_database_url() const {
  if (!database_url.empty()) return database_url;
  return "sqlite:" + (data_dir / "termintreu.db").string();
}

std::string Config::effective_public_url() const {
  std::string url = public_url.empty() ? fmt::format("http://{}:{}", address, port) : public_url;
  while (url.ends_with('/')) url.pop_back();
  return url;
}

void apply_toml(Config& config, const std::filesystem::path& file) {
  toml::table table;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(fmt::format("{}:{}: {}", file.string(), e.source().begin.line, e.description()));
  }
  const auto string_of = [&](const char* key, auto& target) {
    if (const auto value = table[key].value<std::string>()) target = *value;
  };
  string_of("address", config.address);
  string_of("database", config.database_url);
  string_of("log_level", config.log_level);
  string_of("public_url", config.public_url);
  if (const auto value = table["data"].value<std::string>()) config.data_dir = *value;
  if (const auto value = table["web"].value<std::string>()) config.web_root = *value;
  if (const auto value = table["port"].value<int64_t>()) {
    if (*value < 1 || *value > 65535) throw std::runtime_error(fmt::format("{}: port must be 1..65535", file.string()));
    config.port = static_cast<unsigned short>(*value);
  }
  if (const auto value = table["demo"].value<bool>()) config.demo = *value;
  if (const auto value = table["trust_proxy"].value<bool>()) config.trust_proxy = *value;
  if (const auto* smtp = table["smtp"].as_table()) {
    const auto smtp_string = [&](const char* key, std::string& target) {
      if (const auto value = (*smtp)[key].value<std::string>()) target = *value;
    };
    smtp_string("url", config.smtp.url);
    smtp_string("user", config.smtp.user);
    smtp_string("password", config.smtp.password);
    smtp_string("from", config.smtp.from);
    smtp_string("from_name", config.smtp.from_name);
  }
  if (const auto value = table["worker_threads"].value<int64_t>()) config.worker_threads = static_cast<unsigned>(*value);
  if (const auto value = table["io_threads"].value<int64_t>()) config.io_threads = static_cast<unsigned>(*value);
}

void apply_environment(Config& config) {
  const auto env = [](const char* name) -> std::optional<std::string> {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') return std::nullopt;
    return std::string(value);
  };
  if (auto v = env("TERMINTREU_DATABASE")) config.database_url = *v;
  if (auto v = env("TERMINTREU_DATA")) config.data_dir = *v;
  if (auto v = env("TERMINTREU_ADDRESS")) config.address = *v;
  if (auto v = env("TERMINTREU_WEB")) config.web_root = *v;
  if (auto v = env("TERMINTREU_LOG_LEVEL")) config.log_level = *v;
  if (auto v = env("TERMINTREU_PUBLIC_URL")) config.public_url = *v;
  if (auto v = env("TERMINTREU_SMTP_URL")) config.smtp.url = *v;
  if (auto v = env("TERMINTREU_SMTP_USER")) config.smtp.user = *v;
  if (auto v = env("TERMINTREU_SMTP_PASSWORD")) config.smtp.password = *v;
  if (auto v = env("TERMINTREU_SMTP_FROM")) config.smtp.from = *v;
  if (auto v = env("TERMINTREU_SMTP_FROM_NAME")) config.smtp.from_name = *v;
  if (auto v = env("TERMINTREU_PORT")) {
    const int port = std::atoi(v->c_str());
    if (port < 1 || port > 65535) throw std::runtime_error("TERMINTREU_PORT must be 1..65535");
    config.port = static_cast<unsigned short>(port);
  }
}

void check_public_url(const Config& config) {
  if (config.public_url.empty()) return;
  if (!config.public_url.starts_with("http://") && !config.public_url.starts_with("https://")) {
    throw std::runtime_error("public url must start with http:// or https://, e.g. https://termine.agentur.de");
  }
}

void check_smtp(const Config& config) {
  if (config.smtp.url.empty()) return;
  if (config.smtp.url.rfind("smtp://", 0) != 0 && config.smtp.url.rfind("smtps://", 0) != 0) {
    throw std::runtime_error("smtp url must start with smtp:// or smtps://, e.g. smtp://mail.example.com:587");
  }
  if (!platform::mail::plain_address(config.smtp.from)) {
    throw std::runtime_error("smtp from must be the sender's mail address (--smtp-from) when an SMTP server is set");
  }
}

std::filesystem::path find_web_root(const Config& config, const std::filesystem::path& executable) {
  if (!config.web_root.empty()) return config.web_root;
  namespace fs = std::filesystem;
  // The binary lives in build/<kind>/ of the checkout; the web app is built into web/dist of the same checkout.
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
    if (fs::exists(dir / "web" / "dist" / "index.html", ec)) return dir / "web" / "dist";
  }
  return fs::current_path() / "web" / "dist";
}

}  // namespace termintreu::app
