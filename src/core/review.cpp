#include "core/review.hpp"

#include <algorithm>

#include "core/input_rules.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

using util::ErrorCode;
using util::fail;
using util::Result;

const ReviewInput* ReviewInputs::input(std::string_view key) const {
  for (const auto& i : inputs)
    if (i.key == key) return &i;
  return nullptr;
}

const std::vector<std::string>& review_registers() {
  static const std::vector<std::string> k{
      "reviews",         "actions",       "context",     "interested-parties", "requirements",
      "nonconformities", "audits",        "findings",    "objectives",         "measurements",
      "feedback",        "reassessments", "improvements"};
  return k;
}

namespace {

bool is_held(const IsmsRecord& r) {
  return r.status == "held" || r.status == "closed";
}

std::string day(const std::string& at) {
  return at.substr(0, 10);
}

bool open_action(const IsmsRecord& a) {
  return a.status == "open" || a.status == "in-progress";
}

ReviewItem item(const IsmsRecord& r, std::string why) {
  return ReviewItem{r.register_key, "", r.ref, r.title, r.status, std::move(why)};
}

std::string since_words(const IsmsRecord& r, const std::string& since) {
  if (since.empty()) return "recorded";
  return day(r.created_at) >= since ? "added since " + since : "changed since " + since;
}

const std::vector<IsmsRecord>& of(const ReviewSources& s, const std::string& reg) {
  static const std::vector<IsmsRecord> none;
  auto it = s.records.find(reg);
  return it == s.records.end() ? none : it->second;
}

bool links_to(const IsmsRecord& r, const std::string& reg, const std::string& ref) {
  auto key = util::caseless_key(reg + "/" + ref);
  for (const auto& l : r.links)
    if (l.kind == "record" && util::caseless_key(l.target) == key) return true;
  return false;
}

// The review an action comes from ("" when none).
std::string review_of(const IsmsRecord& action) {
  for (const auto& l : action.links)
    if (l.kind == "record" && util::starts_with_ci(l.target, "reviews/")) return l.target.substr(8);
  return "";
}

bool overdue(const IsmsRecord& action, const std::string& today) {
  auto due = action.text("due");
  return open_action(action) && !due.empty() && !today.empty() && due < today;
}

ReviewInput input_a(const ReviewSources& s) {
  ReviewInput in{"a", "Where the actions decided at earlier management reviews stand", {}, {}};
  std::int64_t total = 0, open = 0, done = 0, late = 0, cancelled = 0;
  for (const auto& a : of(s, "actions")) {
    auto from = review_of(a);
    if (from.empty() || util::caseless_key(from) == util::caseless_key(s.review.ref)) continue;
    ++total;
    std::string why = "output of " + from;
    if (a.status == "done") {
      ++done;
      why += ", done" + (a.text("done").empty() ? std::string() : " on " + a.text("done"));
    } else if (a.status == "cancelled") {
      ++cancelled;
      why += ", cancelled";
    } else {
      ++open;
      if (overdue(a, s.today)) {
        ++late;
        why += ", overdue since " + a.text("due");
      } else if (!a.text("due").empty()) {
        why += ", due " + a.text("due");
      }
    }
    in.records.push_back(item(a, why));
  }
  in.summary = {{"actions", total},
                {"open", open},
                {"overdue", late},
                {"done", done},
                {"cancelled", cancelled}};
  return in;
}

ReviewInput input_b(const ReviewSources& s) {
  ReviewInput in{"b", "Changes in the external and internal issues that bear on the ISMS", {}, {}};
  std::int64_t internal = 0, external = 0;
  for (const auto& r : of(s, "context")) {
    if (!changed_since(r, s.since)) continue;
    (r.text("category") == "internal" ? internal : external) += 1;
    auto why = r.text("category").empty()
                   ? since_words(r, s.since)
                   : r.text("category") + " issue " + since_words(r, s.since);
    in.records.push_back(item(r, why));
  }
  in.summary = {{"changed", internal + external},
                {"internal", internal},
                {"external", external},
                {"issues", static_cast<std::int64_t>(of(s, "context").size())}};
  return in;
}

ReviewInput input_c(const ReviewSources& s) {
  ReviewInput in{"c", "Changes in what interested parties need and expect of the ISMS", {}, {}};
  std::int64_t parties = 0, reqs = 0, unaddressed = 0;
  for (const auto& r : of(s, "interested-parties"))
    if (changed_since(r, s.since)) {
      ++parties;
      in.records.push_back(item(r, "interested party " + since_words(r, s.since)));
    }
  for (const auto& r : of(s, "requirements")) {
    bool changed = changed_since(r, s.since);
    bool gap = r.status != "retired" && r.text("addressed") != "yes";
    if (gap) ++unaddressed;
    if (!changed) continue;
    ++reqs;
    auto why = "requirement " + since_words(r, s.since);
    if (gap) why += ", addressed: " + r.text("addressed");
    in.records.push_back(item(r, why));
  }
  in.summary = {{"parties_changed", parties},
                {"requirements_changed", reqs},
                {"requirements_not_fully_addressed", unaddressed}};
  return in;
}

ReviewInput input_d(const ReviewSources& s) {
  ReviewInput in{"d",
                 "How information security performs: nonconformities and corrective actions, "
                 "monitoring and measurement, audits, objectives",
                 {},
                 {}};
  std::int64_t nc_open = 0, nc_closed = 0, ca_open = 0, ca_late = 0;
  for (const auto& r : of(s, "nonconformities")) {
    if (r.status == "closed") {
      auto closed = r.text("closed").empty() ? day(r.updated_at) : r.text("closed");
      if (!s.since.empty() && closed < s.since) continue;
      ++nc_closed;
      in.records.push_back(item(r, "nonconformity closed on " + closed));
    } else {
      ++nc_open;
      in.records.push_back(item(r, "nonconformity " + r.status + ", raised " + r.text("raised")));
    }
  }
  for (const auto& a : of(s, "actions")) {
    if (a.text("type") != "corrective" || !open_action(a)) continue;
    ++ca_open;
    std::string why = "corrective action " + a.status;
    if (overdue(a, s.today)) {
      ++ca_late;
      why += ", overdue since " + a.text("due");
    }
    in.records.push_back(item(a, why));
  }
  std::map<std::string, std::int64_t> by_status;
  for (const auto& m : s.measurements) {
    ++by_status[m.status];
    in.records.push_back(ReviewItem{"measurements", "", m.ref, m.title, m.status,
                                    m.latest.empty()
                                        ? "measurement without a value"
                                        : "latest value " + m.latest + ": " + m.status});
  }
  std::map<std::string, std::int64_t> by_progress;
  std::int64_t achieved = 0;
  for (const auto& o : s.objectives) {
    ++by_progress[o.progress];
    if (o.status == "achieved") ++achieved;
    in.records.push_back(ReviewItem{
        "objectives", "", o.ref, o.title, o.status,
        "objective " + o.progress + (o.reason.empty() ? std::string() : ": " + o.reason)});
  }
  std::int64_t audits = 0;
  std::map<std::string, std::int64_t> grades;
  std::vector<std::string> reported;
  for (const auto& r : of(s, "audits")) {
    auto when = r.text("reported");
    if (when.empty() || (!s.since.empty() && when < s.since)) continue;
    ++audits;
    reported.push_back(util::caseless_key(r.ref));
    in.records.push_back(item(r, "audit reported on " + when));
  }
  for (const auto& f : of(s, "findings")) {
    auto audit = util::caseless_key(f.text("audit"));
    if (std::find(reported.begin(), reported.end(), audit) == reported.end()) continue;
    ++grades[f.text("grade")];
    in.records.push_back(item(f, f.text("grade") + " of " + f.text("audit")));
  }
  in.summary = {{"nonconformities_open", nc_open},
                {"nonconformities_closed", nc_closed},
                {"corrective_actions_open", ca_open},
                {"corrective_actions_overdue", ca_late},
                {"measurements_met", by_status["met"]},
                {"measurements_warning", by_status["warning"]},
                {"measurements_breached", by_status["breached"]},
                {"measurements_no_data", by_status["no-data"]},
                {"objectives_on_track", by_progress["on-track"]},
                {"objectives_off_track", by_progress["off-track"]},
                {"objectives_no_data", by_progress["no-data"]},
                {"objectives_achieved", achieved},
                {"audits_reported", audits},
                {"findings_major_nc", grades["major-nc"]},
                {"findings_minor_nc", grades["minor-nc"]},
                {"findings_observation", grades["observation"]},
                {"findings_improvement", grades["improvement"]},
                {"findings_good_practice", grades["good-practice"]}};
  return in;
}

ReviewInput input_e(const ReviewSources& s) {
  ReviewInput in{"e", "What interested parties have said about information security", {}, {}};
  std::int64_t received = 0, open = 0;
  for (const auto& r : of(s, "feedback")) {
    bool recent = s.since.empty() || r.text("received") >= s.since;
    bool still = r.status == "open" || r.status.empty();
    if (!recent && !still) continue;
    if (recent) ++received;
    if (still) ++open;
    in.records.push_back(item(r, "feedback of " + r.text("party") + " received " +
                                     r.text("received") + (still ? ", not answered" : "")));
  }
  in.summary = {{"received", received}, {"open", open}};
  return in;
}

ReviewInput input_f(const ReviewSources& s) {
  ReviewInput in{
      "f", "What risk assessment found and where the risk treatment plan stands", {}, {}};
  in.summary = s.risk_summary;
  for (const auto& r : s.risks) {
    bool recent = s.since.empty() || day(r.updated_at) >= s.since;
    if (!r.above_appetite && !recent) continue;
    std::string why = r.above_appetite ? "above appetite" : "changed since " + s.since;
    if (!r.level.empty()) why += ", level " + r.level;
    if (!r.treatment.empty()) why += ", treatment " + r.treatment;
    in.records.push_back(ReviewItem{"", "risk", r.ref, r.title, r.status, why});
  }
  std::int64_t done = 0, due = 0;
  for (const auto& r : of(s, "reassessments")) {
    auto performed = r.text("performed");
    if (r.status == "completed" && (s.since.empty() || performed >= s.since)) {
      ++done;
      in.records.push_back(
          item(r, "reassessment (" + r.text("trigger") + ") completed on " + performed));
    } else if ((r.status == "planned" || r.status == "in-progress") && !s.today.empty() &&
               r.text("due") < s.today) {
      ++due;
      in.records.push_back(item(r, "reassessment overdue since " + r.text("due")));
    }
  }
  in.summary.emplace_back("reassessments_completed", done);
  in.summary.emplace_back("reassessments_overdue", due);
  return in;
}

ReviewInput input_g(const ReviewSources& s) {
  ReviewInput in{"g", "Opportunities to improve the ISMS continually", {}, {}};
  std::int64_t proposed = 0, accepted = 0, implemented = 0;
  for (const auto& r : of(s, "improvements")) {
    if (r.status == "rejected") continue;
    if (r.status == "implemented") {
      if (!changed_since(r, s.since)) continue;
      ++implemented;
    } else if (r.status == "accepted") {
      ++accepted;
    } else {
      ++proposed;
    }
    in.records.push_back(item(r, "improvement " + (r.status.empty() ? "proposed" : r.status)));
  }
  in.summary = {{"proposed", proposed}, {"accepted", accepted}, {"implemented", implemented}};
  return in;
}

std::string score_text(const std::optional<double>& v) {
  if (!v) return "none";
  auto hundredths = static_cast<long long>(*v * 100 + (*v >= 0 ? 0.5 : -0.5));
  auto s =
      std::to_string(hundredths / 100) + "." + std::to_string(100 + hundredths % 100).substr(1);
  return s;
}

ReviewInput input_profile(const ReviewSources& s) {
  ReviewInput in{"profile", "The framework profiles' progress since the last review", {}, {}};
  std::int64_t better = 0, worse = 0, same = 0;
  for (const auto& p : s.profiles) {
    std::string status = "no-data";
    if (p.before && p.now) {
      if (*p.now > *p.before + 1e-9) {
        status = "improved";
        ++better;
      } else if (*p.now < *p.before - 1e-9) {
        status = "declined";
        ++worse;
      } else {
        status = "unchanged";
        ++same;
      }
    } else if (p.now) {
      status = "new";
    }
    in.records.push_back(ReviewItem{
        "", "profile", p.profile, p.framework, status,
        "score " + score_text(p.before) + (p.before_at.empty() ? "" : " (" + p.before_at + ")") +
            " -> " + score_text(p.now) + (p.now_at.empty() ? "" : " (" + p.now_at + ")")});
  }
  in.summary = {{"profiles", static_cast<std::int64_t>(s.profiles.size())},
                {"improved", better},
                {"unchanged", same},
                {"declined", worse}};
  return in;
}

}  // namespace

std::string review_since(const std::vector<IsmsRecord>& reviews, const IsmsRecord& review) {
  std::string best;
  auto date = review.text("date");
  for (const auto& r : reviews) {
    if (r.deleted || !is_held(r)) continue;
    if (!review.ref.empty() && util::caseless_key(r.ref) == util::caseless_key(review.ref))
      continue;
    auto d = r.text("date");
    if (d.empty() || (!date.empty() && d > date)) continue;
    best = std::max(best, d);
  }
  return best;
}

const IsmsRecord* next_review(const std::vector<IsmsRecord>& reviews) {
  const IsmsRecord* best = nullptr;
  for (const auto& r : reviews) {
    if (r.deleted || is_held(r)) continue;
    if (!best || r.text("date") < best->text("date") ||
        (r.text("date") == best->text("date") && r.ref < best->ref))
      best = &r;
  }
  return best;
}

bool changed_since(const IsmsRecord& record, const std::string& since) {
  if (since.empty()) return true;
  return day(record.updated_at) >= since || day(record.created_at) >= since;
}

ReviewInputs assemble_review_inputs(const ReviewSources& s) {
  ReviewInputs out;
  out.review = s.review.ref;
  out.date = s.review.text("date");
  out.since = s.since;
  out.prepared_at = s.today;
  out.inputs = {input_a(s), input_b(s), input_c(s), input_d(s),
                input_e(s), input_f(s), input_g(s), input_profile(s)};
  out.profiles = s.profiles;
  return out;
}

Result<void> check_hold(const IsmsRecord& review) {
  if (review.register_key != "reviews")
    return fail(ErrorCode::k_invalid_input, review.ref + " is not a management review");
  if (review.deleted)
    return fail(ErrorCode::k_invalid_input, review.ref + " is deleted; restore it first");
  if (is_held(review))
    return util::fail_field(ErrorCode::k_conflict,
                            review.ref + " is already " + review.status +
                                "; its inputs are frozen and cannot be taken again",
                            "status");
  if (review.text("date").empty())
    return util::fail_field(ErrorCode::k_invalid_input, review.ref + " has no date", "date");
  return {};
}

IsmsRecord held(IsmsRecord review) {
  review.status = "held";
  return review;
}

Result<IsmsRecord> review_action(const IsmsRecord& review, const std::string& title,
                                 const std::string& owner, const std::string& due,
                                 const std::string& description) {
  auto t = util::trim(title);
  if (t.empty())
    return util::fail_field(ErrorCode::k_invalid_input, "an action needs a title", "title");
  if (util::trim(due).empty())
    return util::fail_field(ErrorCode::k_invalid_input, "an action needs a due date (--due)",
                            "due");
  if (auto d = check_date("due", util::trim(due)); !d) {
    auto e = d.error();
    e.field = "due";
    return std::unexpected(e);
  }
  IsmsRecord a;
  a.register_key = "actions";
  a.organization = review.organization;
  a.title = t;
  a.owner = util::trim(owner);
  a.status = "open";
  a.fields["type"] = std::string("review-output");
  a.fields["due"] = std::string(util::trim(due));
  if (!util::trim(description).empty()) a.fields["description"] = std::string(description);
  a.links.push_back(IsmsLink{"record", "reviews/" + review.ref});
  return a;
}

}  // namespace cyberframe::core
