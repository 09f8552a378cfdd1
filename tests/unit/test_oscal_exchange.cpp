// OSCAL exchange: frameworks <-> catalogs, mapping sets <-> mapping collections, assessment
// results and POA&Ms (src/oscal/{catalog,mapping,assessment}_exchange.hpp).

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <regex>
#include <set>

#include "catalog/loader.hpp"
#include "catalog/writer.hpp"
#include "oscal/assessment_exchange.hpp"
#include "oscal/catalog_exchange.hpp"
#include "oscal/document.hpp"
#include "oscal/mapping_exchange.hpp"

namespace cyberframe::oscal {
namespace {

const core::Catalog& builtin() {
  static const catalog::LoadResult result = catalog::load_builtin();
  return result.catalog;
}

Document document_of(Json root, std::string source = "test.json") {
  Document d;
  d.model = root.begin().key();
  d.root = std::move(root);
  d.source = std::move(source);
  return d;
}

// Through the text of a format and back, as a file would go.
Document through(const Document& d, Format format) {
  auto read = oscal::read(write(d, format), format, "round-trip");
  EXPECT_TRUE(read.has_value()) << (read ? "" : read.error().message);
  return read ? *read : d;
}

std::filesystem::path shared(const std::string& relative) {
  return std::filesystem::path(CYBERFRAME_SHARED_DIR) / "data" / "oscal" / relative;
}

// The framework as the catalog's JSON export shows it, without what only a recipe has.
nlohmann::json comparable(const core::Catalog& catalog, const core::Framework& fw) {
  auto j = catalog::framework_to_json(catalog, fw);
  j.erase("derived");
  j.erase("selected");  // a selection comes back as the nodes it kept
  return j;
}

TEST(OscalExchange, NameUuidsAreVersion5AndMatchPython) {
  // python3: uuid.uuid5(uuid.NAMESPACE_URL, "urn:cyberframe:framework:iso-tr-27103-2018")
  EXPECT_EQ(name_uuid("framework:iso-tr-27103-2018"), "733f436f-3671-58f9-816f-7284d07f204b");
  EXPECT_NE(name_uuid("a"), name_uuid("b"));
  std::regex v5("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  EXPECT_TRUE(std::regex_match(name_uuid("anything"), v5));
}

TEST(OscalExchange, NodeIdsBecomeTokensAndBack) {
  EXPECT_EQ(node_id_to_token("ID.AM-1"), "ID.AM-1");
  EXPECT_EQ(node_id_to_token("5.1"), "_5.1");
  EXPECT_EQ(token_to_node_id("_5.1"), "5.1");
  EXPECT_EQ(token_to_node_id("ID.AM-1"), "ID.AM-1");
  EXPECT_EQ(token_to_node_id("_x"), "_x");  // not one of ours: kept
  // Brackets are no token characters: the export keeps such an id as the control's label.
  EXPECT_EQ(node_id_to_token("AC-2(1)"), "AC-2.1");
  EXPECT_EQ(node_id_to_token("AC-2(12)(a)"), "AC-2.12.a");
}

TEST(OscalExchange, MarkdownKeepsLineBreaks) {
  EXPECT_EQ(text_to_markdown("a\nb"), "a\n\nb");
  EXPECT_EQ(markdown_to_text(text_to_markdown("a\nb\n\nc")), "a\nb\n\nc");
}

// Every built-in framework exports to a catalog and imports back to the same framework, in JSON,
// XML and YAML.
TEST(OscalExchange, EveryBuiltInFrameworkRoundTrips) {
  const auto& cat = builtin();
  ASSERT_GE(cat.frameworks().size(), 7u);
  const std::regex token("^[A-Za-z_][A-Za-z0-9._-]*$");
  for (const auto& [id, fw] : cat.frameworks()) {
    SCOPED_TRACE(id);
    Json exported = export_catalog(cat, fw, {"2026-01-01T00:00:00Z"});
    // Reproducible: the same framework gives the same document.
    EXPECT_EQ(exported, export_catalog(cat, fw, {"2026-01-01T00:00:00Z"}));
    EXPECT_EQ(exported["catalog"]["metadata"]["oscal-version"], "1.2.1");
    // Ids are tokens and unique; uuids unique.
    std::set<std::string> ids, uuids;
    std::function<void(const Json&)> walk = [&](const Json& item) {
      for (const char* key : {"groups", "controls"}) {
        if (!item.contains(key)) continue;
        for (const auto& child : item[key]) {
          std::string cid = child["id"];
          EXPECT_TRUE(std::regex_match(cid, token)) << cid;
          EXPECT_TRUE(ids.insert(cid).second) << "duplicate id " << cid;
          walk(child);
        }
      }
    };
    walk(exported["catalog"]);
    EXPECT_EQ(ids.size(), cat.nodes_in_order(id).size());
    if (exported["catalog"].contains("back-matter")) {
      for (const auto& r : exported["catalog"]["back-matter"]["resources"])
        EXPECT_TRUE(uuids.insert(r["uuid"]).second);
    }

    for (Format format : {Format::k_json, Format::k_xml, Format::k_yaml}) {
      SCOPED_TRACE(std::string(to_string(format)));
      Document doc = through(document_of(exported), format);
      auto imported = import_catalog(doc, cat);
      ASSERT_TRUE(imported.has_value()) << imported.error().message;
      EXPECT_EQ(imported->framework.id, id);
      EXPECT_TRUE(imported->new_standards.empty());
      EXPECT_EQ(imported->withdrawn, 0u);
      EXPECT_EQ(comparable(cat, imported->framework), comparable(cat, fw));
      EXPECT_EQ(imported->framework.provenance.licence, fw.provenance.licence);
      EXPECT_EQ(imported->framework.provenance.edition, fw.provenance.edition);
    }
  }
}

TEST(OscalExchange, ReferencesAreLinksToOneResourcePerStandard) {
  const auto& cat = builtin();
  Json exported = export_catalog(cat, *cat.framework("iso-tr-27103-2018"), {});
  const Json& c = exported["catalog"];
  // ID.RA-1 cites ISO/IEC 27002:2013 12.6.1 (catalog show iso-tr-27103-2018 ID.RA-1).
  const Json* ra1 = nullptr;
  for (const auto& g : c["groups"])
    for (const auto& category : g["controls"])
      if (category.contains("controls"))
        for (const auto& sub : category["controls"])
          if (sub["id"] == "ID.RA-1") ra1 = &sub;
  ASSERT_NE(ra1, nullptr);
  EXPECT_EQ((*ra1)["class"], "subcategory");
  EXPECT_EQ((*ra1)["parts"][0]["name"], "statement");
  EXPECT_EQ((*ra1)["parts"][0]["prose"], "Asset vulnerabilities are identified and documented");
  const Json& link = (*ra1)["links"][0];
  EXPECT_EQ(link["rel"], "reference");
  EXPECT_EQ(link["resource-fragment"], "12.6.1");
  EXPECT_EQ(link["text"], "ISO/IEC 27002:2013 12.6.1 Management of technical vulnerabilities");
  std::string href = link["href"];
  bool found = false;
  for (const auto& r : c["back-matter"]["resources"]) {
    if ("#" + r["uuid"].get<std::string>() != href) continue;
    found = true;
    EXPECT_EQ(r["title"], "ISO/IEC 27002:2013");
    EXPECT_EQ(find_prop(r, "standard-id", k_cyberframe_ns), "iso-iec-27002-2013");
  }
  EXPECT_TRUE(found);
}

TEST(OscalExchange, ImportsSp80053Rev5WithEnhancementsAndParameters) {
  auto doc = read_file(shared("sp800-53/rev5-2021/json/NIST_SP-800-53_rev5_catalog.json"));
  ASSERT_TRUE(doc.has_value()) << doc.error().message;
  auto imported = import_catalog(*doc, builtin(), {"nist-sp-800-53-rev5", "sp800-53.json"});
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  const auto& fw = imported->framework;
  std::map<core::Level, int> counts;
  std::function<void(const core::Node&)> count = [&](const core::Node& n) {
    ++counts[n.level];
    for (const auto& c : n.children) count(c);
  };
  for (const auto& n : fw.nodes) count(n);
  // 20 families; 322 controls and 867 enhancements, of which 24 and 158 are withdrawn (NIST's
  // status prop), the 22 enhancements of withdrawn controls with them. Statement items (a, b,
  // and nested 1, 2) are statements.
  EXPECT_EQ(counts[core::Level::k_function], 20);
  EXPECT_EQ(counts[core::Level::k_category], 298);
  EXPECT_EQ(counts[core::Level::k_subcategory], 709);
  EXPECT_GT(counts[core::Level::k_statement], 1000);
  EXPECT_EQ(imported->controls, 322u + 867u);
  EXPECT_EQ(imported->withdrawn, 322u + 867u - 298u - 709u);
  EXPECT_EQ(fw.conformance, core::Conformance::k_none);
  EXPECT_EQ(fw.assess, core::Assess::k_requirements);
  EXPECT_EQ(fw.id, "nist-sp-800-53-rev5");
  EXPECT_NE(fw.provenance.notes.find("imported from OSCAL"), std::string::npos);
  EXPECT_NE(fw.provenance.notes.find("oscal-version 1.0.0"), std::string::npos);
  // Families in catalog order, by the ids users know: AC, AT, AU, ...
  ASSERT_GE(fw.nodes.size(), 3u);
  EXPECT_EQ(fw.nodes[0].id, "AC");
  EXPECT_EQ(fw.nodes[0].title, "Access Control");
  EXPECT_EQ(fw.nodes[1].id, "AT");
  EXPECT_EQ(fw.nodes[2].id, "AU");
  const core::Node& ac1 = fw.nodes[0].children[0];
  EXPECT_EQ(ac1.id, "AC-1");
  // AC-1's statement is its items: a (with 1 and 2 under it), b, c.
  ASSERT_EQ(ac1.children.size(), 3u);
  EXPECT_EQ(ac1.children[0].id, "AC-1.a");
  EXPECT_EQ(ac1.children[0].level, core::Level::k_statement);
  ASSERT_EQ(ac1.children[0].children.size(), 2u);
  EXPECT_EQ(ac1.children[0].children[0].id, "AC-1.a.1");
  EXPECT_FALSE(core::assessed_directly(fw, ac1));                          // split into items
  EXPECT_FALSE(core::assessed_directly(fw, ac1.children[0]));              // split again
  EXPECT_FALSE(core::assessed_directly(fw, ac1.children[0].children[0]));  // a.1: (a), (b)
  EXPECT_TRUE(core::assessed_directly(fw, ac1.children[0].children[1]));   // a.2
  EXPECT_TRUE(core::assessed_directly(fw, ac1.children[1]));               // b
  // AC-2(3): an enhancement nested under AC-2, its lead-in the description, its items (a) ...
  // its children, parameters rendered, its discussion the notes.
  const core::Node* ac2_3 = nullptr;
  const core::Node* ac3 = nullptr;
  for (const auto& family : fw.nodes)
    for (const auto& control : family.children) {
      if (control.id == "AC-3") ac3 = &control;
      for (const auto& enhancement : control.children)
        if (enhancement.id == "AC-2(3)") ac2_3 = &enhancement;
    }
  ASSERT_NE(ac2_3, nullptr);
  EXPECT_EQ(ac2_3->title, "Disable Accounts");
  EXPECT_NE(ac2_3->description.find("[Assignment: organization-defined time period]"),
            std::string::npos)
      << ac2_3->description;
  EXPECT_EQ(ac2_3->description.find("Have expired"), std::string::npos) << ac2_3->description;
  ASSERT_FALSE(ac2_3->children.empty());
  EXPECT_EQ(ac2_3->children[0].id, "AC-2(3)(a)");
  EXPECT_EQ(ac2_3->children[0].description, "Have expired;");
  EXPECT_NE(ac2_3->notes.find("least privilege"), std::string::npos);
  // AC-3 states one requirement and has enhancements: it is assessed, and so are they (AC-3(1)
  // is withdrawn).
  ASSERT_NE(ac3, nullptr);
  EXPECT_TRUE(core::assessed_directly(fw, *ac3));
  EXPECT_EQ(ac3->children[0].id, "AC-3(2)");
  // The result is a catalog file the loader takes.
  catalog::Loader loader;
  loader.add_text("nist-sp-800-53-rev5.yaml", catalog::framework_to_yaml(fw));
  auto loaded = loader.finish();
  EXPECT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? "" : loaded.diagnostics[0].to_string());
  EXPECT_EQ(loaded.catalog.nodes_in_order("nist-sp-800-53-rev5").size(),
            20u + 298u + 709u + static_cast<std::size_t>(counts[core::Level::k_statement]));
}

// No imported node repeats its parent: neither its text nor its id behind a prefix (SP 800-171
// rev3 holds each requirement's statement in a nested control "SR-03.09.01").
void expect_no_repeats(const core::Node& parent) {
  for (const auto& c : parent.children) {
    EXPECT_FALSE(!c.description.empty() && c.description == parent.description)
        << c.id << " repeats " << parent.id;
    EXPECT_FALSE(c.id.ends_with("-" + parent.id) || c.id.ends_with("_" + parent.id))
        << c.id << " under " << parent.id;
    expect_no_repeats(c);
  }
}

TEST(OscalExchange, ImportsCsf2AndSp800171FromXml) {
  auto csf = read_file(shared("csf-2.0/NIST_CSF_v2.0_catalog.xml"));
  ASSERT_TRUE(csf.has_value()) << csf.error().message;
  auto imported = import_catalog(*csf, builtin(), {});
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  const auto& fw = imported->framework;
  EXPECT_EQ(fw.id, "nist-csf-v2-0-catalog");  // from the file name
  ASSERT_EQ(fw.nodes.size(), 6u);             // GV, ID, PR, DE, RS, RC
  EXPECT_EQ(fw.nodes[0].id, "GV");
  EXPECT_EQ(fw.conformance, core::Conformance::k_none);  // six functions, not the five concepts
  const auto& oc = fw.nodes[0].children[0];
  EXPECT_EQ(oc.id, "GV.OC");
  EXPECT_EQ(oc.level, core::Level::k_category);
  const auto& oc1 = oc.children[0];
  EXPECT_EQ(oc1.id, "GV.OC-01");
  EXPECT_EQ(oc1.title, "");  // NIST titles subcategories by their id
  EXPECT_EQ(oc1.description,
            "The organizational mission is understood and informs cybersecurity risk management");

  auto sp171 = read_file(shared("sp800-171-rev3/NIST_SP800-171_rev3_catalog.xml"));
  ASSERT_TRUE(sp171.has_value()) << sp171.error().message;
  auto imported171 = import_catalog(*sp171, builtin(), {"nist-sp-800-171-rev3", ""});
  ASSERT_TRUE(imported171.has_value()) << imported171.error().message;
  const auto& fw171 = imported171->framework;
  EXPECT_EQ(fw171.nodes.size(), 17u);
  EXPECT_EQ(imported171->withdrawn, 33u);
  EXPECT_EQ(fw171.assess, core::Assess::k_requirements);
  for (const auto& f : fw.nodes) expect_no_repeats(f);
  for (const auto& f : fw171.nodes) expect_no_repeats(f);
  // Families and requirements by their numbers, in numeric order (NIST's file starts at 03.09).
  EXPECT_EQ(fw171.nodes[0].id, "03.01");
  EXPECT_EQ(fw171.nodes[0].title, "Access Control");
  EXPECT_EQ(fw171.nodes[0].children[0].id, "03.01.01");
  std::string previous;
  std::size_t requirements = 0;
  const core::Node* screening = nullptr;
  for (const auto& family : fw171.nodes) {
    EXPECT_LT(previous, family.id);
    previous = family.id;
    std::string previous_requirement;
    for (const auto& r : family.children) {
      ++requirements;
      EXPECT_EQ(r.level, core::Level::k_category);
      EXPECT_LT(previous_requirement, r.id);
      previous_requirement = r.id;
      if (r.id == "03.09.01") screening = &r;
    }
  }
  EXPECT_EQ(requirements, 130u - 33u);  // SP 800-171 rev3: 97 requirements
  // 03.09.01 Personnel Screening: its items are its children, a statement each, not run together.
  ASSERT_NE(screening, nullptr);
  EXPECT_EQ(screening->title, "Personnel Screening");
  ASSERT_EQ(screening->children.size(), 2u);
  EXPECT_EQ(screening->children[0].id, "03.09.01.a");
  EXPECT_EQ(screening->children[0].description,
            "Screen individuals prior to authorizing access to the system.");
  EXPECT_EQ(screening->children[1].id, "03.09.01.b");
  EXPECT_TRUE(core::assessed_directly(fw171, screening->children[1]));
  EXPECT_FALSE(core::assessed_directly(fw171, *screening));
}

TEST(OscalExchange, CatalogImportRefusesOtherModelsAndVersions) {
  auto profile =
      read_file(shared("sp800-53/rev5-2021/json/NIST_SP-800-53_rev5_LOW-baseline_profile.json"));
  ASSERT_TRUE(profile.has_value());
  auto r = import_catalog(*profile, builtin(), {});
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("is a profile, not a catalog"), std::string::npos)
      << r.error().message;

  const auto& cat = builtin();
  Json good = export_catalog(cat, *cat.framework("nist-csf-1.1"), {});
  {
    Json bad = good;
    bad["catalog"]["metadata"]["oscal-version"] = "2.0.0";
    auto e = import_catalog(document_of(bad), cat, {});
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("'2.0.0' is not an OSCAL 1.x version"), std::string::npos);
  }
  {
    Json bad = good;
    bad["catalog"]["groups"][1]["controls"][2].erase("title");
    auto e = import_catalog(document_of(bad), cat, {});
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("/catalog/groups/1/controls/2"), std::string::npos)
        << e.error().message;
    EXPECT_NE(e.error().message.find("has no title"), std::string::npos);
  }
  {
    Json bad = good;
    bad["catalog"].erase("groups");
    auto e = import_catalog(document_of(bad), cat, {});
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("has no groups or controls"), std::string::npos);
  }
  {
    auto e = import_catalog(document_of(good), cat, {"Not An Id", ""});
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("framework id 'Not An Id' is not valid"), std::string::npos);
  }
}

// A framework citing a standard the catalog lacks brings it along, as an open standard.
TEST(OscalExchange, UnknownStandardsComeFromTheBackMatter) {
  const auto& cat = builtin();
  Json exported = export_catalog(cat, *cat.framework("iso-tr-27103-2018"), {});
  for (auto& r : exported["catalog"]["back-matter"]["resources"]) {
    for (auto& p : r["props"]) {
      if (p["name"] == "standard-id" && p["value"] == "iso-iec-30111") p["value"] = "acme-std-1";
    }
  }
  auto imported = import_catalog(document_of(exported), cat, {});
  ASSERT_TRUE(imported.has_value()) << imported.error().message;
  ASSERT_EQ(imported->new_standards.size(), 1u);
  EXPECT_EQ(imported->new_standards[0].id, "acme-std-1");
  EXPECT_EQ(imported->new_standards[0].designation, "ISO/IEC 30111");
  auto needed = standards_needed(imported->framework, cat, imported->new_standards);
  bool has_new = false, has_mirror = false;
  for (const auto& s : needed) {
    has_new = has_new || s.id == "acme-std-1";
    has_mirror = has_mirror || s.id == "iso-iec-27002-2013";  // mirrored by 27001:2013 Annex A
  }
  EXPECT_TRUE(has_new);
  EXPECT_TRUE(has_mirror);
}

TEST(OscalExchange, EveryBuiltInMappingSetRoundTrips) {
  const auto& cat = builtin();
  ASSERT_GE(cat.mapping_sets().size(), 3u);
  for (const auto& [id, set] : cat.mapping_sets()) {
    SCOPED_TRACE(id);
    Json exported = export_mapping_collection(cat, set, {"2026-01-01T00:00:00Z"});
    EXPECT_EQ(exported["mapping-collection"]["metadata"]["oscal-version"], "1.2.1");
    for (Format format : {Format::k_json, Format::k_xml, Format::k_yaml}) {
      SCOPED_TRACE(std::string(to_string(format)));
      auto imported = import_mapping_collection(through(document_of(exported), format), cat);
      ASSERT_TRUE(imported.has_value()) << imported.error().message;
      ASSERT_EQ(imported->sets.size(), 1u);
      auto a = catalog::mapping_set_to_json(set);
      auto b = catalog::mapping_set_to_json(imported->sets[0]);
      // No-relationship mappings come back after the others (from the gap summary).
      auto sorted = [](nlohmann::json j) {
        auto m = j["mappings"].get<std::vector<nlohmann::json>>();
        std::sort(m.begin(), m.end(),
                  [](const auto& x, const auto& y) { return x.dump() < y.dump(); });
        j["mappings"] = m;
        return j;
      };
      EXPECT_EQ(sorted(a), sorted(b));
    }
  }
}

TEST(OscalExchange, MappingRelationshipsAreOscalsNames) {
  core::MappingSet set;
  set.id = "demo-set";
  set.title = "Demo";
  set.source = {core::CatalogItemRef::Kind::k_framework, "iso-tr-27103-2018"};
  set.target = {core::CatalogItemRef::Kind::k_framework, "nist-csf-1.1"};
  set.provenance = {.source = "hand-made", .method = core::Method::k_user_authored};
  set.mappings = {
      {"ID.AM-1", {"ID.AM-1"}, core::Relationship::k_equal, "", {}},
      {"ID.AM-2", {"ID.AM-2", "ID.AM-1"}, core::Relationship::k_equivalent, "same idea", {}},
      {"ID.AM-3", {"ID.AM-3"}, core::Relationship::k_subset_of, "", {}},
      {"ID.AM-4", {"ID.AM-4"}, core::Relationship::k_superset_of, "", {}},
      {"ID.AM-5", {"ID.AM-5"}, core::Relationship::k_intersects_with, "overlap\non two lines", {}},
      {"ID.BE-1", {}, core::Relationship::k_no_relationship, "nothing like it", {}},
  };
  const auto& cat = builtin();
  Json j = export_mapping_collection(cat, set, {});
  const Json& mapping = j["mapping-collection"]["mappings"][0];
  std::vector<std::string> names;
  for (const auto& m : mapping["maps"]) names.push_back(m["relationship"]);
  EXPECT_EQ(names, (std::vector<std::string>{"equal-to", "equivalent-to", "subset-of",
                                             "superset-of", "intersects-with"}));
  EXPECT_EQ(mapping["source-gap-summary"]["unmapped-controls"][0]["with-ids"][0], "ID.BE-1");
  EXPECT_EQ(j["mapping-collection"]["provenance"]["method"], "human");
  auto back = import_mapping_collection(through(document_of(j), Format::k_xml), cat);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  const auto& m = back->sets[0].mappings;
  ASSERT_EQ(m.size(), 6u);
  EXPECT_EQ(m[1].targets, (std::vector<std::string>{"ID.AM-2", "ID.AM-1"}));
  EXPECT_EQ(m[4].rationale, "overlap\non two lines");
  EXPECT_EQ(m[5].relationship, core::Relationship::k_no_relationship);
  EXPECT_EQ(m[5].rationale, "nothing like it");

  // Bad input: an unknown relationship, a node the framework lacks, a 1.1 document.
  {
    Json bad = j;
    bad["mapping-collection"]["mappings"][0]["maps"][0]["relationship"] = "kind-of";
    auto e = import_mapping_collection(document_of(bad), cat);
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(
        e.error().message.find("/mapping-collection/mappings/0/maps/0/relationship 'kind-of'"),
        std::string::npos)
        << e.error().message;
  }
  {
    Json bad = j;
    bad["mapping-collection"]["mappings"][0]["maps"][2]["targets"][0]["id-ref"] = "XX.YY-9";
    auto e = import_mapping_collection(document_of(bad), cat);
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("'XX.YY-9' is not a node of framework nist-csf-1.1"),
              std::string::npos)
        << e.error().message;
  }
  {
    Json bad = j;
    bad["mapping-collection"]["metadata"]["oscal-version"] = "1.1.2";
    auto e = import_mapping_collection(document_of(bad), cat);
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("not OSCAL 1.2"), std::string::npos);
  }
  {
    auto catalog_doc = document_of(export_catalog(cat, *cat.framework("nist-csf-1.1"), {}));
    auto e = import_mapping_collection(catalog_doc, cat);
    ASSERT_FALSE(e.has_value());
    EXPECT_NE(e.error().message.find("not a mapping-collection"), std::string::npos);
  }
}

AssessmentResultsInput demo_input() {
  AssessmentResultsInput in;
  in.organization = {1, "ACME Ltd", "Head office", 1, ""};
  in.profile.id = 1;
  in.profile.name = "Current state";
  in.profile.framework = "iso-tr-27103-2018";
  in.scale = core::default_scale();
  auto node = [](std::string id, std::optional<int> level) {
    core::NodeAssessment a;
    a.node = std::move(id);
    a.level = level;
    a.updated_at = "2026-03-01T10:00:00Z";
    return a;
  };
  in.assessments["ID.AM-1"] = node("ID.AM-1", 4);
  in.assessments["ID.AM-1"].owner = "IT";
  core::Evidence file{1, "file", "inventory.xlsx", "", std::string(64, 'a'), 1200, "", "alice"};
  core::Evidence link{2, "link", "Wiki page", "https://wiki.example/inventory", "", 0, "", ""};
  in.assessments["ID.AM-1"].evidence = {file, link};
  in.assessments["ID.AM-2"] = node("ID.AM-2", 1);
  in.assessments["ID.AM-3"] = node("ID.AM-3", std::nullopt);
  in.assessments["ID.AM-3"].not_applicable = true;
  in.assessments["ID.AM-3"].justification = "No data flows leave the site";
  in.assessments["ID.AM-4"] = node("ID.AM-4", std::nullopt);  // stored but not assessed
  in.taken_at = "2026-03-31";
  in.assessment_name = "Q1 2026";
  in.assessor = "Alice";
  in.signed_off_by = "CISO";
  return in;
}

const Json* finding_for(const Json& result, const std::string& node) {
  for (const auto& f : result["findings"])
    if (f["target"]["target-id"] == node) return &f;
  return nullptr;
}

TEST(OscalExchange, AssessmentResultsHaveAFindingPerAssessedNode) {
  auto in = demo_input();
  auto j = export_assessment_results(builtin(), in);
  ASSERT_TRUE(j.has_value()) << j.error().message;
  const Json& ar = (*j)["assessment-results"];
  const Json& result = ar["results"][0];
  EXPECT_EQ(result["start"], "2026-03-31T00:00:00Z");
  EXPECT_EQ(result["findings"].size(), 3u);  // ID.AM-4 has neither level nor N/A
  EXPECT_EQ(result["observations"].size(), 3u);
  EXPECT_EQ(result["reviewed-controls"]["control-selections"][0]["include-controls"].size(), 3u);
  // Default threshold: 3 on 0-5.
  EXPECT_EQ((*finding_for(result, "ID.AM-1"))["target"]["status"]["state"], "satisfied");
  EXPECT_EQ((*finding_for(result, "ID.AM-1"))["target"]["implementation-status"]["state"],
            "implemented");
  EXPECT_EQ((*finding_for(result, "ID.AM-2"))["target"]["status"]["state"], "not-satisfied");
  EXPECT_EQ((*finding_for(result, "ID.AM-2"))["target"]["implementation-status"]["state"],
            "partial");
  const Json& na = *finding_for(result, "ID.AM-3");
  EXPECT_EQ(na["target"]["implementation-status"]["state"], "not-applicable");
  EXPECT_NE(na["description"].get<std::string>().find("No data flows leave the site"),
            std::string::npos);
  // Evidence: the file as a back-matter resource with its hash, the link as it is.
  const Json* observation = nullptr;
  for (const auto& o : result["observations"])
    if (o["uuid"] ==
        (*finding_for(result, "ID.AM-1"))["related-observations"][0]["observation-uuid"])
      observation = &o;
  ASSERT_NE(observation, nullptr);
  ASSERT_EQ((*observation)["relevant-evidence"].size(), 2u);
  EXPECT_EQ((*observation)["relevant-evidence"][1]["href"], "https://wiki.example/inventory");
  std::string file_href = (*observation)["relevant-evidence"][0]["href"];
  bool resource = false;
  for (const auto& r : ar["back-matter"]["resources"]) {
    if ("#" + r["uuid"].get<std::string>() == file_href) {
      resource = true;
      EXPECT_EQ(r["rlinks"][0]["hashes"][0]["value"], std::string(64, 'a'));
    }
  }
  EXPECT_TRUE(resource);
  EXPECT_EQ(find_prop(*observation, "owner", k_cyberframe_ns), "IT");
  // The people: assessor and sign-off.
  std::set<std::string> roles;
  for (const auto& r : ar["metadata"]["responsible-parties"]) roles.insert(r["role-id"]);
  EXPECT_EQ(roles, (std::set<std::string>{"prepared-for", "assessor", "approver"}));
  // import-ap points at a resource of the document.
  std::string plan = ar["import-ap"]["href"];
  EXPECT_EQ(plan, "#" + ar["back-matter"]["resources"][0]["uuid"].get<std::string>());
  // Reproducible for a frozen assessment.
  EXPECT_EQ(*j, *export_assessment_results(builtin(), in));
}

TEST(OscalExchange, AssessmentResultsAgainstATargetOrAThreshold) {
  auto in = demo_input();
  in.target_profile = core::Profile{};
  in.target_profile->name = "Target";
  core::NodeAssessment t;
  t.level = 5;
  in.targets["ID.AM-1"] = t;  // 4 < 5: not satisfied against the target
  t.level = 1;
  in.targets["ID.AM-2"] = t;  // 1 >= 1: satisfied
  auto j = export_assessment_results(builtin(), in);
  ASSERT_TRUE(j.has_value());
  const Json& result = (*j)["assessment-results"]["results"][0];
  EXPECT_EQ((*finding_for(result, "ID.AM-1"))["target"]["status"]["state"], "not-satisfied");
  EXPECT_EQ((*finding_for(result, "ID.AM-2"))["target"]["status"]["state"], "satisfied");

  auto low = demo_input();
  low.satisfied_at = 1;
  auto k = export_assessment_results(builtin(), low);
  ASSERT_TRUE(k.has_value());
  EXPECT_EQ((*finding_for((*k)["assessment-results"]["results"][0],
                          "ID.AM-2"))["target"]["status"]["state"],
            "satisfied");

  auto bad = demo_input();
  bad.satisfied_at = 9;
  auto e = export_assessment_results(builtin(), bad);
  ASSERT_FALSE(e.has_value());
  EXPECT_NE(e.error().message.find("--satisfied-at 9 is not a level"), std::string::npos);
  auto unknown = demo_input();
  unknown.profile.framework = "no-such-framework";
  EXPECT_FALSE(export_assessment_results(builtin(), unknown).has_value());
}

TEST(OscalExchange, PoamHasAnItemPerOpenActionOnTheFramework) {
  PoamInput in;
  in.organization = {1, "ACME Ltd", "", 1, ""};
  in.profile.name = "Current state";
  in.profile.framework = "iso-tr-27103-2018";
  in.scale = core::default_scale();
  core::NodeAssessment a;
  a.level = 1;
  in.assessments["ID.AM-1"] = a;
  auto action = [](std::int64_t id, core::ActionStatus status, std::vector<std::string> nodes) {
    core::Action x;
    x.id = id;
    x.title = "Action " + std::to_string(id);
    x.owner = "IT";
    x.due = "2026-12-31";
    x.status = status;
    x.target_level = 3;
    x.nodes = std::move(nodes);
    return x;
  };
  in.actions = {action(1, core::ActionStatus::k_planned, {"ID.AM-1", "ID.AM-2"}),
                action(2, core::ActionStatus::k_done, {"ID.AM-3"}),
                action(3, core::ActionStatus::k_in_progress, {"ID.AM-1"}),
                action(4, core::ActionStatus::k_planned, {"GV.OC-01"})};  // not in TR 27103
  in.generated_at = "2026-11-01T00:00:00Z";
  auto j = export_poam(builtin(), in);
  ASSERT_TRUE(j.has_value()) << j.error().message;
  const Json& poam = (*j)["plan-of-action-and-milestones"];
  ASSERT_EQ(poam["poam-items"].size(), 2u);
  EXPECT_EQ(poam["poam-items"][0]["title"], "Action 1");
  EXPECT_EQ(poam["poam-items"][0]["related-findings"].size(), 2u);
  EXPECT_EQ(poam["findings"].size(), 2u);  // ID.AM-1 once, ID.AM-2
  ASSERT_EQ(poam["risks"].size(), 2u);
  EXPECT_EQ(poam["risks"][0]["deadline"], "2026-12-31T00:00:00Z");
  EXPECT_EQ(poam["risks"][0]["status"], "open");
  EXPECT_EQ(poam["risks"][1]["status"], "remediating");
  EXPECT_EQ(poam["risks"][0]["remediations"][0]["tasks"][0]["timing"]["on-date"]["date"],
            "2026-12-31T00:00:00Z");
  EXPECT_NE(poam["observations"][0]["description"].get<std::string>().find("level 1 Initial"),
            std::string::npos);

  in.actions = {action(2, core::ActionStatus::k_done, {"ID.AM-3"})};
  auto none = export_poam(builtin(), in);
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message.find("no open action"), std::string::npos);
}

TEST(OscalExchange, DatesBecomeOscalDateTimes) {
  EXPECT_EQ(oscal_date_time("2026-03-31"), "2026-03-31T00:00:00Z");
  EXPECT_EQ(oscal_date_time("2026-03-31T10:00:00"), "2026-03-31T10:00:00Z");
  EXPECT_EQ(oscal_date_time("2026-03-31T10:00:00+02:00"), "2026-03-31T10:00:00+02:00");
  EXPECT_EQ(oscal_date_time("yesterday"), "");
}

}  // namespace
}  // namespace cyberframe::oscal
