#include "report/readiness.hpp"

#include "report/style.hpp"
#include "util/text.hpp"

namespace cyberframe::report {

namespace {

std::string h(std::string_view s) {
  return util::escaped(s, util::Escape::k_html);
}

constexpr std::string_view k_css = R"css(
.st { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 8pt; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.st.met { background: #dcefdc; color: #1d5e20; }
.st.partial { background: #fff1d6; color: #7a4a00; }
.st.missing { background: #fde2e1; color: #8a1c14; }
.kpi.warn .value { color: #7a4a00; }
ul.missing { margin: 2px 0 0; padding-left: 16px; color: var(--bad); }
ul.evidence { margin: 0; padding-left: 16px; }
td.clause { white-space: nowrap; font-weight: 700; }
footer.report-foot { margin-top: 10px; padding-top: 4px; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
@page { size: A4 portrait; margin: 12mm 10mm 14mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #5b6675; } @bottom-left { content: "Certification readiness"; font-size: 8pt; color: #5b6675; } }
@media print { html, body { background: #fff; } .paper { max-width: none; margin: 0; padding: 0; box-shadow: none; } }
)css";

const char* clause_title(const std::string& top) {
  if (top == "4") return "4 Context of the organization";
  if (top == "5") return "5 Leadership";
  if (top == "6") return "6 Planning";
  if (top == "7") return "7 Support";
  if (top == "8") return "8 Operation";
  if (top == "9") return "9 Performance evaluation";
  return "10 Improvement";
}

std::string kpi(std::string_view label, std::size_t value, std::string_view tone) {
  return std::string("<div class=\"kpi") + (tone.empty() ? "" : " " + std::string(tone)) +
         "\"><div class=\"label\">" + std::string(label) + "</div><div class=\"value\">" +
         std::to_string(value) + "</div></div>";
}

}  // namespace

std::string readiness_html(const core::Readiness& r, const std::string& organization) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>Certification readiness — " + h(organization) + "</title>\n<style>";
  out += std::string(k_base_css) + std::string(k_css) + "</style>\n</head>\n<body>\n";
  out +=
      "<main class=\"paper\">\n<header class=\"report-head\"><div class=\"kicker\">ISO/IEC "
      "27001:2022 clauses 4-10</div><h1>Certification readiness</h1>";
  out += "<div class=\"scope\">" + h(organization) + " — as of " + h(r.today) + "</div></header>\n";
  out += "<div class=\"kpis\">" + kpi("Requirements", r.requirements.size(), "") +
         kpi("Met", r.met, "") + kpi("Partial", r.partial, r.partial > 0 ? "warn" : "") +
         kpi("Missing", r.missing, r.missing > 0 ? "alert" : "") + "</div>\n";
  if (r.missing > 0)
    out += "<p class=\"notice\">" + std::to_string(r.missing) +
           (r.missing == 1 ? " requirement lacks" : " requirements lack") +
           " the evidence a certification audit asks for.</p>\n";
  std::string top;
  for (const auto& q : r.requirements) {
    auto t = q.clause.substr(0, q.clause.find('.'));
    if (t != top) {
      if (!top.empty()) out += "</tbody></table>\n";
      top = t;
      out += "<h2>" + std::string(clause_title(t)) + "</h2>\n";
      out +=
          "<table><thead><tr><th>Clause</th><th>Requirement</th><th>Status</th>"
          "<th>Evidence</th></tr></thead><tbody>\n";
    }
    std::string status(core::to_string(q.status));
    out += "<tr id=\"req-" + h(q.clause) + "\"><td class=\"clause\">" + h(q.clause) + "</td><td>" +
           h(q.title);
    if (!q.missing.empty()) {
      out += "<ul class=\"missing\">";
      for (const auto& m : q.missing) out += "<li>" + h(m) + "</li>";
      out += "</ul>";
    }
    out += "</td><td><span class=\"st " + status + "\">" + status + "</span></td><td>";
    if (q.evidence.empty())
      out += "<span class=\"muted\">none</span>";
    else {
      out += "<ul class=\"evidence\">";
      for (const auto& e : q.evidence)
        out += "<li><span class=\"id\">" + h(e.ref) + "</span> " + h(e.title) +
               " <span class=\"muted small\">(" + h(e.kind) +
               (e.state.empty() ? "" : ": " + h(e.state)) + ")</span></li>";
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  if (!top.empty()) out += "</tbody></table>\n";
  out += "<footer class=\"report-foot\">Computed by cyberframe from the workspace's records on " +
         h(r.today) + "; nothing on this page is typed.</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace cyberframe::report
