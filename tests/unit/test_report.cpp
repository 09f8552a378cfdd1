// HTML reports for the three audiences, rendered from the built-in catalog with hand-set
// assessments of ISO/IEC TR 27103. Set CYBERFRAME_REPORT_SAMPLES=DIR to also write one sample of
// each audience to DIR/report-{executive,practitioner,management}.html for a look in a browser.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "catalog/loader.hpp"
#include "core/profile.hpp"
#include "report/report.hpp"

namespace cyberframe {
namespace {

using report::Audience;

constexpr const char* k_framework = "iso-tr-27103-2018";
constexpr const char* k_script = "<script>alert(1)</script>";
constexpr const char* k_script_escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
constexpr const char* k_evidence_url = "https://intranet.example/scans/2024-q1.pdf";
constexpr Audience k_audiences[] = {Audience::k_executive, Audience::k_practitioner,
                                    Audience::k_management};

const core::Catalog& catalog() {
  static const auto* const k_result = new catalog::LoadResult(catalog::load_builtin());
  return k_result->catalog;
}

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

core::NodeAssessment level(const std::string& node, int value, std::string owner = {},
                           int priority = 2) {
  core::NodeAssessment a;
  a.node = node;
  a.level = value;
  a.owner = std::move(owner);
  a.priority = priority;
  return a;
}

void put(std::map<std::string, core::NodeAssessment>& m, core::NodeAssessment a) {
  auto id = a.node;
  m[id] = std::move(a);
}

// A few hand-set assessments. The largest ranked gap is PR.AC-1 (0 -> 3, high priority: score 9),
// which comes after ID.AM-2 (1 -> 3, medium: score 4) in document order.
report::ReportInput small_input() {
  report::ReportInput in;
  in.catalog = &catalog();
  in.organization.name = std::string("Acme ") + k_script + " & Co";
  in.organization.scope = "Head office and the online shop";
  in.current.name = "Current state 2024";
  in.current.framework = k_framework;
  core::Profile target = in.current;
  target.name = "Target 2025";
  target.kind = core::ProfileKind::k_target;
  in.target = target;
  in.scale = core::default_scale();
  in.generated_at = "2024-06-30T09:00:00Z";

  auto& cur = in.current_assessments;
  put(cur, level("ID.AM-1", 3, "Alice Asset"));
  put(cur, level("ID.AM-2", 1, "Alice Asset"));
  auto ra1 = level("ID.RA-1", 2, "Victor Vuln");
  ra1.notes = std::string("Scanner covers servers only ") + k_script;
  core::Evidence link;
  link.kind = "link";
  link.name = "Q1 scan report";
  link.url = k_evidence_url;
  core::Evidence file;
  file.kind = "file";
  file.name = "scan-policy.pdf";
  file.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  core::Evidence bad;
  bad.kind = "link";
  bad.name = "not a web link";
  bad.url = "javascript:alert(1)";
  ra1.evidence = {link, file, bad};
  put(cur, ra1);
  put(cur, level("PR.AC-1", 0, "Irene Identity"));
  core::NodeAssessment na;
  na.node = "DE.CM-1";
  na.not_applicable = true;
  na.justification = "No own network: the provider monitors it";
  put(cur, na);
  put(cur, level("RS.RP-1", 4, "Ian Incident"));
  put(cur, level("RC.RP-1", 2));

  auto& tgt = in.target_assessments;
  put(tgt, level("ID.AM-1", 3));
  put(tgt, level("ID.AM-2", 3));
  put(tgt, level("ID.RA-1", 3, "", 1));
  put(tgt, level("PR.AC-1", 3, "", 1));
  put(tgt, level("RS.RP-1", 4));
  put(tgt, level("RC.RP-1", 3, "", 3));

  core::Snapshot s1;
  s1.name = "Baseline";
  s1.taken_at = "2023-06-30T12:00:00Z";
  s1.assessments = {{"ID.AM-1", level("ID.AM-1", 1)}, {"RS.RP-1", level("RS.RP-1", 2)}};
  core::Snapshot s2;
  s2.name = "Mid-year";
  s2.taken_at = "2024-01-15T12:00:00Z";
  s2.assessments = {{"ID.AM-1", level("ID.AM-1", 2)}, {"RS.RP-1", level("RS.RP-1", 3)}};
  in.snapshots = {s1, s2};

  core::Action overdue;
  overdue.id = 1;
  overdue.title = "Roll out MFA for remote access";
  overdue.owner = "Irene Identity";
  overdue.due = "2024-03-31";
  overdue.status = core::ActionStatus::k_in_progress;
  overdue.effort_days = 20;
  overdue.target_level = 3;
  overdue.nodes = {"PR.AC-1"};
  core::Action done = overdue;
  done.id = 2;
  done.title = "Complete the hardware inventory";
  done.due = "2024-02-28";
  done.status = core::ActionStatus::k_done;
  done.nodes = {"ID.AM-1"};
  core::Action later = overdue;
  later.id = 3;
  later.title = "Extend vulnerability scanning to workstations";
  later.owner = "Victor Vuln";
  later.due = "2024-12-31";
  later.status = core::ActionStatus::k_planned;
  later.nodes = {"ID.RA-1"};
  in.actions = {overdue, done, later};
  return in;
}

std::vector<std::string> subcategory_ids() {
  std::vector<std::string> ids;
  for (const auto* n : catalog().nodes_in_order(k_framework)) {
    if (n->level == core::Level::k_subcategory) ids.push_back(n->id);
  }
  return ids;
}

// Every subcategory assessed (deterministically), for the samples and the roll-up numbers.
report::ReportInput full_input() {
  auto in = small_input();
  in.organization.name = "Northwind Logistics Ltd";
  in.current_assessments["ID.RA-1"].notes =
      "Scanner covers servers only; workstations follow in Q3.";
  const char* owners[] = {"CISO office", "IT operations", "HR", "Facilities", "SOC"};
  auto ids = subcategory_ids();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& id = ids[i];
    if (in.current_assessments.contains(id)) continue;
    if (i % 29 == 7) {
      core::NodeAssessment na;
      na.node = id;
      na.not_applicable = true;
      na.justification = "Outside the scope";
      put(in.current_assessments, na);
      continue;
    }
    int cur = static_cast<int>((i * 7 + i / 5) % 5);
    put(in.current_assessments, level(id, cur, owners[i % 5], 1 + static_cast<int>(i % 3)));
    put(in.target_assessments, level(id, std::min(5, std::max(cur, 3 + static_cast<int>(i % 2))),
                                     "", 1 + static_cast<int>(i % 3)));
    for (std::size_t s = 0; s < in.snapshots.size(); ++s) {
      put(in.snapshots[s].assessments, level(id, std::max(0, cur - 2 + static_cast<int>(s))));
    }
  }
  core::Snapshot s3 = in.snapshots.back();
  s3.name = "Year end";
  s3.taken_at = "2024-06-15T12:00:00Z";
  s3.assessments = in.current_assessments;
  in.snapshots.push_back(s3);
  return in;
}

// The text between `start` (included) and the next `end` after it.
std::string slice(const std::string& html, const std::string& start, const std::string& end) {
  auto b = html.find(start);
  if (b == std::string::npos) return {};
  auto e = html.find(end, b);
  return html.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

std::size_t count(const std::string& html, const std::string& what) {
  std::size_t n = 0;
  for (auto p = html.find(what); p != std::string::npos; p = html.find(what, p + what.size())) ++n;
  return n;
}

TEST(ReportAudience, ParsesTheThreeAudiences) {
  EXPECT_EQ(report::parse_audience("executive"), Audience::k_executive);
  EXPECT_EQ(report::parse_audience("Practitioner"), Audience::k_practitioner);
  EXPECT_EQ(report::parse_audience("management"), Audience::k_management);
  EXPECT_FALSE(report::parse_audience("board"));
  EXPECT_FALSE(report::parse_audience(""));
}

TEST(ReportHtml, BuiltinCatalogLoads) {
  ASSERT_NE(catalog().framework(k_framework), nullptr);
  ASSERT_NE(catalog().framework("iso-tr-27103-2018-annex-b"), nullptr);
  EXPECT_EQ(subcategory_ids().size(), 88u);
}

TEST(ReportHtml, EscapesEveryInputString) {
  for (const auto& in : {small_input(), full_input()}) {
    for (auto audience : k_audiences) {
      auto html = report::render_html(in, audience);
      EXPECT_EQ(html.find("<script"), std::string::npos) << static_cast<int>(audience);
      EXPECT_EQ(html.find("alert(1)</script"), std::string::npos);
    }
  }
  for (auto audience : k_audiences) {
    auto html = report::render_html(small_input(), audience);
    EXPECT_NE(html.find(std::string("Acme ") + k_script_escaped + " &amp; Co"), std::string::npos);
  }
  auto practitioner = report::render_html(small_input(), Audience::k_practitioner);
  EXPECT_NE(practitioner.find(std::string("Scanner covers servers only ") + k_script_escaped),
            std::string::npos);
}

TEST(ReportHtml, IsSelfContained) {
  for (auto audience : k_audiences) {
    auto html = report::render_html(full_input(), audience);
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_NE(html.find("@page"), std::string::npos);
    // The evidence link is the only address in the document, and only in the practitioner report.
    std::string rest = html;
    for (auto p = rest.find(k_evidence_url); p != std::string::npos; p = rest.find(k_evidence_url))
      rest.erase(p, std::string_view(k_evidence_url).size());
    EXPECT_EQ(rest.find("http://"), std::string::npos);
    EXPECT_EQ(rest.find("https://"), std::string::npos);
    for (const char* resource : {"<script", "<link", "<img", "<iframe", "src=", "url(", "@import",
                                 "@font-face", "href=\"javascript"}) {
      EXPECT_EQ(html.find(resource), std::string::npos) << resource;
    }
  }
  auto practitioner = report::render_html(small_input(), Audience::k_practitioner);
  EXPECT_NE(practitioner.find(std::string("<a href=\"") + k_evidence_url + "\">Q1 scan report</a>"),
            std::string::npos);
  EXPECT_NE(practitioner.find("not a web link"), std::string::npos);
  EXPECT_NE(practitioner.find("sha256 9f86d081884c"), std::string::npos);
}

TEST(ReportExecutive, RanksTheTopGapFirst) {
  auto in = small_input();
  auto gaps = core::analyse_gaps(catalog(), k_framework, in.scale, in.current_assessments,
                                 in.target_assessments);
  ASSERT_FALSE(gaps.subcategories.empty());
  const auto& top = gaps.subcategories.front();
  ASSERT_GT(top.gap, 0);
  EXPECT_EQ(top.node, "PR.AC-1");
  auto html = report::render_html(in, Audience::k_executive);
  auto table = slice(html, "<table class=\"gaps\"", "</table>");
  ASSERT_FALSE(table.empty());
  auto first = table.find("data-node=\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(table.substr(first + 11, top.node.size() + 1), top.node + "\"");
  EXPECT_LT(table.find("data-node=\"PR.AC-1\""), table.find("data-node=\"ID.AM-2\""));
  EXPECT_NE(table.find("Irene Identity"), std::string::npos);
}

TEST(ReportExecutive, FunctionNumbersMatchTheRollUp) {
  auto in = full_input();
  auto cur = core::roll_up(catalog(), k_framework, in.current_assessments);
  auto tgt = core::roll_up(catalog(), k_framework, in.target_assessments);
  auto html = report::render_html(in, Audience::k_executive);
  auto management = report::render_html(in, Audience::k_management);
  auto table = slice(html, "<table class=\"functions\"", "</table>");
  double sum = 0;
  for (const auto& f : catalog().framework(k_framework)->nodes) {
    auto row = slice(table, "<tr data-node=\"" + f.id + "\"", "</tr>");
    ASSERT_FALSE(row.empty()) << f.id;
    ASSERT_TRUE(cur[f.id].value && tgt[f.id].value) << f.id;
    EXPECT_NE(row.find(">" + one_decimal(*cur[f.id].value) + "<"), std::string::npos) << row;
    EXPECT_NE(row.find(">" + one_decimal(*tgt[f.id].value) + "<"), std::string::npos) << row;
    // The management report's chart labels the same numbers.
    EXPECT_NE(management.find(">" + one_decimal(*cur[f.id].value) + "</text>"), std::string::npos);
    sum += *cur[f.id].value;
  }
  auto overall = one_decimal(sum / catalog().framework(k_framework)->nodes.size());
  EXPECT_NE(slice(html, ">Current score<", "</div></div>").find(overall), std::string::npos);
}

TEST(ReportExecutive, ShowsTheShareAtTargetAndFlagsOverdueActions) {
  auto in = small_input();
  auto html = report::render_html(in, Audience::k_executive);
  // Six targets; ID.AM-1 and RS.RP-1 are at target.
  EXPECT_NE(slice(html, ">At target<", "</div></div>").find("33%"), std::string::npos);
  auto row = slice(html, "Roll out MFA for remote access", "</tr>");
  EXPECT_NE(row.find("Overdue"), std::string::npos);
  EXPECT_EQ(slice(html, "Complete the hardware inventory", "</tr>").find("Overdue"),
            std::string::npos);
  EXPECT_EQ(slice(html, "Extend vulnerability scanning", "</tr>").find("Overdue"),
            std::string::npos);
  EXPECT_NE(html.find("Overdue <b>1</b>"), std::string::npos);
  // The heat map has a cell for every category, and the progress chart is drawn.
  EXPECT_NE(html.find("class=\"cell\" data-node=\"ID.AM\""), std::string::npos);
  EXPECT_NE(html.find("class=\"cell none\" data-node=\"PR.DS\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"Score over snapshots\""), std::string::npos);
  // Snapshots given newest first are drawn oldest first.
  std::reverse(in.snapshots.begin(), in.snapshots.end());
  auto reversed = report::render_html(in, Audience::k_executive);
  auto chart = slice(reversed, "aria-label=\"Score over snapshots\"", "</svg>");
  EXPECT_LT(chart.find(">2023-06-30<"), chart.find(">2024-01-15<"));
}

TEST(ReportExecutive, TheOnePageKeepsTheOpenActionsDueNextAndPointsToTheRest) {
  auto in = small_input();
  auto html = report::render_html(in, Audience::k_executive);
  auto next = slice(html, "<table class=\"roadmap next\"", "</table>");
  ASSERT_FALSE(next.empty());
  // Open actions only, the overdue one first; the done one is counted in the chips, not listed.
  EXPECT_LT(next.find("Roll out MFA for remote access"),
            next.find("Extend vulnerability scanning to workstations"));
  EXPECT_EQ(next.find("Complete the hardware inventory"), std::string::npos);
  EXPECT_NE(html.find("Done <b>1</b>"), std::string::npos);
  // Six open actions: four are listed, and the page says where the others are.
  for (int i = 0; i < 3; ++i) {
    auto more = in.actions[2];
    more.id = 10 + i;
    more.title = "Further action " + std::to_string(i);
    more.due = "2025-0" + std::to_string(i + 1) + "-01";
    in.actions.push_back(more);
  }
  html = report::render_html(in, Audience::k_executive);
  next = slice(html, "<table class=\"roadmap next\"", "</table>");
  EXPECT_EQ(count(next, "<tr>") + count(next, "<tr class="), 4u + 1u);  // the head row and four
  EXPECT_NE(html.find("4 of 5; all: the practitioner report"), std::string::npos);
  // The practitioner report has every action and every open gap.
  auto practitioner = report::render_html(in, Audience::k_practitioner);
  auto all = slice(practitioner, "<table class=\"roadmap\"", "</table>");
  for (const auto& a : in.actions) EXPECT_NE(all.find(a.title), std::string::npos) << a.title;
  EXPECT_NE(practitioner.find("Open gaps, ranked"), std::string::npos);
}

TEST(ReportExecutive, ALargeFrameworkKeepsToOnePage) {
  // 93 controls under four themes: the heat map would take eighteen rows, so the page leaves it
  // to the practitioner report; the function table and the figures stay.
  auto in = small_input();
  in.current.framework = "iso-iec-27001-2022-annex-a";
  in.current_assessments = {{"A.5.1", level("A.5.1", 2)}, {"A.8.1", level("A.8.1", 3)}};
  in.target.reset();
  in.target_assessments.clear();
  auto html = report::render_html(in, Audience::k_executive);
  EXPECT_EQ(html.find("class=\"cell\""), std::string::npos);
  EXPECT_NE(html.find("too many categories for one page"), std::string::npos);
  EXPECT_NE(html.find("<table class=\"functions\""), std::string::npos);
  EXPECT_NE(report::render_html(in, Audience::k_practitioner).find("data-node=\"A.8.1\""),
            std::string::npos);
}

TEST(ReportManagement, AxesFollowTheScale) {
  auto in = small_input();
  core::Scale four{"one-to-four",
                   "Four levels",
                   {{1, "Low", ""}, {2, "Fair", ""}, {3, "Good", ""}, {4, "Strong", ""}}};
  in.scale = four;
  for (auto* m : {&in.current_assessments, &in.target_assessments}) {
    for (auto& [id, a] : *m) {
      if (a.level) a.level = std::clamp(*a.level, 1, 4);
    }
  }
  auto html = report::render_html(in, Audience::k_management);
  auto chart = slice(html, "aria-label=\"Current and target score by function\"", "</svg>");
  ASSERT_FALSE(chart.empty());
  EXPECT_EQ(count(chart, "text-anchor=\"end\""), 4u);  // ticks 1, 2, 3, 4
  EXPECT_NE(chart.find(">1</text>"), std::string::npos);
  EXPECT_NE(chart.find(">4</text>"), std::string::npos);
  EXPECT_EQ(chart.find(">0</text>"), std::string::npos);
  EXPECT_EQ(chart.find(">5</text>"), std::string::npos);
}

TEST(ReportEmptyStates, SayWhatIsMissing) {
  auto in = small_input();
  in.target.reset();
  in.target_assessments.clear();
  in.snapshots.clear();
  in.actions.clear();
  auto exec = report::render_html(in, Audience::k_executive);
  EXPECT_NE(exec.find("No target profile was given"), std::string::npos);
  EXPECT_NE(exec.find("No snapshots have been taken yet"), std::string::npos);
  EXPECT_NE(exec.find("No roadmap actions have been recorded yet"), std::string::npos);
  EXPECT_EQ(exec.find("<table class=\"gaps\""), std::string::npos);
  for (auto audience : k_audiences) {
    EXPECT_NE(report::render_html(in, audience).find("current state only"), std::string::npos);
  }

  in.snapshots = small_input().snapshots;
  in.snapshots.pop_back();
  EXPECT_NE(report::render_html(in, Audience::k_executive)
                .find("Progress over time appears once there are at least two"),
            std::string::npos);

  in.current_assessments.clear();
  for (auto audience : k_audiences) {
    auto html = report::render_html(in, audience);
    EXPECT_NE(html.find("Nothing has been assessed yet"), std::string::npos);
    EXPECT_TRUE(html.ends_with("</html>\n"));
  }
}

TEST(ReportEmptyStates, UnknownFrameworkIsAMessage) {
  auto in = small_input();
  in.current.framework = std::string("no-such-framework") + k_script;
  auto html = report::render_html(in, Audience::k_executive);
  EXPECT_NE(html.find("is not in the catalog"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST(ReportPractitioner, ListsEverySubcategoryWithItsDetail) {
  auto html = report::render_html(small_input(), Audience::k_practitioner);
  std::size_t last = 0;
  for (const auto& id : subcategory_ids()) {
    auto p = html.find("data-node=\"" + id + "\"");
    ASSERT_NE(p, std::string::npos) << id;
    EXPECT_GT(p, last) << id << " is out of document order";
    last = p;
  }
  auto card = slice(html, "data-node=\"ID.RA-1\"", "</dl></div>");
  EXPECT_NE(card.find("2 Managed"), std::string::npos);
  EXPECT_NE(card.find("3 Defined"), std::string::npos);
  EXPECT_NE(card.find("Victor Vuln"), std::string::npos);
  // The supporting clause with its title, and the 2022 alignment of the same node.
  EXPECT_NE(card.find("ISO/IEC 27002:2013</span>, <span class=\"mono\">12.6.1</span> Management of "
                      "technical vulnerabilities"),
            std::string::npos);
  EXPECT_NE(card.find("ISO/IEC 27002:2022</span>, <span class=\"mono\">8.8</span>"),
            std::string::npos);
  auto na = slice(html, "data-node=\"DE.CM-1\"", "</dl></div>");
  EXPECT_NE(na.find("N/A"), std::string::npos);
  EXPECT_NE(na.find("No own network: the provider monitors it"), std::string::npos);
}

TEST(ReportManagement, ShowsThePrinciplesAndTheTenEssentials) {
  auto html = report::render_html(full_input(), Audience::k_management);
  auto table = slice(html, "<table class=\"essentials\"", "</table>");
  ASSERT_FALSE(table.empty());
  for (const char* id : {"TP-a", "TP-b", "TP-c"})
    EXPECT_NE(table.find(std::string("<tr data-node=\"") + id + "\""), std::string::npos) << id;
  for (int i = 1; i <= 10; ++i) {
    auto id = "TE-" + std::to_string(i);
    EXPECT_NE(table.find("<tr data-node=\"" + id + "\""), std::string::npos) << id;
  }
  EXPECT_NE(html.find("How the standing is derived"), std::string::npos);
  // TE-2 cites ISO/IEC 27002:2013 6.1.1, which ID.GV-2 cites too.
  auto te2 = slice(table, "<tr data-node=\"TE-2\"", "</tr>");
  EXPECT_NE(te2.find("ID.GV-2"), std::string::npos);
  EXPECT_NE(html.find("<table class=\"functions\""), std::string::npos);
}

TEST(ReportManagement, StandingIsTheMeanOfTheSupportingSubcategories) {
  // Only ID.GV-2 assessed: every essential that it supports stands at its level.
  auto in = small_input();
  in.current_assessments = {{"ID.GV-2", level("ID.GV-2", 4)}};
  auto html = report::render_html(in, Audience::k_management);
  auto te2 = slice(html, "<tr data-node=\"TE-2\"", "</tr>");
  EXPECT_NE(te2.find("<b>4.0</b>"), std::string::npos) << te2;
  EXPECT_NE(te2.find("1 assessed"), std::string::npos) << te2;
}

TEST(ReportManagement, WorksForOtherFrameworksThroughReferences) {
  // NIST CSF 1.1 cites ISO/IEC 27001:2013 A.6.1.1, the Annex A copy of ISO/IEC 27002:2013 6.1.1
  // (TE-2); the 2022-aligned TR 27103 cites its successor, ISO/IEC 27002:2022 5.2.
  for (auto [framework, node] : {std::pair{"nist-csf-1.1", "ID.AM-6"},
                                 {"iso-tr-27103-2018-aligned-27002-2022", "ID.GV-2"}}) {
    auto in = small_input();
    in.current.framework = framework;
    in.target.reset();
    in.target_assessments.clear();
    in.snapshots.clear();
    in.current_assessments = {{node, level(node, 3)}};
    auto html = report::render_html(in, Audience::k_management);
    auto te2 = slice(html, "<tr data-node=\"TE-2\"", "</tr>");
    EXPECT_NE(te2.find(node), std::string::npos) << framework << te2;
    EXPECT_NE(te2.find("<b>3.0</b>"), std::string::npos) << framework << te2;
  }
}

TEST(ReportSamples, RenderEveryAudience) {
  auto empty = small_input();
  empty.target.reset();
  empty.target_assessments.clear();
  empty.current_assessments.clear();
  empty.snapshots.clear();
  empty.actions.clear();
  const char* dir = std::getenv("CYBERFRAME_REPORT_SAMPLES");
  for (auto [audience, name] : {std::pair{Audience::k_executive, "executive"},
                                {Audience::k_practitioner, "practitioner"},
                                {Audience::k_management, "management"}}) {
    auto html = report::render_html(full_input(), audience);
    auto blank = report::render_html(empty, audience);
    EXPECT_GT(html.size(), 5000u);
    EXPECT_GT(blank.size(), 5000u);
    if (dir != nullptr && *dir != '\0') {
      std::ofstream(std::string(dir) + "/report-" + name + ".html") << html;
      std::ofstream(std::string(dir) + "/report-empty-" + name + ".html") << blank;
    }
  }
}

}  // namespace
}  // namespace cyberframe
