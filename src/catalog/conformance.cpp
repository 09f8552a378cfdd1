#include "catalog/conformance.hpp"

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace cyberframe::catalog {

namespace {

struct Concept {
  std::string_view id;
  std::string_view name;
};
constexpr std::array<Concept, 5> k_concepts{{
    {"ID", "Identify"},
    {"PR", "Protect"},
    {"DE", "Detect"},
    {"RS", "Respond"},
    {"RC", "Recover"},
}};

bool is_concept(const core::Node& node, const Concept& c) {
  return node.id == c.id || util::to_lower(util::trim(node.title)) == util::to_lower(c.name);
}

}  // namespace

bool ConformanceReport::conformant() const {
  return std::none_of(findings.begin(), findings.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::k_error; });
}

ConformanceReport check_conformance(const core::Catalog& catalog, const core::Framework& fw) {
  ConformanceReport report;
  report.framework = fw.id;
  report.applicable = fw.conformance == core::Conformance::k_ts_27110;
  auto finding = [&](Severity severity, const core::Location& where, std::string message) {
    report.findings.push_back(
        Diagnostic{severity, DiagnosticKind::k_content, where, std::move(message)});
  };
  for (const auto* node : catalog.nodes_in_order(fw.id)) {
    switch (node->level) {
      case core::Level::k_function:
        ++report.functions;
        break;
      case core::Level::k_category:
        ++report.categories;
        break;
      case core::Level::k_subcategory:
        ++report.subcategories;
        if (node->references.empty()) {
          ++report.subcategories_without_references;
          if (report.applicable)
            finding(
                Severity::k_warning, node->location,
                "subcategory " + node->id + " has no reference to a supporting standard clause");
        }
        break;
      case core::Level::k_statement:
        ++report.statements;
        break;
    }
  }
  if (!report.applicable) return report;

  for (const auto& c : k_concepts) {
    auto it = std::find_if(fw.nodes.begin(), fw.nodes.end(),
                           [&c](const core::Node& n) { return is_concept(n, c); });
    if (it == fw.nodes.end()) {
      report.concepts_missing.emplace_back(c.name);
      finding(Severity::k_error, fw.location,
              "the concept " + std::string(c.name) + " (" + std::string(c.id) +
                  ") is missing: TS 27110 clause 5 requires all five concepts as functions");
    } else {
      report.concepts_present.emplace_back(c.name);
      if (it->children.empty()) {
        finding(
            Severity::k_error, it->location,
            "function " + it->id + " (" + std::string(c.name) +
                ") has no categories: TS 27110 clause 6 subdivides each concept into categories");
      }
    }
  }
  for (const auto& n : fw.nodes) {
    bool known = std::any_of(k_concepts.begin(), k_concepts.end(),
                             [&n](const Concept& c) { return is_concept(n, c); });
    if (!known) {
      finding(Severity::k_error, n.location,
              "function " + n.id + " (" + n.title +
                  ") is not one of the five concepts Identify, Protect, Detect, Respond, Recover; "
                  "TS 27110 keeps the concepts constant (add it as a category instead)");
    }
  }
  return report;
}

FileCheck check_file(const LoadResult& result, const std::string& file) {
  FileCheck out;
  out.file = file;
  for (const auto& d : result.diagnostics) {
    if (d.location.file != file) continue;
    out.diagnostics.push_back(d);
    out.unreadable = out.unreadable || d.kind == DiagnosticKind::k_unreadable;
  }
  bool rejected = std::find(result.rejected_files.begin(), result.rejected_files.end(), file) !=
                  result.rejected_files.end();
  out.loaded = !rejected;
  if (out.loaded) {
    // What the file declared: every item records the file it came from.
    for (const auto& [id, fw] : result.catalog.frameworks()) {
      if (fw.location.file != file) continue;
      out.framework = id;
      out.conformance = check_conformance(result.catalog, fw);
      for (const auto& d : out.conformance->findings) out.diagnostics.push_back(d);
    }
    for (const auto& [id, item] : result.catalog.standards())
      if (item.location.file == file) out.item = id;
    for (const auto& [id, item] : result.catalog.mapping_sets())
      if (item.location.file == file) out.item = id;
    for (const auto& [id, item] : result.catalog.criteria_sets())
      if (item.location.file == file) out.item = id;
    for (const auto& [id, item] : result.catalog.threat_catalogues())
      if (item.location.file == file) out.item = id;
  }
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.location.line, a.location.column) <
                            std::pair(b.location.line, b.location.column);
                   });
  for (const auto& d : out.diagnostics)
    (d.severity == Severity::k_error ? out.errors : out.warnings)++;
  return out;
}

}  // namespace cyberframe::catalog
