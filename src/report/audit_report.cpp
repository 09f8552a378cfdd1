#include "report/audit_report.hpp"

#include "report/style.hpp"
#include "util/text.hpp"

namespace cyberframe::report {
namespace {

// Every string that comes from the input goes through here before it reaches the page.
std::string esc(std::string_view s) {
  return util::escaped(s, util::Escape::k_html);
}

// Long text: paragraphs kept, lines broken.
std::string prose(const std::string& s) {
  if (s.empty()) return "<span class=\"muted\">\u2014</span>";
  std::string out;
  for (const auto& line : util::split(s, '\n')) {
    if (!out.empty()) out += "<br>";
    out += esc(line);
  }
  return out;
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "<span class=\"muted\">\u2014</span>" : esc(s);
}

constexpr std::string_view k_audit_css = R"css(
.grade { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 8pt; font-weight: 700; white-space: nowrap; line-height: 1.6; }
.grade.major-nc { background: #fde2e1; color: #8a1c14; }
.grade.minor-nc { background: #fff1d6; color: #7a4a00; }
.grade.observation { background: #e6eef7; color: #2a4a6b; }
.grade.improvement { background: #eef1f5; color: #1b2430; }
.grade.good-practice { background: #e3f1e4; color: #1e5b22; }
.state { font-weight: 700; }
.state.closed { color: var(--ok); }
.state.open { color: var(--bad); }
dl.facts { display: grid; grid-template-columns: 11em 1fr; gap: 4px 12px; margin: 6px 0 10px; }
dl.facts dt { color: var(--muted); font-size: 8.5pt; text-transform: uppercase; letter-spacing: .05em; }
dl.facts dd { margin: 0; }
footer.report-foot { margin-top: 10px; padding-top: 4px; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
@page { size: A4; margin: 12mm 12mm 14mm; }
@media print { html, body { background: #fff; } .paper { max-width: none; margin: 0; padding: 0; box-shadow: none; } }
)css";

}  // namespace

const std::vector<std::pair<std::string, std::string>>& finding_grades() {
  static const std::vector<std::pair<std::string, std::string>> k{
      {"major-nc", "Major nonconformity"},
      {"minor-nc", "Minor nonconformity"},
      {"observation", "Observation"},
      {"improvement", "Opportunity for improvement"},
      {"good-practice", "Good practice"}};
  return k;
}

std::string audit_report_html(const AuditReport& r) {
  const auto& a = r.audit;
  std::string org = r.organization.empty() ? "Unnamed organization" : r.organization;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"cyberframe\">\n";
  out += "<title>" + esc(org + " \u2014 audit report " + a.ref + " " + a.title) + "</title>\n";
  out += "<style>" + std::string(k_base_css) + std::string(k_audit_css) + "</style>\n</head>\n";
  out += "<body>\n<main class=\"paper\">\n";
  out +=
      "<header class=\"report-head\"><div class=\"kicker\">ISO/IEC 27001:2022 9.2 \u00b7 Internal "
      "audit report</div>";
  out += "<h1><span class=\"id\">" + esc(a.ref) + "</span> " + esc(a.title) + "</h1>";
  out += "<div class=\"scope\">" + esc(org) + "</div>";
  out += "<dl class=\"meta\">";
  auto item = [&](std::string_view dt, const std::string& dd_html) {
    out += "<div><dt>" + std::string(dt) + "</dt><dd>" + dd_html + "</dd></div>";
  };
  item("Programme", or_dash(r.programme));
  item("Status", or_dash(a.status));
  item("Performed", or_dash(a.text("performed")));
  item("Planned", or_dash(a.text("planned")));
  item("Reported", or_dash(a.text("reported")));
  item("Generated", or_dash(r.generated_at));
  out += "</dl></header>\n";

  // Counts by grade.
  out += "<section class=\"kpis\">";
  for (const auto& [grade, words] : finding_grades()) {
    std::size_t n = 0;
    for (const auto& f : r.findings) n += f.text("grade") == grade;
    out += "<div class=\"kpi" + std::string(grade == "major-nc" && n ? " alert" : "") +
           "\"><div class=\"label\">" + esc(words) + "</div><div class=\"value\">" +
           std::to_string(n) + "</div></div>";
  }
  out += "</section>\n";

  out += "<h2>The audit</h2><dl class=\"facts\">";
  auto fact = [&](std::string_view dt, const std::string& dd_html) {
    out += "<dt>" + std::string(dt) + "</dt><dd>" + dd_html + "</dd>";
  };
  fact("Criteria", prose(a.text("criteria")));
  fact("Scope", prose(a.text("scope")));
  std::string auditors;
  for (const auto& name : a.list("auditors"))
    auditors += (auditors.empty() ? "" : "; ") + esc(name);
  fact("Lead auditor", or_dash(a.text("lead")));
  fact("Auditors", auditors.empty() ? or_dash("") : auditors);
  fact("Plan", prose(a.text("plan")));
  fact("Sampling", prose(a.text("sampling")));
  out += "</dl>\n";

  out += "<h2>Processes audited</h2>";
  if (r.processes.empty()) {
    out += "<div class=\"empty\">No process is named in the audit's scope.</div>";
  } else {
    out +=
        "<table><thead><tr><th>Process</th><th>Title</th><th>Owner</th><th>Provided "
        "by</th></tr></thead><tbody>";
    for (const auto& p : r.processes)
      out += "<tr><td><span class=\"id\">" + esc(p.ref) + "</span></td><td>" + esc(p.title) +
             "</td><td>" + or_dash(p.owner) + "</td><td>" +
             (p.text("externally_provided") == "yes" ? esc(p.text("provider")) : "in house") +
             "</td></tr>";
    out += "</tbody></table>\n";
  }

  out += "<h2>Checklist</h2>";
  if (r.checklist.empty()) {
    out += "<div class=\"empty\">The audit has no checklist.</div>";
  } else {
    out +=
        "<table><thead><tr><th>Requirement</th><th>Title</th><th>Findings</th></tr></thead>"
        "<tbody>";
    for (const auto& [node, title] : r.checklist) {
      std::string refs;
      for (const auto& f : r.findings)
        if (util::caseless_key(f.text("requirement")) == util::caseless_key(node))
          refs += (refs.empty() ? "" : ", ") + esc(f.ref);
      out += "<tr><td><span class=\"mono\">" + esc(node) + "</span></td><td>" + or_dash(title) +
             "</td><td>" + (refs.empty() ? "<span class=\"muted\">none</span>" : refs) +
             "</td></tr>";
    }
    out += "</tbody></table>\n";
  }

  out += "<h2>Findings</h2>";
  if (r.findings.empty()) out += "<div class=\"empty\">No findings are recorded.</div>";
  for (const auto& [grade, words] : finding_grades()) {
    std::vector<const core::IsmsRecord*> of_grade;
    for (const auto& f : r.findings)
      if (f.text("grade") == grade) of_grade.push_back(&f);
    if (of_grade.empty()) continue;
    out += "<h3>" + esc(words) + " (" + std::to_string(of_grade.size()) + ")</h3>";
    out +=
        "<table><thead><tr><th>Finding</th><th>Requirement</th><th>Statement and "
        "evidence</th><th>Nonconformity</th></tr></thead><tbody>";
    for (const auto* f : of_grade) {
      out += "<tr><td><span class=\"id\">" + esc(f->ref) + "</span> " + esc(f->title) +
             "<br><span class=\"grade " + esc(grade) + "\">" + esc(words) + "</span>";
      if (!f->status.empty()) out += " <span class=\"small muted\">" + esc(f->status) + "</span>";
      out += "</td><td><span class=\"mono\">" + or_dash(f->text("requirement")) + "</span></td>";
      out += "<td>" + prose(f->text("statement")) +
             "<br><span class=\"small muted\">Evidence: </span><span class=\"small\">" +
             prose(f->text("evidence")) + "</span>";
      if (!f->text("reaudit_of").empty())
        out +=
            "<br><span class=\"small muted\">Re-audit of " + esc(f->text("reaudit_of")) + "</span>";
      out += "</td><td>" + or_dash(f->text("nonconformity")) + "</td></tr>";
    }
    out += "</tbody></table>\n";
  }

  out += "<h2>Nonconformities raised</h2>";
  if (r.nonconformities.empty()) {
    out += "<div class=\"empty\">No nonconformity is linked to the findings.</div>";
  } else {
    out +=
        "<table><thead><tr><th>Nonconformity</th><th>State</th><th>Root cause</th>"
        "<th>Corrective actions</th><th>Effectiveness</th></tr></thead><tbody>";
    for (const auto& [ref, nc] : r.nonconformities) {
      std::string actions;
      for (const auto& act : nc.list("actions")) {
        auto it = r.actions.find(act);
        actions += (actions.empty() ? "" : "<br>") + std::string("<span class=\"id\">") + esc(act) +
                   "</span>";
        if (it != r.actions.end())
          actions +=
              " " + esc(it->second.title) + " <span class=\"small muted\">(" +
              esc(it->second.status) +
              (it->second.text("due").empty() ? "" : ", due " + esc(it->second.text("due"))) +
              ")</span>";
      }
      std::string state = nc.status.empty() ? "open" : nc.status;
      out += "<tr><td><span class=\"id\">" + esc(nc.ref) + "</span> " + esc(nc.title) +
             "</td><td><span class=\"state " + (state == "closed" ? "closed" : "open") + "\">" +
             esc(state) + "</span>" +
             (nc.text("closed").empty()
                  ? ""
                  : "<br><span class=\"small\">" + esc(nc.text("closed")) + "</span>") +
             "</td><td>" + prose(nc.text("root_cause")) + "</td><td>" +
             (actions.empty() ? or_dash("") : actions) + "</td><td>" +
             prose(nc.text("effectiveness")) +
             (nc.text("effective").empty() ? ""
                                           : "<br><span class=\"small muted\">effective: " +
                                                 esc(nc.text("effective")) + "</span>") +
             "</td></tr>";
    }
    out += "</tbody></table>\n";
  }

  out += "<h2>Conclusion</h2><p>" + prose(a.text("conclusion")) + "</p>\n";
  out += "<footer class=\"report-foot\">" + esc(org) + " \u00b7 " + esc(a.ref) +
         " \u00b7 generated by cyberframe</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace cyberframe::report
