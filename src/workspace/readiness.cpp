// Certification readiness: the facts of one organization read through the other use cases (the
// registers, the documents, the risk register, the measurements), the rules are core's.
#include "workspace/readiness.hpp"

#include <algorithm>

#include "core/isms.hpp"
#include "exchange/table_text.hpp"
#include "report/readiness.hpp"
#include "store/store.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/documents.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurements.hpp"
#include "workspace/risks.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

Result<std::vector<core::IsmsRecord>> all_records(Workspace& ws, std::int64_t organization,
                                                  const std::string& reg) {
  core::IsmsQuery query;
  query.slice = util::Slice::all();
  auto page = list_records(ws, organization, reg, query);
  if (!page) return std::unexpected(page.error());
  return std::move(page->items);
}

}  // namespace

Result<core::ReadinessFacts> readiness_facts(Workspace& ws, const core::Catalog& catalog,
                                             std::int64_t organization, std::string today) {
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return util::fail_field(util::ErrorCode::k_invalid_input,
                            "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)",
                            "today");
  core::ReadinessFacts f;
  f.today = today;
  for (const auto& spec : core::isms_registers()) {
    auto records = all_records(ws, organization, spec.key);
    if (!records) return std::unexpected(records.error());
    f.records[spec.key] = std::move(*records);
  }
  // The reviews held with their inputs frozen (9.3.2: the inputs were considered).
  for (const auto& review : f.records["reviews"]) {
    if (review.status != "held" && review.status != "closed") continue;
    auto inputs = ws.storage().reviews().inputs(review.id);
    if (!inputs) return std::unexpected(inputs.error());
    if (*inputs) f.reviews_with_inputs.insert(review.ref);
  }

  core::DocumentQuery dq;
  dq.today = today;
  dq.slice = util::Slice::all();
  auto documents = list_documents(ws, organization, dq);
  if (!documents) return std::unexpected(documents.error());
  f.documents = std::move(documents->items);

  // The risk register.
  auto summary = risk_summary(ws, catalog, organization);
  if (!summary) return std::unexpected(summary.error());
  f.risk.risks = summary->open;
  f.risk.unscored = summary->unscored;
  f.risk.above_appetite = summary->above_appetite;
  f.risk.plans_unapproved = summary->plans_unapproved;
  f.risk.reviews_overdue = summary->reviews_overdue;
  f.risk.decisions_expired = summary->decisions_expired;
  f.risk.decisions_stale = summary->decisions_stale;
  core::RiskQuery rq;
  rq.slice = util::Slice::all();
  auto risks = list_risks(ws, catalog, organization, rq);
  if (!risks) return std::unexpected(risks.error());
  std::map<std::string, std::size_t> criteria_used;
  for (const auto& r : risks->items) {
    if (r.risk.treatment != core::Treatment::k_none) ++f.risk.treated;
    ++criteria_used[r.risk.criteria];
  }
  if (!criteria_used.empty()) {
    auto most = std::max_element(criteria_used.begin(), criteria_used.end(),
                                 [](auto& a, auto& b) { return a.second < b.second; });
    f.risk.criteria = most->first;
    auto criteria = find_criteria(ws, catalog, f.risk.criteria);
    if (criteria) f.risk.assessment_criteria = !criteria->assessment_criteria.empty();
  }
  auto statement = soa(ws, catalog, organization);
  if (!statement) return std::unexpected(statement.error());
  auto versions = statement->versions;
  std::sort(versions.begin(), versions.end(), [](auto& a, auto& b) { return a.number < b.number; });
  for (const auto& v : versions)
    f.risk.soa.push_back(
        {v.number, v.status == core::SoaStatus::k_approved, v.approved_at, v.approved_by});

  // The measurements and the objectives.
  for (const auto& m : f.of("measurements")) {
    if (m.status == "retired") continue;
    core::MeasurementFacts mf{m.ref, m.title, m.text("frequency"), ""};
    core::MeasurementValueQuery vq;
    vq.measurement = m.ref;
    vq.slice = util::Slice::all();
    auto values = list_measurement_values(ws, organization, vq);
    if (!values) return std::unexpected(values.error());
    for (const auto& v : values->items) mf.latest = std::max(mf.latest, v.date);
    f.measurements.push_back(std::move(mf));
  }
  auto progress = objectives_progress(ws, organization, today);
  if (!progress) return std::unexpected(progress.error());
  f.objectives = std::move(*progress);
  return f;
}

Result<core::Readiness> readiness(Workspace& ws, const core::Catalog& catalog,
                                  std::int64_t organization, std::string today) {
  auto facts = readiness_facts(ws, catalog, organization, std::move(today));
  if (!facts) return std::unexpected(facts.error());
  return core::assess_readiness(*facts);
}

Result<std::string> export_readiness(const core::Readiness& r, const std::string& organization_name,
                                     const std::string& format) {
  if (format == "html") return report::readiness_html(r, organization_name);
  if (format != "csv")
    return util::fail_field(util::ErrorCode::k_invalid_input,
                            "format: '" + format.substr(0, 20) + "' is not csv or html", "format");
  std::string out =
      exchange::table::csv_line({"clause", "title", "status", "evidence_kind", "evidence_ref",
                                 "evidence_title", "evidence_state", "missing"});
  for (const auto& q : r.requirements) {
    auto missing = util::join(q.missing, "; ");
    std::string status(core::to_string(q.status));
    if (q.evidence.empty())
      out += exchange::table::csv_line({q.clause, q.title, status, "", "", "", "", missing});
    for (const auto& e : q.evidence)
      out += exchange::table::csv_line(
          {q.clause, q.title, status, e.kind, e.ref, e.title, e.state, missing});
  }
  return out;
}

}  // namespace cyberframe::workspace
