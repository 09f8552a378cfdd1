#include "workspace/isms.hpp"

#include <algorithm>
#include <set>

#include "exchange/isms_table.hpp"
#include "store/store.hpp"
#include "util/clock.hpp"
#include "util/text.hpp"
#include "workspace/documents.hpp"
#include "workspace/risks.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;
using util::fail_field;

namespace {

store::IsmsStore& repo(Workspace& ws, const std::string& actor = "") {
  if (!actor.empty()) ws.storage().set_actor(actor);
  return ws.storage().isms();
}

// Whether a live record of `reg` has the ref `ref`.
Result<bool> live(Workspace& ws, std::int64_t organization, const std::string& reg,
                  const std::string& ref) {
  auto found = repo(ws).live_refs(organization, reg, {ref});
  if (!found) return std::unexpected(found.error());
  return !found->empty();
}

// At most one live climate-change determination per organization: `r`, about to be live, is not
// a second one.
Result<void> one_determination(Workspace& ws, std::int64_t organization,
                               const core::IsmsRecord& r) {
  if (r.register_key != "context" || r.text("type") != "climate-change" || r.deleted) return {};
  // The store's text search holds every field's text: the records of that type are among these.
  core::IsmsQuery q;
  q.text = "climate-change";
  q.slice = util::Slice::all();
  auto found = repo(ws).records(organization, "context", q);
  if (!found) return std::unexpected(found.error());
  for (const auto& other : found->items)
    if (other.id != r.id && other.text("type") == "climate-change" &&
        (r.ref.empty() || util::caseless_key(other.ref) != util::caseless_key(r.ref)))
      return fail_field(ErrorCode::k_invalid_input,
                        "the organization already has a climate-change determination (" +
                            other.ref + "); edit that one",
                        "type");
  return {};
}

std::string person_key(const std::string& name) {
  return util::caseless_key(util::trim(name));
}

// The live records of `reg` whose text holds `needle` (the store's search), all of them.
Result<std::vector<core::IsmsRecord>> records_with(Workspace& ws, std::int64_t organization,
                                                   const std::string& reg,
                                                   const std::string& needle) {
  core::IsmsQuery q;
  q.text = needle;
  q.slice = util::Slice::all();
  auto found = repo(ws).records(organization, reg, q);
  if (!found) return std::unexpected(found.error());
  return std::move(found->items);
}

// The rules across records of clauses 8 to 10 (core::validate has checked each record alone):
// - a nonconformity's corrective actions (its `actions` field, the one place they are named)
//   are live records of the register actions; a closed one's actions are done or cancelled;
// - an audit's auditors and lead own none of the processes it audits (the process records'
//   `owner`, compared without regard to case and surrounding blanks), and those processes are
//   live records of the register processes;
// - and the other way round: a process's owner is not an auditor (or the lead) of an audit of it
//   that is not yet reported (planned or in progress): the owner is refused, not the audit
//   changed, since the audit was assigned first.
Result<void> operation_rules(Workspace& ws, std::int64_t organization, const core::IsmsRecord& r) {
  if (r.deleted) return {};
  if (r.register_key == "nonconformities") {
    for (const auto& ref : r.list("actions")) {
      auto action = repo(ws).record(organization, "actions", ref);
      if (!action || action->deleted) {
        if (!action && action.error().code != ErrorCode::k_not_found)
          return std::unexpected(action.error());
        return fail_field(ErrorCode::k_invalid_input,
                          "actions: no live action '" + ref.substr(0, 60) +
                              "' in the register actions of the organization",
                          "actions");
      }
      if (r.status == "closed" && action->status != "done" && action->status != "cancelled")
        return fail_field(
            ErrorCode::k_invalid_input,
            "actions: corrective action " + action->ref + " is " +
                (action->status.empty() ? std::string("without a status") : action->status) +
                "; a nonconformity is closed once its corrective actions are done",
            "actions");
    }
  }
  if (r.register_key == "audits") {
    std::vector<std::pair<std::string, std::string>> auditors;  // field, name
    for (const auto& a : r.list("auditors")) auditors.emplace_back("auditors", a);
    if (!r.text("lead").empty()) auditors.emplace_back("lead", r.text("lead"));
    for (const auto& ref : r.list("processes")) {
      auto process = repo(ws).record(organization, "processes", ref);
      if (!process || process->deleted) {
        if (!process && process.error().code != ErrorCode::k_not_found)
          return std::unexpected(process.error());
        return fail_field(ErrorCode::k_invalid_input,
                          "processes: no live process '" + ref.substr(0, 60) +
                              "' in the register processes of the organization",
                          "processes");
      }
      if (process->owner.empty()) continue;
      for (const auto& [field, name] : auditors)
        if (person_key(name) == person_key(process->owner))
          return fail_field(ErrorCode::k_invalid_input,
                            (field == "lead" ? "lead: the lead auditor " : "auditors: auditor ") +
                                util::trim(name) + " owns process " + process->ref + " (" +
                                process->title +
                                "); an auditor does not audit their own work (9.2.2)",
                            field);
    }
  }
  if (r.register_key == "processes" && !r.owner.empty() && !r.ref.empty()) {
    auto audits = records_with(ws, organization, "audits", r.ref);
    if (!audits) return std::unexpected(audits.error());
    for (const auto& audit : *audits) {
      if (audit.status != "planned" && audit.status != "in-progress" && !audit.status.empty())
        continue;
      const auto processes = audit.list("processes");
      if (std::none_of(processes.begin(), processes.end(), [&](const std::string& p) {
            return util::caseless_key(p) == util::caseless_key(r.ref);
          }))
        continue;
      auto names = audit.list("auditors");
      if (!audit.text("lead").empty()) names.push_back(audit.text("lead"));
      for (const auto& name : names)
        if (person_key(name) == person_key(r.owner))
          return fail_field(ErrorCode::k_invalid_input,
                            "owner: " + util::trim(r.owner) + " audits " + r.ref + " in " +
                                audit.ref + " (" + audit.title +
                                "); an auditor cannot own a process they audit: choose "
                                "another owner or change the audit's auditors first",
                            "owner");
    }
  }
  return {};
}

// The rules that need the catalog and the store: links and record-ref fields name what exists;
// one live climate-change determination.
Result<void> check_references(Workspace& ws, const core::Catalog& catalog,
                              std::int64_t organization, const core::RegisterSpec& spec,
                              const core::IsmsRecord& r,
                              const std::map<std::string, std::set<std::string>>& batch = {}) {
  auto in_batch = [&](const std::string& reg, const std::string& ref) {
    auto it = batch.find(reg);
    return it != batch.end() && it->second.contains(util::caseless_key(ref));
  };
  for (const auto& f : spec.fields) {
    if (f.kind != core::FieldKind::k_record) continue;
    auto ref = r.text(f.key);
    if (ref.empty() || in_batch(f.target, ref)) continue;
    if (spec.key == f.target && util::caseless_key(ref) == util::caseless_key(r.ref))
      return fail_field(ErrorCode::k_invalid_input, f.key + ": a record cannot name itself", f.key);
    auto ok = live(ws, organization, f.target, ref);
    if (!ok) return std::unexpected(ok.error());
    if (!*ok)
      return fail_field(ErrorCode::k_invalid_input,
                        f.key + ": no record '" + ref.substr(0, 60) + "' in the register " +
                            f.target + " of the organization",
                        f.key);
  }
  for (const auto& l : r.links) {
    auto bad = [&](const std::string& why) {
      return fail_field(ErrorCode::k_invalid_input,
                        "link " + core::to_string(l).substr(0, 100) + ": " + why, "links");
    };
    if (l.kind == "node") {
      auto colon = l.target.find(':');
      if (!catalog.node(l.target.substr(0, colon), l.target.substr(colon + 1)))
        return bad(
            "no such node of a framework in the catalog (FRAMEWORK:NODE, e.g. "
            "nist-csf-2.0:GV.PO-01)");
    } else if (l.kind == "risk") {
      auto risk = ws.storage().risks().risk(organization, l.target);
      if (!risk) {
        if (risk.error().code == ErrorCode::k_not_found)
          return bad("no risk of that ref in the organization");
        return std::unexpected(risk.error());
      }
    } else if (l.kind == "control") {
      if (catalog.node(k_annex_a, l.target)) continue;
      auto own = ws.storage().risks().control(organization, l.target);
      if (!own) {
        if (own.error().code == ErrorCode::k_not_found)
          return bad(
              "neither an Annex A control (A.5.1 ... A.8.34) nor one of the "
              "organization's own controls");
        return std::unexpected(own.error());
      }
    } else if (l.kind == "record") {
      auto slash = l.target.find('/');
      auto reg = l.target.substr(0, slash), ref = l.target.substr(slash + 1);
      if (in_batch(reg, ref)) continue;
      auto ok = live(ws, organization, reg, ref);
      if (!ok) return std::unexpected(ok.error());
      if (!*ok) return bad("no live record " + ref.substr(0, 60) + " in the register " + reg);
    } else if (l.kind == "document") {
      auto doc = find_document(ws, organization, l.target);
      if (!doc) {
        if (doc.error().code == ErrorCode::k_not_found)
          return bad("no live document " + l.target.substr(0, 60) + " in the organization");
        return std::unexpected(doc.error());
      }
    }
  }
  // A policy's document names a live document of the organization.
  if (auto doc = r.text("document"); spec.key == "policies" && !doc.empty()) {
    auto found = find_document(ws, organization, doc);
    if (!found) {
      if (found.error().code != ErrorCode::k_not_found) return std::unexpected(found.error());
      return fail_field(
          ErrorCode::k_invalid_input,
          "document: no live document '" + doc.substr(0, 60) + "' in the organization", "document");
    }
  }
  if (auto o = operation_rules(ws, organization, r); !o) return o;
  return one_determination(ws, organization, r);
}

Result<core::IsmsRecord> stored(Workspace& ws, std::int64_t organization, const std::string& reg,
                                const std::string& ref, std::int64_t expected_version,
                                bool include_deleted) {
  auto r = find_record(ws, organization, reg, ref, include_deleted);
  if (!r) return r;
  if (expected_version != 0 && r->version != expected_version)
    return fail(ErrorCode::k_conflict, reg + " " + r->ref + " was changed by " + r->updated_by +
                                           " at " + r->updated_at + " since you read it (version " +
                                           std::to_string(r->version) + ", you read version " +
                                           std::to_string(expected_version) +
                                           "); reload it and try again");
  return r;
}

}  // namespace

Result<const core::RegisterSpec*> isms_register(const std::string& key) {
  const auto* spec = core::find_register(key);
  if (!spec)
    return fail_field(
        ErrorCode::k_not_found,
        "no register '" + key.substr(0, 60) + "'; the registers are " + core::register_keys(),
        "register");
  return spec;
}

Result<std::map<std::string, std::size_t>> isms_counts(Workspace& ws, std::int64_t organization) {
  auto counts = repo(ws).counts(organization);
  if (!counts) return counts;
  std::map<std::string, std::size_t> out;
  for (const auto& spec : core::isms_registers()) {
    auto it = counts->find(spec.key);
    out[spec.key] = it == counts->end() ? 0 : it->second;
  }
  // Documented information (7.5) is its own aggregate: its live documents are counted here too.
  core::DocumentQuery live_documents;
  live_documents.slice = util::Slice{1, 0};
  auto documents = list_documents(ws, organization, live_documents);
  if (!documents) return std::unexpected(documents.error());
  out["documents"] = documents->total;
  return out;
}

Result<core::IsmsRecord> find_record(Workspace& ws, std::int64_t organization,
                                     const std::string& reg, const std::string& ref,
                                     bool include_deleted) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  auto r = repo(ws).record(organization, reg, ref);
  if (!r) return r;
  if (r->deleted && !include_deleted)
    return fail(ErrorCode::k_not_found,
                reg + " " + r->ref + " is deleted (an admin can restore it)");
  return r;
}

Result<util::Paged<core::IsmsRecord>> list_records(Workspace& ws, std::int64_t organization,
                                                   const std::string& reg,
                                                   const core::IsmsQuery& query) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  if (!query.status.empty() && std::find((*spec)->statuses.begin(), (*spec)->statuses.end(),
                                         query.status) == (*spec)->statuses.end())
    return fail_field(ErrorCode::k_invalid_input,
                      "status '" + query.status.substr(0, 40) + "' is not one of " +
                          util::join((*spec)->statuses, ", "),
                      "status");
  return repo(ws).records(organization, reg, query);
}

Result<core::IsmsRecord> create_record(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& reg, core::IsmsRecord record) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  record.organization = organization;
  auto made = core::apply_create(**spec, std::move(record));
  if (!made) return made;
  if (auto v = core::validate(**spec, *made); !v) return std::unexpected(v.error());
  if (auto c = check_references(ws, catalog, organization, **spec, *made); !c)
    return std::unexpected(c.error());
  return repo(ws, actor).create_record(*made);
}

Result<core::IsmsRecord> update_record(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& reg, core::IsmsRecord record) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  auto before = repo(ws).record(organization, reg, std::to_string(record.id));
  if (!before) return before;
  if (before->deleted)
    return fail(ErrorCode::k_invalid_input,
                reg + " " + before->ref + " is deleted; restore it before editing");
  auto version = record.version;
  auto after = core::apply_edit(**spec, *before, std::move(record));
  if (!after) return after;
  after->version = version;
  if (auto v = core::validate(**spec, *after); !v) return std::unexpected(v.error());
  if (auto c = check_references(ws, catalog, organization, **spec, *after); !c)
    return std::unexpected(c.error());
  return repo(ws, actor).update_record(*after, "update");
}

Result<core::IsmsRecord> delete_record(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& reg,
                                       const std::string& ref, std::int64_t expected_version) {
  auto r = stored(ws, organization, reg, ref, expected_version, false);
  if (!r) return r;
  r->deleted = true;
  r->deleted_by = actor;
  r->deleted_at = util::now_utc();
  return repo(ws, actor).update_record(*r, "delete");
}

Result<core::IsmsRecord> restore_record(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& reg,
                                        const std::string& ref, std::int64_t expected_version) {
  auto r = stored(ws, organization, reg, ref, expected_version, true);
  if (!r) return r;
  if (!r->deleted) return fail(ErrorCode::k_invalid_input, reg + " " + r->ref + " is not deleted");
  r->deleted = false;
  r->deleted_by.clear();
  r->deleted_at.clear();
  if (auto one = one_determination(ws, organization, *r); !one) return std::unexpected(one.error());
  return repo(ws, actor).update_record(*r, "restore");
}

Result<core::IsmsRecord> approve_record(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& reg,
                                        const std::string& ref, std::int64_t expected_version) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  auto r = stored(ws, organization, reg, ref, expected_version, false);
  if (!r) return r;
  auto approved = core::apply_approval(**spec, *r, actor, util::now_utc());
  if (!approved) return approved;
  return repo(ws, actor).update_record(*approved, "approve");
}

Result<core::IsmsComment> comment_record(Workspace& ws, const std::string& actor,
                                         std::int64_t organization, const std::string& reg,
                                         const std::string& ref, const std::string& text) {
  auto r = find_record(ws, organization, reg, ref, false);
  if (!r) return std::unexpected(r.error());
  auto t = util::trim(text);
  if (t.empty()) return fail_field(ErrorCode::k_invalid_input, "the comment is empty", "text");
  if (t.size() > 10000)
    return fail_field(ErrorCode::k_invalid_input, "a comment is at most 10,000 bytes", "text");
  return repo(ws, actor).add_comment(r->id, t);
}

Result<std::vector<core::IsmsComment>> record_comments(Workspace& ws, std::int64_t organization,
                                                       const std::string& reg,
                                                       const std::string& ref) {
  auto r = find_record(ws, organization, reg, ref, true);
  if (!r) return std::unexpected(r.error());
  return repo(ws).comments(r->id);
}

Result<std::vector<core::IsmsVersion>> record_history(Workspace& ws, std::int64_t organization,
                                                      const std::string& reg,
                                                      const std::string& ref) {
  auto r = find_record(ws, organization, reg, ref, true);
  if (!r) return std::unexpected(r.error());
  return repo(ws).versions(r->id);
}

Result<core::RaciMatrix> isms_raci(Workspace& ws, std::int64_t organization) {
  core::IsmsQuery q;
  q.slice = util::Slice::all();
  auto roles = repo(ws).records(organization, "roles", q);
  if (!roles) return std::unexpected(roles.error());
  return core::raci_matrix(roles->items);
}

Result<IsmsImportResult> import_records(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& reg, std::string_view bytes,
                                        const std::string& format) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return fail_field(ErrorCode::k_invalid_input, "format is csv or xlsx", "format");
  auto parsed = exchange::import_isms(**spec, *f, bytes);
  IsmsImportResult out;
  if (!parsed.errors.empty()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  // The refs the file itself brings, so that rows may name each other.
  std::map<std::string, std::set<std::string>> batch;
  for (const auto& row : parsed.rows)
    if (!row.record.ref.empty()) batch[reg].insert(util::caseless_key(row.record.ref));
  std::vector<core::IsmsRecord> writes;
  std::size_t determination_row = 0;  // the file's climate-change determination, if it has one
  for (auto& row : parsed.rows) {
    auto rec = row.record;
    rec.organization = organization;
    if (!rec.ref.empty()) {
      auto existing = repo(ws).record(organization, reg, rec.ref);
      if (existing) {
        if (existing->deleted) {
          out.errors.push_back({row.line, "ref",
                                reg + " " + existing->ref +
                                    " is deleted; an admin restores it before it is imported"});
          continue;
        }
        rec.id = existing->id;
        auto edited = core::apply_edit(**spec, *existing, rec);
        if (!edited) {
          out.errors.push_back({row.line, edited.error().field, edited.error().message});
          continue;
        }
        rec = std::move(*edited);
        rec.version = existing->version;
        ++out.updated;
      } else if (existing.error().code != ErrorCode::k_not_found) {
        return std::unexpected(existing.error());
      }
    }
    if (rec.id == 0) {
      auto made = core::apply_create(**spec, std::move(rec));
      if (!made) {
        out.errors.push_back({row.line, made.error().field, made.error().message});
        continue;
      }
      rec = std::move(*made);
      ++out.created;
    }
    if (rec.register_key == "context" && rec.text("type") == "climate-change") {
      if (determination_row != 0) {
        out.errors.push_back({row.line, "type",
                              "the file brings a second climate-change determination (its first "
                              "is row " +
                                  std::to_string(determination_row) + ")"});
        continue;
      }
      determination_row = row.line;
    }
    if (auto c = check_references(ws, catalog, organization, **spec, rec, batch); !c) {
      out.errors.push_back({row.line, c.error().field, c.error().message});
      continue;
    }
    writes.push_back(std::move(rec));
    if (out.errors.size() >= 100) break;
  }
  if (!out.errors.empty()) {
    out.created = out.updated = 0;
    return out;
  }
  auto written = repo(ws, actor).write_records(writes);
  if (!written) {
    out.created = out.updated = 0;
    if (written.error().code == ErrorCode::k_io) return std::unexpected(written.error());
    out.errors.push_back({0, written.error().field, written.error().message});
  }
  return out;
}

Result<std::string> export_records(Workspace& ws, std::int64_t organization, const std::string& reg,
                                   const std::string& format, bool deleted) {
  auto spec = isms_register(reg);
  if (!spec) return std::unexpected(spec.error());
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return fail_field(ErrorCode::k_invalid_input, "format is csv or xlsx", "format");
  core::IsmsQuery q;
  q.deleted = deleted;
  q.slice = util::Slice::all();
  auto all = repo(ws).records(organization, reg, q);
  if (!all) return std::unexpected(all.error());
  auto bytes = exchange::export_isms(**spec, all->items, *f);
  if (bytes.empty()) return fail(ErrorCode::k_io, "the workbook could not be written");
  return bytes;
}

}  // namespace cyberframe::workspace
