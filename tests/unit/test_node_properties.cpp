// Node properties (docs/catalog-format.md): named lists of one-line text on a framework node,
// read with located errors, and carried by every writer (JSON, catalog YAML, OSCAL) and back.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "oscal/catalog_exchange.hpp"

namespace cyberframe::catalog {
namespace {

std::vector<std::string> errors_of(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(d.to_string());
  return out;
}

LoadResult load(const std::string& text) {
  Loader loader;
  loader.add_text("fw.yaml", text);
  return loader.finish();
}

const char* const k_framework = R"(kind: framework
id: isms
title: Clauses
conformance: none
provenance: { source: test, method: user-authored }
nodes:
  - id: "9"
    level: function
    title: Performance evaluation
    children:
      - id: "9.2"
        level: category
        title: Internal audit
        properties:
          documented-information:
            - Audit programme (available)
            - Audit results (available)
          owner-role: Internal auditor
)";

TEST(NodeProperties, AreNamedListsKeptInOrder) {
  auto r = load(k_framework);
  ASSERT_TRUE(r.ok()) << ::testing::PrintToString(errors_of(r));
  const auto* node = r.catalog.node("isms", "9.2");
  ASSERT_NE(node, nullptr);
  using Props = std::map<std::string, std::vector<std::string>>;
  EXPECT_EQ(node->properties, (Props{{"documented-information",
                                      {"Audit programme (available)", "Audit results (available)"}},
                                     {"owner-role", {"Internal auditor"}}}))
      << "a single text is a list of one";
  EXPECT_TRUE(r.catalog.node("isms", "9")->properties.empty());
  auto json = node_to_json(r.catalog, *node, false);
  EXPECT_EQ(json["properties"]["documented-information"][1], "Audit results (available)");
  EXPECT_FALSE(node_to_json(r.catalog, *r.catalog.node("isms", "9"), false).contains("properties"));
}

TEST(NodeProperties, SurviveTheCatalogYamlAndOscal) {
  auto r = load(k_framework);
  ASSERT_TRUE(r.ok());
  const auto& fw = *r.catalog.framework("isms");
  const auto& expected = r.catalog.node("isms", "9.2")->properties;

  auto again = load(framework_to_yaml(fw));
  ASSERT_TRUE(again.ok()) << ::testing::PrintToString(errors_of(again));
  EXPECT_EQ(again.catalog.node("isms", "9.2")->properties, expected);

  auto exported = oscal::export_catalog(r.catalog, fw, {"2026-01-01T00:00:00Z"});
  oscal::Document doc;
  doc.model = "catalog";
  doc.root = exported;
  doc.source = "isms.json";
  auto imported = oscal::import_catalog(doc, r.catalog);
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  const core::Node* back = nullptr;
  for (const auto& f : imported->framework.nodes)
    for (const auto& c : f.children)
      if (c.id == "9.2") back = &c;
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->properties, expected);
}

TEST(NodeProperties, BadPropertiesAreReportedWhereTheyAreAndLoadNothing) {
  auto r = load(R"(kind: framework
id: isms
title: Clauses
provenance: { source: test, method: user-authored }
nodes:
  - id: "4"
    level: function
    title: Context
    properties:
      Documented_Info: [a]
      empty: []
      nested: [[a]]
      multi: "one\ntwo"
      none:
      blank: [" "]
  - id: "5"
    level: function
    title: Leadership
    properties: [documented-information]
)");
  EXPECT_EQ(
      errors_of(r),
      (std::vector<std::string>{
          "fw.yaml:10:7: error: property name 'Documented_Info' of node 4 is not valid: use "
          "lowercase letters and digits in words joined by '-', starting with a letter (e.g. "
          "documented-information)",
          "fw.yaml:11:14: error: property 'empty' of node 4 is an empty list: omit the property",
          "fw.yaml:12:16: error: each value of property 'nested' of node 4 must be non-empty text, "
          "found a list",
          "fw.yaml:13:14: error: a value of property 'multi' of node 4 must be one line: it has a "
          "line break",
          "fw.yaml:14:12: error: property 'none' of node 4 must be a list of text, found nothing",
          "fw.yaml:15:15: error: each value of property 'blank' of node 4 must be non-empty text, "
          "found empty text",
          "fw.yaml:19:17: error: 'properties' of node 5 must be a mapping of property names to "
          "lists of text, found a list"}));
  EXPECT_TRUE(r.catalog.frameworks().empty()) << "a broken file must not half-load";
}

}  // namespace
}  // namespace cyberframe::catalog
