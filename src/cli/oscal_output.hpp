#pragma once
// The output options the oscal verbs share: --to json|xml|yaml and -o FILE.

#include <optional>
#include <string>

#include "oscal/document.hpp"
#include "util/result.hpp"

namespace cyberframe::cli {

// The format to write: --to when given (k_invalid_input "--to 'X' is not json, xml or yaml" when
// it names none), else the one the extension of -o names, else nullopt (the verb's default).
util::Result<std::optional<oscal::Format>> oscal_output_format(const std::string& to,
                                                               const std::string& output);

}  // namespace cyberframe::cli
