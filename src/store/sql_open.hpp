#pragma once
// Opening the connections of the two backends (internal to src/store).

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "store/sql_connection.hpp"

namespace cyberframe::store::sql {

// A SQLite workspace file: WAL, foreign keys on, the busy timeout set. Without `create`, a
// missing file is k_not_found naming `cyberframe init`, and no file is made.
Result<std::unique_ptr<Connection>> connect_sqlite(const std::filesystem::path& path, bool create);

// A PostgreSQL database by libpq's URL (postgresql://user@host/db?...). The database must exist;
// the schema is the store's to make. Errors name the location without its password.
Result<std::unique_ptr<Connection>> connect_postgresql(const std::string& url);

// `url` with any password replaced by "***": for messages.
std::string redacted(std::string_view url);

// The database name of a PostgreSQL URL ("postgres" when it names none).
std::string database_name(std::string_view url);

}  // namespace cyberframe::store::sql
