#pragma once
// A folder of its own for a test, removed with everything in it when the test ends.

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace cyberframe::testing_support {

struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& prefix = "cyberframe-test-") {
    path = std::filesystem::temp_directory_path() /
           (prefix + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace cyberframe::testing_support
