#pragma once
// The built web app (Vite's dist/) served from disk: exact files, the SPA fallback to index.html, and the cache
// policy Vite's hashed asset names allow. No Beast here, so it is tested without a network.
#include <filesystem>
#include <string_view>

#include "platform/http/message.hpp"

namespace termintreu::platform::http {

class StaticFiles {
 public:
  // Throws std::invalid_argument when root is not a directory.
  explicit StaticFiles(const std::filesystem::path& root);

  // For GET and HEAD (the server drops the body for HEAD). request.path is the decoded path. Never reads outside
  // the root: "..", backslashes and NUL are refused (400) and symbolic links leading out are not followed (404).
  Response serve(const Request& request) const;

 private:
  std::filesystem::path root_;  // canonical
};

// "js" → "text/javascript; charset=utf-8"; application/octet-stream for what it does not know.
std::string_view content_type_for(std::string_view extension);

}  // namespace termintreu::platform::http
