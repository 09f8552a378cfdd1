#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace cyberframe::cli {

void add_oscal_resolve_command(CLI::App&, std::ostream&, std::ostream&, int&) {}

}  // namespace cyberframe::cli
