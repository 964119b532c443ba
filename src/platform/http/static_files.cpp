#include "platform/http/static_files.hpp"

#include <array>
#include <chrono>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace termintreu::platform::http {

namespace fs = std::filesystem;

namespace {

// Vite puts content-hashed bundles here: a new build gets new names, so they may be cached for good.
constexpr std::string_view kImmutablePrefix = "/assets/";
constexpr std::string_view kImmutableCache = "public, max-age=31536000, immutable";
// index.html and unhashed files (favicon, manifest): revalidate every time, cheap with the ETag.
constexpr std::string_view kRevalidateCache = "no-cache";

struct ContentType {
  std::string_view extension;
  std::string_view type;
};

constexpr std::array kContentTypes{
    ContentType{"html", "text/html; charset=utf-8"},
    ContentType{"js", "text/javascript; charset=utf-8"},
    ContentType{"mjs", "text/javascript; charset=utf-8"},
    ContentType{"css", "text/css; charset=utf-8"},
    ContentType{"json", "application/json"},
    ContentType{"map", "application/json"},
    ContentType{"svg", "image/svg+xml"},
    ContentType{"png", "image/png"},
    ContentType{"jpg", "image/jpeg"},
    ContentType{"jpeg", "image/jpeg"},
    ContentType{"webp", "image/webp"},
    ContentType{"ico", "image/x-icon"},
    ContentType{"woff", "font/woff"},
    ContentType{"woff2", "font/woff2"},
    ContentType{"txt", "text/plain; charset=utf-8"},
    ContentType{"webmanifest", "application/manifest+json"},
};

Response not_found() {
  return Response::error({ErrorCode::not_found, "not found", ""});
}

// The extension of the last segment, without the dot; empty when there is none.
std::string_view extension_of(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = last.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return last.substr(dot + 1);
}

bool is_within(const fs::path& root, const fs::path& candidate) {
  auto r = root.begin();
  auto c = candidate.begin();
  for (; r != root.end(); ++r, ++c) {
    if (c == candidate.end() || *r != *c) return false;
  }
  return true;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("cannot open {}", file.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    while (!candidate.empty() && candidate.front() == ' ') candidate.remove_prefix(1);
    while (!candidate.empty() && candidate.back() == ' ') candidate.remove_suffix(1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);  // If-None-Match compares weakly
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

std::string_view content_type_for(std::string_view extension) {
  for (const auto& entry : kContentTypes) {
    if (entry.extension.size() != extension.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < extension.size() && same; ++i) {
      const char c = extension[i];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == entry.extension[i];
    }
    if (same) return entry.type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec || !fs::is_directory(root_)) {
    throw std::invalid_argument(fmt::format("web root {} is not a directory", root.string()));
  }
}

Response StaticFiles::serve(const Request& request) const {
  const std::string_view path = request.path;
  if (path.empty() || path.front() != '/' || path.find('\0') != std::string_view::npos ||
      path.find('\\') != std::string_view::npos) {
    return Response::error({ErrorCode::invalid, "invalid path", ""});
  }
  fs::path relative;
  for (std::string_view rest = path.substr(1); !rest.empty();) {
    const auto slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment == ".." || segment == ".") return Response::error({ErrorCode::invalid, "invalid path", ""});
    // Dot files (.env, .git) are never part of a build, so do not even look.
    if (!segment.empty() && segment.front() == '.') return not_found();
    if (!segment.empty()) relative /= fs::path(std::string(segment));
  }

  const bool has_extension = !extension_of(path).empty();
  std::error_code ec;
  fs::path file = root_ / relative;
  bool fallback = false;
  if (relative.empty() || !fs::is_regular_file(file, ec)) {
    // Client-side routes (/campaigns/12) have no extension; a missing /logo.png is a real 404.
    if (has_extension && !relative.empty()) return not_found();
    file = root_ / "index.html";
    fallback = true;
    if (!fs::is_regular_file(file, ec)) return not_found();
  }
  const fs::path resolved = fs::canonical(file, ec);
  if (ec || !is_within(root_, resolved)) return not_found();

  const auto size = fs::file_size(resolved, ec);
  if (ec) return not_found();
  const auto modified = fs::last_write_time(resolved, ec);
  if (ec) return not_found();
  const auto modified_sys = std::chrono::file_clock::to_sys(modified);
  const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(modified_sys.time_since_epoch()).count();
  const std::string etag = fmt::format("\"{:x}-{:x}\"", size, nanos);
  const std::time_t modified_time = std::chrono::system_clock::to_time_t(
      std::chrono::time_point_cast<std::chrono::system_clock::duration>(modified_sys));
  const std::string last_modified = fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", fmt::gmtime(modified_time));

  const bool immutable = !fallback && path.starts_with(kImmutablePrefix);
  const std::string_view cache = immutable ? kImmutableCache : kRevalidateCache;

  Response response;
  if (const auto if_none_match = request.header("if-none-match"); if_none_match && etag_matches(*if_none_match, etag)) {
    response.status = 304;
  } else {
    response.status = 200;
    response.body = read_file(resolved);
    response.set_header(
        "Content-Type",
        std::string(content_type_for(resolved.extension().string().substr(resolved.extension().empty() ? 0 : 1))));
  }
  response.set_header("ETag", etag);
  response.set_header("Last-Modified", last_modified);
  response.set_header("Cache-Control", std::string(cache));
  return response;
}

}  // namespace termintreu::platform::http
