#include "report/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <set>

#include "core/figures.hpp"
#include "core/lookup.hpp"
#include "report/style.hpp"
#include "util/text.hpp"

namespace cyberframe::report {

std::optional<Audience> parse_audience(std::string_view text) {
  auto t = util::to_lower(util::trim(text));
  if (t == "executive") return Audience::k_executive;
  if (t == "practitioner") return Audience::k_practitioner;
  if (t == "management") return Audience::k_management;
  return std::nullopt;
}

namespace {

constexpr std::string_view k_annex_b = "iso-tr-27103-2018-annex-b";
// The executive report is one A4 page: the five largest gaps, the four actions due next, and the
// heat map only while it takes at most six rows of six categories (larger frameworks have it in
// the practitioner report). The tests print it for frameworks of 4 to 20 functions.
constexpr std::size_t k_page_gaps = 5;
constexpr std::size_t k_page_actions = 4;
constexpr std::size_t k_page_heat_rows = 6;
constexpr std::size_t k_page_functions = 8;  // beyond, the function table is split in two columns
constexpr std::size_t k_support_listed = 8;

// ------------------------------------------------------------------ text and numbers

// Every string that comes from the input goes through here before it reaches the document.
std::string esc(std::string_view s) {
  return util::escaped(s, util::Escape::k_html);
}

// At most `max_chars` UTF-8 characters of `s`, with an ellipsis when cut; never splits a character.
std::string truncate(std::string_view s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars == max_chars) return std::string(s.substr(0, i)) + "\u2026";
    ++chars;
  }
  return std::string(s);
}

std::string fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// Scores are shown as every view shows them (core::format_score: one decimal of the hundredths,
// half away from zero); an empty score is an em dash.
std::string score(double v) {
  return core::format_score(v);
}
std::string score_text(const std::optional<double>& v) {
  return v ? score(*v) : "\u2014";
}

// A figure of core/figures.hpp, marked with its name for readers and tests that compare the
// report with the dashboard and the command line.
std::string figure(std::string_view name, const std::string& text) {
  return "<span data-figure=\"" + std::string(name) + "\">" + text + "</span>";
}

// "2.4 / 5" for the key figures, or a dash when there is no score.
std::string score_out_of(const std::optional<double>& v, int max, std::string_view name = "") {
  if (!v) return "\u2014";
  auto text = name.empty() ? score(*v) : figure(name, score(*v));
  return text + "<small> / " + std::to_string(max) + "</small>";
}

std::string percent(int part, int whole) {
  auto p = core::percent(part, whole);
  return p ? std::to_string(*p) + "%" : "\u2014";
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string priority_text(int priority) {
  switch (priority) {
    case 1:
      return "High";
    case 2:
      return "Medium";
    case 3:
      return "Low";
  }
  return std::to_string(priority);
}

std::string status_text(core::ActionStatus s) {
  switch (s) {
    case core::ActionStatus::k_planned:
      return "Planned";
    case core::ActionStatus::k_in_progress:
      return "In progress";
    case core::ActionStatus::k_done:
      return "Done";
    case core::ActionStatus::k_cancelled:
      return "Cancelled";
  }
  return "?";
}

// ------------------------------------------------------------------ colours

struct Rgb {
  double r, g, b;
};

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buf;
}

// Red at the bottom of the scale, through amber, to green at the top.
Rgb ramp(double t) {
  static constexpr Rgb k_stops[] = {{198, 40, 40},  {239, 108, 0},  {249, 168, 37},
                                    {192, 202, 51}, {124, 179, 66}, {46, 125, 50}};
  constexpr int k_last = static_cast<int>(std::size(k_stops)) - 1;
  t = std::clamp(t, 0.0, 1.0) * k_last;
  int i = std::min(k_last - 1, static_cast<int>(t));
  double f = t - i;
  const auto& a = k_stops[i];
  const auto& b = k_stops[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

double position_on(const core::Scale& scale, double v) {
  double span = std::max(1, scale.max() - scale.min());
  return std::clamp((v - scale.min()) / span, 0.0, 1.0);
}

std::string fill_for(const core::Scale& scale, double v) {
  return hex(ramp(position_on(scale, v)));
}

std::string ink_for(const core::Scale& scale, double v) {
  auto c = ramp(position_on(scale, v));
  double luminance = (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) / 255.0;
  return luminance > 0.6 ? "#1b1b1b" : "#ffffff";
}

constexpr const char* k_series_colours[] = {"#1f77b4", "#9467bd", "#e377c2", "#ff7f0e",
                                            "#17becf", "#8c564b", "#bcbd22", "#7f7f7f"};
constexpr const char* k_current_colour = "#1f3a5f";
constexpr const char* k_target_colour = "#8fb3d9";

// ------------------------------------------------------------------ the document frame

// After report/style.hpp's k_base_css.
constexpr std::string_view k_css = R"css(
figure { margin: 6px 0 10px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 8.5pt; color: var(--muted); margin-top: 2px; }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 8.5pt; color: var(--muted); margin: 4px 0; }
.legend.vertical { flex-direction: column; gap: 3px; margin-top: 8px; }
.legend span.sw { display: inline-block; width: 11px; height: 11px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; border: 1px solid rgba(0,0,0,.15); }
table.dense { font-size: 8.5pt; line-height: 1.3; }
table.dense td { padding: 2px 6px; }
table.gaps td:nth-child(6), table.roadmap td:nth-child(2) { white-space: nowrap; }
.nowrap { white-space: nowrap; }
tr.group td { background: var(--soft); font-weight: 700; color: var(--navy); }
tr.overdue td { background: #fdecea; }
.badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 7.5pt; font-weight: 700; line-height: 1.6; white-space: nowrap; }
.badge.bad { background: var(--bad); color: #fff; }
.badge.prio-1 { background: #fde2e1; color: #8a1c14; }
.badge.prio-2 { background: #fff1d6; color: #7a4a00; }
.badge.prio-3 { background: #e6eef7; color: #2a4a6b; }
.badge.st { background: #e6eef7; color: #2a4a6b; }
.lvl { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 8pt; font-weight: 700; white-space: nowrap; line-height: 1.6; }
.lvl.none { background: repeating-linear-gradient(45deg, #eef1f5 0 4px, #e1e6ec 4px 8px); color: var(--muted); }
.lvl.na { background: #e1e6ec; color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 4px 0 8px; }
.chip { border: 1px solid var(--line); border-radius: 12px; padding: 1px 9px; font-size: 8.5pt; background: var(--soft); }
.chip b { color: var(--navy); }
.chip.bad { border-color: #f1b7b2; background: #fdecea; }
.chip.bad b { color: var(--bad); }
.heat { margin: 6px 0 4px; }
.heat-row { display: flex; align-items: stretch; gap: 6px; margin-bottom: 4px; break-inside: avoid; }
.heat-fn { width: 92px; flex: none; font-size: 8.5pt; color: var(--navy); padding-top: 4px; }
.heat-fn b { display: block; font-size: 10pt; }
.heat-cells { display: grid; grid-template-columns: repeat(6, 1fr); gap: 4px; flex: 1; }
.cell { border-radius: 4px; padding: 3px 6px 4px; min-height: 40px; overflow: hidden; }
.cell .ctop { display: flex; justify-content: space-between; align-items: baseline; gap: 4px; }
.cell .cid { font-weight: 700; font-size: 8pt; font-family: "DejaVu Sans Mono", Consolas, monospace; }
.cell .cval { font-size: 12pt; font-weight: 700; line-height: 1.15; }
.cell .ctitle { font-size: 7pt; line-height: 1.15; opacity: .92; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.cell.none { background: repeating-linear-gradient(45deg, #f1f3f6 0 5px, #e4e8ed 5px 10px); color: var(--muted); }
.cell.none .cval { font-size: 8.5pt; }
.fn-block { break-before: page; page-break-before: always; }
.fn-block:first-of-type { break-before: auto; page-break-before: auto; }
.fn-head { background: var(--navy); color: #fff; padding: 7px 10px; border-radius: 4px; margin: 4px 0 6px; display: flex; justify-content: space-between; align-items: baseline; gap: 10px; break-after: avoid; }
.fn-head h2 { color: #fff; border: 0; margin: 0; padding: 0; font-size: 13pt; }
.fn-head .scores { font-size: 9pt; white-space: nowrap; }
.cat-head { display: flex; justify-content: space-between; align-items: baseline; gap: 10px; border-bottom: 1.5px solid var(--navy); margin: 12px 0 4px; padding-bottom: 2px; break-after: avoid; page-break-after: avoid; }
.cat-head h3 { margin: 0; }
.cat-head .scores { font-size: 8.5pt; color: var(--muted); white-space: nowrap; }
.desc { color: var(--muted); font-size: 9pt; margin: 2px 0 6px; }
.card { border: 1px solid var(--line); border-left: 4px solid #c9d3df; border-radius: 4px; padding: 6px 9px; margin: 0 0 6px; break-inside: avoid; page-break-inside: avoid; }
.card.gap { border-left-color: #ef6c00; }
.card.met { border-left-color: var(--ok); }
.met-note { color: var(--ok); font-weight: 600; }
.card.na { border-left-color: #98a2ae; background: #fafbfc; }
.card-top { display: flex; justify-content: space-between; gap: 10px; align-items: flex-start; }
.card-top .outcome { flex: 1; }
.card-top .levels { text-align: right; white-space: nowrap; font-size: 8.5pt; }
.line { display: flex; flex-wrap: wrap; gap: 2px 16px; font-size: 8.5pt; margin-top: 3px; }
.line em { font-style: normal; color: var(--muted); margin-right: 4px; }
.evidence { margin: 3px 0 0; padding-left: 16px; font-size: 8.5pt; }
.refcols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 14px; margin-top: 5px; border-top: 1px dotted var(--line); padding-top: 4px; }
.refcols.single { grid-template-columns: 1fr; }
.refhead { font-size: 7pt; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 700; }
.refs { font-size: 8.5pt; }
.refs ul { margin: 0; padding-left: 14px; }
.statements { margin: 0; padding-left: 16px; font-size: 8.5pt; }
.refs .std { font-weight: 600; }
.change { color: var(--muted); font-size: 8pt; }
.rule { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 8px 11px; font-size: 9pt; break-inside: avoid; }
.standing { display: flex; align-items: center; gap: 6px; white-space: nowrap; }
.standing svg { width: 110px; flex: none; }
.support { font-size: 8pt; color: var(--muted); }
.scale-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 3px 16px; font-size: 8pt; }
.scale-grid .lvl { min-width: 92px; margin-right: 4px; }
.chart-table { display: grid; grid-template-columns: 1.45fr 1fr; gap: 16px; align-items: start; }
.chart-table figure { margin: 0; }
.chart-table table { margin-top: 6px; }
.page-break { break-before: page; page-break-before: always; }
.avoid-break { break-inside: avoid; page-break-inside: avoid; }
footer.report-foot { margin-top: 10px; padding-top: 4px; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
a { color: var(--accent); text-decoration: none; }
.clamp { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 1; -webkit-box-orient: vertical; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; align-items: start; }
.pair > section { min-width: 0; }
.pair.wide-left { grid-template-columns: 1.3fr 1fr; }
.report-head.compact { padding-bottom: 6px; margin-bottom: 6px; }
.report-head.compact h1 { font-size: 16pt; margin: 2px 0 1px; }
.report-head.compact .scope { margin-bottom: 3px; font-size: 9pt; }
.report-head.compact .meta { grid-template-columns: 1.3fr 1.4fr 1.2fr 1.3fr 1.1fr 2.1fr; gap: 3px 10px; margin-top: 3px; }
.report-head.compact .meta dt { white-space: nowrap; }
.report-head.compact .meta dd, .report-head.compact .scope { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow-wrap: normal; }
.report-head.compact .scope { -webkit-line-clamp: 2; }
.report-head.compact h1 { overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
.report-head.compact .meta dt { font-size: 6.5pt; }
.report-head.compact .meta dd { font-size: 8pt; font-weight: 600; line-height: 1.3; }
/* The executive report: one A4 page (checked by printing it in the tests). */
.onepage h2 { font-size: 11.5pt; margin: 6px 0 4px; padding-bottom: 2px; }
.onepage .kpis { margin: 2px 0 4px; gap: 6px; }
.onepage .kpi { padding: 5px 8px; }
.onepage .kpi .value { font-size: 16pt; }
.onepage p.lede { margin: 2px 0; }
.onepage p.small { margin: 2px 0 4px; font-size: 8pt; }
.onepage table { font-size: 8.5pt; margin: 2px 0 4px; }
.onepage th, .onepage td { padding: 1.5px 5px; }
.onepage figure { margin: 0 0 2px; }
.onepage td.bar { width: 96px; vertical-align: middle; }
.onepage td.bar svg { width: 92px; }
.onepage .many td { padding-top: 1px; padding-bottom: 1px; }
.onepage .footnote { margin-top: 6px; }
.onepage table.gaps td:nth-child(6) { max-width: 42mm; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.onepage .chart-table { gap: 10px; }
.onepage .heat { margin: 2px 0; }
.onepage .heat-row { margin-bottom: 3px; gap: 4px; }
.onepage .heat-fn { width: 84px; font-size: 7.5pt; padding-top: 1px; line-height: 1.2; }
.onepage .heat-fn b { font-size: 9pt; }
.onepage .heat-cells { gap: 3px; }
.onepage .cell { min-height: 0; padding: 1px 5px 2px; }
.onepage .cell .ctop { line-height: 1.15; }
.onepage .cell .cval { font-size: 9pt; line-height: 1.15; }
.onepage .cell .ctitle { -webkit-line-clamp: 1; font-size: 6.5pt; line-height: 1.2; }
.onepage .heat-fn { line-height: 1.1; }
.onepage .kpi .sub { line-height: 1.25; }
.onepage .chips { align-items: center; }
.onepage .legend { margin: 2px 0; font-size: 7.5pt; }
.onepage .chips { gap: 4px; margin: 2px 0 4px; }
.onepage .chip { font-size: 7.5pt; padding: 0 7px; }
.onepage .empty, .onepage .notice { padding: 4px 8px; margin: 3px 0 4px; font-size: 8.5pt; }
@media screen and (max-width: 640px) {
  .paper { padding: 16px 12px; margin: 0; }
  .pair, .pair.wide-left, .chart-table, .meta { grid-template-columns: 1fr; }
  .report-head.compact .meta { grid-template-columns: 1fr 1fr; }
  .onepage table.gaps, .onepage table.roadmap { display: block; overflow-x: auto; }
  .onepage .clamp { -webkit-line-clamp: 3; }
  .onepage td.bar { width: 60px; }
  .onepage td.bar svg { width: 56px; }
  .kpis { grid-template-columns: 1fr 1fr; }
  .heat-row { flex-direction: column; }
  .heat-fn { width: auto; }
  .heat-cells { grid-template-columns: repeat(3, 1fr); }
}
@page { size: A4; margin: 14mm 13mm 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #5b6675; } @bottom-left { content: "cyberframe report"; font-size: 8pt; color: #5b6675; } }
@media print {
  html, body { background: #fff; }
  .paper { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { color: inherit; }
  footer.report-foot { display: none; }  /* the header carries the same facts; pages are numbered */
}
)css";

std::string audience_title(Audience a) {
  switch (a) {
    case Audience::k_executive:
      return "Executive summary";
    case Audience::k_practitioner:
      return "Practitioner detail";
    case Audience::k_management:
      return "Management view: principles and essentials";
  }
  return "";
}

// ------------------------------------------------------------------ the derived numbers

struct Context {
  const ReportInput& in;
  const core::Catalog& cat;
  const core::Framework& fw;
  std::map<std::string, core::Score> cur;
  std::map<std::string, core::Score> tgt;
  std::optional<core::GapAnalysis> gaps;
  std::map<std::string, std::size_t> position;  // document order
  int subcategories = 0;                        // scored leaves of the framework
  int assessed = 0;
  int not_applicable = 0;
  std::string today;      // YYYY-MM-DD of generated_at
  core::Figures figures;  // the figures every view shows (core/figures.hpp)

  bool has_target() const { return in.target.has_value(); }
  bool any_assessed() const { return assessed > 0; }
  std::string fw_name() const { return fw.short_title.empty() ? fw.title : fw.short_title; }
};

std::optional<double> mean_of_functions(const core::Framework& fw,
                                        const std::map<std::string, core::Score>& scores) {
  return core::overall_score(fw, scores);
}

const core::Score& score_of(const std::map<std::string, core::Score>& scores,
                            const std::string& id) {
  static const core::Score k_none;
  auto it = scores.find(id);
  return it == scores.end() ? k_none : it->second;
}

const core::NodeAssessment* assessment_of(const std::map<std::string, core::NodeAssessment>& m,
                                          const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : &it->second;
}

bool is_scored_leaf(const core::Framework& fw, const core::Node& n) {
  return core::assessed_directly(fw, n);
}

// The scored leaves at or under `n`, in document order (a control and then its enhancements).
void collect_leaves(const core::Framework& fw, const core::Node& n,
                    std::vector<const core::Node*>& out) {
  if (is_scored_leaf(fw, n)) out.push_back(&n);
  for (const auto& c : n.children) collect_leaves(fw, c, out);
}

// ------------------------------------------------------------------ small pieces of markup

std::string level_label(const core::Scale& scale, int level) {
  const auto* l = scale.find(level);
  return std::to_string(level) + (l != nullptr && !l->name.empty() ? " " + l->name : "");
}

std::string level_badge(const core::Scale& scale, const core::NodeAssessment* a) {
  if (a != nullptr && a->not_applicable) return "<span class=\"lvl na\">N/A</span>";
  if (a == nullptr || !a->level) return "<span class=\"lvl none\">Not assessed</span>";
  return "<span class=\"lvl\" style=\"background:" + fill_for(scale, *a->level) +
         ";color:" + ink_for(scale, *a->level) + "\">" + esc(level_label(scale, *a->level)) +
         "</span>";
}

std::string designation_of(const core::Catalog& cat, const std::string& standard_id) {
  const auto* st = cat.standard(standard_id);
  return st != nullptr && !st->designation.empty() ? st->designation : standard_id;
}

std::string reference_html(const core::Catalog& cat, const core::Reference& r) {
  const auto* st = cat.standard(r.standard);
  std::string out = "<span class=\"std\">" + esc(designation_of(cat, r.standard)) + "</span>";
  if (r.all_parts) out += " (all parts)";
  if (!r.clause.empty()) {
    out += ", <span class=\"mono\">" + esc(r.clause) + "</span>";
    if (st != nullptr) {
      if (const auto* c = st->find_clause(r.clause); c != nullptr && !c->title.empty())
        out += " " + esc(c->title);
    }
  }
  if (!r.printed.empty())
    out += " <span class=\"muted\">(printed \u201c" + esc(r.printed) + "\u201d)</span>";
  return out;
}

std::string short_reference(const core::Catalog& cat, const core::Reference& r) {
  std::string s = designation_of(cat, r.standard);
  if (!r.clause.empty()) s += " " + r.clause;
  return s;
}

std::string kpi(std::string_view label, const std::string& value_html, const std::string& sub_html,
                bool alert = false) {
  return "<div class=\"kpi" + std::string(alert ? " alert" : "") + "\"><div class=\"label\">" +
         std::string(label) + "</div><div class=\"value\">" + value_html +
         "</div><div class=\"sub\">" + sub_html + "</div></div>";
}

// A link is only made for web and mail addresses; anything else (javascript:, data:) stays text.
bool safe_link(std::string_view url) {
  auto l = util::to_lower(url);
  return l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:");
}

// ------------------------------------------------------------------ charts (inline SVG)

struct BarGroup {
  std::string label;
  std::string sublabel;
  std::optional<double> current;
  std::optional<double> target;
};

int tick_step(const core::Scale& scale) {
  int span = std::max(1, scale.max() - scale.min());
  return span <= 10 ? 1 : (span + 9) / 10;
}

// The horizontal grid of a chart whose y axis is the scale's levels, with the level labels and
// the axis title. `y` maps a level to its y coordinate.
template <typename Y>
std::string level_axis(const core::Scale& scale, double x0, double x1, double mid_y, Y&& y) {
  std::string s;
  for (int v = scale.min(); v <= scale.max(); v += tick_step(scale)) {
    s += "<line x1=\"" + fixed(x0) + "\" x2=\"" + fixed(x1) + "\" y1=\"" + fixed(y(v)) +
         "\" y2=\"" + fixed(y(v)) + "\" stroke=\"" + (v == scale.min() ? "#8a96a3" : "#e3e8ee") +
         "\" stroke-width=\"1\"/>";
    s += "<text x=\"" + fixed(x0 - 8) + "\" y=\"" + fixed(y(v) + 4) +
         "\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6675\">" + std::to_string(v) +
         "</text>";
  }
  s += "<text transform=\"translate(12 " + fixed(mid_y) +
       ") rotate(-90)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6675\">Level</text>";
  return s;
}

std::string bar_chart(const std::vector<BarGroup>& groups, const core::Scale& scale,
                      bool with_target, std::string_view aria, double w = 720, double h = 270) {
  const double left = 44, right = 12, top = 26, bottom = 46;
  const double pw = w - left - right, ph = h - top - bottom;
  const double lo = scale.min(), span = std::max(1, scale.max() - scale.min());
  auto y = [&](double v) { return top + ph * (1.0 - (std::clamp(v, lo, lo + span) - lo) / span); };
  std::string s = "<svg viewBox=\"0 0 " + fixed(w, 0) + " " + fixed(h, 0) +
                  "\" role=\"img\" aria-label=\"" + esc(aria) + "\">";
  s += level_axis(scale, left, w - right, top + ph / 2, y);
  // Legend.
  s += "<rect x=\"" + fixed(w - right - 190) + "\" y=\"4\" width=\"11\" height=\"11\" fill=\"" +
       k_current_colour + "\"/><text x=\"" + fixed(w - right - 175) +
       "\" y=\"13\" font-size=\"11\" fill=\"#1b2430\">Current</text>";
  if (with_target) {
    s += "<rect x=\"" + fixed(w - right - 100) + "\" y=\"4\" width=\"11\" height=\"11\" fill=\"" +
         k_target_colour + "\"/><text x=\"" + fixed(w - right - 85) +
         "\" y=\"13\" font-size=\"11\" fill=\"#1b2430\">Target</text>";
  }
  const double gw = pw / std::max<std::size_t>(1, groups.size());
  const double bw = std::min(40.0, gw * (with_target ? 0.3 : 0.45));
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& g = groups[i];
    double cx = left + gw * (i + 0.5);
    auto bar = [&](const std::optional<double>& v, double x, const char* colour) {
      if (!v) {
        s += "<text x=\"" + fixed(x + bw / 2) + "\" y=\"" + fixed(y(lo) - 5) +
             "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#8a96a3\">n/a</text>";
        return;
      }
      double yt = y(*v);
      s += "<rect x=\"" + fixed(x) + "\" y=\"" + fixed(yt) + "\" width=\"" + fixed(bw) +
           "\" height=\"" + fixed(std::max(0.0, y(lo) - yt)) + "\" fill=\"" + colour +
           "\" rx=\"2\"/>";
      s += "<text x=\"" + fixed(x + bw / 2) + "\" y=\"" + fixed(yt - 4) +
           "\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1b2430\">" +
           score(*v) + "</text>";
    };
    if (with_target) {
      bar(g.current, cx - bw - 2, k_current_colour);
      bar(g.target, cx + 2, k_target_colour);
    } else {
      bar(g.current, cx - bw / 2, k_current_colour);
    }
    s += "<text x=\"" + fixed(cx) + "\" y=\"" + fixed(h - bottom + 17) +
         "\" font-size=\"12\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1f3a5f\">" +
         esc(g.label) + "</text>";
    s += "<text x=\"" + fixed(cx) + "\" y=\"" + fixed(h - bottom + 32) +
         "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6675\">" +
         esc(truncate(g.sublabel, std::max<std::size_t>(6, static_cast<std::size_t>(gw / 6.2)))) +
         "</text>";
  }
  s += "</svg>";
  return s;
}

struct Series {
  std::string label;
  std::string colour;
  std::vector<std::optional<double>> values;
  bool emphasis = false;
};

std::string line_chart(const std::vector<std::string>& x_labels,
                       const std::vector<std::string>& x_sublabels,
                       const std::vector<Series>& series, const core::Scale& scale,
                       std::string_view aria, double w = 470, double h = 250) {
  const double left = 40, right = 20, top = 16, bottom = 44;
  const double pw = w - left - right, ph = h - top - bottom;
  const double lo = scale.min(), span = std::max(1, scale.max() - scale.min());
  auto y = [&](double v) { return top + ph * (1.0 - (std::clamp(v, lo, lo + span) - lo) / span); };
  const std::size_t n = x_labels.size();
  auto x = [&](std::size_t i) {
    return n <= 1 ? left + pw / 2 : left + 24 + (pw - 48) * static_cast<double>(i) / (n - 1);
  };
  std::string s = "<svg viewBox=\"0 0 " + fixed(w, 0) + " " + fixed(h, 0) +
                  "\" role=\"img\" aria-label=\"" + esc(aria) + "\">";
  s += level_axis(scale, left, w - right, top + ph / 2, y);
  // Every `every`-th label, counted back from the latest, so that dates never overlap.
  const double spacing = n <= 1 ? pw : (pw - 48) / (n - 1);
  const std::size_t every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(66 / spacing)));
  const auto sub_chars = static_cast<std::size_t>(std::max(8.0, spacing * every / 5.6));
  for (std::size_t i = 0; i < n; ++i) {
    if ((n - 1 - i) % every != 0) continue;
    s += "<text x=\"" + fixed(x(i)) + "\" y=\"" + fixed(h - bottom + 17) +
         "\" font-size=\"11\" font-weight=\"600\" text-anchor=\"middle\" fill=\"#1b2430\">" +
         esc(x_labels[i]) + "</text>";
    if (i < x_sublabels.size()) {
      s += "<text x=\"" + fixed(x(i)) + "\" y=\"" + fixed(h - bottom + 31) +
           "\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#5b6675\">" +
           esc(truncate(x_sublabels[i], sub_chars)) + "</text>";
    }
  }
  // Thin series first, the emphasised one (overall) on top.
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& se : series) {
      if (se.emphasis != (pass == 1)) continue;
      std::string d;
      bool pen = false;
      for (std::size_t i = 0; i < se.values.size() && i < n; ++i) {
        if (!se.values[i]) {
          pen = false;
          continue;
        }
        d += (pen ? "L" : "M") + fixed(x(i)) + " " + fixed(y(*se.values[i])) + " ";
        pen = true;
      }
      if (!d.empty()) {
        s += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + se.colour + "\" stroke-width=\"" +
             (se.emphasis ? "3" : "1.6") + "\" stroke-linejoin=\"round\"" +
             (se.emphasis ? "" : " stroke-opacity=\"0.9\"") + "/>";
      }
      for (std::size_t i = 0; i < se.values.size() && i < n; ++i) {
        if (!se.values[i]) continue;
        s += "<circle cx=\"" + fixed(x(i)) + "\" cy=\"" + fixed(y(*se.values[i])) + "\" r=\"" +
             (se.emphasis ? "4" : "2.5") + "\" fill=\"" + se.colour + "\"/>";
        if (se.emphasis) {
          s += "<text x=\"" + fixed(x(i)) + "\" y=\"" + fixed(y(*se.values[i]) - 8) +
               "\" font-size=\"11\" font-weight=\"700\" text-anchor=\"middle\" fill=\"" +
               se.colour + "\">" + score(*se.values[i]) + "</text>";
        }
      }
    }
  }
  s += "</svg>";
  return s;
}

// A horizontal bar on the scale with the current value filled and the target marked.
std::string standing_bar(const core::Scale& scale, const std::optional<double>& current,
                         const std::optional<double>& target) {
  const double w = 110, h = 14;
  std::string s =
      "<svg viewBox=\"0 0 110 14\" aria-hidden=\"true\"><rect x=\"0\" y=\"2\" width=\"" +
      fixed(w, 0) + "\" height=\"10\" rx=\"2\" fill=\"#e9edf2\"/>";
  if (current) {
    s += "<rect x=\"0\" y=\"2\" width=\"" + fixed(w * position_on(scale, *current)) +
         "\" height=\"10\" rx=\"2\" fill=\"" + fill_for(scale, *current) + "\"/>";
  }
  if (target) {
    double tx = std::clamp(w * position_on(scale, *target), 1.5, w - 1.5);
    s += "<line x1=\"" + fixed(tx) + "\" x2=\"" + fixed(tx) + "\" y1=\"0\" y2=\"" + fixed(h, 0) +
         "\" stroke=\"#1b2430\" stroke-width=\"2\"/>";
  }
  s += "</svg>";
  return s;
}

std::string scale_legend(const core::Scale& scale) {
  std::string s = "<div class=\"legend\">";
  for (const auto& l : scale.levels) {
    s += "<span><span class=\"sw\" style=\"background:" + fill_for(scale, l.value) + "\"></span>" +
         esc(level_label(scale, l.value)) + "</span>";
  }
  s += "<span><span class=\"sw\" style=\"background:repeating-linear-gradient(45deg,#f1f3f6 0 "
       "3px,#d5dbe2 3px 6px)\"></span>Not assessed</span></div>";
  return s;
}

// ------------------------------------------------------------------ sections shared by audiences

std::string header(const Context& c, Audience audience) {
  const auto& in = c.in;
  std::string s = "<header class=\"report-head" +
                  std::string(audience == Audience::k_executive ? " compact" : "") +
                  "\"><div class=\"kicker\">Cybersecurity posture report "
                  "\u00b7 " +
                  esc(audience_title(audience)) + "</div>";
  s += "<h1>" + esc(in.organization.name.empty() ? "Unnamed organization" : in.organization.name) +
       "</h1>";
  if (!in.organization.scope.empty())
    s += "<div class=\"scope\">Scope: " + esc(in.organization.scope) + "</div>";
  s += "<dl class=\"meta\">";
  auto item = [&](std::string_view dt, const std::string& dd_html) {
    s += "<div><dt>" + std::string(dt) + "</dt><dd>" + dd_html + "</dd></div>";
  };
  item("Framework", esc(audience == Audience::k_executive ? c.fw_name() : c.fw.title));
  item("Current profile", esc(in.current.name.empty() ? "(unnamed)" : in.current.name));
  item("Target profile", in.target ? esc(in.target->name.empty() ? "(unnamed)" : in.target->name)
                                   : "<span class=\"muted\">none \u2014 current state only</span>");
  item("Scale", esc(in.scale.name.empty() ? in.scale.id : in.scale.name));
  std::string generated = in.generated_at;
  // On the one page, "2026-12-07 00:33 UTC" instead of the timestamp, so that it keeps to a line.
  if (audience == Audience::k_executive && generated.size() >= 17 && generated.ends_with('Z'))
    generated = generated.substr(0, 10) + " " + generated.substr(11, 5) + " UTC";
  item("Generated", esc(generated.empty() ? "\u2014" : generated));
  const auto& cov = c.figures.coverage;
  item("Subcategories",
       figure("coverage-assessed", std::to_string(cov.assessed)) + " assessed of " +
           figure("coverage-applicable", std::to_string(cov.applicable())) + " applicable, " +
           figure("coverage-not-applicable", std::to_string(cov.not_applicable)) + " N/A, of " +
           figure("coverage-total", std::to_string(cov.total)));
  s += "</dl></header>";
  return s;
}

std::string no_target_notice() {
  return "<p class=\"notice\">No target profile was given: this report shows the current state "
         "only. Targets, gaps and the share of subcategories at target appear once a target "
         "profile is chosen.</p>";
}

std::string nothing_assessed_notice(const Context& c) {
  return "<p class=\"empty\">Nothing has been assessed yet in the current profile \u201c" +
         esc(c.in.current.name) +
         "\u201d: every score below is empty until subcategories are given a level on the "
         "scale.</p>";
}

// The score columns of one node's row: current, target and gap, then (unless compact) the counts.
std::string score_cells(const Context& c, const std::string& id, bool compact) {
  const auto& cs = score_of(c.cur, id);
  std::string s = "<td class=\"num\">" + figure("current:" + id, score_text(cs.value)) + "</td>";
  if (c.has_target()) {
    std::string gap = "\u2014";
    if (c.gaps) {
      auto it = c.gaps->rollup.find(id);
      if (it != c.gaps->rollup.end() && it->second.target) gap = score(it->second.gap);
    }
    s += "<td class=\"num\">" + figure("target:" + id, score_text(score_of(c.tgt, id).value)) +
         "</td><td class=\"num\">" + figure("gap:" + id, gap) + "</td>";
  }
  if (!compact) {
    s += "<td class=\"num\">" + std::to_string(cs.assessed) + " of " + std::to_string(cs.total) +
         "</td><td class=\"num\">" + std::to_string(cs.not_applicable) + "</td>";
  }
  return s;
}

// One row per function (and, with `categories`, a row per category under it); `compact` leaves
// out the assessed and N/A counts (the executive page).
// `from` and `to` choose a range of the functions (the one page splits a long list in two).
std::string function_table(const Context& c, bool compact = false, bool categories = false,
                           bool bars = false, std::size_t from = 0,
                           std::size_t to = std::numeric_limits<std::size_t>::max()) {
  std::string s = "<table class=\"functions" + std::string(categories ? " dense" : "") +
                  "\"><thead><tr><th>" +
                  std::string(categories ? "Function and category" : "Function") + "</th>" +
                  (bars ? "<th>Standing</th>" : "") + "<th class=\"num\">Current</th>";
  if (c.has_target()) s += "<th class=\"num\">Target</th><th class=\"num\">Gap</th>";
  if (!compact) s += "<th class=\"num\">Assessed</th><th class=\"num\">N/A</th>";
  s += "</tr></thead><tbody>";
  auto bar = [&](const std::string& id) {
    if (!bars) return std::string();
    return "<td class=\"bar\">" +
           standing_bar(c.in.scale, score_of(c.cur, id).value,
                        c.has_target() ? score_of(c.tgt, id).value : std::nullopt) +
           "</td>";
  };
  for (std::size_t i = from; i < c.fw.nodes.size() && i < to; ++i) {
    const auto& f = c.fw.nodes[i];
    s += "<tr data-node=\"" + esc(f.id) + "\"" + (categories ? " class=\"group\"" : "") + "><td>" +
         (bars ? "<div class=\"clamp\" title=\"" + esc(f.title) + "\">" : "") +
         "<span class=\"id\">" + esc(f.id) + "</span> " + esc(f.title) + (bars ? "</div>" : "") +
         "</td>" + bar(f.id) + score_cells(c, f.id, compact) + "</tr>";
    if (!categories) continue;
    for (const auto& cat : f.children) {
      s += "<tr data-node=\"" + esc(cat.id) +
           "\"><td style=\"padding-left:18px\"><span class=\"id\">" + esc(cat.id) + "</span> " +
           esc(cat.title.empty() ? cat.description : cat.title) + "</td>" + bar(cat.id) +
           score_cells(c, cat.id, compact) + "</tr>";
    }
  }
  s += "</tbody></table>";
  return s;
}

// The levels of the scale with their meanings, two to a row.
std::string scale_grid(const core::Scale& scale) {
  std::string s = "<div class=\"scale-grid\">";
  for (const auto& l : scale.levels) {
    s += "<div><span class=\"lvl\" style=\"background:" + fill_for(scale, l.value) +
         ";color:" + ink_for(scale, l.value) + "\">" + esc(level_label(scale, l.value)) +
         "</span> " + esc(l.meaning) + "</div>";
  }
  return s + "</div>";
}

std::string function_chart(const Context& c, bool compact = false) {
  std::vector<BarGroup> groups;
  for (const auto& f : c.fw.nodes) {
    groups.push_back({f.id, f.title, score_of(c.cur, f.id).value,
                      c.has_target() ? score_of(c.tgt, f.id).value : std::nullopt});
  }
  return "<figure>" +
         bar_chart(
             groups, c.in.scale, c.has_target(),
             c.has_target() ? "Current and target score by function" : "Current score by function",
             compact ? 470 : 720, compact ? 250 : 270) +
         (compact
              ? std::string()
              : "<figcaption>Mean level of each function on the scale " +
                    std::to_string(c.in.scale.min()) + "\u2013" + std::to_string(c.in.scale.max()) +
                    " (a function is the mean of its categories; a category the mean of its "
                    "assessed subcategories; N/A left out).</figcaption>") +
         "</figure>";
}

// ------------------------------------------------------------------ executive

std::string heat_map(const Context& c) {
  const auto& scale = c.in.scale;
  std::string s = "<div class=\"heat\">";
  for (const auto& f : c.fw.nodes) {
    s += "<div class=\"heat-row\"><div class=\"heat-fn\"><b>" + esc(f.id) + "</b>" + esc(f.title) +
         "</div><div class=\"heat-cells\">";
    for (const auto& cat : f.children) {
      const auto& sc = score_of(c.cur, cat.id);
      std::string label = cat.title.empty() ? cat.description : cat.title;
      if (sc.value) {
        s += "<div class=\"cell\" data-node=\"" + esc(cat.id) +
             "\" style=\"background:" + fill_for(scale, *sc.value) +
             ";color:" + ink_for(scale, *sc.value) + "\"><div class=\"ctop\"><span class=\"cid\">" +
             esc(cat.id) + "</span><span class=\"cval\">" + score(*sc.value) +
             "</span></div><div class=\"ctitle\">" + esc(label) + "</div></div>";
      } else {
        bool all_na = sc.total > 0 && sc.not_applicable == sc.total;
        s += "<div class=\"cell none\" data-node=\"" + esc(cat.id) +
             "\"><div class=\"ctop\"><span class=\"cid\">" + esc(cat.id) +
             "</span><span class=\"cval\">" + (all_na ? "N/A" : "n/a") +
             "</span></div><div class=\"ctitle\">" + esc(label) + "</div></div>";
      }
    }
    s += "</div></div>";
  }
  s += "</div>" + scale_legend(scale);
  return s;
}

// The largest open gaps, ranked as core::analyse_gaps ranks them; at most `limit` rows. `page`
// keeps each outcome to one line (the executive page), the full text stays in its title.
std::string gaps_section(const Context& c, std::size_t limit, bool page) {
  std::string s = page ? "<section class=\"avoid-break\"><h2>Top gaps</h2>"
                       : "<section><h2>Open gaps, ranked</h2>";
  if (!c.gaps) {
    return s +
           "<p class=\"empty\">No target profile was given, so there are no gaps to rank. Choose "
           "a target profile to see where the organization falls short.</p></section>";
  }
  std::vector<const core::Gap*> open;
  for (const auto& g : c.gaps->subcategories) {
    if (g.gap > 0) open.push_back(&g);
  }
  if (c.gaps->subcategories.empty()) {
    return s +
           "<p class=\"empty\">The target profile sets no level for any subcategory, so there "
           "are no gaps to rank.</p></section>";
  }
  if (open.empty()) {
    return s +
           "<p class=\"empty\">No open gaps: every subcategory with a target has reached "
           "it.</p></section>";
  }
  s += "<p class=\"muted small\">" + figure("open-gaps", std::to_string(c.gaps->open_gaps)) +
       (c.gaps->open_gaps == 1 ? " open gap" : " open gaps") + " of " +
       figure("with-target", std::to_string(c.gaps->subcategories.size())) +
       " targeted subcategories; mean gap " + figure("mean-gap", score(c.gaps->mean_gap)) +
       (page ? "; ranked by gap \u00d7 priority weight" +
                   (open.size() <= limit
                        ? std::string()
                        : " (all " + std::to_string(open.size()) + ": the practitioner report)")
             : std::string(". Ranked by gap \u00d7 priority weight (high 3, medium 2, low 1)")) +
       ".</p>";
  s +=
      "<table class=\"gaps\"><thead><tr><th>Node</th><th>Outcome</th><th "
      "class=\"num\">Current</th><th class=\"num\">Target</th><th class=\"num\">Gap</th><th>Owner</"
      "th><th>Priority</th></tr></thead><tbody>";
  for (std::size_t i = 0; i < open.size() && i < limit; ++i) {
    const auto& g = *open[i];
    const auto* node = c.cat.node(c.fw.id, g.node);
    std::string outcome =
        node == nullptr ? "" : (node->description.empty() ? node->title : node->description);
    std::string outcome_html =
        page ? "<div class=\"clamp\" title=\"" + esc(outcome) + "\">" + esc(outcome) + "</div>"
             : esc(outcome);
    s += "<tr data-node=\"" + esc(g.node) + "\"><td><span class=\"id\">" + esc(g.node) +
         "</span></td><td>" + outcome_html + "</td><td class=\"num\">" +
         (g.current ? fixed(*g.current, 0) : "<span class=\"muted\">none</span>") +
         "</td><td class=\"num\">" + (g.target ? fixed(*g.target, 0) : "\u2014") +
         "</td><td class=\"num\"><b>" + fixed(g.gap, 0) + "</b></td><td>" +
         (g.owner.empty() ? "<span class=\"muted\">unassigned</span>" : esc(g.owner)) +
         "</td><td><span class=\"badge prio-" + std::to_string(std::clamp(g.priority, 1, 3)) +
         "\">" + priority_text(g.priority) + "</span></td></tr>";
  }
  s += "</tbody></table></section>";
  return s;
}

bool overdue(const Context& c, const core::Action& a) {
  if (c.today.empty() || a.due.empty()) return false;
  if (a.status == core::ActionStatus::k_done || a.status == core::ActionStatus::k_cancelled)
    return false;
  return a.due < c.today;
}

bool open_action(const core::Action& a) {
  return a.status == core::ActionStatus::k_planned || a.status == core::ActionStatus::k_in_progress;
}

// The roadmap: the count of actions by status, the overdue ones and the open effort, then either
// every action by due date (`page` false) or the open actions due next, overdue first (`page`).
std::string roadmap_section(const Context& c, bool page) {
  std::string s = "<section class=\"avoid-break\"><h2>Roadmap</h2>";
  const auto& actions = c.in.actions;
  if (actions.empty()) {
    return s +
           "<p class=\"empty\">No roadmap actions have been recorded yet. Plan actions against the "
           "top gaps to show how and when they will close.</p></section>";
  }
  std::map<core::ActionStatus, int> by_status;
  int late = 0;
  int effort_open = 0;
  for (const auto& a : actions) {
    ++by_status[a.status];
    if (overdue(c, a)) ++late;
    if (open_action(a)) effort_open += a.effort_days;
  }
  s += "<div class=\"chips\">";
  for (auto st : {core::ActionStatus::k_planned, core::ActionStatus::k_in_progress,
                  core::ActionStatus::k_done, core::ActionStatus::k_cancelled}) {
    s += "<span class=\"chip\">" + status_text(st) + " <b>" + std::to_string(by_status[st]) +
         "</b></span>";
  }
  s += "<span class=\"chip" + std::string(late > 0 ? " bad" : "") + "\">Overdue <b>" +
       std::to_string(late) + "</b></span>";
  s += "<span class=\"chip\">Open effort <b>" + std::to_string(effort_open) + "</b> days</span>";
  // On the page the note on what is listed joins the chips' line.
  if (!page || std::none_of(actions.begin(), actions.end(), open_action)) s += "</div>";
  std::vector<const core::Action*> sorted;
  for (const auto& a : actions) {
    if (!page || open_action(a)) sorted.push_back(&a);
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const core::Action* a, const core::Action* b) {
    if (a->due.empty() != b->due.empty()) return b->due.empty();
    return a->due < b->due;
  });
  if (page) {
    if (sorted.empty()) {
      return s + "<p class=\"muted small\">Every action is done or cancelled.</p></section>";
    }
    if (sorted.size() > k_page_actions) sorted.resize(k_page_actions);
    s += "<span class=\"muted small\">The open actions due next";
    auto open_count = static_cast<std::size_t>(by_status[core::ActionStatus::k_planned] +
                                               by_status[core::ActionStatus::k_in_progress]);
    if (open_count > sorted.size()) {
      s += " (" + std::to_string(sorted.size()) + " of " + std::to_string(open_count) +
           "; all: the practitioner report)";
    }
    s += ".</span></div><table class=\"roadmap next\"><thead><tr><th>Action</th><th>Owner</th><th "
         "class=\"num\">Due</th><th>Status</th></tr></thead><tbody>";
    for (const auto* a : sorted) {
      bool late_one = overdue(c, *a);
      s += "<tr" + std::string(late_one ? " class=\"overdue\"" : "") +
           "><td><div class=\"clamp\">" + esc(a->title) + "</div></td><td>" +
           (a->owner.empty() ? "<span class=\"muted\">unassigned</span>" : esc(a->owner)) +
           "</td><td class=\"num\">" + (a->due.empty() ? "\u2014" : esc(a->due)) +
           (late_one ? " <span class=\"badge bad\">Overdue</span>" : "") +
           "</td><td><span class=\"badge st\">" + status_text(a->status) + "</span></td></tr>";
    }
    return s + "</tbody></table></section>";
  }
  s += "<table class=\"roadmap\"><thead><tr><th>Action</th><th>Owner</th><th "
       "class=\"num\">Due</th><th>Status</"
       "th><th>Nodes</th><th class=\"num\">Effort</th></tr></thead><tbody>";
  for (const auto* a : sorted) {
    bool late_one = overdue(c, *a);
    s += "<tr" + std::string(late_one ? " class=\"overdue\"" : "") + "><td>" + esc(a->title);
    s += "</td><td>" +
         (a->owner.empty() ? "<span class=\"muted\">unassigned</span>" : esc(a->owner)) +
         "</td><td class=\"num\">" + (a->due.empty() ? "\u2014" : esc(a->due)) +
         (late_one ? " <span class=\"badge bad\">Overdue</span>" : "") +
         "</td><td><span class=\"badge st\">" + status_text(a->status) + "</span></td><td>";
    for (std::size_t i = 0; i < a->nodes.size(); ++i) {
      s += (i ? ", " : "") + std::string("<span class=\"mono\">") + esc(a->nodes[i]) + "</span>";
    }
    if (c.in.scale.contains(a->target_level) && a->target_level > c.in.scale.min())
      s += " <span class=\"muted small nowrap\">to level " + std::to_string(a->target_level) +
           "</span>";
    s += "</td><td class=\"num\">" +
         (a->effort_days > 0 ? std::to_string(a->effort_days) + " d" : "\u2014") + "</td></tr>";
  }
  s += "</tbody></table></section>";
  return s;
}

// The overall and per-function scores over the signed-off snapshots, oldest first. `page` draws
// the overall line alone, smaller, for the executive page.
std::string progress_section(const Context& c, bool page) {
  std::string s = "<section class=\"avoid-break\"><h2>Progress over assessments</h2>";
  // Oldest first, whatever order the caller gave.
  auto snaps = c.in.snapshots;
  std::stable_sort(
      snaps.begin(), snaps.end(),
      [](const core::Snapshot& a, const core::Snapshot& b) { return a.taken_at < b.taken_at; });
  if (snaps.empty()) {
    return s +
           "<p class=\"empty\">No snapshots have been taken yet. Progress over time appears once "
           "at least two signed-off snapshots of the current profile exist.</p></section>";
  }
  if (snaps.size() < 2) {
    return s + "<p class=\"empty\">One snapshot (\u201c" + esc(snaps.front().name) + "\u201d, " +
           esc(snaps.front().taken_at.substr(0, 10)) +
           ") has been taken. Progress over time appears once there are at least "
           "two.</p></section>";
  }
  std::vector<std::string> labels, sublabels;
  Series overall{"Overall", "#111827", {}, true};
  std::vector<Series> per_function;
  for (std::size_t i = 0; i < c.fw.nodes.size(); ++i) {
    per_function.push_back({c.fw.nodes[i].id + " " + c.fw.nodes[i].title,
                            k_series_colours[i % std::size(k_series_colours)],
                            {},
                            false});
  }
  for (const auto& snap : snaps) {
    auto scores = core::roll_up(c.cat, c.fw.id, snap.assessments);
    labels.push_back(snap.taken_at.substr(0, 10));
    sublabels.push_back(snap.name);
    overall.values.push_back(mean_of_functions(c.fw, scores));
    for (std::size_t i = 0; i < c.fw.nodes.size(); ++i)
      per_function[i].values.push_back(score_of(scores, c.fw.nodes[i].id).value);
  }
  const auto& first = overall.values.front();
  const auto& last = overall.values.back();
  const std::string change = first && last ? std::string(*last >= *first ? ", +" : ", \u2212") +
                                                 score(std::abs(*last - *first))
                                           : std::string();
  if (page) {
    const std::string sentence = "<p class=\"small\">Overall <b>" + score_text(first) + "</b> (" +
                                 esc(snaps.front().name) + ") \u2192 <b>" + score_text(last) +
                                 "</b> (" + esc(snaps.back().name) + ")" + change + ", over " +
                                 std::to_string(snaps.size()) + " snapshots.</p>";
    return s + "<figure>" +
           line_chart(labels, sublabels, {overall}, c.in.scale, "Score over snapshots", 470, 150) +
           "</figure>" + sentence + "</section>";
  }
  const std::string sentence =
      "<p class=\"small\">Over " + plural(static_cast<int>(snaps.size()), "snapshot", "snapshots") +
      " from " + esc(snaps.front().taken_at.substr(0, 10)) + " to " +
      esc(snaps.back().taken_at.substr(0, 10)) + ", the overall score moved from <b>" +
      score_text(first) + "</b> (\u201c" + esc(snaps.front().name) + "\u201d) to <b>" +
      score_text(last) + "</b> (\u201c" + esc(snaps.back().name) + "\u201d)" + change + ".</p>";
  std::vector<Series> all = per_function;
  all.push_back(overall);
  s += "<div class=\"chart-table\"><figure>" +
       line_chart(labels, sublabels, all, c.in.scale, "Score over snapshots") + "</figure><div>";
  s += "<div class=\"legend vertical\"><span><span class=\"sw\" "
       "style=\"background:#111827\"></span><b>Overall</b></span>";
  for (const auto& se : per_function) {
    s += "<span><span class=\"sw\" style=\"background:" + se.colour + "\"></span>" + esc(se.label) +
         "</span>";
  }
  s += "</div>" + sentence + "</div></div></section>";
  return s;
}

// Rows the heat map takes: six categories to a row, at least one row per function.
std::size_t heat_rows(const core::Framework& fw) {
  std::size_t rows = 0;
  for (const auto& f : fw.nodes) rows += std::max<std::size_t>(1, (f.children.size() + 5) / 6);
  return rows;
}

// One A4 page for the board: the figures, the score by function, the categories as a heat map,
// the largest gaps, the actions due next and the trend. Whatever does not fit one page (every
// gap, every action, the per-function trend, the heat map of a large framework) is in the
// practitioner report, and the page says so where it leaves something out.
std::string executive(const Context& c) {
  const auto& in = c.in;
  std::string s = "<div class=\"onepage\">";
  if (!c.has_target()) s += no_target_notice();
  if (!c.any_assessed()) s += nothing_assessed_notice(c);
  auto cur_overall = mean_of_functions(c.fw, c.cur);
  auto tgt_overall = c.has_target() ? mean_of_functions(c.fw, c.tgt) : std::nullopt;
  auto level_name = [&](const std::optional<double>& v) {
    if (!v) return std::string("not assessed");
    const auto* l = in.scale.find(static_cast<int>(std::lround(*v)));
    return l == nullptr ? std::string() : "\u2248 " + esc(l->name);
  };
  s += "<section><div class=\"kpis\">";
  s += kpi("Current score", score_out_of(cur_overall, in.scale.max(), "current"),
           level_name(cur_overall));
  if (c.has_target()) {
    s += kpi("Target score", score_out_of(tgt_overall, in.scale.max(), "target"),
             level_name(tgt_overall));
    int with_target = c.figures.with_target;
    int at_target = c.figures.at_target;
    s += kpi("At target", figure("at-target-percent", percent(at_target, with_target)),
             figure("at-target", std::to_string(at_target)) + " of " + std::to_string(with_target) +
                 " with a target");
  } else {
    s += kpi("Target score", "\u2014", "no target profile");
    s += kpi("At target", "\u2014", "no target profile");
  }
  const auto& cov = c.figures.coverage;
  s +=
      kpi("Assessed", figure("coverage-percent", percent(cov.assessed, cov.applicable())),
          std::to_string(cov.assessed) + " of " + std::to_string(cov.applicable()) + " applicable" +
              (cov.not_applicable > 0 ? " (" + std::to_string(cov.not_applicable) + " N/A)"
                                      : std::string()));
  s += "</div>";
  std::string who = esc(in.organization.name.empty() ? "The organization" : in.organization.name);
  if (cur_overall) {
    s += "<p class=\"lede\">" + who + " stands at <b>" + score(*cur_overall) + "</b> on the " +
         std::to_string(in.scale.min()) + "\u2013" + std::to_string(in.scale.max()) + " scale";
  } else {
    s += "<p class=\"lede\">No overall score can be given for " + who +
         " until subcategories are assessed";
  }
  if (c.has_target() && tgt_overall) {
    s += " against a target of <b>" + score(*tgt_overall) + "</b>; " +
         plural(c.gaps->open_gaps, "subcategory is", "subcategories are") + " below target";
  }
  int late = 0;
  for (const auto& a : in.actions) late += overdue(c, a) ? 1 : 0;
  if (!in.actions.empty()) {
    s += ", with " +
         plural(static_cast<int>(in.actions.size()), "roadmap action", "roadmap actions") + " (" +
         std::to_string(late) + " overdue)";
  }
  s += ".</p></section>";

  // The page's last line: how the scores are made, and where the rest is.
  const std::string rule =
      "Scores are mean levels on the " + std::to_string(c.in.scale.min()) + "\u2013" +
      std::to_string(c.in.scale.max()) +
      " scale: a function of its categories, a category of its assessed subcategories, N/A left "
      "out; the bar is the current score, the mark the target. Every gap and action, and each "
      "subcategory: the practitioner report.";
  std::string heat = "<section class=\"avoid-break\"><h2>Category heat map</h2>";
  if (!c.any_assessed()) {
    heat +=
        "<p class=\"empty\">No category has a score yet: the heat map fills in as "
        "subcategories are assessed.</p>";
  } else if (heat_rows(c.fw) > k_page_heat_rows) {
    heat += "<p class=\"muted small\">" + esc(c.fw_name()) +
            " has too many categories for one page: each category's score is in the practitioner "
            "report.</p>";
  } else {
    heat += heat_map(c);
  }
  heat += "</section>";
  if (c.fw.nodes.size() <= k_page_functions) {
    s += "<div class=\"pair wide-left\"><section class=\"avoid-break\"><h2>Score by "
         "function</h2>" +
         function_table(c, true, false, true) + "</section>" + progress_section(c, true) +
         "</div>" + heat;
  } else {
    // Many functions (the families of NIST SP 800-53): two tables side by side, denser; the
    // trend beside the heat map's note (with this many functions there are too many categories).
    std::size_t half = (c.fw.nodes.size() + 1) / 2;
    s += "<section class=\"avoid-break many\"><h2>Score by function</h2><div class=\"pair\">" +
         function_table(c, true, false, true, 0, half) +
         function_table(c, true, false, true, half) + "</div>" + "</section>" +
         "<div class=\"pair wide-left\">" + progress_section(c, true) + heat + "</div>";
  }
  s += gaps_section(c, k_page_gaps, true);
  s += roadmap_section(c, true);
  s += "<p class=\"muted small footnote\">" + rule + "</p>";
  s += "</div>";
  return s;
}

// ------------------------------------------------------------------ practitioner

std::string references_html(const Context& c, const std::vector<core::Reference>& refs) {
  if (refs.empty()) return "<span class=\"muted\">none</span>";
  std::string s = "<ul>";
  for (const auto& r : refs) s += "<li>" + reference_html(c.cat, r) + "</li>";
  return s + "</ul>";
}

// The node's references in each framework derived from the assessed one (the ISO/IEC 27002:2022
// alignment), with what changed, as columns beside the node's own references.
std::string alignment_columns(const Context& c, const core::Node& node) {
  std::string s;
  for (const auto& [id, fw] : c.cat.frameworks()) {
    if (!fw.derivation || fw.derivation->from != c.fw.id) continue;
    const auto* derived = c.cat.node(id, node.id);
    if (derived == nullptr) continue;
    s += "<div><div class=\"refhead\">" + esc(fw.short_title.empty() ? fw.id : fw.short_title) +
         "</div><div class=\"refs\">" + references_html(c, derived->references);
    for (const auto& ch : fw.derivation->changes) {
      if (ch.node != node.id || ch.kind == core::ChangeKind::k_same_number) continue;
      std::vector<std::string> after;
      for (const auto& r : ch.after) after.push_back(short_reference(c.cat, r));
      s += "<div class=\"change\">" + esc(short_reference(c.cat, ch.before)) + " \u2192 " +
           esc(after.empty() ? std::string("(kept)") : util::join(after, ", ")) + " <i>" +
           esc(core::to_string(ch.kind)) + "</i></div>";
    }
    s += "</div></div>";
  }
  return s;
}

std::string reference_block(const Context& c, const core::Node& node, std::string_view heading) {
  auto aligned = alignment_columns(c, node);
  return "<div class=\"refcols" + std::string(aligned.empty() ? " single" : "") +
         "\"><div><div class=\"refhead\">" + std::string(heading) + "</div><div class=\"refs\">" +
         references_html(c, node.references) + "</div></div>" + aligned + "</div>";
}

std::string evidence_item(const core::Evidence& e) {
  std::string s = "<li>";
  std::string name = e.name.empty() ? (e.url.empty() ? "(unnamed)" : e.url) : e.name;
  if (!e.url.empty() && safe_link(e.url)) {
    s += "<a href=\"" + esc(e.url) + "\">" + esc(name) + "</a> <span class=\"mono muted small\">" +
         esc(e.url) + "</span>";
  } else {
    s += esc(name);
    if (!e.url.empty()) s += " <span class=\"mono muted small\">" + esc(e.url) + "</span>";
  }
  if (!e.sha256.empty())
    s += " <span class=\"mono muted small\">sha256 " + esc(e.sha256.substr(0, 12)) + "</span>";
  if (!e.added_at.empty())
    s += " <span class=\"muted small\">added " + esc(e.added_at.substr(0, 10)) +
         (e.added_by.empty() ? "" : " by " + esc(e.added_by)) + "</span>";
  return s + "</li>";
}

std::string leaf_card(const Context& c, const core::Node& node) {
  const auto& scale = c.in.scale;
  const auto* a = assessment_of(c.in.current_assessments, node.id);
  const auto* t = c.has_target() ? assessment_of(c.in.target_assessments, node.id) : nullptr;
  bool na = a != nullptr && a->not_applicable;
  std::optional<int> gap;
  if (!na && t != nullptr && t->level) {
    int cur = a != nullptr && a->level ? *a->level : scale.min();
    gap = std::max(0, *t->level - cur);
  }
  std::string cls = na ? " na" : gap ? (*gap > 0 ? " gap" : " met") : "";
  std::string s = "<div class=\"card" + cls + "\" data-node=\"" + esc(node.id) + "\">";
  s += "<div class=\"card-top\"><div class=\"outcome\"><span class=\"id\">" + esc(node.id) +
       "</span> " + esc(node.description.empty() ? node.title : node.description) + "</div>";
  s += "<div class=\"levels\">" + level_badge(scale, a);
  if (c.has_target()) {
    s += " \u2192 " + (t != nullptr && (t->level || t->not_applicable)
                           ? level_badge(scale, t)
                           : std::string("<span class=\"muted\">no target</span>"));
    if (gap) {
      s += *gap > 0 ? "<div>gap <b>" + std::to_string(*gap) + "</b></div>"
                    : std::string("<div class=\"met-note\">at target</div>");
    }
  }
  s += "</div></div><div class=\"line\">";
  const auto* owner_src = a != nullptr && !a->owner.empty() ? a : t;
  s += "<span><em>Owner</em> " +
       (owner_src != nullptr && !owner_src->owner.empty()
            ? esc(owner_src->owner)
            : std::string("<span class=\"muted\">unassigned</span>")) +
       "</span>";
  if (const auto* p = t != nullptr ? t : a)
    s += "<span><em>Priority</em> " + priority_text(p->priority) + "</span>";
  std::size_t evidence = a == nullptr ? 0 : a->evidence.size();
  s += "<span><em>Evidence</em> " +
       (evidence == 0 ? std::string("<span class=\"muted\">none recorded</span>")
                      : plural(static_cast<int>(evidence), "item", "items")) +
       "</span>";
  if (a != nullptr && !a->updated_at.empty()) {
    s += "<span><em>Updated</em> " + esc(a->updated_at.substr(0, 10)) +
         (a->updated_by.empty() ? "" : " by " + esc(a->updated_by)) + "</span>";
  }
  s += "</div>";
  if (na) {
    s += "<div class=\"line\"><span><em>Not applicable</em> " +
         (a->justification.empty()
              ? std::string("<span class=\"muted\">no justification given</span>")
              : esc(a->justification)) +
         "</span></div>";
  }
  if (a != nullptr && !a->notes.empty())
    s += "<div class=\"line\"><span><em>Notes</em> " + esc(a->notes) + "</span></div>";
  if (evidence > 0) {
    s += "<ul class=\"evidence\">";
    for (const auto& e : a->evidence) s += evidence_item(e);
    s += "</ul>";
  }
  s += reference_block(c, node, "Supporting standards");
  // Statements under a subcategory (frameworks with a fourth level).
  if (!node.children.empty()) {
    s += "<div class=\"refhead\">Statements</div><ul class=\"statements\">";
    for (const auto& st : node.children) {
      s += "<li><span class=\"id\">" + esc(st.id) + "</span> " +
           esc(st.description.empty() ? st.title : st.description) + "</li>";
    }
    s += "</ul>";
  }
  s += "</div>";
  return s;
}

std::string scores_text(const Context& c, const std::string& id) {
  const auto& cs = score_of(c.cur, id);
  std::string s = "current <b>" + score_text(cs.value) + "</b>";
  if (c.has_target()) s += " \u00b7 target <b>" + score_text(score_of(c.tgt, id).value) + "</b>";
  s += " \u00b7 " + std::to_string(cs.assessed) + "/" + std::to_string(cs.total) + " assessed";
  return s;
}

std::string practitioner(const Context& c) {
  std::string s;
  if (!c.has_target()) s += no_target_notice();
  if (!c.any_assessed()) s += nothing_assessed_notice(c);
  s += "<section><h2>Summary</h2><p>Every node of " + esc(c.fw.title) +
       " in document order, with the current level, the target, the gap, the owner, notes, "
       "evidence and the standard clauses that support it.</p>" +
       function_table(c, false, true);
  if (c.gaps && !c.gaps->subcategories.empty()) {
    s += "<p class=\"muted small\">" + figure("open-gaps", std::to_string(c.gaps->open_gaps)) +
         (c.gaps->open_gaps == 1 ? " open gap" : " open gaps") + " of " +
         figure("with-target", std::to_string(c.gaps->subcategories.size())) +
         " subcategories with a target; mean gap " + figure("mean-gap", score(c.gaps->mean_gap)) +
         ".</p>";
  }
  s += "</section>";
  s += "<section class=\"avoid-break\"><h4>The scale: " + esc(c.in.scale.name) + "</h4>" +
       scale_grid(c.in.scale) + "</section>";
  for (const auto& f : c.fw.nodes) {
    s += "<section class=\"fn-block\"><div class=\"fn-head\"><h2>" + esc(f.id) + " " +
         esc(f.title) + "</h2><span class=\"scores\">" + scores_text(c, f.id) + "</span></div>";
    if (!f.description.empty()) s += "<p class=\"desc\">" + esc(f.description) + "</p>";
    if (!f.references.empty()) s += reference_block(c, f, "Function standards");
    for (const auto& cat : f.children) {
      if (is_scored_leaf(c.fw, cat) && cat.children.empty()) {
        s += leaf_card(c, cat);
        continue;
      }
      // The category's heading stays on the page of its first subcategory.
      s += "<div class=\"avoid-break\"><div class=\"cat-head\"><h3><span class=\"id\">" +
           esc(cat.id) + "</span> " + esc(cat.title) + "</h3><span class=\"scores\">" +
           scores_text(c, cat.id) + "</span></div>";
      if (!cat.description.empty()) s += "<p class=\"desc\">" + esc(cat.description) + "</p>";
      if (!cat.references.empty()) s += reference_block(c, cat, "Category standards");
      std::vector<const core::Node*> leaves;
      collect_leaves(c.fw, cat, leaves);
      for (std::size_t i = 0; i < leaves.size(); ++i) {
        s += leaf_card(c, *leaves[i]);
        if (i == 0) s += "</div>";
      }
      if (leaves.empty()) s += "</div>";
    }
    s += "</section>";
  }
  // What the executive page summarises: every open gap, every action, the trend by function.
  s += "<div class=\"page-break\"></div>" +
       gaps_section(c, std::numeric_limits<std::size_t>::max(), false) + roadmap_section(c, false) +
       progress_section(c, false);
  return s;
}

// ------------------------------------------------------------------ management (TR 27103 Annex B)

struct Standing {
  std::vector<std::string> supporting;  // scored leaves of the assessed framework, document order
  int assessed = 0;
  int not_applicable = 0;
  std::optional<double> current;
  std::optional<double> target;
};

// The scored leaf a citing node stands for: itself, the leaves under it, or (for a statement) the
// subcategory above it.
void supporting_leaves(const Context& c, const core::Node& node, std::set<std::string>& out) {
  if (node.level == core::Level::k_statement && !is_scored_leaf(c.fw, node)) {
    const core::Node* p = c.cat.parent(c.fw.id, node.id);
    while (p != nullptr && !is_scored_leaf(c.fw, *p)) p = c.cat.parent(c.fw.id, p->id);
    if (p != nullptr) out.insert(p->id);
    return;
  }
  std::vector<const core::Node*> leaves;
  collect_leaves(c.fw, node, leaves);
  for (const auto* l : leaves) out.insert(l->id);
}

Standing standing_of(const Context& c, const core::Node& essential) {
  std::set<std::string> ids;
  for (const auto& r : essential.references) {
    const auto* st = c.cat.standard(r.standard);
    if (st == nullptr) continue;
    for (const auto& cit : core::find_citations(c.cat, *st, r.clause)) {
      if (cit.framework == nullptr || cit.framework->id != c.fw.id || cit.node == nullptr) continue;
      // A node citing a whole standard is too broad to support one clause.
      if (!r.clause.empty() && cit.match == core::CitationMatch::k_whole_standard) continue;
      supporting_leaves(c, *cit.node, ids);
    }
  }
  Standing s;
  s.supporting.assign(ids.begin(), ids.end());
  std::sort(s.supporting.begin(), s.supporting.end(),
            [&](const std::string& a, const std::string& b) {
              return c.position.at(a) < c.position.at(b);
            });
  double cur_sum = 0, tgt_sum = 0;
  int tgt_n = 0;
  for (const auto& id : s.supporting) {
    if (const auto* a = assessment_of(c.in.current_assessments, id)) {
      if (a->not_applicable) {
        ++s.not_applicable;
      } else if (a->level) {
        ++s.assessed;
        cur_sum += *a->level;
      }
    }
    if (const auto* t = c.has_target() ? assessment_of(c.in.target_assessments, id) : nullptr) {
      if (!t->not_applicable && t->level) {
        ++tgt_n;
        tgt_sum += *t->level;
      }
    }
  }
  if (s.assessed > 0) s.current = cur_sum / s.assessed;
  if (tgt_n > 0) s.target = tgt_sum / tgt_n;
  return s;
}

std::string cited_clauses(const Context& c, const core::Node& n) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& r : n.references) {
    if (groups.empty() || groups.back().first != r.standard) groups.push_back({r.standard, {}});
    if (!r.clause.empty()) groups.back().second.push_back(r.clause);
  }
  std::vector<std::string> parts;
  for (const auto& [std_id, clauses] : groups) {
    std::string p = designation_of(c.cat, std_id);
    if (!clauses.empty()) p += " " + util::join(clauses, ", ");
    parts.push_back(p);
  }
  return util::join(parts, "; ");
}

std::string standing_row(const Context& c, const core::Node& n, const Standing& st) {
  const auto& scale = c.in.scale;
  std::string s = "<tr data-node=\"" + esc(n.id) + "\"><td><span class=\"id\">" + esc(n.id) +
                  "</span></td><td>";
  if (!n.title.empty()) s += "<b>" + esc(n.title) + "</b><br>";
  s += esc(n.description);
  if (!n.references.empty())
    s += "<div class=\"support\">Cites " + esc(cited_clauses(c, n)) + "</div>";
  s += "</td><td><div class=\"standing\">" + standing_bar(scale, st.current, st.target) + "<b>" +
       score_text(st.current) + "</b></div>";
  if (st.current) {
    if (const auto* l = scale.find(static_cast<int>(std::lround(*st.current))))
      s += "<div class=\"support\">\u2248 " + esc(l->name) +
           (st.target ? " \u00b7 target " + score(*st.target) : "") + "</div>";
  } else if (st.target) {
    s += "<div class=\"support\">target " + score(*st.target) + "</div>";
  }
  s += "</td><td>";
  if (st.supporting.empty()) {
    s += "<span class=\"muted\">No subcategory of " + esc(c.fw_name()) +
         " cites these clauses: no standing can be derived. Assess this directly or extend the "
         "mapping.</span>";
  } else {
    s += "<b>" + std::to_string(st.supporting.size()) + "</b> supporting, " +
         std::to_string(st.assessed) + " assessed" +
         (st.not_applicable ? ", " + std::to_string(st.not_applicable) + " N/A" : "");
    if (st.assessed == 0) s += "<div class=\"muted small\">none assessed yet</div>";
    s += "<div class=\"support mono\">";
    for (std::size_t i = 0; i < st.supporting.size() && i < k_support_listed; ++i)
      s += (i ? ", " : "") + esc(st.supporting[i]);
    if (st.supporting.size() > k_support_listed)
      s += " +" + std::to_string(st.supporting.size() - k_support_listed) + " more";
    s += "</div>";
  }
  s += "</td></tr>";
  return s;
}

std::string management(const Context& c) {
  std::string s;
  if (!c.has_target()) s += no_target_notice();
  if (!c.any_assessed()) s += nothing_assessed_notice(c);
  const auto* annex = c.cat.framework(k_annex_b);
  std::vector<std::pair<const core::Node*, Standing>> rows;
  if (annex != nullptr) {
    for (const auto& fn : annex->nodes) {
      for (const auto& cat : fn.children) {
        if (cat.children.empty()) rows.push_back({&cat, standing_of(c, cat)});
        for (const auto& sub : cat.children) rows.push_back({&sub, standing_of(c, sub)});
      }
    }
  }
  // Summary figures.
  int covered = 0, with_standing = 0;
  double sum = 0;
  for (const auto& [n, st] : rows) {
    if (!st.supporting.empty()) ++covered;
    if (st.current) {
      ++with_standing;
      sum += *st.current;
    }
  }
  auto cur_overall = mean_of_functions(c.fw, c.cur);
  s += "<section><h2>Overview</h2><div class=\"kpis\">";
  s += kpi("Current score", score_out_of(cur_overall, c.in.scale.max(), "current"),
           esc(c.fw_name()));
  s += kpi("Target score",
           c.has_target() ? score_out_of(mean_of_functions(c.fw, c.tgt), c.in.scale.max(), "target")
                          : "\u2014",
           c.has_target() ? esc(c.in.target->name) : "no target profile");
  s += kpi("Principles & essentials covered",
           std::to_string(covered) + "<small> / " + std::to_string(rows.size()) + "</small>",
           "supported by at least one subcategory");
  s += kpi("Mean standing",
           score_out_of(with_standing ? std::optional<double>(sum / with_standing) : std::nullopt,
                        c.in.scale.max()),
           std::to_string(with_standing) + " with an assessed subcategory");
  s += "</div></section>";

  s += "<section><h2>Principles and essentials (ISO/IEC TR 27103 Annex B)</h2>";
  s += "<p class=\"rule\"><b>How the standing is derived.</b> Each principle and essential of "
       "ISO/IEC TR 27103 Annex B cites clauses of ISO/IEC 27001:2013 and ISO/IEC 27002:2013 (the "
       "principles also cite whole standards). A subcategory of " +
       esc(c.fw_name()) +
       " supports it when the subcategory, or the category or function above it, cites the same "
       "clause, a clause within it, or a clause that encloses it \u2014 directly, or through the "
       "edition mappings to the 2022 editions and the ISO/IEC 27001 Annex A copy of ISO/IEC 27002. "
       "A reference to a whole standard is matched by any citation of that standard; a node that "
       "cites a whole standard is not counted against a single clause. The standing is the mean "
       "current level of the supporting subcategories that are assessed (N/A left out); the "
       "marker on the bar is the mean target level of the same subcategories. Where no subcategory "
       "supports an item, no standing is derived and the report says so.</p>";
  if (annex == nullptr) {
    s += "<p class=\"empty\">The catalog does not hold ISO/IEC TR 27103 Annex B (framework " +
         esc(k_annex_b) + "), so the principles and essentials cannot be shown.</p></section>";
  } else {
    s += "<table class=\"essentials\"><thead><tr><th>Id</th><th>Principle or "
         "essential</th><th style=\"width:150px\">Standing</th><th "
         "style=\"width:190px\">Support</th></tr></thead><tbody>";
    std::size_t k = 0;
    for (const auto& fn : annex->nodes) {
      s += "<tr class=\"group\"><td colspan=\"4\">" + esc(fn.title) + "</td></tr>";
      for (const auto& cat : fn.children) {
        if (!cat.children.empty()) {
          s += "<tr class=\"group\"><td><span class=\"id\">" + esc(cat.id) +
               "</span></td><td colspan=\"3\">" +
               esc(cat.title.empty() ? cat.description : cat.title) + "</td></tr>";
        }
        std::size_t count = cat.children.empty() ? 1 : cat.children.size();
        for (std::size_t i = 0; i < count && k < rows.size(); ++i, ++k)
          s += standing_row(c, *rows[k].first, rows[k].second);
      }
    }
    s += "</tbody></table>";
    s += "<p class=\"muted small\">Bar: current standing on the scale " +
         std::to_string(c.in.scale.min()) + "\u2013" + std::to_string(c.in.scale.max()) +
         ", coloured as in the legend; vertical mark: target.</p>" + scale_legend(c.in.scale) +
         "</section>";
  }
  s += "<section class=\"avoid-break\"><h2>Function scores of " + esc(c.fw_name()) + "</h2>";
  if (c.any_assessed() || c.has_target()) s += function_chart(c);
  s += function_table(c) + "</section>";
  return s;
}

std::string unknown_framework(const ReportInput& in) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta "
         "charset=\"utf-8\"><title>Report</title><style>" +
         std::string(k_base_css) + std::string(k_css) +
         "</style></head><body><main class=\"paper\"><p class=\"empty\">The framework \u201c" +
         esc(in.current.framework) +
         "\u201d of the current profile is not in the catalog, so no report can be "
         "made.</p></main></body></html>\n";
}

}  // namespace

std::string render_html(const ReportInput& in, Audience audience) {
  const core::Framework* fw =
      in.catalog == nullptr ? nullptr : in.catalog->framework(in.current.framework);
  if (fw == nullptr) return unknown_framework(in);
  Context c{in, *in.catalog, *fw, {}, {}, {}, {}, 0, 0, 0, {}, {}};
  c.figures = core::figures(*in.catalog, *fw, in.scale, in.current_assessments,
                            in.target ? &in.target_assessments : nullptr);
  c.cur = core::roll_up(c.cat, fw->id, in.current_assessments);
  if (in.target) {
    c.tgt = core::roll_up(c.cat, fw->id, in.target_assessments);
    c.gaps =
        core::analyse_gaps(c.cat, fw->id, in.scale, in.current_assessments, in.target_assessments);
  }
  auto order = c.cat.nodes_in_order(fw->id);
  for (std::size_t i = 0; i < order.size(); ++i) c.position[order[i]->id] = i;
  for (const auto& f : fw->nodes) {
    const auto& sc = score_of(c.cur, f.id);
    c.subcategories += sc.total;
    c.assessed += sc.assessed;
    c.not_applicable += sc.not_applicable;
  }
  if (in.generated_at.size() >= 10) c.today = in.generated_at.substr(0, 10);

  std::string body;
  switch (audience) {
    case Audience::k_executive:
      body = executive(c);
      break;
    case Audience::k_practitioner:
      body = practitioner(c);
      break;
    case Audience::k_management:
      body = management(c);
      break;
  }
  std::string org = in.organization.name.empty() ? "Unnamed organization" : in.organization.name;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"cyberframe\">\n";
  out += "<title>" + esc(org) + " \u2014 " + esc(audience_title(audience)) + " \u2014 " +
         esc(c.fw_name()) + "</title>\n<style>" + std::string(k_base_css) + std::string(k_css) +
         "</style>\n" +
         (audience == Audience::k_executive
              ? "<style>@page { margin: 10mm 12mm 12mm; }</style>\n"  // the one page: more room
              : "") +
         "</head>\n<body>\n";
  out += "<main class=\"paper\">\n" + header(c, audience) + "\n" + body;
  out += "\n<footer class=\"report-foot\">Generated by cyberframe \u00b7 " +
         esc(in.generated_at.empty() ? "no date" : in.generated_at) + " \u00b7 " + esc(c.fw.title) +
         " \u00b7 scale \u201c" + esc(in.scale.name) +
         "\u201d</footer>\n</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace cyberframe::report
