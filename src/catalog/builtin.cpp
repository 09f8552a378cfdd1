#include "catalog/builtin.hpp"

#include "catalog/loader.hpp"

namespace cyberframe::catalog {

LoadResult load_builtin() {
  Loader loader;
  for (const auto& file : builtin_files()) loader.add_text(std::string(file.path), file.content);
  return loader.finish();
}

LoadResult load(const std::filesystem::path& dir,
                const std::vector<std::filesystem::path>& extra_files) {
  Loader loader;
  if (dir.empty()) {
    for (const auto& file : builtin_files()) loader.add_text(std::string(file.path), file.content);
  } else {
    loader.add_directory(dir);
  }
  for (const auto& f : extra_files) loader.add_file(f, true);
  return loader.finish();
}

}  // namespace cyberframe::catalog
