#include "workspace/review.hpp"

#include <nlohmann/json.hpp>

#include "codec/isms_json.hpp"
#include "codec/review_json.hpp"
#include "core/measurement.hpp"
#include "core/profile.hpp"
#include "report/review_minutes.hpp"
#include "store/store.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurements.hpp"
#include "workspace/risks.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

namespace {

Result<std::vector<core::IsmsRecord>> all_of(Workspace& ws, std::int64_t organization,
                                             const std::string& reg) {
  core::IsmsQuery q;
  q.slice = util::Slice::all();
  auto page = list_records(ws, organization, reg, q);
  if (!page) return std::unexpected(page.error());
  return std::move(page->items);
}

Result<std::string> checked_today(std::string today) {
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return util::fail_field(ErrorCode::k_invalid_input,
                            "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)",
                            "today");
  return today;
}

// The review named (or the next one), from the register's live records.
Result<core::IsmsRecord> review_named(Workspace& ws, std::int64_t organization,
                                      const std::vector<core::IsmsRecord>& reviews,
                                      const std::string& ref) {
  if (!ref.empty()) return find_record(ws, organization, "reviews", ref);
  if (const auto* next = core::next_review(reviews)) return *next;
  return core::IsmsRecord{};  // none to prepare: the inputs since the last one held
}

std::optional<double> overall(const core::Catalog& catalog, const std::string& framework,
                              const std::map<std::string, core::NodeAssessment>& assessments) {
  const auto* fw = catalog.framework(framework);
  if (!fw) return std::nullopt;
  return core::overall_score(*fw, core::roll_up(catalog, framework, assessments));
}

Result<std::vector<core::ProfileProgress>> profiles_progress(Workspace& ws,
                                                             const core::Catalog& catalog,
                                                             std::int64_t organization,
                                                             const std::string& since,
                                                             const std::string& today) {
  auto profiles = ws.profiles(organization);
  if (!profiles) return std::unexpected(profiles.error());
  std::vector<core::ProfileProgress> out;
  for (const auto& p : *profiles) {
    if (p.kind != core::ProfileKind::k_current) continue;
    auto snaps = ws.snapshots(p.id);
    if (!snaps) return std::unexpected(snaps.error());
    core::ProfileProgress pp;
    pp.profile = p.name;
    pp.framework = p.framework;
    const core::Snapshot* before = nullptr;
    const core::Snapshot* now = nullptr;
    for (const auto& s : *snaps) {
      auto day = s.taken_at.substr(0, 10);
      if (day > today) continue;
      if (!since.empty() && day <= since) before = &s;
      now = &s;
    }
    if (before) {
      pp.before = overall(catalog, p.framework, before->assessments);
      pp.before_at = before->name + ", " + before->taken_at.substr(0, 10);
    }
    if (now && now != before) {
      pp.now = overall(catalog, p.framework, now->assessments);
      pp.now_at = now->name + ", " + now->taken_at.substr(0, 10);
    } else {
      auto current = ws.node_assessments(p.id);
      if (!current) return std::unexpected(current.error());
      pp.now = overall(catalog, p.framework, *current);
      pp.now_at = "as it stands";
    }
    out.push_back(std::move(pp));
  }
  return out;
}

Result<core::ReviewSources> read_sources(Workspace& ws, const core::Catalog& catalog,
                                         std::int64_t organization, const std::string& ref,
                                         const std::string& today) {
  core::ReviewSources s;
  s.today = today;
  for (const auto& reg : core::review_registers()) {
    auto records = all_of(ws, organization, reg);
    if (!records) return std::unexpected(records.error());
    s.records[reg] = std::move(*records);
  }
  auto review = review_named(ws, organization, s.records["reviews"], ref);
  if (!review) return std::unexpected(review.error());
  s.review = std::move(*review);
  s.since = core::review_since(s.records["reviews"], s.review);
  // Measurements: each live one's newest value and its status.
  auto defs = measurement_definitions(ws, organization);
  if (!defs) return std::unexpected(defs.error());
  for (const auto& [ref_, def] : *defs) {
    auto series = measurement_series(ws, organization, ref_, "", today);
    if (!series) return std::unexpected(series.error());
    core::ReviewMeasurement m{def.ref, def.title, "no-data", ""};
    if (!series->points.empty()) {
      const auto& last = series->points.back();
      m.latest = last.value.date;
      m.status = last.status ? std::string(core::to_string(*last.status)) : "no-data";
    }
    s.measurements.push_back(std::move(m));
  }
  auto progress = objectives_progress(ws, organization, today);
  if (!progress) return std::unexpected(progress.error());
  for (const auto& p : *progress) {
    core::ReviewObjective o{p.objective, "", "", std::string(core::to_string(p.progress)),
                            p.reason};
    for (const auto& r : s.records["objectives"])
      if (r.ref == p.objective) {
        o.title = r.title;
        o.status = r.status;
      }
    s.objectives.push_back(std::move(o));
  }
  core::RiskQuery rq;
  rq.slice = util::Slice::all();
  auto risks = list_risks(ws, catalog, organization, rq);
  if (!risks) return std::unexpected(risks.error());
  for (const auto& v : risks->items) {
    auto level = !v.residual_level.empty()  ? v.residual_level
                 : !v.current_level.empty() ? v.current_level
                                            : v.inherent_level;
    s.risks.push_back(core::ReviewRisk{
        v.risk.ref, v.risk.title, std::string(core::to_string(v.risk.status)), level,
        v.above_appetite, std::string(core::to_string(v.risk.treatment)), v.risk.updated_at});
  }
  auto summary = risk_summary(ws, catalog, organization);
  if (!summary) return std::unexpected(summary.error());
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  s.risk_summary = {{"risks_open", n(summary->open)},
                    {"above_appetite", n(summary->above_appetite)},
                    {"unscored", n(summary->unscored)},
                    {"reviews_overdue", n(summary->reviews_overdue)},
                    {"treatment_plans_unapproved", n(summary->plans_unapproved)},
                    {"decisions_stale", n(summary->decisions_stale)},
                    {"decisions_expired", n(summary->decisions_expired)}};
  auto profiles = profiles_progress(ws, catalog, organization, s.since, today);
  if (!profiles) return std::unexpected(profiles.error());
  s.profiles = std::move(*profiles);
  return s;
}

Result<std::optional<core::ReviewInputs>> frozen(Workspace& ws, const core::IsmsRecord& review) {
  if (review.id == 0) return std::optional<core::ReviewInputs>{};
  auto stored = ws.storage().reviews().inputs(review.id);
  if (!stored) return std::unexpected(stored.error());
  if (!*stored) return std::optional<core::ReviewInputs>{};
  auto j = nlohmann::json::parse((*stored)->content, nullptr, false);
  auto in = codec::review_inputs_from_json(j);
  if (!in) return std::unexpected(in.error());
  in->frozen = true;
  in->held_at = (*stored)->held_at;
  in->held_by = (*stored)->held_by;
  return std::optional<core::ReviewInputs>{std::move(*in)};
}

}  // namespace

Result<core::ReviewInputs> prepare_review(Workspace& ws, const core::Catalog& catalog,
                                          std::int64_t organization, const std::string& ref,
                                          std::string today) {
  auto day = checked_today(std::move(today));
  if (!day) return std::unexpected(day.error());
  auto sources = read_sources(ws, catalog, organization, ref, *day);
  if (!sources) return std::unexpected(sources.error());
  return core::assemble_review_inputs(*sources);
}

Result<core::ReviewInputs> review_inputs(Workspace& ws, const core::Catalog& catalog,
                                         std::int64_t organization, const std::string& ref,
                                         std::string today) {
  if (!ref.empty()) {
    auto review = find_record(ws, organization, "reviews", ref);
    if (!review) return std::unexpected(review.error());
    auto stored = frozen(ws, *review);
    if (!stored) return std::unexpected(stored.error());
    if (*stored) return std::move(**stored);
  }
  return prepare_review(ws, catalog, organization, ref, std::move(today));
}

Result<HeldReview> hold_review(Workspace& ws, const std::string& actor,
                               const core::Catalog& catalog, std::int64_t organization,
                               const std::string& ref, std::string today) {
  auto review = find_record(ws, organization, "reviews", ref);
  if (!review) return std::unexpected(review.error());
  if (auto ok = core::check_hold(*review); !ok) return std::unexpected(ok.error());
  auto inputs = prepare_review(ws, catalog, organization, review->ref, std::move(today));
  if (!inputs) return std::unexpected(inputs.error());
  auto after = core::held(*review);
  const auto* spec = core::find_register("reviews");
  if (auto v = core::validate(*spec, after); !v) return std::unexpected(v.error());
  ws.storage().set_actor(actor);
  auto stored = ws.storage().reviews().hold(after, codec::to_json(*inputs).dump());
  if (!stored) return std::unexpected(stored.error());
  auto held_inputs = frozen(ws, *stored);
  if (!held_inputs) return std::unexpected(held_inputs.error());
  HeldReview out{std::move(*stored), held_inputs->value_or(*inputs)};
  return out;
}

Result<core::IsmsRecord> record_review_action(Workspace& ws, const std::string& actor,
                                              const core::Catalog& catalog,
                                              std::int64_t organization, const std::string& ref,
                                              const std::string& title, const std::string& owner,
                                              const std::string& due,
                                              const std::string& description) {
  auto review = find_record(ws, organization, "reviews", ref);
  if (!review) return std::unexpected(review.error());
  auto action = core::review_action(*review, title, owner, due, description);
  if (!action) return std::unexpected(action.error());
  return create_record(ws, actor, catalog, organization, "actions", std::move(*action));
}

Result<std::vector<core::IsmsRecord>> review_actions(Workspace& ws, std::int64_t organization,
                                                     const std::string& ref) {
  auto review = find_record(ws, organization, "reviews", ref);
  if (!review) return std::unexpected(review.error());
  core::IsmsQuery q;
  q.slice = util::Slice::all();
  q.link = core::IsmsLink{"record", "reviews/" + review->ref};
  auto page = list_records(ws, organization, "actions", q);
  if (!page) return std::unexpected(page.error());
  return std::move(page->items);
}

Result<std::string> review_minutes(Workspace& ws, const core::Catalog& catalog,
                                   std::int64_t organization, const std::string& ref,
                                   const std::string& format) {
  if (format != "html" && format != "xlsx")
    return util::fail_field(ErrorCode::k_invalid_input,
                            "format '" + format.substr(0, 20) + "': the minutes are html or xlsx",
                            "format");
  auto review = find_record(ws, organization, "reviews", ref);
  if (!review) return std::unexpected(review.error());
  auto inputs = review_inputs(ws, catalog, organization, review->ref);
  if (!inputs) return std::unexpected(inputs.error());
  auto actions = review_actions(ws, organization, review->ref);
  if (!actions) return std::unexpected(actions.error());
  auto org = ws.organization(std::to_string(organization));
  if (!org) return std::unexpected(org.error());
  report::ReviewMinutes m{org->name, std::move(*review), std::move(*inputs), std::move(*actions),
                          util::now_utc()};
  if (format == "html") return report::render_review_minutes_html(m);
  return report::render_review_minutes_xlsx(m);
}

Result<bool> seed_demo_reviews(Workspace& ws, const std::string& actor,
                               const core::Catalog& catalog, std::int64_t organization) {
  auto review = find_record(ws, organization, "reviews", "MR-001");
  if (!review) {
    if (review.error().code == ErrorCode::k_not_found) return false;
    return std::unexpected(review.error());
  }
  auto stored = frozen(ws, *review);
  if (!stored) return std::unexpected(stored.error());
  if (*stored) return false;
  // MR-001 is recorded as held by the demo; its inputs are those of its date.
  auto inputs = prepare_review(ws, catalog, organization, review->ref, review->text("date"));
  if (!inputs) return std::unexpected(inputs.error());
  ws.storage().set_actor(actor);
  auto after = *review;
  if (after.status != "held" && after.status != "closed") after.status = "held";
  auto held = ws.storage().reviews().hold(after, codec::to_json(*inputs).dump());
  if (!held) return std::unexpected(held.error());
  return true;
}

}  // namespace cyberframe::workspace
