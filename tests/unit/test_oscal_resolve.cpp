// OSCAL profile resolution (src/oscal/resolve.hpp) on documents in OSCAL JSON form, fed through
// a loader so each test states its whole input. NIST's own tests run through the command line
// in tests/oscal/test_profile_resolution.py; the SP 800-53 baselines in
// tests/oscal/test_baselines.py.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "oscal/resolve.hpp"

namespace {

using cyberframe::oscal::Document;
using cyberframe::oscal::Json;
using cyberframe::oscal::Loader;
using cyberframe::oscal::Resolution;
using cyberframe::oscal::ResolveOptions;
using cyberframe::util::ErrorCode;

Document make(std::string_view text, std::string source) {
  Document document;
  document.root = Json::parse(text);
  document.model = document.root.begin().key();
  document.source = std::move(source);
  return document;
}

// A catalog: group "g1" (a param g1-p, controls a1 [with a1.1 > a1.1.1] and a2), group "g2"
// (b1 whose statement inserts the param of a2, b2 that links a resource), and a2's param a2-p.
constexpr const char* k_catalog = R"({"catalog": {
  "uuid": "11111111-1111-4111-8111-111111111111",
  "metadata": {"title": "ABC", "last-modified": "2024-01-01T00:00:00Z", "version": "1",
               "oscal-version": "1.0.0",
               "roles": [{"id": "keeper", "title": "Keeper", "props": [{"name": "keep", "value": "always"}]},
                         {"id": "other", "title": "Other"}]},
  "params": [{"id": "loose-used", "label": "used by a1"}, {"id": "loose-unused", "label": "unused"}],
  "groups": [
    {"id": "g1", "title": "Group 1",
     "params": [{"id": "g1-p", "label": "group param"}],
     "controls": [
       {"id": "a1", "title": "A1",
        "params": [{"id": "a1-p", "label": "A1 param", "props": [{"name": "x", "value": "1"}]}],
        "props": [{"name": "label", "value": "A-1"}, {"name": "extra", "value": "e", "class": "special"},
                  {"name": "extra", "value": "f", "ns": "http://example.com/ns"}],
        "parts": [{"id": "a1_smt", "name": "statement", "prose": "Do {{ insert: param, a1-p }} and {{ insert: param, loose-used }}.",
                   "parts": [{"id": "a1_smt.a", "name": "item", "prose": "first"},
                             {"id": "a1_smt.b", "name": "item", "prose": "second"}]},
                  {"id": "a1_gdn", "name": "guidance", "prose": "Guidance."}],
        "controls": [
          {"id": "a1.1", "title": "A1 one", "props": [{"name": "label", "value": "A-1.1"}],
           "controls": [{"id": "a1.1.1", "title": "A1 one one"}]}]
},
       {"id": "a2", "title": "A2", "params": [{"id": "a2-p", "label": "A2 param"}]}]
},
    {"id": "g2", "title": "Group 2",
     "controls": [
       {"id": "b1", "title": "B1", "parts": [{"id": "b1_smt", "name": "statement", "prose": "Uses {{ insert: param, a2-p }}."}]},
       {"id": "b2", "title": "B2", "links": [{"href": "#22222222-2222-4222-8222-222222222222", "rel": "reference"}]}]}],
  "back-matter": {
  "resources" : [
    {"uuid" : "22222222-2222-4222-8222-222222222222", "title" : "Cited by b2"},
    {"uuid" : "33333333-3333-4333-8333-333333333333", "title" : "Cited by nothing"}, {
      "uuid" : "44444444-4444-4444-8444-444444444444",
      "title" : "Kept always",
      "props" : [ {"name" : "keep", "value" : "always"} ]
    }
  ]
}
}
})";

// A second, small catalog whose ids clash with the first.
constexpr const char* k_other = R"({"catalog": {
  "uuid": "55555555-5555-4555-8555-555555555555",
  "metadata": {"title": "Other", "last-modified": "2024-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.2"},
  "groups": [{"id": "g1", "title": "Group 1 again", "controls": [{"id": "a1", "title": "Other A1"}, {"id": "z9", "title": "Z9"}]}]
}})";

std::string profile_text(const std::string& imports, const std::string& rest = "") {
  return R"({"profile": {"uuid": "66666666-6666-4666-8666-666666666666",
    "metadata": {"title": "My baseline", "last-modified": "2024-02-01T00:00:00Z", "version": "2", "oscal-version": "1.0.0"},
    "imports": )" +
         imports + (rest.empty() ? "" : ", " + rest) + "}}";
}

class Resolve : public ::testing::Test {
 protected:
  std::map<std::string, Document> files;

  void SetUp() override {
    files["abc.json"] = make(k_catalog, "abc.json");
    files["other.json"] = make(k_other, "other.json");
  }

  Loader loader() {
    return [this](const std::string& href, const Document&) -> cyberframe::util::Result<Document> {
      auto it = files.find(href);
      if (it == files.end())
        return cyberframe::util::fail(ErrorCode::k_not_found, "no such file " + href);
      return it->second;
    };
  }

  ResolveOptions options() {
    ResolveOptions o;
    o.loader = loader();
    o.last_modified = "2025-01-01T00:00:00Z";
    o.uuid = "77777777-7777-4777-8777-777777777777";
    return o;
  }

  Resolution resolve_ok(const std::string& text) {
    auto resolution = cyberframe::oscal::resolve(make(text, "profile.json"), options());
    EXPECT_TRUE(resolution.has_value()) << (resolution ? "" : resolution.error().message);
    return resolution ? *resolution : Resolution{};
  }

  cyberframe::util::Error resolve_error(const std::string& text) {
    auto resolution = cyberframe::oscal::resolve(make(text, "profile.json"), options());
    EXPECT_FALSE(resolution.has_value());
    return resolution ? cyberframe::util::Error{} : resolution.error();
  }
};

// Every control id of the result in document order, nested ones in brackets after their parent.
std::string shape(const Json& container) {
  std::string text;
  if (auto it = container.find("controls"); it != container.end()) {
    for (const Json& control : *it) {
      if (!text.empty()) text += " ";
      text += control.at("id").get<std::string>();
      std::string inner = shape(control);
      if (!inner.empty()) text += "[" + inner + "]";
    }
  }
  if (auto it = container.find("groups"); it != container.end()) {
    for (const Json& group : *it) {
      if (!text.empty()) text += " ";
      text += "{" + group.value("id", std::string("?")) + ": " + shape(group) + "}";
    }
  }
  return text;
}

const Json& catalog_of(const Resolution& r) {
  return r.catalog.root.at("catalog");
}

// Whether one of the resolution's warnings contains `part`.
bool warns(const Resolution& r, std::string_view part) {
  return std::ranges::any_of(
      r.warnings, [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

std::set<std::string> param_ids(const Json& params) {
  std::set<std::string> ids;
  for (const Json& p : params) ids.insert(p.at("id").get<std::string>());
  return ids;
}

const Json* control(const Json& container, const std::string& id) {
  for (const char* key : {"controls", "groups"}) {
    if (auto it = container.find(key); it != container.end()) {
      for (const Json& child : *it) {
        if (std::string(key) == "controls" && child.value("id", "") == id) return &child;
        if (const Json* found = control(child, id)) return found;
      }
    }
  }
  return nullptr;
}

// --- import ------------------------------------------------------------------------------------

TEST_F(Resolve, WithIdsIncludesAncestorsButNotChildren) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1.1", "b1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(r)), "a1[a1.1] b1");  // flat by default; a1 comes with its child
}

TEST_F(Resolve, WithChildControlsYesIncludesDescendants) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-child-controls": "yes", "with-ids": ["a1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(r)), "a1[a1.1[a1.1.1]]");
  auto no = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-child-controls": "no", "with-ids": ["a1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(no)), "a1");
}

// with-parent-controls: the extension of NIST's profile-resolution tests (not in the model).
TEST_F(Resolve, WithParentControlsNoLeavesTheAncestorsOut) {
  auto no = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-parent-controls": "no", "with-ids": ["a1.1.1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(no)), "a1.1.1");
  auto yes = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-parent-controls": "yes", "with-ids": ["a1.1.1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(yes)), "a1[a1.1[a1.1.1]]");
}

TEST_F(Resolve, MatchingIsAGlobAndAnEmptyPatternMatchesNothing) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"matching": [{"pattern": "?1"}]}]}])"));
  EXPECT_EQ(shape(catalog_of(r)), "a1 b1");
  auto empty = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"matching": [{}]}]}])"));
  EXPECT_EQ(shape(catalog_of(empty)), "");
  ASSERT_FALSE(empty.warnings.empty());
  EXPECT_NE(empty.warnings[0].find("without a pattern"), std::string::npos);
  EXPECT_TRUE(cyberframe::oscal::glob_match("ac-*", "ac-2.1"));
  EXPECT_FALSE(cyberframe::oscal::glob_match("ac-?", "ac-10"));
  EXPECT_FALSE(cyberframe::oscal::glob_match("^a", "a1"));  // not a regular expression
}

TEST_F(Resolve, ExclusionWinsOverInclusionAndUpLevelsChildren) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-all": {}, "exclude-controls": [{"with-ids": ["a1", "b2"]}]}])",
      R"("merge": {"as-is": true})"));
  // a1 is gone but its included child takes its place inside g1.
  EXPECT_EQ(shape(catalog_of(r)), "{g1: a1.1[a1.1.1] a2} {g2: b1}");
  auto deep = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-all": {}, "exclude-controls": [{"with-child-controls": "yes", "with-ids": ["a1"]}]}])",
      R"("merge": {"as-is": true})"));
  EXPECT_EQ(shape(catalog_of(deep)), "{g1: a2} {g2: b1 b2}");
}

TEST_F(Resolve, AsIsDropsGroupsWithoutIncludedControls) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["b1"]}]}])",
                   R"("merge": {"as-is": true})"));
  EXPECT_EQ(shape(catalog_of(r)), "{g2: b1}");
  EXPECT_EQ(catalog_of(r).at("groups")[0].at("title"), "Group 2");
}

// --- loose params -------------------------------------------------------------------------------

TEST_F(Resolve, ParamsOfLeftOutControlsFloatWhenReferencedAndUnreferencedLooseParamsArePruned) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1", "b1"]}]}])",
                   R"("merge": {"as-is": true})"));
  const Json& catalog = catalog_of(r);
  // a2 is left out, but b1 inserts a2-p: it floats to the catalog. loose-used is inserted by a1.
  EXPECT_EQ(param_ids(catalog.at("params")), (std::set<std::string>{"a2-p", "loose-used"}));
  // The group's own param is referenced by nothing: pruned. a1's own param stays in a1.
  EXPECT_FALSE(catalog.at("groups")[0].contains("params"));
  EXPECT_EQ(control(catalog, "a1")->at("params")[0].at("id"), "a1-p");
}

// --- merge --------------------------------------------------------------------------------------

TEST_F(Resolve, CombineKeepRepeatsClashingControlsAndWarns) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1", "a2"]}]},
                                      {"href": "other.json", "include-all": {}}])"));
  EXPECT_EQ(shape(catalog_of(r)), "a1 a2 a1 z9");
  EXPECT_TRUE(warns(r, "'a1' is included 2 times"));
}

TEST_F(Resolve, CombineUseFirstKeepsTheFirstInImportOrder) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1", "a2"]}]},
                                      {"href": "other.json", "include-all": {}}])",
                   R"("merge": {"combine": {"method": "use-first"}})"));
  EXPECT_EQ(shape(catalog_of(r)), "a1 a2 z9");
  EXPECT_EQ(control(catalog_of(r), "a1")->at("title"), "A1");
}

TEST_F(Resolve, AsIsMergesTheSameGroupFromSeveralImports) {
  auto r =
      resolve_ok(profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a2"]}]},
                                      {"href": "other.json", "include-controls": [{"with-ids": ["z9"]}]}])",
                              R"("merge": {"as-is": true})"));
  EXPECT_EQ(shape(catalog_of(r)), "{g1: a2 z9}");
  EXPECT_EQ(catalog_of(r).at("groups")[0].at("title"), "Group 1");  // the first one's content
}

TEST_F(Resolve, CustomStructureBuildsGroupsAndOrdersInsertedControls) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-all": {}}])", R"("merge": {"custom": {
      "groups": [{"id": "mine", "title": "Mine", "props": [{"name": "kind", "value": "custom"}],
                  "insert-controls": [{"order": "descending", "include-controls": [{"matching": [{"pattern": "b*"}]}]}],
                  "groups": [{"id": "g1", "insert-controls": [{"include-controls": [{"with-ids": ["a1.1.1", "a1"]}]}]}]}],
      "insert-controls": [{"include-controls": [{"with-ids": ["a2", "nothing-like-this"]}]}]}})"));
  const Json& catalog = catalog_of(r);
  // Inserted controls stand alone (no child controls unless selected), in the order asked.
  EXPECT_EQ(shape(catalog), "a2 {mine: b2 b1 {g1: a1 a1.1.1}}");
  // A custom group whose id is an imported group's takes that group's title.
  EXPECT_EQ(catalog.at("groups")[0].at("groups")[0].at("title"), "Group 1");
  EXPECT_EQ(catalog.at("groups")[0].at("props")[0].at("value"), "custom");
}

TEST_F(Resolve, MoreThanOneStructuringDirectiveIsAnError) {
  auto error = resolve_error(profile_text(R"([{"href": "abc.json", "include-all": {}}])",
                                          R"("merge": {"as-is": true, "flat": {}})"));
  EXPECT_EQ(error.code, ErrorCode::k_invalid_input);
  EXPECT_NE(error.message.find("more than one of flat, as-is and custom"), std::string::npos);
}

// --- modify -------------------------------------------------------------------------------------

TEST_F(Resolve, SetParameterReplacesSomeFieldsAndAddsToOthers) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1"]}]}])",
                   R"("modify": {"set-parameters": [
        {"param-id": "a1-p", "label": "new label", "values": ["30 days"], "props": [{"name": "y", "value": "2"}],
         "constraints": [{"description": "at least monthly"}]},
        {"param-id": "a1-p", "values": ["15 days"]},
        {"param-id": "g1-p", "values": ["kept because set"]},
        {"param-id": "no-such-param", "values": ["x"]}]})"));
  const Json& param = control(catalog_of(r), "a1")->at("params")[0];
  EXPECT_EQ(param.at("label"), "new label");
  EXPECT_EQ(param.at("values"), Json::array({"15 days"}));  // applied in sequence
  EXPECT_EQ(param.at("props").size(), 2u);                  // added to the existing prop
  EXPECT_EQ(param.at("constraints")[0].at("description"), "at least monthly");
  // Keys stay in the model's order.
  std::vector<std::string> keys;
  for (const auto& [key, value] : param.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "props", "label", "constraints", "values"}));
  // A param the profile sets is never pruned, even unreferenced.
  EXPECT_EQ(param_ids(catalog_of(r).at("params")).count("g1-p"), 1u);
  EXPECT_TRUE(warns(r, "'no-such-param'"));
}

TEST_F(Resolve, RemoveMatchesEveryCriterionGiven) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1"]}]}])",
                   R"("modify": {"alters": [{"control-id": "a1", "removes": [
        {"by-name": "extra", "by-ns": "http://csrc.nist.gov/ns/oscal"},
        {"by-id": "a1_smt.b"},
        {"by-item-name": "part", "by-name": "guidance"}]}]})"));
  const Json* a1 = control(catalog_of(r), "a1");
  ASSERT_NE(a1, nullptr);
  // The 'extra' prop in the default namespace went; the one in another namespace stayed.
  ASSERT_EQ(a1->at("props").size(), 2u);
  EXPECT_EQ(a1->at("props")[1].at("ns"), "http://example.com/ns");
  EXPECT_EQ(a1->at("parts").size(), 1u);
  EXPECT_EQ(a1->at("parts")[0].at("parts").size(), 1u);
  // Child controls are controls of their own: by-item-name prop does not reach into a1.1.
  auto r2 = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1.1"]}]}])",
      R"("modify": {"alters": [{"control-id": "a1", "removes": [{"by-item-name": "prop"}, {"by-class": "nothing"}]}]})"));
  const Json* a1b = control(catalog_of(r2), "a1");
  EXPECT_FALSE(a1b->contains("props"));
  EXPECT_TRUE(control(catalog_of(r2), "a1.1")->contains("props"));
  EXPECT_TRUE(warns(r2, "removes nothing"));
}

TEST_F(Resolve, AddPlacesContentByPositionAndId) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1"]}]}])",
                   R"("modify": {"alters": [{"control-id": "a1", "adds": [
        {"position": "starting", "props": [{"name": "priority", "value": "P1"}]},
        {"props": [{"name": "last", "value": "z"}], "parts": [{"name": "note", "prose": "at the end"}]},
        {"position": "after", "by-id": "a1_smt.a", "parts": [{"id": "a1_smt.a2", "name": "item", "prose": "inserted"}]},
        {"position": "before", "by-id": "a1-p", "params": [{"id": "a1-p0", "label": "new first param"}]},
        {"position": "ending", "by-id": "a1-p", "props": [{"name": "param-prop", "value": "v"}]},
        {"position": "starting", "by-id": "nowhere", "props": [{"name": "lost", "value": "v"}]}]}]})"));
  const Json* a1 = control(catalog_of(r), "a1");
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->at("props").front().at("name"), "priority");
  EXPECT_EQ(a1->at("props").back().at("name"), "last");
  EXPECT_EQ(a1->at("parts").back().at("name"), "note");
  const Json& items = a1->at("parts")[0].at("parts");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].at("id"), "a1_smt.a2");
  EXPECT_EQ(a1->at("params")[0].at("id"), "a1-p0");
  EXPECT_EQ(a1->at("params")[1].at("props").back().at("name"), "param-prop");
  std::vector<std::string> keys;
  for (const auto& [key, value] : a1->items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "title", "params", "props", "parts"}));
  EXPECT_TRUE(warns(r, "'nowhere'"));
}

TEST_F(Resolve, AnAlterOnAMissingControlIsIgnoredWithAWarning) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a2"]}]}])",
      R"("modify": {"alters": [{"control-id": "b1", "adds": [{"props": [{"name": "x", "value": "y"}]}]}]})"));
  EXPECT_EQ(shape(catalog_of(r)), "a2");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("no included control has the id 'b1'"), std::string::npos);
}

TEST_F(Resolve, AnEmptyRemoveIsAnError) {
  auto error = resolve_error(
      profile_text(R"([{"href": "abc.json", "include-all": {}}])",
                   R"("modify": {"alters": [{"control-id": "a1", "removes": [{}]}]})"));
  EXPECT_NE(error.message.find("/profile/modify/alters/0/removes/0"), std::string::npos);
}

// --- back-matter and metadata -------------------------------------------------------------------

TEST_F(Resolve, ResourcesAreKeptWhenReferencedOrKeptAlways) {
  auto r = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["b2"]}]}])",
                   R"("back-matter": {"resources": [
        {"uuid": "22222222-2222-4222-8222-222222222222", "title": "The profile's version"},
        {"uuid": "88888888-8888-4888-8888-888888888888", "title": "Profile's own, unreferenced"}]})"));
  const Json& resources = catalog_of(r).at("back-matter").at("resources");
  ASSERT_EQ(resources.size(), 2u);
  EXPECT_EQ(resources[0].at("uuid"), "44444444-4444-4444-8444-444444444444");  // keep always
  EXPECT_EQ(resources[1].at("title"), "The profile's version");                // later replaces
  auto none = resolve_ok(
      profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a2"]}]}])"));
  EXPECT_EQ(catalog_of(none).at("back-matter").at("resources").size(), 1u);
}

TEST_F(Resolve, MetadataComesFromTheProfile) {
  auto r =
      resolve_ok(profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a2"]}]},
                                      {"href": "other.json", "include-controls": [{"with-ids": ["z9"]}]}])"));
  const Json& catalog = catalog_of(r);
  EXPECT_EQ(catalog.at("uuid"), "77777777-7777-4777-8777-777777777777");
  const Json& metadata = catalog.at("metadata");
  EXPECT_EQ(metadata.at("title"), "My baseline");
  EXPECT_EQ(metadata.at("version"), "2");
  EXPECT_EQ(metadata.at("last-modified"), "2025-01-01T00:00:00Z");
  EXPECT_EQ(metadata.at("oscal-version"), "1.1.2");  // the newest of the inputs
  EXPECT_EQ(metadata.at("links")[0],
            (Json{{"href", "profile.json"}, {"rel", "resolution-source"}}));
  ASSERT_EQ(metadata.at("roles").size(), 1u);  // only the catalog's keep-always role
  EXPECT_EQ(metadata.at("roles")[0].at("id"), "keeper");
  std::vector<std::string> keys;
  for (const auto& [key, value] : catalog.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"uuid", "metadata", "controls", "back-matter"}));
}

TEST_F(Resolve, WithoutFixedUuidEachResolutionGetsAFreshVersion4Uuid) {
  ResolveOptions o = options();
  o.uuid.clear();
  auto profile = make(profile_text(R"([{"href": "abc.json", "include-all": {}}])"), "p.json");
  auto first = cyberframe::oscal::resolve(profile, o);
  auto second = cyberframe::oscal::resolve(profile, o);
  ASSERT_TRUE(first && second);
  std::string a = catalog_of(*first).at("uuid");
  std::string b = catalog_of(*second).at("uuid");
  EXPECT_NE(a, b);
  ASSERT_EQ(a.size(), 36u);
  EXPECT_EQ(a[14], '4');
}

// --- chains and errors --------------------------------------------------------------------------

TEST_F(Resolve, AProfileImportingAProfileSeesItsResolvedCatalog) {
  files["base.json"] =
      make(profile_text(
               R"([{"href": "abc.json", "include-controls": [{"with-ids": ["a1", "a2", "b1"]}]}])",
               R"("modify": {"set-parameters": [{"param-id": "a1-p", "values": ["from base"]}]})"),
           "base.json");
  auto r = resolve_ok(
      profile_text(R"([{"href": "base.json", "include-controls": [{"with-ids": ["a1"]}]}])"));
  EXPECT_EQ(shape(catalog_of(r)), "a1");
  EXPECT_EQ(control(catalog_of(r), "a1")->at("params")[0].at("values")[0], "from base");
}

TEST_F(Resolve, ImportByBackMatterResource) {
  auto r = resolve_ok(profile_text(
      R"([{"href": "#99999999-9999-4999-8999-999999999999", "include-controls": [{"with-ids": ["a2"]}]}])",
      R"("back-matter": {"resources": [{"uuid": "99999999-9999-4999-8999-999999999999",
          "rlinks": [{"href": "missing.xml"}, {"href": "abc.json"}]}]})"));
  EXPECT_EQ(shape(catalog_of(r)), "a2");
  // The resource that only served the import is not referenced by the result: pruned.
  for (const Json& resource : catalog_of(r).at("back-matter").at("resources")) {
    EXPECT_NE(resource.at("uuid"), "99999999-9999-4999-8999-999999999999");
  }
  auto error = resolve_error(
      profile_text(R"([{"href": "#00000000-0000-4000-8000-000000000000", "include-all": {}}])"));
  EXPECT_EQ(error.code, ErrorCode::k_not_found);
  EXPECT_NE(error.message.find("no resource with uuid 00000000-0000-4000-8000-000000000000"),
            std::string::npos);
}

TEST_F(Resolve, CircularImportsAreErrorsNamingTheChain) {
  files["a.json"] = make(profile_text(R"([{"href": "b.json", "include-all": {}}])"), "a.json");
  files["b.json"] = make(profile_text(R"([{"href": "a.json", "include-all": {}}])"), "b.json");
  auto resolution = cyberframe::oscal::resolve(files["a.json"], options());
  ASSERT_FALSE(resolution);
  EXPECT_EQ(resolution.error().code, ErrorCode::k_invalid_input);
  EXPECT_NE(resolution.error().message.find("a.json -> b.json -> a.json: circular import"),
            std::string::npos)
      << resolution.error().message;
  files["self.json"] =
      make(profile_text(R"([{"href": "self.json", "include-all": {}}])"), "self.json");
  auto self = cyberframe::oscal::resolve(files["self.json"], options());
  ASSERT_FALSE(self);
  EXPECT_NE(self.error().message.find("circular import"), std::string::npos);
}

TEST_F(Resolve, AMissingImportNamesTheChain) {
  files["middle.json"] =
      make(profile_text(R"([{"href": "gone.json", "include-all": {}}])"), "middle.json");
  auto error = resolve_error(profile_text(R"([{"href": "middle.json", "include-all": {}}])"));
  EXPECT_EQ(error.code, ErrorCode::k_not_found);
  EXPECT_NE(
      error.message.find(
          "profile.json -> middle.json: import of \"gone.json\" failed: no such file gone.json"),
      std::string::npos)
      << error.message;
}

TEST_F(Resolve, BadInputIsRefusedWithWhereAndWhat) {
  auto not_profile = cyberframe::oscal::resolve(files["abc.json"], options());
  ASSERT_FALSE(not_profile);
  EXPECT_NE(not_profile.error().message.find("abc.json: is a catalog, not an OSCAL profile"),
            std::string::npos);

  EXPECT_NE(resolve_error(profile_text("[]")).message.find("imports nothing"), std::string::npos);

  files["ssp.json"] = make(R"({"system-security-plan": {"uuid": "x"}})", "ssp.json");
  EXPECT_NE(resolve_error(profile_text(R"([{"href": "ssp.json", "include-all": {}}])"))
                .message.find("is a system-security-plan, not a catalog or a profile"),
            std::string::npos);

  EXPECT_NE(
      resolve_error(
          profile_text(R"([{"href": "abc.json", "include-controls": [{"with-ids": "a1"}]}])"))
          .message.find(
              "/profile/imports/0/include-controls/0/with-ids: must be a list of control ids"),
      std::string::npos);
  EXPECT_NE(resolve_error(profile_text(R"([{"href": "abc.json"}])"))
                .message.find("/profile/imports/0: has neither include-all nor include-controls"),
            std::string::npos);
  EXPECT_NE(
      resolve_error(
          profile_text(
              R"([{"href": "abc.json", "include-controls": [{"with-child-controls": "maybe", "with-ids": ["a1"]}]}])"))
          .message.find("'maybe' is neither 'yes' nor 'no'"),
      std::string::npos);
  EXPECT_NE(
      resolve_error(
          profile_text(
              R"([{"href": "abc.json", "include-controls": [{"with-parent-controls": "maybe", "with-ids": ["a1"]}]}])"))
          .message.find("/with-parent-controls: 'maybe' is neither 'yes' nor 'no'"),
      std::string::npos);
  files["v2.json"] =
      make(R"({"catalog": {"uuid": "u", "metadata": {"title": "t", "oscal-version": "2.0.0"}}})",
           "v2.json");
  EXPECT_NE(resolve_error(profile_text(R"([{"href": "v2.json", "include-all": {}}])"))
                .message.find("v2.json: OSCAL version 2.0.0 is not of major version 1"),
            std::string::npos);
  EXPECT_NE(resolve_error(profile_text(R"([{"href": "abc.json", "include-all": {}}])",
                                       R"("merge": {"combine": {"method": "mix"}})"))
                .message.find("'mix' is not keep, use-first or merge"),
            std::string::npos);
}

TEST_F(Resolve, TheInputsAreNotChanged) {
  Json before = files["abc.json"].root;
  std::string profile = profile_text(
      R"([{"href": "abc.json", "include-all": {}}])",
      R"("modify": {"alters": [{"control-id": "a1", "removes": [{"by-item-name": "part"}]}]})");
  resolve_ok(profile);
  EXPECT_EQ(files["abc.json"].root, before);
}

// --- the default loader -------------------------------------------------------------------------

TEST(ResolveFileLoader, RefusesTheNetworkAndResolvesRelativeToTheImporter) {
  auto loader = cyberframe::oscal::file_loader();
  Document importer;
  importer.source = "/nonexistent-dir/profile.json";
  auto remote = loader("https://example.com/catalog.json", importer);
  ASSERT_FALSE(remote);
  EXPECT_NE(remote.error().message.find("does not fetch from the network"), std::string::npos);
  auto missing = loader("../catalogs/c.json", importer);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::k_not_found);
  EXPECT_NE(missing.error().message.find("/catalogs/c.json"), std::string::npos);
}

// --- SP 800-53 rev5 HIGH on NIST's JSON catalog -------------------------------------------------

Document read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return make(text.str(), path.string());
}

TEST(ResolveBaseline, Sp80053Rev5HighHasTheProfilesControls) {
  std::filesystem::path dir =
      std::filesystem::path(CYBERFRAME_SHARED_DIR) / "data/oscal/sp800-53/rev5-2021/json";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no " << dir;
  Document catalog = read_json_file(dir / "NIST_SP-800-53_rev5_catalog.json");
  Document profile = read_json_file(dir / "NIST_SP-800-53_rev5_HIGH-baseline_profile.json");
  ResolveOptions options;
  options.loader = [&](const std::string& href,
                       const Document&) -> cyberframe::util::Result<Document> {
    EXPECT_EQ(href, "NIST_SP-800-53_rev5_catalog.xml");  // the JSON profile imports the XML catalog
    return catalog;
  };
  auto resolution = cyberframe::oscal::resolve(profile, options);
  ASSERT_TRUE(resolution) << resolution.error().message;
  std::set<std::string> wanted;
  for (const Json& id : profile.body().at("imports")[0].at("include-controls")[0].at("with-ids")) {
    wanted.insert(id.get<std::string>());
  }
  std::set<std::string> got;
  std::size_t count = 0;
  std::function<void(const Json&)> walk = [&](const Json& container) {
    for (const char* key : {"controls", "groups"}) {
      if (auto it = container.find(key); it != container.end()) {
        for (const Json& child : *it) {
          if (std::string(key) == "controls") {
            got.insert(child.at("id").get<std::string>());
            ++count;
          }
          walk(child);
        }
      }
    }
  };
  walk(catalog_of(*resolution));
  EXPECT_EQ(got, wanted);
  EXPECT_EQ(count, wanted.size());  // no control twice
  EXPECT_EQ(wanted.size(), 370u);   // NIST SP 800-53B: 370 controls and enhancements in HIGH
  // as-is: the families stay as groups.
  EXPECT_EQ(catalog_of(*resolution).at("groups").size(), 18u);  // PT has no HIGH control
}

}  // namespace
