#include "core/isms_due.hpp"

#include <algorithm>
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
    }
  }
  return out;
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
