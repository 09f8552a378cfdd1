// OSCAL documents: reading JSON, XML and YAML into one form, writing it back, markup, the bad
// inputs every reader must refuse, and validate().

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "oscal/document.hpp"
#include "oscal/markup.hpp"
#include "oscal/model.hpp"

namespace {

using namespace cyberframe;
using oscal::Format;

const std::string k_uuid = "8f3c4a36-5ad6-4c51-9a4c-6d4a2b0c7f21";

std::string catalog_xml(const std::string& inside, const std::string& version = "1.1.2") {
  return "<?xml version=\"1.0\"?>\n<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"" +
         k_uuid +
         "\">\n<metadata><title>Test <em>catalog</em></title>"
         "<last-modified>2024-01-02T03:04:05Z</last-modified><version>1.0</version>"
         "<oscal-version>" +
         version + "</oscal-version></metadata>\n" + inside + "</catalog>\n";
}

const std::string k_controls = R"(<group id="ac" class="family"><title>Access control</title>
  <control id="ac-1"><title>Policy</title>
    <param id="ac-1_prm_1"><label>who</label></param>
    <prop name="label" value="AC-1"/>
    <link rel="related" href="#ac-2"/>
    <part name="statement" id="ac-1_smt">
      <p>Give <insert type="param" id-ref="ac-1_prm_1"/> the <strong>policy</strong>, see <a href="#ac-2">AC-2</a>.</p>
      <ul><li>one <code>x*y</code></li><li>two "quoted"</li></ul>
      <part name="item" id="ac-1_smt.a"><p>
        Item   with
        spaces</p></part>
    </part>
  </control>
  <control id="ac-2"><title>Accounts</title></control>
</group>
)";

oscal::Document read_ok(const std::string& text, Format format) {
  auto doc = oscal::read(text, format, "test");
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message);
  return doc ? *doc : oscal::Document{};
}

std::string read_error(const std::string& text, Format format) {
  auto doc = oscal::read(text, format, "test");
  EXPECT_FALSE(doc.has_value()) << "expected an error for:\n" << text.substr(0, 300);
  if (doc) return {};
  EXPECT_EQ(doc.error().code, util::ErrorCode::k_invalid_input);
  return doc.error().message;
}

TEST(OscalModel, TableHasTheEightModelsAndTheirShapes) {
  for (auto name :
       {"catalog", "profile", "component-definition", "system-security-plan", "assessment-plan",
        "assessment-results", "plan-of-action-and-milestones", "mapping-collection"})
    EXPECT_TRUE(oscal::is_model(name)) << name;
  EXPECT_FALSE(oscal::is_model("foo"));
  const auto* catalog = oscal::model::root("catalog");
  ASSERT_NE(catalog, nullptr);
  const auto* groups = catalog->child_by_json("groups");
  ASSERT_NE(groups, nullptr);
  EXPECT_EQ(groups->xml_name, "group");
  EXPECT_EQ(groups->max_occurs, 0);
  EXPECT_EQ(groups->in_json, oscal::model::InJson::k_array);
  const auto* uuid = catalog->flag("uuid");
  ASSERT_NE(uuid, nullptr);
  EXPECT_TRUE(uuid->required);
  EXPECT_EQ(uuid->type, oscal::model::DataType::k_uuid);
  // metadata/revisions is the one group wrapped in XML.
  const auto& metadata = oscal::model::definition(catalog->child_by_json("metadata")->definition);
  EXPECT_EQ(metadata.child_by_json("revisions")->in_xml, oscal::model::InXml::k_grouped);
  EXPECT_EQ(oscal::model::k_metaschema_version, "1.2.2");
}

TEST(OscalRead, XmlBecomesOscalJson) {
  auto doc = read_ok(catalog_xml(k_controls), Format::k_xml);
  EXPECT_EQ(doc.model, "catalog");
  const auto& body = doc.body();
  EXPECT_EQ(body["uuid"], k_uuid);
  EXPECT_EQ(body["metadata"]["title"], "Test *catalog*");
  const auto& control = body["groups"][0]["controls"][0];
  EXPECT_EQ(control["id"], "ac-1");
  EXPECT_EQ(control["params"][0]["label"], "who");
  EXPECT_EQ(control["props"][0]["value"], "AC-1");
  EXPECT_EQ(control["links"][0]["href"], "#ac-2");
  const auto& part = control["parts"][0];
  EXPECT_EQ(part["prose"],
            "Give {{ insert: param, ac-1_prm_1 }} the **policy**, see [AC-2](#ac-2).\n\n"
            "* one `x*y`\n* two \\\"quoted\\\"");
  // XML whitespace in markup collapses to one space, as NIST's converters do; it is not trimmed.
  EXPECT_EQ(part["parts"][0]["prose"], " Item with spaces");
  // Properties in the model's order, flags first.
  std::vector<std::string> keys;
  for (const auto& [k, v] : control.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "title", "params", "props", "links", "parts"}));
}

TEST(OscalRead, TheThreeFormatsGiveTheSameForm) {
  auto xml = read_ok(catalog_xml(k_controls), Format::k_xml);
  auto json_text = oscal::write(xml, Format::k_json);
  auto yaml_text = oscal::write(xml, Format::k_yaml);
  auto from_json = read_ok(json_text, Format::k_json);
  auto from_yaml = read_ok(yaml_text, Format::k_yaml);
  EXPECT_EQ(from_json.root, xml.root);
  EXPECT_EQ(from_yaml.root, xml.root);
  EXPECT_EQ(from_yaml.format, Format::k_yaml);
}

TEST(OscalWrite, XmlRoundTripKeepsElementsAndMarkup) {
  auto doc = read_ok(catalog_xml(k_controls), Format::k_xml);
  auto xml = oscal::write(doc, Format::k_xml);
  EXPECT_NE(xml.find("<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\""),
            std::string::npos);
  EXPECT_NE(xml.find("<p>Give <insert type=\"param\" id-ref=\"ac-1_prm_1\"/> the "
                     "<strong>policy</strong>, see <a href=\"#ac-2\">AC-2</a>.</p>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<ul><li>one <code>x*y</code></li><li>two \"quoted\"</li></ul>"),
            std::string::npos)
      << xml;
  auto again = read_ok(xml, Format::k_xml);
  EXPECT_EQ(again.root, doc.root);
}

TEST(OscalMarkup, MarkdownBackToXmlCoversTheBlocks) {
  std::string out;
  oscal::markup::blocks_to_xml(
      "# Head\n\nText with *em*, ~sub~ and ^sup^ and ![alt](pic.png \"t\").\n\n1. first\n1. "
      "second\n    * nested\n\n| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 |\n\n```\n  keep   "
      "this\n```\n\n> quoted\n\n\\# not a heading",
      out);
  EXPECT_EQ(out,
            "<h1>Head</h1><p>Text with <em>em</em>, <sub>sub</sub> and <sup>sup</sup> and <img "
            "alt=\"alt\" src=\"pic.png\" title=\"t\"/>.</p><ol><li>first</li><li>second<ul><li>"
            "nested</li></ul></li></ol><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2 | "
            "3</td></tr></table><pre>  keep   this</pre><blockquote><p>quoted</p></blockquote>"
            "<p># not a heading</p>");
}

TEST(OscalMarkup, LiteralMarkupCharactersSurviveARoundTrip) {
  auto doc =
      read_ok(catalog_xml("<control id=\"c1\"><title>a * b ` c \\ d ~ e ^ f [g](h) {{ x }}</title>"
                          "<part name=\"s\"><p>1. not a list</p><p># not a heading</p></part>"
                          "</control>"),
              Format::k_xml);
  auto xml = oscal::write(doc, Format::k_xml);
  EXPECT_NE(xml.find("<title>a * b ` c \\ d ~ e ^ f [g](h) {{ x }}</title>"), std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<p>1. not a list</p><p># not a heading</p>"), std::string::npos) << xml;
}

TEST(OscalRead, YamlScalarsTakeTheirModelTypes) {
  auto doc = read_ok(R"(profile:
  uuid: 8f3c4a36-5ad6-4c51-9a4c-6d4a2b0c7f21
  metadata:
    title: P
    last-modified: 2024-01-02T03:04:05Z
    version: 1.0
    oscal-version: 1.1.2
  imports:
    - href: cat.json
      include-all: {}
  merge:
    as-is: true
)",
                     Format::k_yaml);
  const auto& body = doc.body();
  EXPECT_TRUE(body["merge"]["as-is"].is_boolean());
  EXPECT_TRUE(body["metadata"]["version"].is_string());
  EXPECT_EQ(body["metadata"]["version"], "1.0");
  EXPECT_TRUE(oscal::validate(doc).empty());
}

TEST(OscalRead, MalformedInputSaysWhere) {
  auto json = read_error("{\n  \"catalog\": {\n    \"uuid\": ,\n  }\n}", Format::k_json);
  EXPECT_NE(json.find("test:3:"), std::string::npos) << json;
  EXPECT_NE(json.find("malformed JSON"), std::string::npos) << json;
  auto xml = read_error(
      "<catalog xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\">\n<metadata>\n"
      "</catalog>",
      Format::k_xml);
  EXPECT_NE(xml.find("test:3:"), std::string::npos) << xml;
  EXPECT_NE(xml.find("malformed XML"), std::string::npos) << xml;
  auto yaml = read_error("catalog:\n  uuid: [a, b\n  metadata: x\n", Format::k_yaml);
  EXPECT_NE(yaml.find("malformed YAML"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("test:"), std::string::npos) << yaml;
}

TEST(OscalRead, WrongRootOrNamespaceIsRefused) {
  auto xml = read_error("<foo xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\"/>", Format::k_xml);
  EXPECT_NE(xml.find("<foo> is not an OSCAL model"), std::string::npos) << xml;
  auto json = read_error(R"({"foo": {}})", Format::k_json);
  EXPECT_NE(json.find("'foo' is not an OSCAL model"), std::string::npos) << json;
  auto two = read_error(R"({"catalog": {}, "profile": {}})", Format::k_json);
  EXPECT_NE(two.find("one property"), std::string::npos) << two;
  auto ns = read_error("<catalog xmlns=\"urn:other\"/>", Format::k_xml);
  EXPECT_NE(ns.find("must be in the OSCAL namespace"), std::string::npos) << ns;
}

TEST(OscalRead, VersionsOtherThanOneAreRefused) {
  auto two = read_error(catalog_xml("", "2.0.0"), Format::k_xml);
  EXPECT_NE(two.find("OSCAL version 2.0.0 is not supported"), std::string::npos) << two;
  auto json = read_error(
      R"({"catalog": {"uuid": "x", "metadata": {"title": "t", "oscal-version": "3.1"}}})",
      Format::k_json);
  EXPECT_NE(json.find("/catalog/metadata/oscal-version"), std::string::npos) << json;
  auto missing =
      read_error(R"({"catalog": {"uuid": "x", "metadata": {"title": "t"}}})", Format::k_json);
  EXPECT_NE(missing.find("missing"), std::string::npos) << missing;
  // 1.0.x and "v1.1.3" (as CSF 2.0 writes it) read.
  read_ok(catalog_xml("", "1.0.0"), Format::k_xml);
  read_ok(catalog_xml("", "v1.1.3"), Format::k_xml);
  // NIST's test fixtures write "TODO": only a lenient read takes that, never another major.
  auto todo = catalog_xml("", "TODO: Not implemented yet");
  EXPECT_FALSE(oscal::read(todo, Format::k_xml, "t").has_value());
  oscal::ReadOptions lenient;
  lenient.lenient_version = true;
  EXPECT_TRUE(oscal::read(todo, Format::k_xml, "t", lenient).has_value());
  EXPECT_FALSE(oscal::read(catalog_xml("", "2.0.0"), Format::k_xml, "t", lenient).has_value());
}

TEST(OscalRead, EntityDeclarationsAreRefusedWithoutExpansion) {
  const std::string laughs = R"(<?xml version="1.0"?>
<!DOCTYPE catalog [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="x"><metadata><title>&lol9;</title>
<oscal-version>1.1.2</oscal-version></metadata></catalog>
)";
  // Refused before libxml2 sees the document: nothing is expanded.
  auto message = read_error(laughs, Format::k_xml);
  EXPECT_NE(message.find("entity declarations are not allowed (line 3)"), std::string::npos)
      << message;

  const std::string external = R"(<?xml version="1.0"?>
<!DOCTYPE catalog [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<catalog xmlns="http://csrc.nist.gov/ns/oscal/1.0" uuid="x"><metadata><title>&xxe;</title>
<oscal-version>1.1.2</oscal-version></metadata></catalog>
)";
  message = read_error(external, Format::k_xml);
  EXPECT_NE(message.find("entity declarations are not allowed (line 2)"), std::string::npos)
      << message;
  EXPECT_EQ(message.find("root:"), std::string::npos);
  // A reference to an entity nobody declared is malformed, not expanded.
  auto undeclared =
      read_error(catalog_xml("<control id=\"a\"><title>&xxe;</title></control>"), Format::k_xml);
  EXPECT_NE(undeclared.find("xxe"), std::string::npos) << undeclared;
}

TEST(OscalRead, SizeAndDepthAreLimited) {
  std::string big(oscal::k_max_document_bytes + 1, ' ');
  auto message = read_error(big, Format::k_json);
  EXPECT_NE(message.find("the limit is 64 MiB"), std::string::npos) << message;

  std::string deep_json = "{\"catalog\": " + std::string(5000, '[') + std::string(5000, ']') + "}";
  message = read_error(deep_json, Format::k_json);
  EXPECT_NE(message.find("test:1:212: too many levels of nesting: an OSCAL document may hold at "
                         "most 200 levels of nesting"),
            std::string::npos)
      << message;

  std::string deep_yaml = "catalog: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  read_error(deep_yaml, Format::k_yaml);

  std::string groups;
  for (int i = 0; i < 300; ++i) groups += "<group><title>g</title>";
  for (int i = 0; i < 300; ++i) groups += "</group>";
  message = read_error(catalog_xml(groups), Format::k_xml);
  EXPECT_NE(message.find("nested deeper than 256 levels"), std::string::npos) << message;
  groups.clear();
  for (int i = 0; i < 220; ++i) groups += "<group><title>g</title>";
  for (int i = 0; i < 220; ++i) groups += "</group>";
  message = read_error(catalog_xml(groups), Format::k_xml);
  EXPECT_NE(message.find("nested too deeply"), std::string::npos) << message;
}

TEST(OscalRead, UnknownElementsAndPropertiesNameThePath) {
  auto xml =
      read_error(catalog_xml("<group id=\"g\"><title>G</title><widget/></group>"), Format::k_xml);
  EXPECT_NE(xml.find("/catalog/groups/0: unknown element <widget> in <group>"), std::string::npos)
      << xml;
  auto attribute =
      read_error(catalog_xml("<group colour=\"red\"><title>G</title></group>"), Format::k_xml);
  EXPECT_NE(attribute.find("unknown attribute 'colour'"), std::string::npos) << attribute;
  auto json = read_error(R"({"catalog": {"uuid": "x", "metadata": {"title": "t",
    "oscal-version": "1.1.2"}, "groups": [{"title": "g", "widget": 1}]}})",
                         Format::k_json);
  EXPECT_NE(json.find("/catalog/groups/0: unknown property 'widget' in group"), std::string::npos)
      << json;
  auto shape = read_error(R"({"catalog": {"uuid": "x", "metadata": {"title": "t",
    "oscal-version": "1.1.2"}, "groups": {"title": "g"}}})",
                          Format::k_json);
  EXPECT_NE(shape.find("/catalog/groups: must be an array"), std::string::npos) << shape;
}

// with-parent-controls is not in the OSCAL model: the one extension the reader accepts (NIST's
// profile-resolution tests use it), on a profile's include-controls only.
std::string profile_xml(const std::string& import_inside, const std::string& merge = "") {
  return "<?xml version=\"1.0\"?>\n<profile xmlns=\"http://csrc.nist.gov/ns/oscal/1.0\" uuid=\"" +
         k_uuid +
         "\">\n<metadata><title>P</title><last-modified>2024-01-02T03:04:05Z</last-modified>"
         "<version>1</version><oscal-version>1.1.2</oscal-version></metadata>\n"
         "<import href=\"c.xml\">" +
         import_inside + "</import>\n" + merge + "</profile>\n";
}

std::string profile_json(const std::string& import_rest, const std::string& merge = "") {
  return R"({"profile": {"uuid": ")" + k_uuid + R"(", "metadata": {"title": "P",
    "last-modified": "2024-01-02T03:04:05Z", "version": "1", "oscal-version": "1.1.2"},
    "imports": [{"href": "c.json")" +
         import_rest + "}]" + merge + "}}";
}

TEST(OscalRead, WithParentControlsIsAcceptedOnIncludeControlsOnly) {
  auto xml = read_ok(
      profile_xml("<include-controls with-parent-controls=\"no\" with-child-controls=\"yes\">"
                  "<with-id>a1</with-id></include-controls>",
                  "<merge><custom><group><title>G</title><insert-controls>"
                  "<include-controls with-parent-controls=\"yes\"><with-id>b1</with-id>"
                  "</include-controls></insert-controls></group></custom></merge>"),
      Format::k_xml);
  const auto& include = xml.root["profile"]["imports"][0]["include-controls"][0];
  EXPECT_EQ(include["with-parent-controls"], "no");
  EXPECT_EQ(include["with-child-controls"], "yes");
  EXPECT_EQ(xml.root["profile"]["merge"]["custom"]["groups"][0]["insert-controls"][0]
                    ["include-controls"][0]["with-parent-controls"],
            "yes");
  for (const auto& p : oscal::validate(xml)) ADD_FAILURE() << p.path << ": " << p.message;
  auto written = oscal::write(xml, Format::k_xml);
  EXPECT_NE(written.find("with-parent-controls=\"no\""), std::string::npos) << written;
  EXPECT_EQ(read_ok(written, Format::k_xml).root, xml.root);

  auto json = read_ok(profile_json(R"(, "include-controls": [{"with-parent-controls": "no",
    "with-ids": ["a1"]}])"),
                      Format::k_json);
  EXPECT_EQ(json.root["profile"]["imports"][0]["include-controls"][0]["with-parent-controls"],
            "no");
  for (const auto& p : oscal::validate(json)) ADD_FAILURE() << p.path << ": " << p.message;

  // Any other attribute the model does not define is still refused there...
  auto other = read_error(profile_xml("<include-controls with-sibling-controls=\"no\">"
                                      "<with-id>a1</with-id></include-controls>"),
                          Format::k_xml);
  EXPECT_NE(other.find("unknown attribute 'with-sibling-controls' on <include-controls>"),
            std::string::npos)
      << other;
  other = read_error(profile_json(R"(, "include-controls": [{"with-sibling-controls": "no",
    "with-ids": ["a1"]}])"),
                     Format::k_json);
  EXPECT_NE(other.find("/profile/imports/0/include-controls/0: unknown property "
                       "'with-sibling-controls'"),
            std::string::npos)
      << other;
  // ... and with-parent-controls where it is not include-controls.
  other = read_error(profile_xml("<include-all/><exclude-controls with-parent-controls=\"no\">"
                                 "<with-id>a1</with-id></exclude-controls>"),
                     Format::k_xml);
  EXPECT_NE(other.find("unknown attribute 'with-parent-controls' on <exclude-controls>"),
            std::string::npos)
      << other;
  other = read_error(profile_json(R"(, "include-all": {}, "exclude-controls": [
    {"with-parent-controls": "no", "with-ids": ["a1"]}])"),
                     Format::k_json);
  EXPECT_NE(other.find("unknown property 'with-parent-controls'"), std::string::npos) << other;
}

TEST(OscalRead, YamlAliasesAreRefused) {
  auto message = read_error("catalog:\n  uuid: &u x\n  metadata:\n    title: *u\n", Format::k_yaml);
  EXPECT_NE(message.find("aliases"), std::string::npos) << message;
  EXPECT_NE(message.find("test:4:"), std::string::npos) << message;
}

TEST(OscalFile, FormatFromExtensionOrContent) {
  EXPECT_EQ(oscal::format_from_path("a/b.XML"), Format::k_xml);
  EXPECT_EQ(oscal::format_from_path("b.yml"), Format::k_yaml);
  EXPECT_EQ(oscal::format_from_path("b.txt"), std::nullopt);
  EXPECT_EQ(oscal::parse_format("Json"), Format::k_json);
  auto dir = std::filesystem::temp_directory_path() / "cyberframe-oscal-doc-test";
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "doc.data") << catalog_xml(""); }
  auto doc = oscal::read_file(dir / "doc.data");
  ASSERT_TRUE(doc.has_value()) << doc.error().message;
  EXPECT_EQ(doc->format, Format::k_xml);
  auto missing = oscal::read_file(dir / "nothing.json");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, util::ErrorCode::k_not_found);
  std::filesystem::remove_all(dir);
}

TEST(OscalValidate, AValidCatalogHasNoProblems) {
  auto doc = read_ok(catalog_xml(k_controls), Format::k_xml);
  auto problems = oscal::validate(doc);
  for (const auto& p : problems) ADD_FAILURE() << p.path << ": " << p.message;
}

std::vector<std::string> problems_of(const std::string& json) {
  auto doc = read_ok(json, Format::k_json);
  std::vector<std::string> out;
  for (const auto& p : oscal::validate(doc)) out.push_back(p.path + ": " + p.message);
  return out;
}

bool has(const std::vector<std::string>& problems, const std::string& text) {
  for (const auto& p : problems)
    if (p.find(text) != std::string::npos) return true;
  return false;
}

std::string catalog_json(const std::string& inside, const std::string& uuid = k_uuid) {
  return R"({"catalog": {"uuid": ")" + uuid +
         R"(", "metadata": {"title": "T", "last-modified": "2024-01-02T03:04:05Z",
    "version": "1", "oscal-version": "1.1.2"})" +
         inside + "}}";
}

TEST(OscalValidate, StructureAndDatatypes) {
  auto p = problems_of(catalog_json("", "not-a-uuid"));
  EXPECT_TRUE(has(p, "/catalog/uuid: 'not-a-uuid' is not a valid uuid"))
      << ::testing::PrintToString(p);
  p = problems_of(R"({"catalog": {"metadata": {"title": "T", "oscal-version": "1.1.2",
    "last-modified": "yesterday"}}})");
  EXPECT_TRUE(has(p, "/catalog: missing required uuid")) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/metadata: missing required version")) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p,
                  "/catalog/metadata/last-modified: 'yesterday' is not a valid "
                  "date-time-with-timezone"))
      << ::testing::PrintToString(p);
  p = problems_of(catalog_json(R"(, "controls": [{"id": "1bad", "title": "x"},
    {"id": "c2", "title": "y", "props": []}, {"title": "z"}])"));
  EXPECT_TRUE(has(p, "/catalog/controls/0/id: '1bad' is not a valid token"))
      << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/controls/1/props: must not be empty"))
      << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/controls/2: missing required id")) << ::testing::PrintToString(p);
  p = problems_of(R"({"profile": {"uuid": ")" + k_uuid + R"(", "metadata": {"title": "T",
    "last-modified": "2024-01-02T03:04:05Z", "version": "1", "oscal-version": "1.1.2"},
    "imports": [{"href": "c.json", "include-all": {}}], "merge": {"flat": {}, "as-is": true}}})");
  EXPECT_TRUE(has(p, "/profile/merge: only one of flat, as-is, custom may be given"))
      << ::testing::PrintToString(p);
}

TEST(OscalValidate, PathsEscapeSlashAndTildeInKeys) {
  // read() refuses unknown properties; a document built in memory can still carry them.
  auto doc = read_ok(catalog_json(""), Format::k_json);
  doc.body()["a/b~c"] = "x";
  auto problems = oscal::validate(doc);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].path, "/catalog/a~1b~0c");
  EXPECT_EQ(problems[0].message, "unknown property 'a/b~c' in catalog");
}

TEST(OscalValidate, ReferencesInsideTheDocument) {
  auto p = problems_of(catalog_json(R"(, "controls": [
    {"id": "c1", "title": "x", "links": [{"href": "#c9"}, {"href": "#c2"}],
     "parts": [{"name": "statement", "prose": "Use {{ insert: param, c1_prm_1 }} and {{ insert: param, nope }}, see [C3](#c3)."}],
     "params": [{"id": "c1_prm_1"}]},
    {"id": "c2", "title": "y"}, {"id": "c2", "title": "again"}],
    "back-matter": {"resources": [{"uuid": ")" +
                                    k_uuid + R"("}]}
  )"));
  EXPECT_TRUE(has(p, "/catalog/controls/0/links/0/href: links to #c9"))
      << ::testing::PrintToString(p);
  EXPECT_FALSE(has(p, "links/1/href")) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "inserts parameter 'nope'")) << ::testing::PrintToString(p);
  EXPECT_FALSE(has(p, "inserts parameter 'c1_prm_1'")) << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/controls/0/parts/0/prose: links to #c3"))
      << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/controls/2/id: duplicate id 'c2' (first at /catalog/controls/1/id)"))
      << ::testing::PrintToString(p);
  EXPECT_TRUE(has(p, "/catalog/back-matter/resources/0/uuid: duplicate uuid"))
      << ::testing::PrintToString(p);
}

#ifdef CYBERFRAME_SHARED_DIR
// (How fast it reads is measured by build/cyberframe_bench_oscal, not asserted here.)
TEST(OscalNist, Rev5CatalogMatchesNistJson) {
  std::filesystem::path dir =
      std::filesystem::path(CYBERFRAME_SHARED_DIR) / "data/oscal/sp800-53/rev5-2021";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no NIST data in " << dir;
  auto xml = oscal::read_file(dir / "xml/NIST_SP-800-53_rev5_catalog.xml");
  ASSERT_TRUE(xml.has_value()) << xml.error().message;
  auto json = oscal::read_file(dir / "json/NIST_SP-800-53_rev5_catalog.json");
  ASSERT_TRUE(json.has_value()) << json.error().message;
  EXPECT_EQ(xml->body()["groups"].size(), 20u);
  EXPECT_EQ(nlohmann::json::parse(xml->root.dump()), nlohmann::json::parse(json->root.dump()));
  EXPECT_TRUE(oscal::validate(*xml).empty());
}
#endif

}  // namespace
