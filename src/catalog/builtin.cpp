#include "catalog/builtin.hpp"

#include "catalog/loader.hpp"

namespace cyberframe::catalog {

namespace {

bool is_builtin_file(std::string_view path) {
  for (const auto& file : builtin_files())
    if (file.path == path) return true;
  return false;
}

}  // namespace

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

}  // namespace cyberframe::catalog
