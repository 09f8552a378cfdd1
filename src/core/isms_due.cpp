#include "core/isms_due.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/document.hpp"
#include "core/measurement.hpp"
#include "util/date.hpp"

namespace cyberframe::core {

namespace {

bool before(std::string_view date, std::string_view today) {
  auto d = util::day_number(date);
  auto t = util::day_number(today);
  return d && t && *d < *t;
}

std::string plural(std::int64_t n, std::string_view one) {
  return std::to_string(n) + " " + std::string(one) + (n == 1 ? "" : "s");
}

DueItem item(std::string kind, std::string register_key, std::string ref, std::string title,
             std::string owner, std::string due, std::string_view today, std::string reason) {
  DueItem i;
  i.kind = std::move(kind);
  i.register_key = std::move(register_key);
  i.ref = std::move(ref);
  i.title = std::move(title);
  i.owner = std::move(owner);
  i.days_overdue = days_overdue(due, today);
  i.due = std::move(due);
  i.reason = std::move(reason);
  return i;
}

DueItem item(const IsmsRecord& r, std::string kind, std::string due, std::string_view today,
             std::string reason) {
  return item(std::move(kind), r.register_key, r.ref, r.title, r.owner, std::move(due), today,
              std::move(reason));
}

std::string late(std::string_view what, std::string_view due, std::string_view today) {
  return std::string(what) + " was due on " + std::string(due) + ", " +
         plural(days_overdue(due, today), "day") + " ago";
}

// Whether `date` falls before today + k_due_horizon_days (passed dates too).
bool within_horizon(std::string_view date, std::string_view today) {
  auto d = util::day_number(date);
  auto t = util::day_number(today);
  return d && t && *d <= *t + k_due_horizon_days;
}

// "was due on D, N days ago" for a passed date, "is due on D, in N days" (or "today") otherwise.
std::string when(std::string_view what, std::string_view verb, std::string_view date,
                 std::string_view today) {
  auto d = util::day_number(date);
  auto t = util::day_number(today);
  if (d && t && *d < *t) return late(what, date, today);
  std::string out = std::string(what) + " " + std::string(verb) + " on " + std::string(date);
  if (d && t) out += *d == *t ? ", today" : ", in " + plural(*d - *t, "day");
  return out;
}

bool action_open(const IsmsRecord& a) {
  return !a.deleted && a.status != "done" && a.status != "cancelled";
}

// The management review due: none held within the 12 months before today.
std::optional<DueItem> review_due_item(const std::vector<const IsmsRecord*>& reviews,
                                       std::string_view today) {
  auto t = util::day_number(today);
  if (!t) return std::nullopt;
  const IsmsRecord* last = nullptr;
  const IsmsRecord* next = nullptr;
  for (const auto* r : reviews) {
    auto date = r->text("date");
    if (r->status == "held" || r->status == "closed") {
      if (!last || date > last->text("date")) last = r;
    } else if (!next || date < next->text("date")) {
      next = r;
    }
  }
  std::string due;
  if (last) {
    auto held = last->text("date");
    if (auto next_due = util::add_months(held, 12)) due = *next_due;
    if (!due.empty() && util::day_number(due) && *util::day_number(due) > *t) return std::nullopt;
  }
  const IsmsRecord* on = next ? next : last;
  std::string reason = last ? "the last management review (" + last->ref + ") was held on " +
                                  last->text("date") + ", more than 12 months ago"
                            : std::string("no management review has been held");
  if (next)
    reason += "; " + next->ref + " is " + next->status +
              (next->text("date").empty() ? "" : " for " + next->text("date"));
  DueItem i;
  i.kind = "management-review";
  i.register_key = "reviews";
  i.ref = on ? on->ref : "";
  i.title = on ? on->title : "Management review (9.3)";
  i.owner = on ? on->owner : "";
  i.days_overdue = days_overdue(due, today);
  i.due = due;
  i.reason = std::move(reason);
  return i;
}

}  // namespace

std::int64_t days_overdue(std::string_view due, std::string_view today) {
  auto d = util::day_number(due);
  auto t = util::day_number(today);
  if (!d || !t || *t <= *d) return 0;
  return *t - *d;
}

std::vector<DueItem> record_due_items(const std::vector<IsmsRecord>& records,
                                      std::string_view today) {
  std::vector<DueItem> out;
  std::map<std::string, const IsmsRecord*> actions;  // by ref
  std::vector<const IsmsRecord*> reviews;
  for (const auto& r : records) {
    if (r.deleted) continue;
    if (r.register_key == "actions") actions[r.ref] = &r;
    if (r.register_key == "reviews") reviews.push_back(&r);
  }
  for (const auto& r : records) {
    if (r.deleted) continue;
    const auto& reg = r.register_key;
    if (reg == "competence" || (reg == "obligations" && r.status != "retired")) {
      auto next = r.text("next_review");
      if (before(next, today))
        out.push_back(item(r, reg == "competence" ? "competence-review" : "obligation-review", next,
                           today, late("its review", next, today)));
    } else if (reg == "awareness" && r.status != "completed" && r.status != "cancelled") {
      auto due = r.text("due");
      if (!before(due, today)) continue;
      std::int64_t targeted = 0, completed = 0;
      try {
        if (!r.text("targeted").empty()) targeted = std::stoll(r.text("targeted"));
        if (!r.text("completed").empty()) completed = std::stoll(r.text("completed"));
      } catch (const std::exception&) {
        // the register's rules keep these whole numbers; an unreadable one counts as none
      }
      if (targeted > 0 && completed >= targeted) continue;
      std::string reason = late("the programme", due, today);
      if (targeted > 0)
        reason += "; " + std::to_string(completed) + " of " + std::to_string(targeted) +
                  " completed (" + std::to_string(completed * 100 / targeted) + "%)";
      out.push_back(item(r, "awareness", due, today, std::move(reason)));
    } else if (reg == "changes" &&
               (r.status == "proposed" || r.status == "planned" || r.status == "in-progress")) {
      auto planned = r.text("planned");
      if (before(planned, today))
        out.push_back(item(r, "change", planned, today,
                           late("the change", planned, today) + " and it is " + r.status));
    } else if (reg == "scope" && !r.approved()) {
      out.push_back(
          item(r, "scope-approval", "", today,
               "revision " + std::to_string(r.revision) + " of the scope is not approved"));
    } else if (reg == "actions" && action_open(r)) {
      auto due = r.text("due");
      if (before(due, today))
        out.push_back(item(r, "action", due, today,
                           late("the action", due, today) + " and it is " + r.status));
    } else if (reg == "audits" && r.status == "planned") {
      auto planned = r.text("planned");
      if (!within_horizon(planned, today)) continue;
      auto i = item(r, "audit", planned, today, when("the audit", "is planned", planned, today));
      i.people = r.list("auditors");
      if (!r.text("lead").empty()) i.people.push_back(r.text("lead"));
      out.push_back(std::move(i));
    } else if (reg == "reassessments" && (r.status == "planned" || r.status == "in-progress")) {
      auto due = r.text("due");
      if (within_horizon(due, today))
        out.push_back(
            item(r, "reassessment", due, today,
                 when("the risk re-assessment", "is due", due, today) + " and it is " + r.status));
    } else if (reg == "nonconformities" && r.status != "closed") {
      // Its actions: the field's refs and the actions linking to it.
      auto listed = r.list("actions");
      std::set<std::string> refs(listed.begin(), listed.end());
      auto self = "nonconformities/" + r.ref;
      for (const auto& [ref, a] : actions)
        for (const auto& l : a->links)
          if (l.kind == "record" && l.target == self) refs.insert(ref);
      std::string earliest, late_ref;
      for (const auto& ref : refs) {
        auto it = actions.find(ref);
        if (it == actions.end() || !action_open(*it->second)) continue;
        auto due = it->second->text("due");
        if (before(due, today) && (earliest.empty() || due < earliest)) {
          earliest = due;
          late_ref = ref;
        }
      }
      if (!earliest.empty())
        out.push_back(item(r, "nonconformity", earliest, today,
                           "its action " + late_ref + " " + late("", earliest, today).substr(1) +
                               " and the nonconformity is " + r.status));
    }
  }
  if (auto review = review_due_item(reviews, today)) out.push_back(std::move(*review));
  return out;
}

std::optional<DueItem> decision_due_item(std::string_view kind, const std::string& expires,
                                         const std::string& risk_ref, const std::string& risk_title,
                                         const std::string& risk_owner, std::string_view today) {
  if (!within_horizon(expires, today)) return std::nullopt;
  std::string what = "the risk " + std::string(kind);
  auto reason = before(expires, today) ? what + " expired on " + expires + ", " +
                                             plural(days_overdue(expires, today), "day") + " ago"
                                       : when(what, "expires", expires, today);
  return item("risk-" + std::string(kind), "risks", risk_ref, risk_title, risk_owner, expires,
              today, std::move(reason));
}

DueItem acknowledgement_due_item(const Document& d, int version,
                                 const std::vector<std::string>& persons, std::size_t distribution,
                                 std::string_view today) {
  // One item per document, not one per person: the owner sees who is still to read it, and each
  // of them finds it in their own work (people).
  std::string names;
  for (std::size_t i = 0; i < persons.size() && i < 5; ++i) names += (i ? ", " : "") + persons[i];
  if (persons.size() > 5) names += " and " + std::to_string(persons.size() - 5) + " more";
  auto i = item("acknowledgement", "documents", d.ref, d.title, d.owner, "", today,
                std::to_string(persons.size()) + " of " + std::to_string(distribution) +
                    " persons of the distribution have not acknowledged version " +
                    std::to_string(version) + ": " + names);
  i.people = persons;
  return i;
}

DueItem document_due_item(const Document& d, std::string_view today) {
  return item("document-review", "documents", d.ref, d.title, d.owner, d.next_review, today,
              late("its review", d.next_review, today));
}

DueItem objective_due_item(const ObjectiveProgress& progress, const IsmsRecord* objective,
                           std::string_view today) {
  std::string due;
  if (objective && days_overdue(objective->text("due"), today) > 0) due = objective->text("due");
  return item("objective", "objectives", progress.objective, objective ? objective->title : "",
              objective ? objective->owner : "", std::move(due), today, progress.reason);
}

void sort_due_items(std::vector<DueItem>& items) {
  std::stable_sort(items.begin(), items.end(), [](const DueItem& a, const DueItem& b) {
    return std::make_tuple(-a.days_overdue, a.register_key, a.ref) <
           std::make_tuple(-b.days_overdue, b.register_key, b.ref);
  });
}

}  // namespace cyberframe::core
