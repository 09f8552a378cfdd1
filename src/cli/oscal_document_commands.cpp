// `cyberframe oscal validate FILE` and `cyberframe oscal convert FILE --to json|xml|yaml`.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <ostream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "oscal/document.hpp"

namespace cyberframe::cli {

namespace {

namespace fs = std::filesystem;

struct ValidateArgs {
  std::string file;
};

struct ConvertArgs {
  std::string file;
  std::string to;
  std::string output;
};

int report_error(std::ostream& err, const util::Error& error) {
  err << "cyberframe: error: " << error.message << '\n';
  return util::exit_code_for(error.code);
}

int run_validate(const ValidateArgs& args, std::ostream& out, std::ostream& err) {
  auto document = oscal::read_file(args.file);
  if (!document) return report_error(err, document.error());
  auto problems = oscal::validate(*document);
  if (problems.empty()) {
    out << "OK: " << document->model << ' ' << args.file << '\n';
    return k_exit_ok;
  }
  for (const auto& p : problems) out << args.file << ": " << p.path << ": " << p.message << '\n';
  err << "cyberframe: " << args.file << ": " << problems.size() << " problem"
      << (problems.size() == 1 ? "" : "s") << '\n';
  return k_exit_problems;
}

int run_convert(const ConvertArgs& args, std::ostream& out, std::ostream& err) {
  auto format = oscal::parse_format(args.to);
  if (!format) {
    err << "cyberframe: error: --to '" << args.to << "' is not a format (json, xml or yaml)\n";
    return k_exit_bad_input;
  }
  if (!args.output.empty()) {
    std::error_code ec;
    if (fs::exists(args.output, ec) && fs::equivalent(args.file, args.output, ec)) {
      err << "cyberframe: error: " << args.output
          << " is the input file; convert writes a new file and never overwrites its input\n";
      return k_exit_bad_input;
    }
    if (fs::is_directory(args.output, ec)) {
      err << "cyberframe: error: " << args.output << " is a directory\n";
      return k_exit_bad_input;
    }
  }
  auto document = oscal::read_file(args.file);
  if (!document) return report_error(err, document.error());
  auto text = oscal::write(*document, *format);
  if (auto status = write_output(out, err, args.output, text);
      status != k_exit_ok || is_standard_output(args.output))
    return status;
  err << "wrote " << document->model << " " << args.file << " as " << oscal::to_string(*format)
      << " to " << args.output << '\n';
  return k_exit_ok;
}

}  // namespace

void add_oscal_document_commands(CLI::App& oscal, std::ostream& out, std::ostream& err,
                                 int& status) {
  auto validate_args = std::make_shared<ValidateArgs>();
  auto* validate = oscal.add_subcommand(
      "validate",
      "Check an OSCAL document (JSON, XML or YAML) against its model and the references within "
      "it; exit 1 when it has problems");
  validate->add_option("FILE", validate_args->file, "The document")->required();
  validate->callback(
      [validate_args, &out, &err, &status] { status = run_validate(*validate_args, out, err); });

  auto convert_args = std::make_shared<ConvertArgs>();
  auto* convert = oscal.add_subcommand(
      "convert", "Convert an OSCAL document between JSON, XML and YAML (lossless)");
  convert->add_option("FILE", convert_args->file, "The document")->required();
  convert->add_option("--to", convert_args->to, "json, xml or yaml")->required();
  convert->add_option("-o,--output", convert_args->output,
                      "Write here (atomically) instead of standard output; never the input file");
  convert->callback(
      [convert_args, &out, &err, &status] { status = run_convert(*convert_args, out, err); });
}

}  // namespace cyberframe::cli
