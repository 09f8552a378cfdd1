#pragma once
// The schema migrations, one SQL file per version and dialect under src/store/migrations/DIALECT/
// ("0001-name.sql", ...), embedded in the binary at build time (cmake/EmbedMigrations.cmake).
// File N brings a workspace from schema version N-1 to N; a file is never edited once released:
// a change is a new file.

#include <string_view>
#include <vector>

namespace cyberframe::store {

struct MigrationFile {
  std::string_view dialect;  // "sqlite"
  std::string_view name;     // "0001-organizations-profiles-roadmap.sql"
  std::string_view sql;
};

// The migrations of `dialect`, in order (index 0 is version 1).
std::vector<MigrationFile> embedded_migrations(std::string_view dialect);

}  // namespace cyberframe::store
