// `cyberframe oscal resolve PROFILE [-o OUT] [--to json|xml|yaml]`: resolves an OSCAL profile
// (JSON, XML or YAML, importing catalogs and profiles in any of them) into a catalog.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "oscal/resolve.hpp"

namespace cyberframe::cli {

namespace {

struct ResolveArgs {
  std::string profile;
  std::string output;
  std::string to;
  bool quiet = false;
};

// Writes next to the destination and renames, so a failed write leaves no half file behind and
// an existing file unchanged.
bool write_atomically(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-resolve";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file || !(file << text) || !file.flush()) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return false;
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    std::filesystem::remove(temporary, error);
    return false;
  }
  return true;
}

int run_resolve(const ResolveArgs& args, std::ostream& out, std::ostream& err) {
  std::optional<oscal::Format> format;
  if (!args.to.empty()) {
    format = oscal::parse_format(args.to);
    if (!format) {
      err << "cyberframe: error: --to '" << args.to << "' is not json, xml or yaml\n";
      return k_exit_bad_input;
    }
  } else if (!args.output.empty() && args.output != "-") {
    format = oscal::format_from_path(args.output);
  }
  std::error_code error;
  if (!std::filesystem::is_regular_file(args.profile, error)) {
    err << "cyberframe: error: " << args.profile << ": no such file\n";
    return k_exit_bad_input;
  }
  auto resolution = oscal::resolve_file(args.profile);
  if (!resolution) {
    err << "cyberframe: error: " << resolution.error().message << '\n';
    return util::exit_code_for(resolution.error().code);
  }
  if (!args.quiet) {
    for (const std::string& warning : resolution->warnings) {
      err << "cyberframe: warning: " << warning << '\n';
    }
  }
  std::string text = oscal::write(resolution->catalog, format.value_or(resolution->catalog.format));
  if (args.output.empty() || args.output == "-") {
    out << text;
    return k_exit_ok;
  }
  if (!write_atomically(args.output, text)) {
    err << "cyberframe: error: cannot write " << args.output << '\n';
    return k_exit_environment;
  }
  return k_exit_ok;
}

}  // namespace

void add_oscal_resolve_command(CLI::App& oscal, std::ostream& out, std::ostream& err, int& status) {
  auto args = std::make_shared<ResolveArgs>();
  auto* resolve = oscal.add_subcommand(
      "resolve",
      "Resolve an OSCAL profile into a catalog (NIST's profile resolution: imports, merge, "
      "modify, back-matter); imports may be JSON, XML or YAML");
  resolve->add_option("PROFILE", args->profile, "The profile (.json, .xml, .yaml)")->required();
  resolve->add_option("-o,--output", args->output,
                      "Write the catalog here (default: standard output); its extension gives "
                      "the format unless --to does");
  resolve->add_option("--to", args->to,
                      "Output format: json, xml or yaml (default: the profile's format)");
  resolve->add_flag("-q,--quiet", args->quiet, "Do not print warnings");
  resolve->callback([args, &out, &err, &status] { status = run_resolve(*args, out, err); });
}

}  // namespace cyberframe::cli
