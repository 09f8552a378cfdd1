#include "util/yaml.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

namespace cyberframe::util {

namespace {

class AliasFinder : public YAML::EventHandler {
 public:
  std::optional<YAML::Mark> first;
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    if (!first) first = mark;
  }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

std::optional<TextPosition> find_yaml_alias(std::string_view text) {
  std::istringstream stream{std::string(text)};
  AliasFinder finder;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(finder) && !finder.first) {
    }
  } catch (const YAML::Exception&) {
    // A syntax error: the caller's own parse reports it with its position.
  }
  if (!finder.first) return std::nullopt;
  return TextPosition{finder.first->line + 1, finder.first->column + 1};
}

}  // namespace cyberframe::util
