#include "catalog/builtin.hpp"

#include "catalog/loader.hpp"

namespace cyberframe::catalog {

LoadResult load_builtin() {
  Loader loader;
  for (const auto& file : builtin_files()) loader.add_text(std::string(file.path), file.content);
  return loader.finish();
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
  return loader.finish();
}

}  // namespace cyberframe::catalog
