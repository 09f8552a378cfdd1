// Derivation through edition mappings, reverse look-up and diff, on a small hand-made catalog whose
// every answer can be worked out by hand.

#include <gtest/gtest.h>

#include <map>

#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "core/diff.hpp"
#include "core/lookup.hpp"
#include "util/text.hpp"

namespace cyberframe {
namespace {

// Old edition: sections 1 and 2; new edition: 5.x. Mapping:
//   1.1 -> 5.1 (renumbered), 1.2 -> 5.2 and 1.3 -> 5.2 (merged), 2.1 -> 5.3, 5.4 (split),
//   2.2 no successor (no-relationship), 2.3 unmapped, 3 same number (3 -> 3).
// "Annex" standards mirror them with prefix "A.".
const char* const k_files[][2] = {
    {"old.yaml", R"(kind: standard
id: old-2013
designation: OLD:2013
title: Old edition
superseded_by: new-2022
provenance: { source: t, method: user-authored }
clauses:
  - { id: "1", title: One, type: section }
  - { id: "1.1", title: One one, type: control }
  - { id: "1.2", title: One two, type: control }
  - { id: "1.3", title: One three, type: control }
  - { id: "2", title: Two, type: section }
  - { id: "2.1", title: Two one, type: control }
  - { id: "2.2", title: Two two, type: control }
  - { id: "2.3", title: Two three, type: control }
  - { id: "3", title: Three, type: control }
)"},
    {"new.yaml", R"(kind: standard
id: new-2022
designation: NEW:2022
title: New edition
provenance: { source: t, method: user-authored }
clauses:
  - { id: "3", title: Three, type: control }
  - { id: "5", title: Five, type: section }
  - { id: "5.1", title: Five one, type: control }
  - { id: "5.2", title: Five two, type: control }
  - { id: "5.3", title: Five three, type: control }
  - { id: "5.4", title: Five four, type: control }
)"},
    {"req-old.yaml", R"(kind: standard
id: req-2013
designation: REQ:2013
title: Requirements, old
superseded_by: req-2022
provenance: { source: t, method: user-authored }
annex: { prefix: "A.", mirrors: old-2013 }
clauses:
  - { id: "A", title: Annex, type: annex }
)"},
    {"req-new.yaml", R"(kind: standard
id: req-2022
designation: REQ:2022
title: Requirements, new
provenance: { source: t, method: user-authored }
annex: { prefix: "A.", mirrors: new-2022 }
clauses:
  - { id: "A", title: Annex, type: annex }
)"},
    {"map.yaml", R"(kind: mapping-set
id: old-to-new
title: Old to new
source: { standard: old-2013 }
target: { standard: new-2022 }
purpose: edition
provenance: { source: t, method: user-authored }
mappings:
  - { source: "1.1", target: "5.1", relationship: equivalent }
  - { source: "1.2", target: "5.2", relationship: subset-of }
  - { source: "1.3", target: "5.2", relationship: subset-of }
  - { source: "2.1", target: ["5.3", "5.4"], relationship: intersects-with }
  - { source: "2.2", relationship: no-relationship }
  - { source: "3", target: "3", relationship: equal }
)"},
    {"fw.yaml", R"(kind: framework
id: fw
title: Framework
conformance: none
provenance: { source: t, method: user-authored }
nodes:
  - id: F
    level: function
    title: F
    references: [ { standard: old-2013 } ]
    children:
      - id: F.A
        level: category
        title: A
        references: [ { standard: old-2013, clause: "2" } ]
        children:
          - id: F.A-1
            level: subcategory
            description: renumbered and merged
            references:
              - { standard: old-2013, clauses: ["1.1", "1.2", "1.3"] }
          - id: F.A-2
            level: subcategory
            description: split, no successor, unmapped, same number
            references:
              - { standard: old-2013, clauses: ["2.1", "2.2", "2.3", "3"] }
          - id: F.A-3
            level: subcategory
            description: through the annex
            references:
              - { standard: req-2013, clause: "A.1.1" }
)"},
    {"derived.yaml", R"(kind: framework
id: fw-new
title: Framework, new references
conformance: none
derive: { from: fw, through: [old-to-new] }
provenance: { source: t, method: derived }
)"},
};

catalog::LoadResult load_mini() {
  catalog::Loader loader;
  for (const auto& f : k_files) loader.add_text(f[0], f[1]);
  return loader.finish();
}

std::vector<std::string> refs_of(const core::Catalog& cat, const std::string& fw,
                                 const std::string& node) {
  std::vector<std::string> out;
  for (const auto& r : cat.node(fw, node)->references)
    out.push_back(catalog::reference_label(cat, r));
  return out;
}

TEST(Derive, RewritesEveryReferenceAndExplainsIt) {
  auto r = load_mini();
  for (const auto& d : r.diagnostics) ADD_FAILURE() << d.to_string();
  const auto& cat = r.catalog;
  ASSERT_NE(cat.framework("fw-new"), nullptr);

  EXPECT_EQ(refs_of(cat, "fw-new", "F"), std::vector<std::string>{"NEW:2022"});
  // Section 2 expands to its controls' successors: 5.3, 5.4 (2.1); 2.2 and 2.3 have none.
  EXPECT_EQ(refs_of(cat, "fw-new", "F.A"),
            (std::vector<std::string>{"NEW:2022 5.3", "NEW:2022 5.4"}));
  EXPECT_EQ(refs_of(cat, "fw-new", "F.A-1"),
            (std::vector<std::string>{"NEW:2022 5.1", "NEW:2022 5.2"}));
  EXPECT_EQ(refs_of(cat, "fw-new", "F.A-2"),
            (std::vector<std::string>{"NEW:2022 5.3", "NEW:2022 5.4", "OLD:2013 2.2",
                                      "OLD:2013 2.3", "NEW:2022 3"}));
  EXPECT_EQ(refs_of(cat, "fw-new", "F.A-3"), std::vector<std::string>{"REQ:2022 A.5.1"});

  std::map<std::string, std::string> kinds;  // "node clause" -> kind
  for (const auto& c : cat.framework("fw-new")->derivation->changes) {
    kinds[c.node + " " + c.before.clause] = std::string(core::to_string(c.kind));
  }
  EXPECT_EQ(kinds, (std::map<std::string, std::string>{{"F ", "repointed"},
                                                       {"F.A 2", "split"},
                                                       {"F.A-1 1.1", "renumbered"},
                                                       {"F.A-1 1.2", "merged"},
                                                       {"F.A-1 1.3", "merged"},
                                                       {"F.A-2 2.1", "split"},
                                                       {"F.A-2 2.2", "no-successor"},
                                                       {"F.A-2 2.3", "no-successor"},
                                                       {"F.A-2 3", "same-number"},
                                                       {"F.A-3 A.1.1", "renumbered"}}));
  // The source framework keeps its references.
  EXPECT_EQ(refs_of(cat, "fw", "F.A-1"),
            (std::vector<std::string>{"OLD:2013 1.1", "OLD:2013 1.2", "OLD:2013 1.3"}));
}

TEST(Diff, ShowsReferenceChangesWithTheirReasons) {
  auto r = load_mini();
  const auto& cat = r.catalog;
  auto d = core::diff_frameworks(cat, *cat.framework("fw"), *cat.framework("fw-new"));
  EXPECT_TRUE(d.b_derived_from_a);
  EXPECT_EQ(d.unchanged, 0u);
  ASSERT_EQ(d.nodes.size(), 5u);
  const auto& a2 = d.nodes[3];
  EXPECT_EQ(a2.id, "F.A-2");
  EXPECT_EQ(a2.references_removed.size(), 2u);  // 2.1 and 3 of OLD; 2.2 and 2.3 stay
  EXPECT_EQ(a2.references_added.size(), 3u);    // 5.3, 5.4, 3 of NEW
  EXPECT_EQ(a2.explained.size(), 4u);
}

TEST(Lookup, FindsDirectCitationsAndThoseThroughMappings) {
  auto r = load_mini();
  const auto& cat = r.catalog;
  auto found = core::find_citations(cat, *cat.standard("new-2022"), "5.2");
  std::vector<std::string> lines;
  for (const auto& c : found) {
    lines.push_back(c.framework->id + " " + c.node->id + " " +
                    catalog::reference_label(cat, c.reference) + " " +
                    std::string(core::to_string(c.match)) + " via " + util::join(c.via, " | "));
  }
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "fw-new F NEW:2022 whole-standard via ",
                       "fw-new F.A-1 NEW:2022 5.2 exact via ",
                       "fw F.A-1 OLD:2013 1.2 exact via old-to-new: 1.2 -> 5.2 (subset-of)",
                       "fw F.A-1 OLD:2013 1.3 exact via old-to-new: 1.3 -> 5.2 (subset-of)",
                   }));
}

TEST(Lookup, NeverTurnsRoundBetweenEditions) {
  auto r = load_mini();
  const auto& cat = r.catalog;
  // 5.3 comes from 2.1 only; 2.1 also became 5.4, but nothing citing 5.4 supports 5.3.
  auto found = core::find_citations(cat, *cat.standard("new-2022"), "5.3");
  for (const auto& c : found) {
    EXPECT_NE(c.reference.clause, "5.4") << c.node->id;
  }
  // Annex mirrors: REQ:2022 A.5.1 is 5.1 of NEW, which came from 1.1 of OLD, which REQ:2013 A.1.1
  // mirrors.
  auto annex = core::find_citations(cat, *cat.standard("new-2022"), "5.1");
  std::vector<std::string> nodes;
  for (const auto& c : annex)
    nodes.push_back(c.framework->id + ":" + c.node->id + ":" + c.reference.clause);
  EXPECT_NE(std::find(nodes.begin(), nodes.end(), "fw:F.A-3:A.1.1"), nodes.end());
  EXPECT_NE(std::find(nodes.begin(), nodes.end(), "fw-new:F.A-3:A.5.1"), nodes.end());
}

TEST(Text, ClauseOrderIsNumeric) {
  EXPECT_TRUE(util::clause_less("9.2", "10.1"));
  EXPECT_TRUE(util::clause_less("5.2", "5.10"));
  EXPECT_TRUE(util::clause_less("18", "A"));
  EXPECT_FALSE(util::clause_less("5.10", "5.2"));
  EXPECT_TRUE(util::clause_less("5", "5.1"));
}

TEST(Text, Utf8Validation) {
  EXPECT_EQ(util::find_invalid_utf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(util::find_invalid_utf8("ISO/IEC — caf\xc3\xa9"), std::string_view::npos);
  EXPECT_EQ(util::find_invalid_utf8("caf\xe9"), 3u);
  EXPECT_EQ(util::find_invalid_utf8("truncated \xe2\x80"), 10u);
  EXPECT_EQ(util::find_invalid_utf8(std::string_view("a\0b", 3)), 1u);
  EXPECT_EQ(util::find_invalid_utf8("\xc0\xaf"), 0u) << "overlong encoding";
}

TEST(Text, CsvFieldsAreQuotedOnlyWhenNeeded) {
  EXPECT_EQ(util::csv_field("plain"), "plain");
  EXPECT_EQ(util::csv_field("a, b"), "\"a, b\"");
  EXPECT_EQ(util::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
}

TEST(Text, EscapingForEachKindOfMarkup) {
  const std::string_view s = "a<b>&\"c'\t\n\r";
  EXPECT_EQ(util::escaped(s, util::Escape::k_xml_text), "a&lt;b&gt;&amp;\"c'\t\n&#13;");
  EXPECT_EQ(util::escaped(s, util::Escape::k_xml_attribute),
            "a&lt;b&gt;&amp;&quot;c'&#9;&#10;&#13;");
  EXPECT_EQ(util::escaped(s, util::Escape::k_html), "a&lt;b&gt;&amp;&quot;c&#39;\t\n\r");
  std::string out = "x";
  util::append_escaped("\xc3\xa9&", out, util::Escape::k_html);
  EXPECT_EQ(out, "x\xc3\xa9&amp;") << "UTF-8 passes through unchanged";
}

}  // namespace
}  // namespace cyberframe
