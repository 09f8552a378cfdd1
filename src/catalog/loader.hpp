#pragma once
// Reads catalog files (YAML, see docs/catalog-format.md) into a core::Catalog.
//
// Contract: every problem is reported as a Diagnostic with file, line and column. A file with any
// error contributes nothing to the catalog (never half-loaded); the other files still load, unless
// they depend on the rejected one, in which case they are rejected too, with a diagnostic saying
// so. Derived frameworks are computed in finish().
//
// Threading: a Loader is used by one thread; the Catalog it returns is immutable.

#include <filesystem>
#include <string>
#include <vector>

#include "core/catalog.hpp"

namespace cyberframe::catalog {

enum class Severity { k_error, k_warning };

// k_unreadable: the file could not be read as a YAML document at all (missing, too large, not text,
// empty, a syntax error). k_content: it was read, and something in it is wrong.
enum class DiagnosticKind { k_unreadable, k_content };

struct Diagnostic {
  Severity severity = Severity::k_error;
  DiagnosticKind kind = DiagnosticKind::k_content;
  core::Location location;
  std::string message;

  // "FILE:LINE:COLUMN: error: MESSAGE" (or "FILE: error: ..." when there is no position).
  std::string to_string() const;
};

// Largest catalog file accepted, in bytes.
inline constexpr std::size_t k_max_file_bytes = 16u * 1024u * 1024u;

struct LoadResult {
  core::Catalog catalog;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> rejected_files;  // files that contributed nothing

  bool ok() const;  // no error diagnostics
};

class Loader {
 public:
  Loader();
  ~Loader();
  Loader(const Loader&) = delete;
  Loader& operator=(const Loader&) = delete;

  // Parses one file's text; `path` is only used in diagnostics. An `overriding` file's items
  // replace items of the same id from non-overriding files instead of being duplicates (a
  // framework creator checking an edited copy of a built-in framework).
  void add_text(std::string path, std::string_view content, bool overriding = false);
  // Reads and parses one file. A missing or unreadable file is a diagnostic.
  void add_file(const std::filesystem::path& path, bool overriding = false);
  // Reads every *.yaml / *.yml file below `dir`, in sorted path order.
  void add_directory(const std::filesystem::path& dir);

  // Resolves references between files, builds annexes and derived frameworks, and returns the
  // catalog of every file that loaded cleanly. REQUIRES: called once.
  LoadResult finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// The *.yaml / *.yml files below `dir`, recursively, in sorted path order (what
// Loader::add_directory reads); none when `dir` cannot be read.
std::vector<std::filesystem::path> catalog_files_below(const std::filesystem::path& dir);

// Loads the catalog built into the binary. Any error is a bug of the build: it is returned, not
// thrown, so a caller can print the diagnostics.
LoadResult load_builtin();

// Loads the built-in catalog, or, when `dir` is not empty, the catalog files of that directory
// instead, plus `extra_files` on top.
LoadResult load(const std::filesystem::path& dir,
                const std::vector<std::filesystem::path>& extra_files);

// Adds to `loader` what load() loads, for a caller that adds more before finishing.
void add_catalog(Loader& loader, const std::filesystem::path& dir,
                 const std::vector<std::filesystem::path>& extra_files);

}  // namespace cyberframe::catalog
