#include "core/readiness.hpp"

#include <algorithm>
#include <functional>

#include "util/date.hpp"
#include "util/text.hpp"

namespace cyberframe::core {

namespace {

// A rule's findings as it goes: evidence, the gaps that make it partial and the absences that make
// it missing.
struct Check {
  RequirementReadiness r;
  bool absent = false;
  void evidence(std::string kind, std::string ref, std::string title, std::string state) {
    r.evidence.push_back({std::move(kind), std::move(ref), std::move(title), std::move(state)});
  }
  void record(const IsmsRecord& rec, std::string state = "") {
    if (state.empty()) {
      state = rec.status;
      if (rec.approved_revision > 0 || rec.revision > 1) {
        state += (state.empty() ? "" : " ") + std::string("r") + std::to_string(rec.revision);
        if (!rec.approved()) state += " (not approved)";
      }
    }
    evidence(rec.register_key, rec.ref, rec.title, state);
  }
  // Something wrong with the evidence: partial.
  // "d: ..." names the requirement's item: "6.1.3 d: ...".
  void gap(const std::string& sentence) {
    bool item = sentence.size() > 3 && sentence[0] >= 'a' && sentence[0] <= 'j' &&
                sentence[1] == ':' && sentence[2] == ' ';
    r.missing.push_back(r.clause + (item ? " " : ": ") + sentence);
  }
  // No evidence an auditor accepts: missing.
  void none(const std::string& sentence) {
    absent = true;
    gap(sentence);
  }
  RequirementReadiness done() {
    r.status = absent              ? ReadinessStatus::k_missing
               : r.missing.empty() ? ReadinessStatus::k_met
                                   : ReadinessStatus::k_partial;
    return std::move(r);
  }
};

std::string plural(std::size_t n, const std::string& one, const std::string& many = "") {
  return std::to_string(n) + " " + (n == 1 ? one : (many.empty() ? one + "s" : many));
}

std::string refs_text(const std::vector<std::string>& refs) {
  if (refs.size() <= 5) return util::join(refs, ", ");
  std::vector<std::string> some(refs.begin(), refs.begin() + 5);
  return util::join(some, ", ") + ", ...";
}

bool is_date(std::string_view d) {
  return util::day_number(d).has_value();
}
// `date` lies before `today`.
bool before(std::string_view date, std::string_view today) {
  auto d = util::day_number(date), t = util::day_number(today);
  return d && t && *d < *t;
}
// `date` lies within the last k_readiness_months months of `today` (and not after it).
bool within_period(std::string_view date, std::string_view today) {
  auto start = util::add_months(today, -k_readiness_months);
  auto d = util::day_number(date), t = util::day_number(today);
  if (!start || !d || !t) return false;
  return *d >= *util::day_number(*start) && *d <= *t;
}
std::string ago(std::string_view date, std::string_view today) {
  int m = months_between(date, today);
  if (m >= 1) return plural(static_cast<std::size_t>(m), "month") + " ago";
  auto d = util::day_number(date), t = util::day_number(today);
  return plural(static_cast<std::size_t>(d && t && *t > *d ? *t - *d : 0), "day") + " ago";
}

std::vector<const IsmsRecord*> where(const std::vector<IsmsRecord>& records,
                                     const std::function<bool(const IsmsRecord&)>& keep) {
  std::vector<const IsmsRecord*> out;
  for (const auto& r : records)
    if (keep(r)) out.push_back(&r);
  return out;
}

bool retired(const IsmsRecord& r) {
  return r.status == "retired" || r.status == "cancelled" || r.status == "abandoned";
}

// --- clause 4
// -------------------------------------------------------------------------------------

RequirementReadiness context_4_1(Check c, const ReadinessFacts& f) {
  std::size_t internal = 0, external = 0;
  const IsmsRecord* climate = nullptr;
  for (const auto& r : f.of("context")) {
    if (r.text("type") == "climate-change") {
      climate = &r;
      c.record(r, "climate change: relevant " +
                      (r.text("relevant").empty() ? std::string("?") : r.text("relevant")));
      continue;
    }
    if (r.status == "closed") continue;
    c.record(r, r.status + (r.text("category").empty() ? "" : ", " + r.text("category")));
    (r.text("category") == "internal" ? internal : external)++;
  }
  if (internal + external == 0)
    c.none("no internal or external issue recorded (register context)");
  else {
    if (internal == 0) c.gap("no internal issue recorded");
    if (external == 0) c.gap("no external issue recorded");
  }
  if (!climate) c.gap("climate change not determined as relevant or not (Amd 1:2024)");
  return c.done();
}

RequirementReadiness parties_4_2(Check c, const ReadinessFacts& f) {
  auto parties = where(f.of("interested-parties"), [](auto& r) { return r.status != "inactive"; });
  for (auto* p : parties) c.record(*p);
  std::set<std::string> with_requirements;
  std::vector<std::string> unaddressed;
  for (const auto& r : f.of("requirements")) {
    if (r.status == "retired") continue;
    c.record(r, r.status + ", addressed " + r.text("addressed"));
    with_requirements.insert(util::caseless_key(r.text("party")));
    if (r.text("addressed") == "no") unaddressed.push_back(r.ref);
  }
  std::vector<std::string> late;
  for (const auto& o : f.of("obligations")) {
    if (o.status == "retired") continue;
    c.record(o);
    if (before(o.text("next_review"), f.today)) late.push_back(o.ref);
  }
  if (parties.empty()) {
    c.none("no interested party recorded");
    return c.done();
  }
  std::vector<std::string> silent;
  for (auto* p : parties)
    if (!with_requirements.contains(util::caseless_key(p->ref))) silent.push_back(p->ref);
  if (with_requirements.empty())
    c.none("no requirement of an interested party recorded");
  else if (!silent.empty())
    c.gap(plural(silent.size(), "interested party", "interested parties") +
          " without a requirement (" + refs_text(silent) + ")");
  if (!unaddressed.empty())
    c.gap(plural(unaddressed.size(), "requirement") + " not addressed (" + refs_text(unaddressed) +
          ")");
  if (!late.empty())
    c.gap(plural(late.size(), "obligation") + " past its review date (" + refs_text(late) + ")");
  return c.done();
}

const IsmsRecord* approved_scope(const ReadinessFacts& f) {
  for (const auto& s : f.of("scope"))
    if (s.status != "retired" && s.approved()) return &s;
  return nullptr;
}

RequirementReadiness scope_4_3(Check c, const ReadinessFacts& f) {
  auto live = where(f.of("scope"), [](auto& r) { return r.status != "retired"; });
  for (auto* s : live) c.record(*s);
  if (live.empty()) {
    c.none("no scope statement recorded (register scope)");
    return c.done();
  }
  for (auto* s : live) {
    if (s->approved()) continue;
    std::string what =
        s->ref + " revision " + std::to_string(s->revision) + " " + s->status + " not approved";
    if (s->approved_revision > 0)
      c.gap(what + " (revision " + std::to_string(s->approved_revision) + " was)");
    else if (!approved_scope(f))
      c.none(what);
    else
      c.gap(what);
  }
  return c.done();
}

RequirementReadiness isms_4_4(Check c, const ReadinessFacts& f) {
  auto scope = approved_scope(f);
  if (scope) c.record(*scope);
  auto processes = where(f.of("processes"), [](auto& r) {
    return r.text("kind") == "process" && r.status == "operating";
  });
  for (auto* p : processes) c.record(*p);
  auto improvements = where(f.of("improvements"), [](auto& r) { return r.status != "rejected"; });
  for (auto* i : improvements) c.record(*i);
  if (!scope && processes.empty()) {
    c.none("no approved scope and no operating process of the ISMS");
    return c.done();
  }
  if (!scope) c.gap("the scope of the ISMS is not approved");
  if (processes.empty()) c.gap("no process of the ISMS is operating (register processes)");
  if (improvements.empty()) c.gap("no continual improvement recorded (register improvements)");
  return c.done();
}

// --- clause 5
// -------------------------------------------------------------------------------------

const IsmsRecord* latest_held_review(const ReadinessFacts& f) {
  const IsmsRecord* best = nullptr;
  for (const auto& r : f.of("reviews")) {
    if (r.status != "held" && r.status != "closed") continue;
    if (!is_date(r.text("date"))) continue;
    if (!best || r.text("date") > best->text("date")) best = &r;
  }
  return best;
}

std::vector<const IsmsRecord*> top_policies(const ReadinessFacts& f) {
  return where(f.of("policies"),
               [](auto& r) { return r.status != "retired" && r.text("level") == "top-level"; });
}

RequirementReadiness leadership_5_1(Check c, const ReadinessFacts& f) {
  auto policies = top_policies(f);
  bool approved_policy = false;
  for (auto* p : policies) {
    c.record(*p);
    approved_policy = approved_policy || p->approved();
  }
  auto resources = where(f.of("resources"), [](auto& r) { return r.status == "available"; });
  for (auto* r : resources) c.record(*r);
  auto review = latest_held_review(f);
  if (review) c.record(*review, review->status + " " + review->text("date"));
  if (!approved_policy && resources.empty() && !review) {
    c.none(
        "no evidence of top management's commitment: no approved policy, no resources "
        "available, no management review held");
    return c.done();
  }
  if (!approved_policy) c.gap("no approved information security policy");
  if (resources.empty()) c.gap("no resource recorded as available (register resources)");
  if (!review) c.gap("top management has held no management review");
  return c.done();
}

const Document* find_document(const ReadinessFacts& f, std::string_view ref) {
  for (const auto& d : f.documents)
    if (util::caseless_key(d.ref) == util::caseless_key(ref)) return &d;
  return nullptr;
}

std::string document_state(const Document& d) {
  std::string s(to_string(state_of(d)));
  if (!d.next_review.empty() && published_version(d)) s += ", review due " + d.next_review;
  return s;
}

RequirementReadiness policy_5_2(Check c, const ReadinessFacts& f) {
  auto policies = top_policies(f);
  if (policies.empty()) {
    c.none("no top-level information security policy (register policies, level top-level)");
    return c.done();
  }
  bool any_approved = false;
  for (auto* p : policies) {
    c.record(*p);
    if (p->approved()) any_approved = true;
  }
  for (auto* p : policies) {
    if (!p->approved())
      c.gap(p->ref + " revision " + std::to_string(p->revision) + " " + p->status +
            " not approved");
    auto ref = p->text("document");
    if (ref.empty()) {
      c.gap(p->ref + " is not published as a document (field document)");
      continue;
    }
    auto* d = find_document(f, ref);
    if (!d) {
      c.gap(p->ref + ": document " + ref + " not found");
      continue;
    }
    c.evidence("document", d->ref, d->title, document_state(*d));
    if (!published_version(*d))
      c.gap(p->ref + ": document " + d->ref + " is not published (" +
            std::string(to_string(state_of(*d))) + ")");
    else if (overdue_for_review(*d, f.today))
      c.gap(p->ref + ": document " + d->ref + " past its review date " + d->next_review);
  }
  if (!any_approved) c.absent = true;
  return c.done();
}

RequirementReadiness roles_5_3(Check c, const ReadinessFacts& f) {
  auto roles = where(f.of("roles"), [](auto& r) { return r.status != "retired"; });
  if (roles.empty()) {
    c.none("no role recorded (register roles)");
    return c.done();
  }
  std::vector<std::string> vacant;
  for (auto* r : roles) {
    c.record(
        *r, r->status + (r->list("holders").empty() ? ", no holder"
                                                    : ", " + util::join(r->list("holders"), "; ")));
    if (r->list("holders").empty()) vacant.push_back(r->ref);
  }
  if (!vacant.empty())
    c.gap(plural(vacant.size(), "role") + " without a holder (" + refs_text(vacant) + ")");
  auto raci = raci_matrix(f.of("roles"));
  bool any_raci = false;
  for (auto* r : roles) any_raci = any_raci || !r->list("raci").empty();
  if (!any_raci)
    c.gap("no RACI assigns the ISMS's processes");
  else
    for (const auto& w : raci.warnings) c.gap("RACI: " + w);
  return c.done();
}

// --- clause 6
// -------------------------------------------------------------------------------------

RequirementReadiness general_6_1_1(Check c, const ReadinessFacts& f) {
  auto issues = where(f.of("context"), [](auto& r) {
    return r.text("type") != "climate-change" && r.status != "closed";
  });
  for (auto* i : issues) c.record(*i);
  if (f.risk.risks > 0)
    c.evidence("risk-register", "risks", "Risk register", plural(f.risk.risks, "open risk"));
  auto opportunities = where(f.of("improvements"), [](auto& r) { return r.status != "rejected"; });
  for (auto* o : opportunities) c.record(*o);
  if (f.risk.risks == 0) {
    c.none("no risk determined (risk register empty)");
    return c.done();
  }
  if (issues.empty()) c.gap("the risks are not drawn from recorded issues (register context)");
  if (opportunities.empty()) c.gap("no opportunity recorded (register improvements)");
  return c.done();
}

RequirementReadiness assessment_6_1_2(Check c, const ReadinessFacts& f) {
  const auto& r = f.risk;
  if (!r.criteria.empty())
    c.evidence("criteria", r.criteria, "Risk criteria",
               r.assessment_criteria ? "with assessment criteria" : "no assessment criteria");
  if (r.risks > 0)
    c.evidence("risk-register", "risks", "Risk register",
               plural(r.risks - r.unscored, "risk") + " assessed of " + std::to_string(r.risks));
  if (r.risks == 0 || r.risks == r.unscored) {
    c.none(r.risks == 0 ? "no risk assessed (risk register empty)" : "no risk is scored");
    return c.done();
  }
  if (!r.assessment_criteria)
    c.gap("the risk criteria " + r.criteria +
          " do not say when and how assessments are performed (6.1.2 a)");
  if (r.unscored > 0) c.gap(plural(r.unscored, "risk") + " not assessed (no score)");
  if (r.reviews_overdue > 0) c.gap(plural(r.reviews_overdue, "risk") + " past its review date");
  return c.done();
}

RequirementReadiness treatment_6_1_3(Check c, const ReadinessFacts& f) {
  const auto& r = f.risk;
  const RiskFacts::Soa* approved = nullptr;
  for (const auto& v : r.soa) {
    c.evidence("soa", "v" + std::to_string(v.number), "Statement of Applicability",
               v.approved ? "approved " + v.approved_at.substr(0, 10) : "draft");
    if (v.approved) approved = &v;
  }
  if (r.treated > 0)
    c.evidence("risk-register", "risks", "Risk treatment plans",
               plural(r.treated, "risk") + " with a treatment");
  if (r.soa.empty())
    c.none("d: no Statement of Applicability");
  else if (!r.soa.back().approved) {
    auto sentence = "d: SoA v" + std::to_string(r.soa.back().number) + " draft not approved";
    if (approved)
      c.gap(sentence);
    else
      c.none(sentence);
  }
  if (r.risks > 0 && r.treated == 0) c.none("e: no risk treatment plan (no risk has a treatment)");
  if (r.plans_unapproved > 0)
    c.gap("f: " + plural(r.plans_unapproved, "risk") +
          " above appetite without an approved treatment plan or acceptance");
  return c.done();
}

RequirementReadiness objectives_6_2(Check c, const ReadinessFacts& f) {
  auto objectives = where(f.of("objectives"), [](auto& r) { return !retired(r); });
  if (objectives.empty()) {
    c.none("no information security objective (register objectives)");
    return c.done();
  }
  std::map<std::string, const ObjectiveProgress*> progress;
  for (const auto& p : f.objectives) progress[p.objective] = &p;
  std::vector<std::string> unmeasured, off, nodata;
  for (auto* o : objectives) {
    auto it = progress.find(o->ref);
    std::string state = o->status;
    if (it != progress.end()) state += ", " + std::string(to_string(it->second->progress));
    c.record(*o, state);
    if (o->text("measurement").empty()) {
      unmeasured.push_back(o->ref);
      continue;
    }
    if (it == progress.end()) continue;
    if (it->second->progress == Progress::k_off_track) off.push_back(o->ref);
    if (it->second->progress == Progress::k_no_data && o->status != "achieved")
      nodata.push_back(o->ref);
  }
  if (unmeasured.size() == objectives.size())
    c.none("no objective is measured (field measurement)");
  else if (!unmeasured.empty())
    c.gap(plural(unmeasured.size(), "objective") + " without a measurement (" +
          refs_text(unmeasured) + ")");
  if (!off.empty()) c.gap(plural(off.size(), "objective") + " off track (" + refs_text(off) + ")");
  if (!nodata.empty())
    c.gap(plural(nodata.size(), "objective") + " without a measured value (" + refs_text(nodata) +
          ")");
  return c.done();
}

RequirementReadiness changes_6_3(Check c, const ReadinessFacts& f) {
  auto changes = where(f.of("changes"), [](auto& r) { return r.status != "cancelled"; });
  if (changes.empty()) {
    c.none("no change to the ISMS planned or recorded (register changes)");
    return c.done();
  }
  std::vector<std::string> late, unplanned;
  for (auto* ch : changes) {
    c.record(*ch,
             ch->status + (ch->text("planned").empty() ? "" : ", planned " + ch->text("planned")));
    if (ch->status == "done") continue;
    if (before(ch->text("planned"), f.today)) late.push_back(ch->ref);
    if (ch->text("responsible").empty() && ch->owner.empty()) unplanned.push_back(ch->ref);
  }
  if (!late.empty())
    c.gap(plural(late.size(), "change") + " past its planned date (" + refs_text(late) + ")");
  if (!unplanned.empty())
    c.gap(plural(unplanned.size(), "change") + " without anyone responsible (" +
          refs_text(unplanned) + ")");
  return c.done();
}

// --- clause 7
// -------------------------------------------------------------------------------------

RequirementReadiness resources_7_1(Check c, const ReadinessFacts& f) {
  auto live = where(f.of("resources"), [](auto& r) { return r.status != "retired"; });
  std::vector<std::string> planned;
  for (auto* r : live) {
    c.record(*r, r->status + ", " + r->text("type"));
    if (r->status != "available") planned.push_back(r->ref);
  }
  if (live.size() == planned.size()) {
    c.none(live.empty() ? "no resource determined (register resources)"
                        : "no resource is available yet");
    return c.done();
  }
  if (!planned.empty())
    c.gap(plural(planned.size(), "resource") + " not yet available (" + refs_text(planned) + ")");
  return c.done();
}

RequirementReadiness competence_7_2(Check c, const ReadinessFacts& f) {
  // Who has competence evidence: by person, caseless.
  std::set<std::string> evidenced;
  std::vector<std::string> late, gaps;
  for (const auto& r : f.of("competence")) {
    c.record(r, r.status + ", " + r.text("person"));
    if (before(r.text("next_review"), f.today)) late.push_back(r.ref);
    if (r.status == "gap") gaps.push_back(r.ref);
    if (r.status == "competent" && !r.text("evidence").empty())
      evidenced.insert(util::caseless_key(r.text("person")));
  }
  auto roles = where(f.of("roles"), [](auto& r) { return r.status != "retired"; });
  std::vector<std::string> without;
  std::size_t holders = 0;
  for (auto* role : roles) {
    bool all = true;
    for (const auto& h : role->list("holders")) {
      ++holders;
      if (!evidenced.contains(util::caseless_key(h))) all = false;
    }
    if (!all) without.push_back(role->ref);
  }
  if (f.of("competence").empty() || (holders > 0 && without.size() == roles.size()) ||
      evidenced.empty()) {
    c.none(f.of("competence").empty()
               ? "no competence recorded (register competence)"
               : plural(without.size(), "role") + " without competence evidence (" +
                     refs_text(without) + ")");
    return c.done();
  }
  if (!without.empty())
    c.gap(plural(without.size(), "role") + " without competence evidence (" + refs_text(without) +
          ")");
  if (!gaps.empty())
    c.gap(plural(gaps.size(), "competence gap") + " open (" + refs_text(gaps) + ")");
  if (!late.empty())
    c.gap(plural(late.size(), "competence review") + " past its date (" + refs_text(late) + ")");
  return c.done();
}

RequirementReadiness awareness_7_3(Check c, const ReadinessFacts& f) {
  auto live = where(f.of("awareness"), [](auto& r) { return r.status != "cancelled"; });
  std::vector<std::string> late;
  std::size_t delivered = 0;
  for (auto* a : live) {
    auto pct = completion_percent(*a);
    c.record(*a, a->status + (pct ? ", " + std::to_string(*pct) + " % completed" : ""));
    if (a->status == "running" || a->status == "completed") ++delivered;
    if (a->status != "completed" && before(a->text("due"), f.today) && (!pct || *pct < 100))
      late.push_back(a->ref);
  }
  if (live.empty() || delivered == 0) {
    c.none(live.empty() ? "no awareness programme (register awareness)"
                        : "no awareness programme running or completed");
    return c.done();
  }
  if (!late.empty())
    c.gap(plural(late.size(), "awareness programme") + " late and incomplete (" + refs_text(late) +
          ")");
  return c.done();
}

RequirementReadiness communication_7_4(Check c, const ReadinessFacts& f) {
  auto live = where(f.of("communication"), [](auto& r) { return r.status != "retired"; });
  if (live.empty()) {
    c.none("no communication plan (register communication)");
    return c.done();
  }
  std::vector<std::string> incomplete;
  for (auto* m : live) {
    c.record(*m);
    for (const char* k : {"when", "with_whom", "communicator", "channel"})
      if (m->text(k).empty()) {
        incomplete.push_back(m->ref);
        break;
      }
  }
  if (!incomplete.empty())
    c.gap(plural(incomplete.size(), "communication") +
          " without when, with whom, who or how (7.4 b-e: " + refs_text(incomplete) + ")");
  return c.done();
}

std::vector<const Document*> published(const ReadinessFacts& f) {
  std::vector<const Document*> out;
  for (const auto& d : f.documents)
    if (!d.retired && published_version(d)) out.push_back(&d);
  return out;
}

RequirementReadiness documents_7_5_1(Check c, const ReadinessFacts& f) {
  auto docs = published(f);
  for (auto* d : docs) c.evidence("document", d->ref, d->title, document_state(*d));
  if (docs.empty()) {
    c.none("no published document (documented information)");
    return c.done();
  }
  bool policy = false, scope_doc = false;
  for (auto* d : docs) policy = policy || d->type == DocumentType::k_policy;
  for (const auto& s : f.of("scope")) scope_doc = scope_doc || s.approved();
  if (!policy) c.gap("no published policy document");
  if (!scope_doc) c.gap("the scope is not documented as approved (register scope)");
  return c.done();
}

RequirementReadiness documents_7_5_2(Check c, const ReadinessFacts& f) {
  std::vector<std::string> unreviewed, never;
  std::size_t approved = 0;
  for (const auto& d : f.documents) {
    if (d.retired) continue;
    auto* v = published_version(d);
    c.evidence("document", d.ref, d.title,
               v ? "v" + std::to_string(v->number) + " approved by " +
                       (v->approver.empty() ? std::string("?") : v->approver)
                 : std::string(to_string(state_of(d))));
    if (!v) {
      never.push_back(d.ref);
      continue;
    }
    ++approved;
    if (v->approver.empty()) unreviewed.push_back(d.ref);
  }
  if (approved == 0) {
    c.none(f.documents.empty() ? "no document (documented information)"
                               : "no document reviewed and approved");
    return c.done();
  }
  if (!unreviewed.empty())
    c.gap(plural(unreviewed.size(), "published document") + " without its approver (" +
          refs_text(unreviewed) + ")");
  if (!never.empty())
    c.gap(plural(never.size(), "document") + " never published (" + refs_text(never) + ")");
  return c.done();
}

RequirementReadiness documents_7_5_3(Check c, const ReadinessFacts& f) {
  auto docs = published(f);
  std::vector<std::string> overdue, undistributed;
  for (auto* d : docs) {
    c.evidence("document", d->ref, d->title, document_state(*d));
    if (overdue_for_review(*d, f.today)) overdue.push_back(d->ref);
    if (d->distribution.empty()) undistributed.push_back(d->ref);
  }
  if (docs.empty()) {
    c.none("no published document under control");
    return c.done();
  }
  if (!overdue.empty())
    c.gap(plural(overdue.size(), "document") + " past its review date (" + refs_text(overdue) +
          ")");
  if (!undistributed.empty())
    c.gap(plural(undistributed.size(), "document") + " without a distribution (" +
          refs_text(undistributed) + ")");
  return c.done();
}

// --- clause 8
// -------------------------------------------------------------------------------------

RequirementReadiness operation_8_1(Check c, const ReadinessFacts& f) {
  auto live = where(f.of("processes"), [](auto& r) { return r.status != "retired"; });
  std::vector<std::string> ownerless, no_criteria, no_provider;
  std::size_t operating = 0;
  for (auto* p : live) {
    c.record(*p,
             p->status + ", " + p->text("kind") +
                 (p->text("externally_provided") == "yes" ? ", provided by " + p->text("provider")
                                                          : ""));
    if (p->status == "operating") ++operating;
    if (util::trim(p->owner).empty()) ownerless.push_back(p->ref);
    if (p->text("criteria").empty()) no_criteria.push_back(p->ref);
    if (p->text("externally_provided") == "yes" && p->text("provider").empty())
      no_provider.push_back(p->ref);
  }
  if (live.empty() || operating == 0) {
    c.none(live.empty() ? "no process or planned control recorded (register processes)"
                        : "no process is operating");
    return c.done();
  }
  if (!ownerless.empty())
    c.gap(plural(ownerless.size(), "process", "processes") + " without an owner (" +
          refs_text(ownerless) + ")");
  if (!no_criteria.empty())
    c.gap(plural(no_criteria.size(), "process", "processes") + " without criteria (" +
          refs_text(no_criteria) + ")");
  if (!no_provider.empty())
    c.gap(
        plural(no_provider.size(), "externally provided process", "externally provided processes") +
        " without its provider (" + refs_text(no_provider) + ")");
  return c.done();
}

RequirementReadiness reassessment_8_2(Check c, const ReadinessFacts& f) {
  const IsmsRecord* last = nullptr;  // the newest planned-interval one performed
  std::vector<std::string> overdue, no_results;
  for (const auto& r : f.of("reassessments")) {
    if (r.status == "cancelled") continue;
    bool done = r.status == "completed";
    c.record(r, r.status + ", " + r.text("trigger") +
                    (done ? ", performed " + r.text("performed") : ", due " + r.text("due")));
    if (!done && before(r.text("due"), f.today)) overdue.push_back(r.ref);
    if (done && r.text("results").empty()) no_results.push_back(r.ref);
    if (done && r.text("trigger") == "planned-interval" && is_date(r.text("performed")) &&
        (!last || r.text("performed") > last->text("performed")))
      last = &r;
  }
  if (!last)
    c.none("no risk assessment performed at planned intervals (register reassessments)");
  else if (!within_period(last->text("performed"), f.today))
    c.none("last planned-interval risk assessment " + last->ref + " performed " +
           ago(last->text("performed"), f.today) + " (at most " +
           std::to_string(k_readiness_months) + ")");
  if (!overdue.empty())
    c.gap(plural(overdue.size(), "risk assessment") + " overdue (" + refs_text(overdue) + ")");
  if (!no_results.empty())
    c.gap(plural(no_results.size(), "completed risk assessment") + " without its results (" +
          refs_text(no_results) + ")");
  return c.done();
}

RequirementReadiness treatment_8_3(Check c, const ReadinessFacts& f) {
  const auto& r = f.risk;
  if (r.treated > 0)
    c.evidence("risk-register", "risks", "Risk treatment plans",
               plural(r.treated, "risk") + " with a treatment");
  std::size_t results = 0;
  for (const auto& a : f.of("reassessments"))
    if (a.status == "completed" && !a.text("results").empty()) {
      c.record(a, "completed " + a.text("performed") + ", results retained");
      ++results;
    }
  if (r.treated == 0) {
    c.none("no risk treatment plan in operation (no risk has a treatment)");
    return c.done();
  }
  if (r.plans_unapproved > 0)
    c.gap(plural(r.plans_unapproved, "risk") + " above appetite without an approved plan");
  if (r.decisions_expired > 0) c.gap(plural(r.decisions_expired, "risk decision") + " expired");
  if (r.decisions_stale > 0)
    c.gap(plural(r.decisions_stale, "risk decision") + " stale (the risk changed since)");
  if (results == 0) c.gap("no results of the risk treatment retained (register reassessments)");
  return c.done();
}

// --- clause 9
// -------------------------------------------------------------------------------------

RequirementReadiness monitoring_9_1(Check c, const ReadinessFacts& f) {
  std::vector<std::string> stale, empty;
  std::size_t recent = 0;
  for (const auto& m : f.measurements) {
    c.evidence("measurements", m.ref, m.title,
               m.latest.empty() ? "no value" : "latest value " + m.latest);
    if (m.latest.empty()) {
      empty.push_back(m.ref);
      continue;
    }
    int days = period_days(m.frequency).value_or(92);
    auto l = util::day_number(m.latest), t = util::day_number(f.today);
    if (l && t && *t - *l > 2 * days)
      stale.push_back(m.ref);
    else
      ++recent;
  }
  if (f.measurements.empty() || recent == 0) {
    c.none(f.measurements.empty() ? "no measurement (register measurements)"
                                  : "no measurement has a recent value");
    return c.done();
  }
  if (!empty.empty())
    c.gap(plural(empty.size(), "measurement") + " without a value (" + refs_text(empty) + ")");
  if (!stale.empty())
    c.gap(plural(stale.size(), "measurement") + " without a value in its last two periods (" +
          refs_text(stale) + ")");
  return c.done();
}

// When an audit was reported: its report date, else the date it was performed.
std::string reported_on(const IsmsRecord& a) {
  return is_date(a.text("reported")) ? a.text("reported") : a.text("performed");
}

RequirementReadiness audit_9_2_1(Check c, const ReadinessFacts& f) {
  const IsmsRecord* last = nullptr;
  std::vector<std::string> late, no_conclusion;
  for (const auto& a : f.of("audits")) {
    if (a.status == "cancelled") continue;
    bool reported = a.status == "reported" || a.status == "closed";
    c.record(a, a.status +
                    (reported ? ", reported " + reported_on(a) : ", planned " + a.text("planned")));
    if (reported && is_date(reported_on(a)) && (!last || reported_on(a) > reported_on(*last)))
      last = &a;
    if (reported && a.text("conclusion").empty()) no_conclusion.push_back(a.ref);
    if (a.status == "planned" && before(a.text("planned"), f.today)) late.push_back(a.ref);
  }
  for (const auto& fi : f.of("findings")) c.record(fi, fi.status + ", " + fi.text("grade"));
  if (!last)
    c.none("no internal audit reported (register audits)");
  else if (!within_period(reported_on(*last), f.today))
    c.none("last internal audit " + last->ref + " reported " + ago(reported_on(*last), f.today));
  if (!no_conclusion.empty())
    c.gap(plural(no_conclusion.size(), "reported audit") + " without a conclusion (" +
          refs_text(no_conclusion) + ")");
  if (!late.empty())
    c.gap(plural(late.size(), "planned audit") + " past its date (" + refs_text(late) + ")");
  return c.done();
}

RequirementReadiness programme_9_2_2(Check c, const ReadinessFacts& f) {
  const IsmsRecord* current = nullptr;
  const IsmsRecord* past = nullptr;  // the newest approved programme that no longer covers today
  std::vector<std::string> unapproved;
  for (const auto& p : f.of("audit-programmes")) {
    if (p.status == "retired") continue;
    c.record(p, (p.approved() ? "approved" : p.status) + std::string(", ") +
                    p.text("period_start") + " to " + p.text("period_end"));
    bool covers =
        !before(f.today, p.text("period_start")) && !before(p.text("period_end"), f.today);
    if (!p.approved()) {
      if (covers) unapproved.push_back(p.ref + " revision " + std::to_string(p.revision));
      continue;
    }
    if (covers)
      current = &p;
    else if (!past || p.text("period_end") > past->text("period_end"))
      past = &p;
  }
  if (!current) {
    // An approved programme that has run out is evidence of a programme, not of one in force.
    if (past && unapproved.empty())
      c.gap("no approved audit programme covers " + f.today + " (" + past->ref + " runs " +
            past->text("period_start") + " to " + past->text("period_end") + ")");
    else
      c.none(unapproved.empty() ? "no approved audit programme covering " + f.today
                                : "audit programme " + unapproved.front() + " not approved");
    return c.done();
  }
  for (const char* k : {"methods", "responsibilities", "reporting"})
    if (current->text(k).empty()) c.gap(current->ref + " does not state its " + std::string(k));
  std::size_t audits = 0;
  for (const auto& a : f.of("audits"))
    if (util::caseless_key(a.text("programme")) == util::caseless_key(current->ref) &&
        a.status != "cancelled")
      ++audits;
  if (audits == 0) c.gap(current->ref + " plans no audit");
  return c.done();
}

RequirementReadiness review_9_3_1(Check c, const ReadinessFacts& f) {
  auto held = latest_held_review(f);
  for (const auto& r : f.of("reviews")) c.record(r, r.status + " " + r.text("date"));
  if (!held)
    c.none("no management review held (register reviews)");
  else if (!within_period(held->text("date"), f.today))
    c.none("last management review " + held->ref + " " + ago(held->text("date"), f.today));
  else {
    bool next = false;
    for (const auto& r : f.of("reviews"))
      next = next || ((r.status == "planned" || r.status == "in-preparation") &&
                      !before(r.text("date"), f.today));
    if (!next) c.gap("no next management review planned");
  }
  return c.done();
}

RequirementReadiness review_9_3_2(Check c, const ReadinessFacts& f) {
  auto held = latest_held_review(f);
  for (const auto& fb : f.of("feedback")) c.record(fb);
  if (!held) {
    c.none("no management review held, so no inputs considered");
    return c.done();
  }
  bool frozen = f.reviews_with_inputs.contains(held->ref);
  c.record(*held, held->status + " " + held->text("date") +
                      (frozen ? ", inputs a-g retained" : ", inputs not retained"));
  if (!frozen) {
    // The review was held: its inputs are what is missing, not the review.
    if (held->text("agenda").empty() && held->text("minutes").empty())
      c.gap(held->ref + " retains no inputs (9.3.2 a-g), agenda or minutes");
    else
      c.gap(held->ref + " retains no frozen inputs 9.3.2 a-g (only its agenda or minutes)");
  }
  if (f.of("feedback").empty()) c.gap("e: no feedback from interested parties recorded");
  return c.done();
}

bool links_to(const IsmsRecord& r, std::string_view reg, std::string_view ref) {
  auto target = util::caseless_key(std::string(reg) + "/" + std::string(ref));
  for (const auto& l : r.links)
    if (l.kind == "record" && util::caseless_key(l.target) == target) return true;
  return false;
}

RequirementReadiness review_9_3_3(Check c, const ReadinessFacts& f) {
  auto held = latest_held_review(f);
  if (!held) {
    c.none("no management review held, so no decisions recorded");
    return c.done();
  }
  c.record(*held,
           held->status + " " + held->text("date") +
               (held->text("decisions").empty() ? ", no decisions" : ", decisions recorded"));
  std::vector<std::string> overdue;
  std::size_t outputs = 0;
  for (const auto& a : f.of("actions")) {
    if (a.text("type") != "review-output") continue;
    bool from_held = false;
    for (const auto& r : f.of("reviews"))
      if ((r.status == "held" || r.status == "closed") && links_to(a, "reviews", r.ref))
        from_held = true;
    if (!from_held) continue;
    ++outputs;
    c.record(a, a.status + ", due " + a.text("due"));
    if (a.status != "done" && a.status != "cancelled" && before(a.text("due"), f.today))
      overdue.push_back(a.ref);
  }
  if (held->text("decisions").empty()) c.gap(held->ref + " records no decisions (field decisions)");
  if (outputs == 0) c.gap("no action recorded as an output of a management review");
  if (!overdue.empty())
    c.gap(plural(overdue.size(), "review action") + " overdue (" + refs_text(overdue) + ")");
  return c.done();
}

// --- clause 10
// ------------------------------------------------------------------------------------

RequirementReadiness improvement_10_1(Check c, const ReadinessFacts& f) {
  std::size_t taken = 0;
  for (const auto& i : f.of("improvements")) {
    c.record(i);
    if (i.status == "accepted" || i.status == "implemented") ++taken;
  }
  for (const auto& a : f.of("actions"))
    if (a.text("type") == "improvement") {
      c.record(a, a.status + ", due " + a.text("due"));
      if (a.status == "done") ++taken;
    }
  if (f.of("improvements").empty()) {
    c.none("no improvement recorded (register improvements)");
    return c.done();
  }
  if (taken == 0) c.gap("no improvement accepted or implemented");
  return c.done();
}

RequirementReadiness nonconformity_10_2(Check c, const ReadinessFacts& f) {
  std::map<std::string, const IsmsRecord*> actions;
  for (const auto& a : f.of("actions")) actions[util::caseless_key(a.ref)] = &a;
  std::vector<std::string> overdue, no_cause, not_effective, no_action;
  std::set<std::string> seen_overdue;
  for (const auto& nc : f.of("nonconformities")) {
    c.record(nc);
    // Its corrective actions: the field's refs and the actions linking to it.
    std::vector<const IsmsRecord*> mine;
    for (const auto& ref : nc.list("actions")) {
      auto it = actions.find(util::caseless_key(ref));
      if (it != actions.end()) mine.push_back(it->second);
    }
    for (const auto& a : f.of("actions"))
      if (links_to(a, "nonconformities", nc.ref) &&
          std::find(mine.begin(), mine.end(), &a) == mine.end())
        mine.push_back(&a);
    for (auto* a : mine)
      if (a->status != "done" && a->status != "cancelled" && before(a->text("due"), f.today) &&
          seen_overdue.insert(a->ref).second)
        overdue.push_back(a->ref + " of " + nc.ref);
    if (nc.status == "closed") {
      if (nc.text("root_cause").empty()) no_cause.push_back(nc.ref);
      if (nc.text("effective") != "yes") not_effective.push_back(nc.ref);
    } else if ((nc.status == "action" || nc.status == "verification") && mine.empty()) {
      no_action.push_back(nc.ref);
    }
  }
  for (const auto& a : f.of("actions"))
    if (a.text("type") == "corrective") c.record(a, a.status + ", due " + a.text("due"));
  if (f.of("nonconformities").empty()) {
    c.none("no nonconformity recorded: the process of 10.2 has no evidence");
    return c.done();
  }
  if (!overdue.empty())
    c.gap(plural(overdue.size(), "corrective action") + " past due (" + refs_text(overdue) + ")");
  if (!no_cause.empty())
    c.gap(plural(no_cause.size(), "closed nonconformity", "closed nonconformities") +
          " without a root cause (" + refs_text(no_cause) + ")");
  if (!not_effective.empty())
    c.gap(plural(not_effective.size(), "closed nonconformity", "closed nonconformities") +
          " without an effective review (" + refs_text(not_effective) + ")");
  if (!no_action.empty())
    c.gap(plural(no_action.size(), "nonconformity", "nonconformities") +
          " in action without a corrective action (" + refs_text(no_action) + ")");
  return c.done();
}

using Rule = RequirementReadiness (*)(Check, const ReadinessFacts&);

const std::map<std::string, Rule>& rules() {
  static const std::map<std::string, Rule> k{
      {"4.1", context_4_1},       {"4.2", parties_4_2},       {"4.3", scope_4_3},
      {"4.4", isms_4_4},          {"5.1", leadership_5_1},    {"5.2", policy_5_2},
      {"5.3", roles_5_3},         {"6.1.1", general_6_1_1},   {"6.1.2", assessment_6_1_2},
      {"6.1.3", treatment_6_1_3}, {"6.2", objectives_6_2},    {"6.3", changes_6_3},
      {"7.1", resources_7_1},     {"7.2", competence_7_2},    {"7.3", awareness_7_3},
      {"7.4", communication_7_4}, {"7.5.1", documents_7_5_1}, {"7.5.2", documents_7_5_2},
      {"7.5.3", documents_7_5_3}, {"8.1", operation_8_1},     {"8.2", reassessment_8_2},
      {"8.3", treatment_8_3},     {"9.1", monitoring_9_1},    {"9.2.1", audit_9_2_1},
      {"9.2.2", programme_9_2_2}, {"9.3.1", review_9_3_1},    {"9.3.2", review_9_3_2},
      {"9.3.3", review_9_3_3},    {"10.1", improvement_10_1}, {"10.2", nonconformity_10_2},
  };
  return k;
}

}  // namespace

std::string_view to_string(ReadinessStatus s) {
  switch (s) {
    case ReadinessStatus::k_met:
      return "met";
    case ReadinessStatus::k_partial:
      return "partial";
    case ReadinessStatus::k_missing:
      return "missing";
  }
  return "missing";
}

const std::vector<IsmsRecord>& ReadinessFacts::of(std::string_view reg) const {
  static const std::vector<IsmsRecord> none;
  auto it = records.find(std::string(reg));
  return it == records.end() ? none : it->second;
}

const std::vector<RequirementClause>& readiness_clauses() {
  static const std::vector<RequirementClause> k{
      {"4.1", "Understanding the organization and its context"},
      {"4.2", "Understanding the needs and expectations of interested parties"},
      {"4.3", "Determining the scope of the information security management system"},
      {"4.4", "Information security management system"},
      {"5.1", "Leadership and commitment"},
      {"5.2", "Policy"},
      {"5.3", "Organizational roles, responsibilities and authorities"},
      {"6.1.1", "Actions to address risks and opportunities: general"},
      {"6.1.2", "Information security risk assessment"},
      {"6.1.3", "Information security risk treatment"},
      {"6.2", "Information security objectives and planning to achieve them"},
      {"6.3", "Planning of changes"},
      {"7.1", "Resources"},
      {"7.2", "Competence"},
      {"7.3", "Awareness"},
      {"7.4", "Communication"},
      {"7.5.1", "Documented information: general"},
      {"7.5.2", "Creating and updating"},
      {"7.5.3", "Control of documented information"},
      {"8.1", "Operational planning and control"},
      {"8.2", "Information security risk assessment"},
      {"8.3", "Information security risk treatment"},
      {"9.1", "Monitoring, measurement, analysis and evaluation"},
      {"9.2.1", "Internal audit: general"},
      {"9.2.2", "Internal audit programme"},
      {"9.3.1", "Management review: general"},
      {"9.3.2", "Management review inputs"},
      {"9.3.3", "Management review results"},
      {"10.1", "Continual improvement"},
      {"10.2", "Nonconformity and corrective action"},
  };
  return k;
}

RequirementReadiness assess_requirement(std::string_view clause, const ReadinessFacts& facts) {
  Check c;
  c.r.clause = std::string(clause);
  c.r.node = std::string(k_isms_framework) + ":" + c.r.clause;
  for (const auto& rc : readiness_clauses())
    if (rc.clause == clause) c.r.title = rc.title;
  auto it = rules().find(c.r.clause);
  if (it == rules().end()) {
    c.none("no rule");
    return c.done();
  }
  return it->second(std::move(c), facts);
}

Readiness assess_readiness(const ReadinessFacts& facts) {
  Readiness out;
  out.today = facts.today;
  for (const auto& rc : readiness_clauses()) {
    auto r = assess_requirement(rc.clause, facts);
    switch (r.status) {
      case ReadinessStatus::k_met:
        ++out.met;
        break;
      case ReadinessStatus::k_partial:
        ++out.partial;
        break;
      case ReadinessStatus::k_missing:
        ++out.missing;
        break;
    }
    out.requirements.push_back(std::move(r));
  }
  return out;
}

int months_between(std::string_view from, std::string_view to) {
  auto a = util::day_number(from), b = util::day_number(to);
  if (!a || !b || *a >= *b) return 0;
  int months = 0;
  while (months < 1200) {
    auto next = util::add_months(from, months + 1);
    if (!next || *util::day_number(*next) > *b) break;
    ++months;
  }
  return months;
}

}  // namespace cyberframe::core
