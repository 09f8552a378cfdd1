// `cyberframe oscal validate FILE` and `cyberframe oscal convert FILE --to json|xml|yaml`.

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <random>

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

// Writes `text` to a temporary file next to `path` and renames it over `path`: a reader sees the
// old file or the whole new one, never half of it, and a failed write leaves nothing behind.
bool write_atomically(const fs::path& path, const std::string& text, std::string& problem) {
  std::random_device random;
  auto directory = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  auto temporary =
      directory / ("." + path.filename().string() + ".tmp-" + std::to_string(random()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      problem =
          "cannot write " + path.string() + " (cannot create a file in " + directory.string() + ")";
      return false;
    }
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      fs::remove(temporary, ignored);
      problem = "cannot write " + path.string();
      return false;
    }
  }
  std::error_code error;
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    problem = "cannot write " + path.string() + ": " + error.message();
    return false;
  }
  return true;
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
  if (args.output.empty() || args.output == "-") {
    out << text;
    return k_exit_ok;
  }
  std::string problem;
  if (!write_atomically(args.output, text, problem)) {
    err << "cyberframe: error: " << problem << '\n';
    return k_exit_environment;
  }
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
