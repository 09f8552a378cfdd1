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
#include "util/budget.hpp"

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

// The parse budget of a catalog file: at most 2,000,000 YAML nodes (a framework of 100,000
// subcategories takes about 700,000), nesting of 64, 1 MiB in one scalar; the tree then costs at
// most about 150 MB. Catalog files given to a process are the operator's own.
inline constexpr util::ParseLimits k_file_limits{
    .bytes = k_max_file_bytes, .nodes = 2000000, .depth = 64, .item_bytes = 1u << 20};
// The budget of a framework document a request brings (a draft to check or store): 8 MiB and
// 500,000 nodes (SP 800-53 with every control and enhancement takes about 60,000), so that a
// hostile draft costs at most about 36 MB while it is read.
inline constexpr util::ParseLimits k_draft_limits{
    .bytes = 8u << 20, .nodes = 500000, .depth = 64, .item_bytes = 1u << 20};

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
  // `limits`: the parse budget of this text (default: a catalog file's, k_file_limits); a text
  // from a request (a framework draft) is read with the smaller k_draft_limits.
  void add_text(std::string path, std::string_view content, bool overriding = false,
                const util::ParseLimits* limits = nullptr);
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

// The files a catalog is loaded from, read once: the built-in files (or a directory's) and the
// added ones, as texts, so that a process can load its catalog again with more on top (the
// frameworks a workspace stores) without reading the files again.
struct Sources {
  struct File {
    std::string path;
    std::string text;
    bool overriding = false;
    // Not read (missing, too large, a missing directory): the loader reads it again, to report
    // what is wrong with it as it would have.
    bool unread = false;
    bool directory = false;
  };
  std::vector<File> files;
  bool builtin = false;  // the built-in files: their provenance rule applies
};
Sources read_sources(const std::filesystem::path& dir,
                     const std::vector<std::filesystem::path>& extra_files);
// Loads `sources` with `more` (path, text) on top, as load() would load the files; `draft` (when
// not empty) is one more text, read with k_draft_limits.
LoadResult load(const Sources& sources,
                const std::vector<std::pair<std::string, std::string>>& more = {},
                const std::pair<std::string, std::string>& draft = {});

// Adds to `loader` what load() loads, for a caller that adds more before finishing.
void add_catalog(Loader& loader, const std::filesystem::path& dir,
                 const std::vector<std::filesystem::path>& extra_files);

}  // namespace cyberframe::catalog
