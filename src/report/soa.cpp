#include "report/soa.hpp"

#include <algorithm>
#include <array>

#include "exchange/table_text.hpp"
#include "exchange/xlsx.hpp"
#include "report/style.hpp"
#include "util/text.hpp"

namespace cyberframe::report {
namespace {

// Every string that comes from the input goes through here before it reaches the document.
std::string esc(std::string_view s) {
  return util::escaped(s, util::Escape::k_html);
}

constexpr std::array<std::string_view, 5> k_themes = {"Organizational controls", "People controls",
                                                      "Physical controls", "Technological controls",
                                                      "Own controls"};

constexpr std::array<core::SoaReason, 5> k_reasons = {
    core::SoaReason::k_risk_treatment, core::SoaReason::k_legal, core::SoaReason::k_contractual,
    core::SoaReason::k_business, core::SoaReason::k_interested_party};

std::string status_label(core::SoaStatus status) {
  return status == core::SoaStatus::k_approved ? "Approved" : "Draft";
}

std::string implementation_class(core::Implementation i) {
  switch (i) {
    case core::Implementation::k_implemented:
      return "impl";
    case core::Implementation::k_partial:
      return "partial";
    case core::Implementation::k_planned:
      return "planned";
    case core::Implementation::k_not_implemented:
      return "notimpl";
    case core::Implementation::k_not_assessed:
      break;
  }
  return "none";
}

// The page: landscape A4, the shared look (style.hpp), the table's own columns.
constexpr std::string_view k_soa_css = R"css(
.paper { max-width: 297mm; }
.report-head .meta { grid-template-columns: 0.7fr 2.2fr 1.6fr 1fr; }
.kpis.soa { grid-template-columns: repeat(7, 1fr); gap: 6px; }
.kpis.soa .kpi { padding: 5px 8px; }
.kpis.soa .kpi .value { font-size: 15pt; }
.kpis.soa .kpi .sub { line-height: 1.2; }
table.soa { font-size: 8pt; line-height: 1.3; table-layout: fixed; }
table.soa th { font-size: 6.5pt; padding: 3px 4px; }
table.soa td { padding: 3px 4px; overflow-wrap: anywhere; }
table.soa col.control { width: 7%; }
table.soa col.title { width: 17%; }
table.soa col.applicable { width: 7%; }
table.soa col.reasons { width: 17%; }
table.soa col.justification { width: 22%; }
table.soa col.implementation { width: 18%; }
table.soa col.owner { width: 12%; }
table.soa tr.theme td { background: var(--navy); color: #fff; font-weight: 700; font-size: 8.5pt; padding: 4px 6px; break-after: avoid; page-break-after: avoid; }
table.soa tr.theme td .count { font-weight: 400; opacity: .85; margin-left: 8px; }
table.soa tr.excluded td { background: #f7f8fa; }
table.soa tr.excluded td.title { color: var(--muted); }
.nowrap { white-space: nowrap; }
.yes { color: var(--ok); font-weight: 700; }
.no { color: var(--bad); font-weight: 700; }
ul.reasons { margin: 0; padding-left: 12px; }
ul.reasons li { margin: 0; }
.risks { display: block; color: var(--muted); font-size: 7.5pt; }
.risks .id { color: var(--ink); font-weight: 600; }
.basis { display: block; color: var(--muted); font-size: 7.5pt; }
.notes { display: block; color: var(--muted); font-size: 7.5pt; margin-top: 2px; }
.st { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 7.5pt; font-weight: 700; white-space: nowrap; line-height: 1.6; }
.st.impl { background: #e3f1e4; color: #1e5b22; }
.st.partial { background: #fff1d6; color: #7a4a00; }
.st.planned { background: #e6eef7; color: #2a4a6b; }
.st.notimpl { background: #fde2e1; color: #8a1c14; }
.st.none { background: repeating-linear-gradient(45deg, #eef1f5 0 4px, #e1e6ec 4px 8px); color: var(--muted); }
.status-draft { color: var(--bad); }
.status-approved { color: var(--ok); }
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-30deg); font-size: 140pt; font-weight: 800; letter-spacing: .1em; color: rgba(180, 35, 24, .08); pointer-events: none; z-index: 10; white-space: nowrap; }
footer.report-foot { margin-top: 10px; padding-top: 4px; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
@page { size: A4 landscape; margin: 10mm 10mm 12mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #5b6675; } @bottom-left { content: "Statement of Applicability"; font-size: 8pt; color: #5b6675; } }
@media print {
  html, body { background: #fff; }
  .paper { max-width: none; margin: 0; padding: 0; box-shadow: none; }
}
@media screen and (max-width: 900px) {
  .paper { padding: 12px; margin: 0; }
  .kpis.soa, .report-head .meta { grid-template-columns: 1fr 1fr; }
  table.soa { table-layout: auto; }
}
)css";

std::string kpi(std::string_view label, std::size_t value, const std::string& sub_html,
                bool alert = false) {
  return "<div class=\"kpi" + std::string(alert ? " alert" : "") + "\"><div class=\"label\">" +
         std::string(label) + "</div><div class=\"value\">" + std::to_string(value) +
         "</div><div class=\"sub\">" + sub_html + "</div></div>";
}

std::string percent_of(std::size_t part, std::size_t whole) {
  if (whole == 0) return "\u2014";
  return std::to_string((part * 100 + whole / 2) / whole) + "% of applicable";
}

std::string approval_text(const core::SoaVersion& v) {
  if (v.status == core::SoaStatus::k_approved) {
    std::string s = "<span class=\"status-approved\">Approved</span>";
    if (!v.approved_by.empty()) s += " by " + esc(v.approved_by);
    if (!v.approved_at.empty()) s += " on <span class=\"nowrap\">" + esc(v.approved_at) + "</span>";
    return s;
  }
  std::string s = "<span class=\"status-draft\">Draft</span> \u2014 not approved";
  if (!v.created_by.empty()) s += "; opened by " + esc(v.created_by);
  if (!v.created_at.empty()) s += " on <span class=\"nowrap\">" + esc(v.created_at) + "</span>";
  return s;
}

std::string line_row(const core::SoaLine& line) {
  const auto& row = line.row;
  std::string s = "<tr";
  if (!row.applicable) s += " class=\"excluded\"";
  s += "><td><span class=\"id\">" + esc(row.control) + "</span></td>";
  s += "<td class=\"title\">" + esc(line.title) + "</td>";
  s += row.applicable ? "<td><span class=\"yes\">Yes</span></td>"
                      : "<td><span class=\"no\">No</span> (excluded)</td>";
  s += "<td>";
  auto reasons = soa_reasons(line);
  if (row.applicable && !reasons.empty()) {
    s += "<ul class=\"reasons\">";
    for (auto r : reasons) {
      s += "<li>" + esc(soa_reason_label(r));
      if (r == core::SoaReason::k_risk_treatment && !line.risks.empty()) {
        s += "<span class=\"risks\">";
        for (std::size_t i = 0; i < line.risks.size(); ++i) {
          if (i) s += ", ";
          s += "<span class=\"id\">" + esc(line.risks[i]) + "</span>";
        }
        s += "</span>";
      }
      s += "</li>";
    }
    s += "</ul>";
  } else if (row.applicable) {
    s += "<span class=\"no\">No reason given</span>";
  } else {
    s += "<span class=\"muted\">\u2014</span>";
  }
  s += "</td><td>";
  if (!row.applicable)
    s += "<strong>" + esc(row.justification) + "</strong>";
  else
    s += esc(row.justification);
  s += "</td><td>";
  if (row.applicable) {
    s += "<span class=\"st " + implementation_class(line.implementation) + "\">" +
         esc(implementation_label(line.implementation)) + "</span>";
    if (!line.implementation_basis.empty())
      s += "<span class=\"basis\">" + esc(line.implementation_basis) + "</span>";
  } else {
    s += "<span class=\"muted\">not applicable</span>";
  }
  s += "</td><td>" + esc(row.owner);
  if (!row.notes.empty()) s += "<span class=\"notes\">" + esc(row.notes) + "</span>";
  s += "</td></tr>\n";
  return s;
}

std::string yes_no(bool b) {
  return b ? "yes" : "no";
}

std::vector<std::string> csv_header() {
  return {"control", "title",         "theme",          "applicable",           "reasons",
          "risks",   "justification", "implementation", "implementation_basis", "owner",
          "notes",   "soa_version"};
}

std::vector<std::string> csv_cells(const SoaDocument& d, const core::SoaLine& line) {
  std::vector<std::string> reasons;
  for (auto r : soa_reasons(line)) reasons.emplace_back(core::to_string(r));
  return {line.row.control,
          line.title,
          line.theme,
          yes_no(line.row.applicable),
          util::join(reasons, "; "),
          util::join(line.risks, "; "),
          line.row.justification,
          std::string(core::to_string(line.implementation)),
          line.implementation_basis,
          line.row.owner,
          line.row.notes,
          std::to_string(d.version.number)};
}

}  // namespace

SoaCounts soa_counts(const std::vector<core::SoaLine>& lines) {
  SoaCounts c;
  for (const auto& line : lines) {
    ++c.controls;
    if (!line.row.applicable) {
      ++c.excluded;
      continue;
    }
    ++c.applicable;
    switch (line.implementation) {
      case core::Implementation::k_implemented:
        ++c.implemented;
        break;
      case core::Implementation::k_partial:
        ++c.partial;
        break;
      case core::Implementation::k_planned:
        ++c.planned;
        break;
      case core::Implementation::k_not_implemented:
        ++c.not_implemented;
        break;
      case core::Implementation::k_not_assessed:
        ++c.not_assessed;
        break;
    }
  }
  return c;
}

std::vector<core::SoaReason> soa_reasons(const core::SoaLine& line) {
  std::vector<core::SoaReason> out;
  for (auto r : k_reasons) {
    if (line.row.reasons.contains(r) ||
        (r == core::SoaReason::k_risk_treatment && line.risk_reason))
      out.push_back(r);
  }
  return out;
}

std::string soa_reason_label(core::SoaReason reason) {
  switch (reason) {
    case core::SoaReason::k_risk_treatment:
      return "Risk treatment";
    case core::SoaReason::k_legal:
      return "Legal or regulatory requirement";
    case core::SoaReason::k_contractual:
      return "Contractual obligation";
    case core::SoaReason::k_business:
      return "Business requirement";
    case core::SoaReason::k_interested_party:
      return "Interested party";
  }
  return "";
}

std::string implementation_label(core::Implementation i) {
  switch (i) {
    case core::Implementation::k_implemented:
      return "Implemented";
    case core::Implementation::k_partial:
      return "Partially implemented";
    case core::Implementation::k_planned:
      return "Planned";
    case core::Implementation::k_not_implemented:
      return "Not implemented";
    case core::Implementation::k_not_assessed:
      return "Not assessed";
  }
  return "";
}

std::vector<const core::SoaLine*> soa_order(const std::vector<core::SoaLine>& lines) {
  std::vector<std::string> others;  // themes not known, in the order met
  auto rank = [&](const std::string& theme) -> std::size_t {
    for (std::size_t i = 0; i < k_themes.size(); ++i) {
      if (theme == k_themes[i]) return i;
    }
    auto it = std::find(others.begin(), others.end(), theme);
    if (it == others.end()) {
      others.push_back(theme);
      return k_themes.size() + others.size() - 1;
    }
    return k_themes.size() + static_cast<std::size_t>(it - others.begin());
  };
  std::vector<std::pair<std::size_t, const core::SoaLine*>> ranked;
  ranked.reserve(lines.size());
  for (const auto& line : lines) ranked.emplace_back(rank(line.theme), &line);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const core::SoaLine*> out;
  out.reserve(ranked.size());
  for (const auto& [r, line] : ranked) out.push_back(line);
  return out;
}

std::string soa_html(const SoaDocument& d) {
  const bool draft = d.version.status == core::SoaStatus::k_draft;
  auto counts = soa_counts(d.lines);
  std::string org = d.organization.empty() ? "Unnamed organization" : d.organization;
  std::string title =
      org + " \u2014 Statement of Applicability, version " + std::to_string(d.version.number);

  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"cyberframe\">\n";
  out += "<title>" + esc(title) + (draft ? " (draft)" : "") + "</title>\n<style>" +
         std::string(k_base_css) + std::string(k_soa_css) + "</style>\n</head>\n<body>\n";
  // Fixed, so that every printed page carries it.
  if (draft) out += "<div class=\"watermark\" aria-hidden=\"true\">DRAFT</div>\n";
  out += "<main class=\"paper\">\n";

  // Title block.
  out +=
      "<header class=\"report-head\"><div class=\"kicker\">ISO/IEC 27001:2022 6.1.3 d "
      "\u00b7 Statement of Applicability</div>";
  out += "<h1>" + esc(org) + "</h1>";
  if (!d.scope.empty()) out += "<div class=\"scope\">Scope: " + esc(d.scope) + "</div>";
  out += "<dl class=\"meta\">";
  auto item = [&](std::string_view dt, const std::string& dd_html) {
    out += "<div><dt>" + std::string(dt) + "</dt><dd>" + dd_html + "</dd></div>";
  };
  item("Version", "SoA version " + std::to_string(d.version.number));
  item("Status", approval_text(d.version));
  item("Approval note", d.version.approval_note.empty() ? "<span class=\"muted\">\u2014</span>"
                                                        : esc(d.version.approval_note));
  item("Generated", esc(d.generated_at.empty() ? "\u2014" : d.generated_at));
  out += "</dl></header>\n";

  // Summary counts.
  out += "<section class=\"kpis soa\">";
  out += kpi("Controls", counts.controls, "in this statement");
  out += kpi("Applicable", counts.applicable,
             std::to_string(counts.excluded) + " excluded with justification");
  out += kpi("Implemented", counts.implemented, percent_of(counts.implemented, counts.applicable));
  out += kpi("Partial", counts.partial, percent_of(counts.partial, counts.applicable));
  out += kpi("Planned", counts.planned, "with an open roadmap action");
  out += kpi("Not implemented", counts.not_implemented,
             percent_of(counts.not_implemented, counts.applicable), counts.not_implemented > 0);
  out += kpi("Not assessed", counts.not_assessed,
             percent_of(counts.not_assessed, counts.applicable), counts.not_assessed > 0);
  out += "</section>\n";

  // The table, grouped by theme.
  if (d.lines.empty()) {
    out +=
        "<p class=\"empty\">This version of the Statement of Applicability has no "
        "controls.</p>\n";
  } else {
    out +=
        "<table class=\"soa\"><colgroup><col class=\"control\"><col class=\"title\"><col "
        "class=\"applicable\"><col class=\"reasons\"><col class=\"justification\"><col "
        "class=\"implementation\"><col class=\"owner\"></colgroup>\n";
    out +=
        "<thead><tr><th>Control</th><th>Title</th><th>Applicable</th><th>Reasons for "
        "inclusion</th><th>Justification</th><th>Implementation</th><th>Owner</th></tr>"
        "</thead>\n<tbody>\n";
    auto order = soa_order(d.lines);
    std::string theme;
    bool first = true;
    for (std::size_t i = 0; i < order.size(); ++i) {
      const auto* line = order[i];
      if (first || line->theme != theme) {
        theme = line->theme;
        first = false;
        std::size_t n = 0, applicable = 0;
        for (std::size_t j = i; j < order.size() && order[j]->theme == theme; ++j) {
          ++n;
          if (order[j]->row.applicable) ++applicable;
        }
        out += "<tr class=\"theme\"><td colspan=\"7\">" +
               esc(theme.empty() ? "Other controls" : theme) + "<span class=\"count\">" +
               std::to_string(applicable) + " of " + std::to_string(n) +
               " applicable</span></td></tr>\n";
      }
      out += line_row(*line);
    }
    out += "</tbody></table>\n";
  }
  out += "<footer class=\"report-foot\">Generated by cyberframe \u00b7 " +
         esc(d.generated_at.empty() ? "no date" : d.generated_at) + " \u00b7 " + esc(org) +
         " \u00b7 Statement of Applicability version " + std::to_string(d.version.number) + " (" +
         status_label(d.version.status) + ")</footer>\n";
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string soa_csv(const SoaDocument& d) {
  std::string out(exchange::table::k_bom);
  out += exchange::table::csv_line(csv_header());
  for (const auto* line : soa_order(d.lines)) out += exchange::table::csv_line(csv_cells(d, *line));
  return out;
}

std::string soa_xlsx(const SoaDocument& d) {
  namespace xlsx = exchange::xlsx;
  xlsx::Table lines;
  lines.sheet_name = "Statement of Applicability";
  lines.wrap = true;
  auto header = csv_header();
  constexpr std::array<double, 12> k_widths = {10, 34, 22, 11, 26, 18, 44, 16, 36, 20, 30, 11};
  for (std::size_t i = 0; i < header.size(); ++i)
    lines.columns.push_back(xlsx::ColumnSpec{header[i], k_widths[i]});
  for (const auto* line : soa_order(d.lines)) {
    auto cells = csv_cells(d, *line);
    std::vector<xlsx::Value> row(cells.begin(), cells.end());
    row[3] = line->row.applicable;
    row[11] = static_cast<double>(d.version.number);
    lines.rows.push_back(std::move(row));
  }

  auto counts = soa_counts(d.lines);
  xlsx::Table summary;
  summary.sheet_name = "Summary";
  summary.filter = false;
  summary.columns = {xlsx::ColumnSpec{"item", 30}, xlsx::ColumnSpec{"value", 48}};
  auto text = [&](std::string name, std::string value) {
    summary.rows.push_back({std::move(name), std::move(value)});
  };
  auto count = [&](std::string name, std::size_t value) {
    summary.rows.push_back({std::move(name), static_cast<double>(value)});
  };
  text("organization", d.organization);
  text("scope", d.scope);
  summary.rows.push_back({std::string("soa_version"), static_cast<double>(d.version.number)});
  text("status", std::string(core::to_string(d.version.status)));
  text("approved_by", d.version.approved_by);
  text("approved_at", d.version.approved_at);
  text("generated_at", d.generated_at);
  count("controls", counts.controls);
  count("applicable", counts.applicable);
  count("excluded", counts.excluded);
  count("implemented", counts.implemented);
  count("partial", counts.partial);
  count("planned", counts.planned);
  count("not_implemented", counts.not_implemented);
  count("not_assessed", counts.not_assessed);

  auto bytes = xlsx::write_workbook({lines, summary});
  return bytes ? std::move(*bytes) : std::string();
}

}  // namespace cyberframe::report
