#include "catalog/builtin.hpp"

#include "catalog/loader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cyberframe::catalog {

bool is_builtin_file(std::string_view path) {
  for (const auto& file : builtin_files())
    if (file.path == path) return true;
  return false;
}

void check_builtin_provenance(LoadResult& result) {
  auto check = [&](const core::Provenance& p, const core::Location& where,
                   const std::string& what) {
    if (!is_builtin_file(where.file)) return;
    for (auto [key, value] : {std::pair{"edition", &p.edition}, std::pair{"licence", &p.licence}})
      if (value->empty())
        result.diagnostics.push_back(
            {Severity::k_error, DiagnosticKind::k_content, where,
             what + " of the built-in catalog lacks 'provenance." + key +
                 "' (built-in content states its source, edition and licence)"});
  };
  for (const auto& [id, fw] : result.catalog.frameworks())
    check(fw.provenance, fw.location, "framework '" + id + "'");
  for (const auto& [id, set] : result.catalog.mapping_sets())
    check(set.provenance, set.location, "mapping set '" + id + "'");
  for (const auto& [id, c] : result.catalog.criteria_sets())
    check(c.provenance, c.location, "risk criteria '" + id + "'");
  for (const auto& [id, c] : result.catalog.threat_catalogues())
    check(c.provenance, c.location, "threat catalogue '" + id + "'");
}

LoadResult load_builtin() {
  Loader loader;
  for (const auto& file : builtin_files()) loader.add_text(std::string(file.path), file.content);
  auto result = loader.finish();
  check_builtin_provenance(result);
  return result;
}

void add_catalog(Loader& loader, const std::filesystem::path& dir,
                 const std::vector<std::filesystem::path>& extra_files) {
  if (dir.empty()) {
    for (const auto& file : builtin_files()) loader.add_text(std::string(file.path), file.content);
  } else {
    loader.add_directory(dir);
  }
  for (const auto& f : extra_files) loader.add_file(f, true);
}

LoadResult load(const std::filesystem::path& dir,
                const std::vector<std::filesystem::path>& extra_files) {
  Loader loader;
  add_catalog(loader, dir, extra_files);
  auto result = loader.finish();
  if (dir.empty()) check_builtin_provenance(result);
  return result;
}

namespace {

Sources::File read_source(const std::filesystem::path& path, bool overriding) {
  Sources::File file{path.string(), "", overriding};
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  std::ifstream in(path, std::ios::binary);
  if (ec || size > k_max_file_bytes || !in || std::filesystem::is_directory(path, ec)) {
    file.unread = true;
    return file;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  file.text = std::move(buffer).str();
  return file;
}

}  // namespace

Sources read_sources(const std::filesystem::path& dir,
                     const std::vector<std::filesystem::path>& extra_files) {
  Sources out;
  if (dir.empty()) {
    out.builtin = true;
    for (const auto& file : builtin_files())
      out.files.push_back({std::string(file.path), std::string(file.content)});
  } else {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      out.files.push_back({dir.string(), "", false, true, true});
    } else {
      for (const auto& f : catalog_files_below(dir)) out.files.push_back(read_source(f, false));
    }
  }
  for (const auto& f : extra_files) out.files.push_back(read_source(f, true));
  return out;
}

LoadResult load(const Sources& sources,
                const std::vector<std::pair<std::string, std::string>>& more,
                const std::pair<std::string, std::string>& draft) {
  Loader loader;
  for (const auto& f : sources.files) {
    if (f.directory)
      loader.add_directory(f.path);
    else if (f.unread)
      loader.add_file(f.path, f.overriding);
    else
      loader.add_text(f.path, f.text, f.overriding);
  }
  for (const auto& [path, text] : more) loader.add_text(path, text);
  if (!draft.first.empty()) loader.add_text(draft.first, draft.second, false, &k_draft_limits);
  auto result = loader.finish();
  if (sources.builtin) check_builtin_provenance(result);
  return result;
}

}  // namespace cyberframe::catalog
