// `cyberframe oscal resolve PROFILE [-o OUT] [--to json|xml|yaml]`: resolves an OSCAL profile
// (JSON, XML or YAML, importing catalogs and profiles in any of them) into a catalog.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/oscal_output.hpp"
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

int run_resolve(const ResolveArgs& args, std::ostream& out, std::ostream& err) {
  auto format = oscal_output_format(args.to, args.output);
  if (!format) {
    err << "cyberframe: error: " << format.error().message << '\n';
    return k_exit_bad_input;
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
  std::string text =
      oscal::write(resolution->catalog, format->value_or(resolution->catalog.format));
  return write_output(out, err, args.output, text);
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
