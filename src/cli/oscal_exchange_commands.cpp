#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace cyberframe::cli {

void add_oscal_exchange_commands(CLI::App&, const CatalogOptions&, const WorkspaceOptions&,
                                 std::ostream&, std::ostream&, int&) {}

}  // namespace cyberframe::cli
