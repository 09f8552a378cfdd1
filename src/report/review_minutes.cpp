#include "report/review_minutes.hpp"

#include "exchange/xlsx.hpp"
#include "report/style.hpp"
#include "util/text.hpp"

namespace cyberframe::report {

namespace {

std::string h(std::string_view s) {
  return util::escaped(s, util::Escape::k_html);
}

constexpr std::string_view k_minutes_css = R"css(
table.records { width: 100%; border-collapse: collapse; margin: 4px 0 10px; font-size: 9pt; }
table.records th, table.records td { border-bottom: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
table.records th { background: var(--soft); }
ul.summary { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 9pt; }
.prose { white-space: pre-wrap; }
)css";

std::string words(std::string key) {
  for (auto& c : key)
    if (c == '_') c = ' ';
  return key;
}

}  // namespace

std::string render_review_minutes_html(const ReviewMinutes& m) {
  const auto& r = m.review;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>Management review " + h(r.ref) + " — " + h(m.organization) + "</title>\n<style>";
  out += std::string(k_base_css) + std::string(k_minutes_css) + "</style>\n</head>\n<body>\n";
  out +=
      "<div class=\"paper\">\n<div class=\"report-head\"><div class=\"kicker\">Management review "
      "(ISO/IEC 27001:2022 9.3) — minutes</div>\n<h1>" +
      h(r.ref) + " " + h(r.title) + "</h1>\n<div class=\"scope\">" + h(m.organization) +
      "</div>\n<dl class=\"meta\"><div><dt>Date</dt><dd>" + h(r.text("date")) +
      "</dd></div><div><dt>Status</dt><dd>" + h(r.status) +
      "</dd></div><div><dt>Inputs since</dt><dd>" +
      h(m.inputs.since.empty() ? "the first review" : m.inputs.since) + "</dd></div></dl></div>\n";
  if (!m.inputs.frozen)
    out += "<p class=\"notice\">Not held yet: the inputs below are as prepared on " +
           h(m.inputs.prepared_at) + "; they are frozen when the review is held.</p>\n";
  else
    out += "<p class=\"muted small\">Inputs frozen when the review was held (" +
           h(m.inputs.held_at) + ", by " + h(m.inputs.held_by) + ").</p>\n";
  out += "<h2>Attendees</h2>\n";
  auto attendees = r.list("attendees");
  if (attendees.empty())
    out += "<p class=\"empty\">No attendees recorded.</p>\n";
  else {
    out += "<ul class=\"attendees\">";
    for (const auto& a : attendees) out += "<li>" + h(a) + "</li>";
    out += "</ul>\n";
  }
  if (!r.text("agenda").empty())
    out += "<h2>Agenda</h2>\n<p class=\"prose\">" + h(r.text("agenda")) + "</p>\n";
  out += "<h2>Inputs (9.3.2)</h2>\n";
  for (const auto& in : m.inputs.inputs) {
    out += "<h3 id=\"input-" + h(in.key) + "\">" +
           (in.key == "profile" ? std::string("Profile") : h(in.key) + ")") + " " + h(in.title) +
           "</h3>\n<ul class=\"summary\">";
    for (const auto& [k, v] : in.summary)
      out += "<li>" + h(words(k)) + ": <b>" + std::to_string(v) + "</b></li>";
    out += "</ul>\n";
    if (in.records.empty()) {
      out += "<p class=\"empty\">Nothing to report.</p>\n";
      continue;
    }
    out +=
        "<table class=\"records\"><thead><tr><th>Register</th><th>Ref</th><th>Title</th>"
        "<th>Status</th><th>Why listed</th></tr></thead><tbody>\n";
    for (const auto& it : in.records)
      out += "<tr><td>" + h(it.register_key.empty() ? it.kind : it.register_key) +
             "</td><td class=\"id\">" + h(it.ref) + "</td><td>" + h(it.title) + "</td><td>" +
             h(it.status) + "</td><td>" + h(it.why) + "</td></tr>\n";
    out += "</tbody></table>\n";
  }
  out += "<h2>Decisions (9.3.3)</h2>\n";
  if (r.text("decisions").empty())
    out += "<p class=\"empty\">No decisions recorded.</p>\n";
  else
    out += "<p class=\"prose\">" + h(r.text("decisions")) + "</p>\n";
  out += "<h2>Actions</h2>\n";
  if (m.actions.empty())
    out += "<p class=\"empty\">No actions recorded.</p>\n";
  else {
    out +=
        "<table class=\"records\"><thead><tr><th>Ref</th><th>Action</th><th>Owner</th>"
        "<th>Due</th><th>Status</th></tr></thead><tbody>\n";
    for (const auto& a : m.actions)
      out += "<tr><td class=\"id\">" + h(a.ref) + "</td><td>" + h(a.title) + "</td><td>" +
             h(a.owner) + "</td><td>" + h(a.text("due")) + "</td><td>" + h(a.status) +
             "</td></tr>\n";
    out += "</tbody></table>\n";
  }
  if (!r.text("minutes").empty())
    out += "<h2>Notes</h2>\n<p class=\"prose\">" + h(r.text("minutes")) + "</p>\n";
  out += "<p class=\"muted small\">Generated " + h(m.generated_at) +
         "</p>\n</div>\n</body>\n</html>\n";
  return out;
}

util::Result<std::string> render_review_minutes_xlsx(const ReviewMinutes& m) {
  namespace x = exchange::xlsx;
  const auto& r = m.review;
  x::Table review{"Review", {{"Field", 18}, {"Value", 90}}, {}, false, true};
  auto row = [&](const std::string& k, const std::string& v) {
    review.rows.push_back({x::Value{k}, x::Value{v}});
  };
  row("Organization", m.organization);
  row("Review", r.ref);
  row("Title", r.title);
  row("Date", r.text("date"));
  row("Status", r.status);
  row("Inputs since", m.inputs.since.empty() ? "the first review" : m.inputs.since);
  row("Inputs", m.inputs.frozen ? "frozen " + m.inputs.held_at + " by " + m.inputs.held_by
                                : "prepared " + m.inputs.prepared_at);
  row("Attendees", util::join(r.list("attendees"), "; "));
  row("Agenda", r.text("agenda"));
  row("Decisions", r.text("decisions"));
  row("Minutes", r.text("minutes"));
  x::Table inputs{"Inputs",
                  {{"Input", 8},
                   {"Register", 18},
                   {"Ref", 12},
                   {"Title", 50},
                   {"Status", 14},
                   {"Why listed", 60}},
                  {},
                  true,
                  true};
  x::Table summary{
      "Summary", {{"Input", 8}, {"Title", 60}, {"Count", 36}, {"Value", 10}}, {}, true, false};
  for (const auto& in : m.inputs.inputs) {
    for (const auto& it : in.records)
      inputs.rows.push_back(
          {x::Value{in.key}, x::Value{it.register_key.empty() ? it.kind : it.register_key},
           x::Value{it.ref}, x::Value{it.title}, x::Value{it.status}, x::Value{it.why}});
    for (const auto& [k, v] : in.summary)
      summary.rows.push_back({x::Value{in.key}, x::Value{in.title}, x::Value{words(k)},
                              x::Value{static_cast<double>(v)}});
  }
  x::Table actions{"Actions",
                   {{"Ref", 12}, {"Action", 50}, {"Owner", 20}, {"Due", 12}, {"Status", 12}},
                   {},
                   true,
                   true};
  for (const auto& a : m.actions)
    actions.rows.push_back({x::Value{a.ref}, x::Value{a.title}, x::Value{a.owner},
                            x::Value{a.text("due")}, x::Value{a.status}});
  return x::write_workbook({review, inputs, summary, actions});
}

}  // namespace cyberframe::report
