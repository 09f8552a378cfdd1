#include "cli/oscal_output.hpp"

#include "cli/output.hpp"

namespace cyberframe::cli {

util::Result<std::optional<oscal::Format>> oscal_output_format(const std::string& to,
                                                               const std::string& output) {
  if (!to.empty()) {
    auto format = oscal::parse_format(to);
    if (!format)
      return util::fail(util::ErrorCode::k_invalid_input,
                        "--to '" + to + "' is not json, xml or yaml");
    return format;
  }
  if (!is_standard_output(output)) return oscal::format_from_path(output);
  return std::nullopt;
}

}  // namespace cyberframe::cli
