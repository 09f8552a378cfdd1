#pragma once
// The look every HTML document of the product shares (report.cpp's reports, soa.cpp's Statement
// of Applicability): palette, type, the title block, figures and tables. Each document adds its
// own rules after these.

#include <string_view>

namespace cyberframe::report {

inline constexpr std::string_view k_base_css = R"css(
:root { --ink:#1b2430; --muted:#5b6675; --line:#d8dee6; --soft:#f4f6f9; --navy:#1f3a5f; --accent:#2f6db5; --bad:#b42318; --ok:#2e7d32; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #e9edf2; }
body { margin: 0; color: var(--ink); font: 10.5pt/1.45 "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.paper { max-width: 210mm; margin: 12px auto; background: #fff; padding: 14mm 14mm 16mm; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
h1, h2, h3, h4 { color: var(--navy); line-height: 1.2; margin: 0; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 14pt; margin: 14px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--navy); }
h3 { font-size: 11.5pt; margin: 14px 0 6px; }
h4 { font-size: 10.5pt; margin: 10px 0 4px; }
p { margin: 4px 0 8px; }
.muted { color: var(--muted); }
.small { font-size: 8.5pt; }
.mono, .id { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.id { font-weight: 700; white-space: nowrap; }
.report-head { border-bottom: 3px solid var(--navy); padding-bottom: 10px; margin-bottom: 12px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 8.5pt; color: var(--accent); font-weight: 700; }
.report-head h1 { font-size: 21pt; margin: 3px 0 2px; }
.scope { color: var(--muted); margin-bottom: 8px; }
.meta { display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 6px 16px; margin: 8px 0 0; }
.meta div { min-width: 0; }
.meta dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; font-size: 9.5pt; overflow-wrap: anywhere; }
.notice { border-left: 4px solid #f0a500; background: #fff8e6; padding: 6px 10px; margin: 8px 0; break-inside: avoid; }
.empty { border: 1px dashed var(--line); background: var(--soft); color: var(--muted); padding: 10px 12px; margin: 6px 0 10px; border-radius: 4px; }
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 10px 0 6px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--soft); break-inside: avoid; }
.kpi .label { font-size: 7.5pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.kpi .value { font-size: 19pt; font-weight: 700; color: var(--navy); line-height: 1.15; }
.kpi .value small { font-size: 10pt; color: var(--muted); font-weight: 600; }
.kpi .sub { font-size: 8pt; color: var(--muted); }
.kpi.alert .value { color: var(--bad); }
table { width: 100%; border-collapse: collapse; margin: 4px 0 10px; font-size: 9pt; }
thead { display: table-header-group; }
th { text-align: left; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1.5px solid var(--navy); padding: 4px 6px; }
td { border-bottom: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
)css";

}  // namespace cyberframe::report
