// What the ISMS has due: the registers' own dates (core::record_due_items), the documents past
// their review date and the objectives off track, in one list.
#include <map>

#include "core/document.hpp"
#include "core/measurement.hpp"
#include "util/date.hpp"
#include "workspace/documents.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurements.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

namespace {

Result<std::vector<core::IsmsRecord>> live_records(Workspace& ws, std::int64_t organization,
                                                   const std::string& reg) {
  core::IsmsQuery query;
  query.slice = util::Slice::all();
  auto page = list_records(ws, organization, reg, query);
  if (!page) return std::unexpected(page.error());
  return std::move(page->items);
}

}  // namespace

Result<std::vector<core::DueItem>> isms_due(Workspace& ws, std::int64_t organization,
                                            std::string today) {
  if (today.empty()) today = util::today_utc();
  if (!util::day_number(today))
    return util::fail(util::ErrorCode::k_invalid_input,
                      "today: '" + today.substr(0, 40) + "' is not a date (YYYY-MM-DD)");
  std::vector<core::IsmsRecord> records;
  for (const char* reg : {"competence", "obligations", "awareness", "changes", "scope"}) {
    auto some = live_records(ws, organization, reg);
    if (!some) return std::unexpected(some.error());
    records.insert(records.end(), some->begin(), some->end());
  }
  auto items = core::record_due_items(records, today);

  core::DocumentQuery overdue;
  overdue.overdue = true;
  overdue.today = today;
  overdue.slice = util::Slice::all();
  auto documents = list_documents(ws, organization, overdue);
  if (!documents) return std::unexpected(documents.error());
  for (const auto& d : documents->items) items.push_back(core::document_due_item(d, today));

  auto objectives = live_records(ws, organization, "objectives");
  if (!objectives) return std::unexpected(objectives.error());
  std::map<std::string, const core::IsmsRecord*> by_ref;
  for (const auto& o : *objectives) by_ref[o.ref] = &o;
  auto progress = objectives_progress(ws, organization, today);
  if (!progress) return std::unexpected(progress.error());
  for (const auto& p : *progress) {
    if (p.progress != core::Progress::k_off_track) continue;
    auto it = by_ref.find(p.objective);
    items.push_back(core::objective_due_item(p, it == by_ref.end() ? nullptr : it->second, today));
  }
  core::sort_due_items(items);
  return items;
}

}  // namespace cyberframe::workspace
