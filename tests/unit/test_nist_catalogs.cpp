// The built-in NIST SP 800-53 rev5, its four baselines and SP 800-171 rev3 against NIST's own
// OSCAL files in ../shared: every control in force is a node, every baseline is what our profile
// resolution makes of NIST's profile, and the CSF 1.1 -> SP 800-53 mapping is NIST's table.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "builtin_catalog_fixture.hpp"
#include "core/profile.hpp"
#include "oscal/catalog_exchange.hpp"
#include "oscal/document.hpp"
#include "oscal/resolve.hpp"

namespace cyberframe::catalog {
namespace {

using testing::cat;
using Json = oscal::Json;

std::filesystem::path oscal_data(const std::string& relative) {
  return std::filesystem::path(CYBERFRAME_SHARED_DIR) / "data" / "oscal" / relative;
}

// The labels of the controls of an OSCAL catalog (with `withdrawn` false: those in force).
std::set<std::string> control_labels(const Json& catalog, bool skip_withdrawn = true) {
  std::set<std::string> out;
  std::function<void(const Json&)> walk = [&](const Json& item) {
    for (const char* key : {"groups", "controls"}) {
      if (!item.contains(key)) continue;
      for (const auto& c : item[key]) {
        bool withdrawn = false;
        std::string label = c.value("id", "");
        for (const auto& p : c.value("props", Json::array())) {
          if (p.value("name", "") == "status" && p.value("value", "") == "withdrawn")
            withdrawn = true;
          if (p.value("name", "") == "label" && !p.contains("ns")) label = p.value("value", "");
        }
        if (withdrawn && skip_withdrawn) continue;
        if (std::string(key) == "controls") out.insert(label);
        walk(c);
      }
    }
  };
  walk(catalog);
  return out;
}

std::set<std::string> controls_of(const std::string& framework) {
  std::set<std::string> out;
  for (const auto* n : cat().nodes_in_order(framework)) {
    if (n->level == core::Level::k_category || n->level == core::Level::k_subcategory)
      out.insert(n->id);
  }
  return out;
}

TEST(NistCatalogs, Sp80053Rev5HoldsEveryControlInForceOfNistsCatalog) {
  auto doc = oscal::read_file(oscal_data("sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_catalog.xml"));
  ASSERT_TRUE(doc.has_value()) << doc.error().message;
  auto nist = control_labels(doc->body());
  EXPECT_EQ(nist.size(), 298u + 709u);  // 322 controls and 867 enhancements, 182 withdrawn
  EXPECT_EQ(controls_of("nist-sp-800-53-rev5"), nist);
  const auto* fw = cat().framework("nist-sp-800-53-rev5");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ(fw->assess, core::Assess::k_requirements);
  EXPECT_EQ(fw->nodes.size(), 20u);
  EXPECT_EQ(fw->nodes.front().id, "AC");
  EXPECT_EQ(fw->nodes.back().id, "SR");
  const auto* ac2_1 = cat().node("nist-sp-800-53-rev5", "AC-2(1)");
  ASSERT_NE(ac2_1, nullptr);
  EXPECT_EQ(cat().parent("nist-sp-800-53-rev5", "AC-2(1)")->id, "AC-2");
  EXPECT_EQ(ac2_1->title, "Automated System Account Management");
  // Provenance: source, edition and licence.
  EXPECT_NE(fw->provenance.source.find("5.0.1"), std::string::npos);
  EXPECT_EQ(fw->provenance.edition, "5.0.1");
  EXPECT_NE(fw->provenance.licence.find("public domain"), std::string::npos);
}

TEST(NistCatalogs, Sp800171Rev3HoldsEveryRequirementInNumericOrder) {
  auto doc = oscal::read_file(oscal_data("sp800-171-rev3/NIST_SP800-171_rev3_catalog.xml"));
  ASSERT_TRUE(doc.has_value()) << doc.error().message;
  // NIST's requirements in force, by their numbers (SP_800_171_03.09.01 -> 03.09.01); the nested
  // SR- controls only carry their statements.
  std::set<std::string> nist;
  std::function<void(const Json&)> walk = [&](const Json& item) {
    for (const auto& g : item.value("groups", Json::array())) walk(g);
    for (const auto& c : item.value("controls", Json::array())) {
      bool withdrawn = false;
      for (const auto& p : c.value("props", Json::array()))
        withdrawn =
            withdrawn || (p.value("name", "") == "status" && p.value("value", "") == "withdrawn");
      if (!withdrawn && c.value("class", "") == "requirement")
        nist.insert(c.value("id", "").substr(std::string("SP_800_171_").size()));
    }
  };
  walk(doc->body());
  EXPECT_EQ(nist.size(), 97u);
  EXPECT_EQ(controls_of("nist-sp-800-171-rev3"), nist);
  std::vector<std::string> order;
  for (const auto* n : cat().nodes_in_order("nist-sp-800-171-rev3")) {
    if (n->level == core::Level::k_category) order.push_back(n->id);
  }
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  EXPECT_EQ(order.front(), "03.01.01");
  const auto* fw = cat().framework("nist-sp-800-171-rev3");
  ASSERT_NE(fw, nullptr);
  EXPECT_NE(fw->provenance.licence.find("public domain"), std::string::npos);
}

// Each baseline is what our profile resolution makes of NIST's profile: the same controls, the
// ones the profile names chosen (assessed), the ancestors the resolution adds kept as structure
// (PRIVACY names AC-3(14) and brings AC-3 along).
TEST(NistCatalogs, BaselinesAreNistsProfilesResolved) {
  const std::map<std::string, std::pair<std::size_t, std::size_t>> expected{
      {"LOW", {149, 149}}, {"MODERATE", {287, 287}}, {"HIGH", {370, 370}}, {"PRIVACY", {96, 102}}};
  for (const auto& [name, counts] : expected) {
    SCOPED_TRACE(name);
    auto path =
        oscal_data("sp800-53/rev5-2021/xml/NIST_SP-800-53_rev5_" + name + "-baseline_profile.xml");
    auto resolved = oscal::resolve_file(path);
    ASSERT_TRUE(resolved.has_value()) << resolved.error().message;
    auto controls = control_labels(resolved->catalog.body(), false);
    // The controls the profile names: its with-ids, as labels (ac-3.14 is AC-3(14)).
    auto profile = oscal::read_file(path);
    ASSERT_TRUE(profile.has_value());
    std::set<std::string> named;
    for (const auto& imp : profile->body()["imports"])
      for (const auto& inc : imp.value("include-controls", Json::array()))
        for (const auto& id : inc.value("with-ids", Json::array())) {
          std::string s = id.get<std::string>(), label;
          for (char& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          auto dot = s.find('.');
          label = dot == std::string::npos ? s : s.substr(0, dot) + "(" + s.substr(dot + 1) + ")";
          named.insert(label);
        }
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto* fw = cat().framework("nist-sp-800-53-rev5-" + lower);
    ASSERT_NE(fw, nullptr);
    ASSERT_TRUE(fw->selection.has_value());
    EXPECT_EQ(fw->selection->from, "nist-sp-800-53-rev5");
    EXPECT_EQ(fw->selection->nodes.size(), counts.first);
    EXPECT_EQ(std::set<std::string>(fw->selection->nodes.begin(), fw->selection->nodes.end()),
              named);
    EXPECT_EQ(controls.size(), counts.second);
    EXPECT_EQ(controls_of(fw->id), controls);
    // What a profile assesses: the chosen controls (or their items), never an added ancestor.
    for (const auto* n : cat().nodes_in_order(fw->id)) {
      if (n->level != core::Level::k_statement && !fw->selection->nodes.contains(n->id)) {
        EXPECT_FALSE(core::assessed_directly(*fw, *n)) << n->id;
      }
    }
  }
}

// The CSF 1.1 -> SP 800-53 mapping set has an entry for every subcategory NIST maps.
TEST(NistCatalogs, Csf11ToSp80053IsTypedAndComplete) {
  const auto* set = cat().mapping_set("nist-csf-1.1-to-nist-sp-800-53-rev5");
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->mappings.size(), 108u);  // every CSF 1.1 subcategory has controls in NIST's table
  std::size_t targets = 0;
  for (const auto& m : set->mappings) {
    EXPECT_EQ(m.relationship, core::Relationship::k_intersects_with) << m.source;
    targets += m.targets.size();
  }
  EXPECT_GT(targets, 500u);
  const auto* gv1 = &set->mappings.front();
  for (const auto& m : set->mappings)
    if (m.source == "ID.GV-1") gv1 = &m;
  EXPECT_EQ(gv1->source, "ID.GV-1");
  EXPECT_EQ(gv1->targets.size(), 20u);  // "-1 controls from all security control families"
}

}  // namespace
}  // namespace cyberframe::catalog
