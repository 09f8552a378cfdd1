#include "workspace/documents.hpp"

#include <algorithm>

#include "exchange/document_table.hpp"
#include "store/store.hpp"
#include "util/clock.hpp"
#include "util/date.hpp"
#include "util/digest.hpp"
#include "util/text.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

namespace {

store::DocumentStore& repo(Workspace& ws, const std::string& actor = "") {
  if (!actor.empty()) ws.storage().set_actor(actor);
  return ws.storage().documents();
}

core::FileData file_data(const DocumentFile& f) {
  return core::FileData{util::trim(f.name), util::sha256_hex(f.bytes),
                        static_cast<std::int64_t>(f.bytes.size())};
}

// The metadata a person edits (an edit, an import row) taken into the document as stored; the
// identity, versions and workflow stay the stored ones.
void take_metadata(core::Document& into, const core::Document& from) {
  into.title = from.title;
  into.type = from.type;
  into.owner = from.owner;
  into.classification = from.classification;
  into.review_months = from.review_months;
  into.next_review = from.next_review;
  into.retention = from.retention;
  into.distribution = from.distribution;
  into.links = from.links;
}

// Links name what exists: a node of the catalog, a risk of the organization.
Result<void> check_links(Workspace& ws, const core::Catalog& catalog, std::int64_t organization,
                         const std::vector<core::DocumentLink>& links) {
  for (const auto& l : links) {
    if (l.kind == "node") {
      auto colon = l.target.find(':');
      if (colon == std::string::npos ||
          !catalog.node(l.target.substr(0, colon), l.target.substr(colon + 1)))
        return util::fail_field(ErrorCode::k_invalid_input,
                                "link node:" + l.target +
                                    " names no node of the catalog (FRAMEWORK:NODE, e.g. "
                                    "nist-csf-2.0:GV.PO-01)",
                                "links");
    } else if (l.kind == "risk") {
      auto risk = ws.storage().risks().risk(organization, l.target);
      if (!risk) {
        if (risk.error().code == ErrorCode::k_not_found)
          return util::fail_field(ErrorCode::k_invalid_input,
                                  "link risk:" + l.target + " names no risk of the organization",
                                  "links");
        return std::unexpected(risk.error());
      }
    }
  }
  return {};
}

// The live document, at the version the caller read (0: as it is now).
Result<core::Document> read_for_step(Workspace& ws, std::int64_t organization,
                                     const std::string& ref, std::int64_t expected_version) {
  auto d = find_document(ws, organization, ref);
  if (!d) return std::unexpected(d.error());
  if (expected_version != 0) d->version = expected_version;
  return d;
}

template <typename Step>
Result<core::Document> step(Workspace& ws, const std::string& actor, std::int64_t organization,
                            const std::string& ref, std::int64_t expected_version,
                            const std::string& action, Step&& change,
                            const std::optional<std::string>& file = std::nullopt) {
  auto d = read_for_step(ws, organization, ref, expected_version);
  if (!d) return std::unexpected(d.error());
  if (auto r = change(*d); !r) return std::unexpected(r.error());
  return repo(ws, actor).save_document(*d, action, file);
}

}  // namespace

Result<void> check_document_file(const DocumentFile& file) {
  if (auto n = core::check_file_name(util::trim(file.name)); !n) return n;
  if (file.bytes.empty())
    return util::fail_field(ErrorCode::k_invalid_input, "the file " + file.name + " is empty",
                            "file");
  if (file.bytes.size() > core::k_document_file_max_bytes)
    return util::fail_field(
        ErrorCode::k_invalid_input,
        "the file " + file.name + " has " + util::with_separators(file.bytes.size()) +
            " bytes: a document's file may have at most " +
            util::with_separators(core::k_document_file_max_bytes) + " bytes (8 MiB)",
        "file");
  return {};
}

Result<core::Document> create_document(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       core::Document document,
                                       const std::optional<DocumentFile>& file,
                                       const std::string& change_note) {
  document.organization = organization;
  document.id = 0;
  document.retired = document.deleted = false;
  if (auto v = core::validate(document); !v) return std::unexpected(v.error());
  if (auto l = check_links(ws, catalog, organization, document.links); !l)
    return std::unexpected(l.error());
  std::optional<core::FileData> data;
  if (file) {
    if (auto c = check_document_file(*file); !c) return std::unexpected(c.error());
    data = file_data(*file);
  }
  core::start_first_version(document, actor, util::now_utc(), data, change_note);
  return repo(ws, actor).create_document(
      document, file ? std::optional<std::string>(file->bytes) : std::nullopt);
}

Result<core::Document> update_document(Workspace& ws, const std::string& actor,
                                       const core::Catalog& catalog, std::int64_t organization,
                                       const std::string& ref, core::Document document) {
  auto stored = find_document(ws, organization, ref);
  if (!stored) return std::unexpected(stored.error());
  if (auto l = check_links(ws, catalog, organization, document.links); !l)
    return std::unexpected(l.error());
  core::Document d = *stored;
  d.ref = document.ref.empty() ? stored->ref : document.ref;
  take_metadata(d, document);
  if (document.version != 0) d.version = document.version;
  return repo(ws, actor).save_document(d, "update", std::nullopt);
}

Result<core::Document> find_document(Workspace& ws, std::int64_t organization,
                                     const std::string& ref, bool include_deleted) {
  auto d = repo(ws).document(organization, ref);
  if (!d) return std::unexpected(d.error());
  if (d->deleted && !include_deleted)
    return fail(ErrorCode::k_not_found, "no document '" + util::trim(ref) +
                                            "' (it is deleted; an administrator can "
                                            "restore it)");
  return d;
}

Result<util::Paged<core::Document>> list_documents(Workspace& ws, std::int64_t organization,
                                                   core::DocumentQuery query) {
  if (query.today.empty()) query.today = util::today_utc();
  return repo(ws).documents(organization, query);
}

Result<core::Document> delete_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version) {
  return step(ws, actor, organization, ref, expected_version, "delete",
              [](core::Document& d) -> Result<void> {
                d.deleted = true;
                return {};
              });
}

Result<core::Document> restore_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version) {
  auto d = find_document(ws, organization, ref, true);
  if (!d) return std::unexpected(d.error());
  if (!d->deleted)
    return util::fail_field(ErrorCode::k_invalid_input, d->ref + " is not deleted", "deleted");
  if (expected_version != 0) d->version = expected_version;
  d->deleted = false;
  return repo(ws, actor).save_document(*d, "restore", std::nullopt);
}

Result<core::Document> upload_version_file(Workspace& ws, const std::string& actor,
                                           std::int64_t organization, const std::string& ref,
                                           int number, std::int64_t expected_version,
                                           const DocumentFile& file) {
  if (auto c = check_document_file(file); !c) return std::unexpected(c.error());
  auto data = file_data(file);
  return step(
      ws, actor, organization, ref, expected_version, "upload",
      [&](core::Document& d) -> Result<void> {
        int n = number;
        if (n == 0) {
          if (const auto* newest = core::newest_version(d)) n = newest->number;
        }
        return core::attach_file(d, n, data);
      },
      file.bytes);
}

Result<core::Document> submit_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version, const std::string& reviewer) {
  return step(ws, actor, organization, ref, expected_version, "submit", [&](core::Document& d) {
    return core::submit(d, actor, util::now_utc(), util::trim(reviewer));
  });
}

Result<core::Document> approve_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version, bool hold,
                                        const std::string& next_review) {
  auto settings = organization_settings(ws, organization);
  if (!settings) return std::unexpected(settings.error());
  auto rules = core::settings_from(*settings);
  return step(ws, actor, organization, ref, expected_version, hold ? "approve" : "approve-publish",
              [&](core::Document& d) {
                return core::approve(d, actor, util::now_utc(), rules, hold, next_review);
              });
}

Result<core::Document> publish_document(Workspace& ws, const std::string& actor,
                                        std::int64_t organization, const std::string& ref,
                                        std::int64_t expected_version,
                                        const std::string& next_review) {
  return step(ws, actor, organization, ref, expected_version, "publish", [&](core::Document& d) {
    return core::publish(d, actor, util::now_utc(), next_review);
  });
}

Result<core::Document> revise_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version,
                                       const std::optional<DocumentFile>& file,
                                       const std::string& change_note) {
  std::optional<core::FileData> data;
  if (file) {
    if (auto c = check_document_file(*file); !c) return std::unexpected(c.error());
    data = file_data(*file);
  }
  return step(
      ws, actor, organization, ref, expected_version, "revise",
      [&](core::Document& d) { return core::revise(d, actor, util::now_utc(), data, change_note); },
      file ? std::optional<std::string>(file->bytes) : std::nullopt);
}

Result<core::Document> retire_document(Workspace& ws, const std::string& actor,
                                       std::int64_t organization, const std::string& ref,
                                       std::int64_t expected_version) {
  return step(ws, actor, organization, ref, expected_version, "retire",
              [&](core::Document& d) { return core::retire(d, util::now_utc()); });
}

Result<VersionFile> version_file(Workspace& ws, std::int64_t organization, const std::string& ref,
                                 int number) {
  auto d = find_document(ws, organization, ref);
  if (!d) return std::unexpected(d.error());
  const core::DocumentVersion* v = nullptr;
  if (number == 0) {
    v = core::published_version(*d);
    if (!v) v = core::newest_version(*d);
  } else {
    for (const auto& x : d->versions)
      if (x.number == number) v = &x;
  }
  if (!v) return fail(ErrorCode::k_not_found, d->ref + " has no version " + std::to_string(number));
  if (v->sha256.empty())
    return fail(ErrorCode::k_not_found,
                d->ref + " version " + std::to_string(v->number) + " has no file");
  auto bytes = repo(ws).file_bytes(v->sha256);
  if (!bytes) return std::unexpected(bytes.error());
  return VersionFile{*v, std::move(*bytes)};
}

Result<core::DocumentAck> acknowledge_document(Workspace& ws, const std::string& person,
                                               std::int64_t organization, const std::string& ref) {
  auto d = find_document(ws, organization, ref);
  if (!d) return std::unexpected(d.error());
  auto number = core::acknowledgeable(*d, person);
  if (!number) return std::unexpected(number.error());
  return repo(ws, person).acknowledge(d->id, *number, person);
}

Result<AckView> document_acks(Workspace& ws, std::int64_t organization, const std::string& ref) {
  auto d = find_document(ws, organization, ref);
  if (!d) return std::unexpected(d.error());
  AckView out;
  out.ref = d->ref;
  const auto* p = core::published_version(*d);
  out.version = p ? p->number : 0;
  auto acks = repo(ws).acknowledgements(d->id);
  if (!acks) return std::unexpected(acks.error());
  for (const auto& person : d->distribution) {
    AckLine line{person, ""};
    for (const auto& a : *acks)
      if (a.version == out.version && util::caseless_key(a.person) == util::caseless_key(person))
        line.acknowledged_at = a.acknowledged_at;
    if (line.acknowledged_at.empty())
      ++out.pending;
    else
      ++out.acknowledged;
    out.lines.push_back(std::move(line));
  }
  return out;
}

Result<std::string> export_documents(Workspace& ws, std::int64_t organization,
                                     const std::string& format) {
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return util::fail_field(ErrorCode::k_invalid_input,
                            "format must be csv or xlsx, not '" + format + "'", "format");
  core::DocumentQuery q;
  q.slice = util::Slice::all();
  auto all = list_documents(ws, organization, q);
  if (!all) return std::unexpected(all.error());
  auto bytes = exchange::export_document_register(all->items, *f);
  if (bytes.empty()) return fail(ErrorCode::k_io, "cannot write the workbook");
  return bytes;
}

Result<DocumentImport> import_documents(Workspace& ws, const std::string& actor,
                                        const core::Catalog& catalog, std::int64_t organization,
                                        const std::string& bytes, const std::string& format) {
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return util::fail_field(ErrorCode::k_invalid_input,
                            "format must be csv or xlsx, not '" + format + "'", "format");
  auto parsed = exchange::import_document_register(*f, bytes);
  DocumentImport out;
  out.errors = std::move(parsed.errors);
  if (!out.errors.empty()) return out;
  std::vector<core::Document> rows;
  auto now = util::now_utc();
  for (const auto& row : parsed.rows) {
    core::Document d = row.document;
    d.organization = organization;
    if (auto v = core::validate(d); !v) {
      out.errors.push_back({row.line, v.error().field, v.error().message});
      continue;
    }
    if (auto l = check_links(ws, catalog, organization, d.links); !l) {
      out.errors.push_back({row.line, "links", l.error().message});
      continue;
    }
    if (!d.ref.empty()) {
      auto stored = repo(ws).document(organization, d.ref);
      if (stored) {
        if (stored->deleted) {
          out.errors.push_back(
              {row.line, "ref", stored->ref + " is deleted; restore it before importing over it"});
          continue;
        }
        core::Document updated = *stored;
        take_metadata(updated, d);
        rows.push_back(std::move(updated));
        continue;
      }
      if (stored.error().code != ErrorCode::k_not_found) return std::unexpected(stored.error());
    }
    core::start_first_version(d, actor, now, std::nullopt, "imported");
    rows.push_back(std::move(d));
  }
  if (!out.errors.empty()) return out;
  auto counts = repo(ws, actor).import_documents(organization, rows);
  if (!counts) {
    if (counts.error().code == ErrorCode::k_io) return std::unexpected(counts.error());
    out.errors.push_back({0, counts.error().field, counts.error().message});
    return out;
  }
  out.created = counts->first;
  out.updated = counts->second;
  return out;
}

Result<std::map<std::string, std::string>> organization_settings(Workspace& ws,
                                                                 std::int64_t organization) {
  auto stored = repo(ws).settings(organization);
  if (!stored) return std::unexpected(stored.error());
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : core::organization_setting_defaults()) {
    auto it = stored->find(key);
    out[key] = it == stored->end() ? value : it->second;
  }
  return out;
}

Result<std::map<std::string, std::string>> set_organization_settings(
    Workspace& ws, const std::string& actor, std::int64_t organization,
    const std::map<std::string, std::string>& values) {
  if (values.empty())
    return util::fail_field(ErrorCode::k_invalid_input, "no setting given (key=value)", "settings");
  for (const auto& [key, value] : values)
    if (auto c = core::check_organization_setting(key, value); !c)
      return std::unexpected(c.error());
  auto stored = repo(ws, actor).put_settings(organization, values);
  if (!stored) return std::unexpected(stored.error());
  return organization_settings(ws, organization);
}

}  // namespace cyberframe::workspace
