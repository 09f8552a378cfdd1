// `cyberframe document ...` and `cyberframe org settings`: documented information (ISO/IEC
// 27001 7.5). The rules are core/document.hpp's and workspace/documents.hpp's: the same as the
// API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/document_json.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/documents.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string org, ref, format = "text", output, file, search, owner, type_filter, state_filter,
                        reviewer, note;
  bool overdue = false, deleted = false, hold = false;
  std::size_t offset = 0, limit = static_cast<std::size_t>(-1);
  int number = 0;
  std::optional<std::string> title, type, new_owner, classification, next_review, retention,
      new_ref;
  std::optional<int> review_months;
  std::optional<std::vector<std::string>> distribution, links;
  std::optional<std::int64_t> expect_version;
  std::vector<std::string> settings;
};

struct Open {
  std::unique_ptr<workspace::Workspace> ws;
  core::Organization org;
};

std::optional<Open> open(const Ctx& ctx, const Args& a, int& status) {
  Open o;
  o.ws = open_store(ctx, status);
  if (!o.ws) return std::nullopt;
  auto org = o.ws->organization(a.org);
  if (!org) {
    status = fail_with(ctx, org.error());
    return std::nullopt;
  }
  o.org = *org;
  return o;
}

Format format_of(const Args& a) {
  return parse_format(a.format).value_or(Format::k_text);
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "-" : s;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

void print_document(const Ctx& ctx, const core::Document& d, Format format) {
  if (format != Format::k_text) {
    print_structured(ctx.out, format, codec::to_json(d));
    return;
  }
  ctx.out << d.ref << "  " << d.title << "  (version " << d.version << ")\n";
  ctx.out << "  type:           " << core::to_string(d.type) << '\n';
  ctx.out << "  state:          " << core::to_string(core::state_of(d)) << '\n';
  ctx.out << "  owner:          " << or_dash(d.owner) << '\n';
  ctx.out << "  classification: " << core::to_string(d.classification) << '\n';
  ctx.out << "  review:         every " << d.review_months << " months, next "
          << or_dash(d.next_review) << '\n';
  if (!d.retention.empty()) ctx.out << "  retention:      " << d.retention << '\n';
  ctx.out << "  distribution:   " << or_dash(joined(d.distribution)) << '\n';
  std::vector<std::string> links;
  for (const auto& l : d.links) links.push_back(core::to_string(l));
  if (!links.empty()) ctx.out << "  links:          " << joined(links) << '\n';
  if (d.deleted) ctx.out << "  DELETED (an administrator can restore it)\n";
  for (const auto& v : d.versions) {
    ctx.out << "  v" << v.number << "  " << core::to_string(v.state);
    if (!v.file_name.empty())
      ctx.out << "  " << v.file_name << " (" << v.size << " bytes, sha256 "
              << v.sha256.substr(0, 12) << ")";
    ctx.out << "  by " << v.author;
    if (!v.reviewer.empty()) ctx.out << ", reviewed by " << v.reviewer;
    if (!v.approver.empty()) ctx.out << ", approved by " << v.approver;
    if (!v.published_at.empty()) ctx.out << ", published " << v.published_at.substr(0, 10);
    ctx.out << '\n';
    if (!v.change_note.empty()) ctx.out << "      " << v.change_note << '\n';
  }
}

// Reads a file given with --file: its bytes (the size checked before reading).
std::optional<workspace::DocumentFile> read_document_file(const Ctx& ctx, const std::string& path,
                                                          int& status) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    status = fail_with(ctx, path + ": no such file");
    return std::nullopt;
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > core::k_document_file_max_bytes) {
    status = fail_with(ctx, path + ": " + util::with_separators(size) +
                                " bytes; a document's file may have at most " +
                                util::with_separators(core::k_document_file_max_bytes) +
                                " bytes (8 MiB)");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    status = fail_with(ctx, util::Error{util::ErrorCode::k_io, path + ": cannot be read"});
    return std::nullopt;
  }
  return workspace::DocumentFile{std::filesystem::path(path).filename().string(), std::move(bytes)};
}

int apply_fields(const Ctx& ctx, const Args& a, core::Document& d) {
  if (a.new_ref) d.ref = *a.new_ref;
  if (a.title) d.title = *a.title;
  if (a.type) {
    auto t = core::parse_document_type(*a.type);
    if (!t)
      return fail_with(ctx, "--type: '" + *a.type +
                                "' is not policy, topic-specific-policy, procedure, standard, "
                                "plan, record, report or other");
    d.type = *t;
  }
  if (a.new_owner) d.owner = *a.new_owner;
  if (a.classification) {
    auto c = core::parse_classification(*a.classification);
    if (!c)
      return fail_with(ctx, "--classification: '" + *a.classification +
                                "' is not public, internal, confidential or restricted");
    d.classification = *c;
  }
  if (a.review_months) d.review_months = *a.review_months;
  if (a.next_review) d.next_review = *a.next_review;
  if (a.retention) d.retention = *a.retention;
  if (a.distribution) d.distribution = *a.distribution;
  if (a.links) {
    d.links.clear();
    for (const auto& text : *a.links) {
      auto l = core::parse_document_link(text);
      if (!l) return fail_with(ctx, "--link: " + l.error().message);
      d.links.push_back(*l);
    }
  }
  return k_exit_ok;
}

int cmd_list(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::DocumentQuery q;
  q.text = a.search;
  q.owner = a.owner;
  if (!a.type_filter.empty()) {
    q.type = core::parse_document_type(a.type_filter);
    if (!q.type) return fail_with(ctx, "--type: '" + a.type_filter + "' is not a document type");
  }
  if (!a.state_filter.empty()) {
    q.state = core::parse_version_state(a.state_filter);
    if (!q.state)
      return fail_with(ctx, "--state: '" + a.state_filter +
                                "' is not draft, in-review, approved, published, superseded or "
                                "retired");
  }
  q.overdue = a.overdue;
  q.deleted = a.deleted;
  q.slice = util::Slice{a.limit, a.offset};
  auto page = workspace::list_documents(*o->ws, o->org.id, q);
  if (!page) return fail_with(ctx, page.error());
  auto today = util::today_utc();
  Table t({"REF", "TYPE", "STATE", "VERSION", "OWNER", "NEXT REVIEW", "TITLE"});
  json items = json::array();
  for (const auto& d : page->items) {
    const auto* p = core::published_version(d);
    const auto* n = core::newest_version(d);
    std::string version = p ? "v" + std::to_string(p->number) : "-";
    if (n && n != p)
      version +=
          " (v" + std::to_string(n->number) + " " + std::string(core::to_string(n->state)) + ")";
    t.add({d.ref, std::string(core::to_string(d.type)),
           std::string(core::to_string(core::state_of(d))), version, d.owner,
           or_dash(d.next_review) + (core::overdue_for_review(d, today) ? " OVERDUE" : ""),
           d.title});
    auto j = codec::to_json(d, false);
    j["overdue"] = core::overdue_for_review(d, today);
    items.push_back(j);
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Documents of " << o->org.name << " (" << page->total << ")\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t,
             json{{"organization", o->org.name}, {"total", page->total}, {"items", items}});
  return k_exit_ok;
}

int cmd_show(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto d = workspace::find_document(*o->ws, o->org.id, a.ref, a.deleted);
  if (!d) return fail_with(ctx, d.error());
  print_document(ctx, *d, format_of(a));
  return k_exit_ok;
}

int cmd_add(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::Document d;
  d.ref = a.ref;
  if (int s = apply_fields(ctx, a, d); s != k_exit_ok) return s;
  std::optional<workspace::DocumentFile> file;
  if (!a.file.empty()) {
    file = read_document_file(ctx, a.file, status);
    if (!file) return status;
  }
  auto cat = workspace_catalog(ctx, *o->ws, status);
  if (!cat) return status;
  auto stored =
      workspace::create_document(*o->ws, actor(ctx), cat->catalog, o->org.id, d, file, a.note);
  if (!stored) return fail_with(ctx, stored.error());
  print_document(ctx, *stored, format_of(a));
  return k_exit_ok;
}

int cmd_edit(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto d = workspace::find_document(*o->ws, o->org.id, a.ref);
  if (!d) return fail_with(ctx, d.error());
  if (a.expect_version) d->version = *a.expect_version;
  if (int s = apply_fields(ctx, a, *d); s != k_exit_ok) return s;
  auto cat = workspace_catalog(ctx, *o->ws, status);
  if (!cat) return status;
  auto stored = workspace::update_document(*o->ws, actor(ctx), cat->catalog, o->org.id, a.ref, *d);
  if (!stored) return fail_with(ctx, stored.error());
  print_document(ctx, *stored, format_of(a));
  return k_exit_ok;
}

// The verbs of the workflow: one step each, then the document as it is.
template <typename Step>
int cmd_step(const Ctx& ctx, const Args& a, Step&& run, const char* done) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto d = run(*o);
  if (!d) return fail_with(ctx, d.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), codec::to_json(*d));
    return k_exit_ok;
  }
  const auto* n = core::newest_version(*d);
  ctx.out << d->ref << " " << done;
  if (n) ctx.out << ": version " << n->number << " " << core::to_string(n->state);
  if (n && !n->reviewer.empty()) ctx.out << ", reviewer " << n->reviewer;
  if (n && !n->approver.empty()) ctx.out << ", approver " << n->approver;
  if (core::published_version(*d) && !d->next_review.empty())
    ctx.out << ", next review " << d->next_review;
  ctx.out << '\n';
  return k_exit_ok;
}

std::int64_t expected(const Args& a) {
  return a.expect_version.value_or(0);
}

// A step that needs nothing but the document and the version read (retire, delete, restore).
using PlainStep = util::Result<core::Document> (*)(workspace::Workspace&, const std::string&,
                                                   std::int64_t, const std::string&, std::int64_t);
auto plain_step(PlainStep step, const char* done) {
  return [step, done](const Ctx& c, const Args& a) {
    return cmd_step(
        c, a, [&](Open& o) { return step(*o.ws, actor(c), o.org.id, a.ref, expected(a)); }, done);
  };
}

int cmd_download(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto f = workspace::version_file(*o->ws, o->org.id, a.ref, a.number);
  if (!f) return fail_with(ctx, f.error());
  if (is_standard_output(a.output)) return fail_with(ctx, "give the file to write: --output FILE");
  if (int s = write_output(ctx.out, ctx.err, a.output, f->bytes); s != k_exit_ok) return s;
  ctx.out << "version " << f->version.number << " of " << a.ref << " (" << f->version.file_name
          << ", " << f->bytes.size() << " bytes, " << f->version.media_type << ") written to "
          << a.output << '\n';
  return k_exit_ok;
}

int cmd_acknowledge(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto ack = workspace::acknowledge_document(*o->ws, actor(ctx), o->org.id, a.ref);
  if (!ack) return fail_with(ctx, ack.error());
  if (format_of(a) != Format::k_text) {
    print_structured(ctx.out, format_of(a), codec::to_json(*ack));
    return k_exit_ok;
  }
  ctx.out << ack->person << " acknowledged " << a.ref << " version " << ack->version << " at "
          << ack->acknowledged_at << '\n';
  return k_exit_ok;
}

int cmd_acks(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::document_acks(*o->ws, o->org.id, a.ref);
  if (!v) return fail_with(ctx, v.error());
  Table t({"PERSON", "ACKNOWLEDGED"});
  json lines = json::array();
  for (const auto& l : v->lines) {
    t.add({l.person, or_dash(l.acknowledged_at)});
    lines.push_back(json{
        {"person", l.person},
        {"acknowledged_at", l.acknowledged_at.empty() ? json(nullptr) : json(l.acknowledged_at)}});
  }
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << v->ref << " version " << v->version << ": " << v->acknowledged << " acknowledged, "
            << v->pending << " not yet\n";
    if (t.size() > 0) t.print(ctx.out, "  ");
    return k_exit_ok;
  }
  print_data(ctx.out, format, t,
             json{{"ref", v->ref},
                  {"version", v->version},
                  {"acknowledged", v->acknowledged},
                  {"pending", v->pending},
                  {"lines", lines}});
  return k_exit_ok;
}

int cmd_import(const Ctx& ctx, const Args& a) {
  int status = 0;
  std::error_code ec;
  auto size = std::filesystem::file_size(a.file, ec);
  if (ec) return fail_with(ctx, a.file + ": no such file");
  if (size > (16u << 20)) return fail_with(ctx, a.file + ": larger than an import may be (16 MiB)");
  std::ifstream in(a.file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string format = a.format;
  if (format != "csv" && format != "xlsx") {
    auto dot = a.file.rfind('.');
    format = dot == std::string::npos ? "" : util::to_lower(a.file.substr(dot + 1));
  }
  if (format != "csv" && format != "xlsx")
    return fail_with(ctx, a.file + ": give --format csv or xlsx (the name ends in neither)");
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto cat = workspace_catalog(ctx, *o->ws, status);
  if (!cat) return status;
  auto r = workspace::import_documents(*o->ws, actor(ctx), cat->catalog, o->org.id, bytes, format);
  if (!r) return fail_with(ctx, r.error());
  if (!r->errors.empty()) {
    for (const auto& e : r->errors) ctx.err << e.to_string() << '\n';
    return fail_with(ctx, a.file + ": " + std::to_string(r->errors.size()) + " problem" +
                              (r->errors.size() == 1 ? "" : "s") + "; nothing imported");
  }
  ctx.out << r->created << " documents created, " << r->updated << " updated in " << o->org.name
          << '\n';
  return k_exit_ok;
}

int cmd_export(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto bytes = workspace::export_documents(*o->ws, o->org.id, a.format);
  if (!bytes) return fail_with(ctx, bytes.error());
  if (a.format == "xlsx" && is_standard_output(a.output))
    return fail_with(ctx, "an XLSX workbook is written to a file: give -o FILE");
  return write_output(ctx.out, ctx.err, a.output, *bytes);
}

int cmd_settings(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  util::Result<std::map<std::string, std::string>> s;
  if (a.settings.empty()) {
    s = workspace::organization_settings(*o->ws, o->org.id);
  } else {
    std::map<std::string, std::string> values;
    for (const auto& kv : a.settings) {
      auto eq = kv.find('=');
      if (eq == std::string::npos)
        return fail_with(ctx, "--set: '" + kv + "' is not KEY=VALUE (e.g. self-approval=forbid)");
      values[util::trim(kv.substr(0, eq))] = util::trim(kv.substr(eq + 1));
    }
    s = workspace::set_organization_settings(*o->ws, actor(ctx), o->org.id, values);
  }
  if (!s) return fail_with(ctx, s.error());
  auto format = format_of(a);
  if (format == Format::k_text) {
    ctx.out << "Settings of " << o->org.name << '\n';
    for (const auto& [k, v] : *s) ctx.out << "  " << k << " = " << v << '\n';
    return k_exit_ok;
  }
  print_structured(ctx.out, format, json(*s));
  return k_exit_ok;
}

}  // namespace

void add_document_commands(CLI::App& app, const CatalogOptions& catalog_options,
                           const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                           int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto group_verb = [&](CLI::App* group) {
    return [group, ctx, &status](const char* name, const char* help, auto&& with, auto run) {
      auto a = std::make_shared<Args>();
      auto* c = group->add_subcommand(name, help);
      c->add_option("--org", a->org, "Organization name or id")->required();
      with(c, *a);
      c->callback([=, &status] { status = run(*ctx, *a); });
    };
  };
  auto format = [](CLI::App* c, Args& a) {
    c->add_option("--format,-f", a.format, "text, json or yaml")
        ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
  };
  auto expect = [](CLI::App* c, Args& a) {
    c->add_option("--expect-version", a.expect_version,
                  "Refuse unless the document is still at this version");
  };
  auto ref = [](CLI::App* c, Args& a) {
    c->add_option("REF", a.ref, "The document's ref, e.g. DOC-001")->required();
  };
  auto fields = [](CLI::App* c, Args& a) {
    c->add_option("--title", a.title, "The document's title");
    c->add_option("--type", a.type,
                  "policy, topic-specific-policy, procedure, standard, plan, record, report or "
                  "other (default policy)");
    c->add_option("--owner", a.new_owner, "Who owns the document");
    c->add_option("--classification", a.classification,
                  "public, internal, confidential or restricted (default internal)");
    c->add_option("--review-months", a.review_months, "Review every N months (default 12)");
    c->add_option("--next-review", a.next_review, "The next review, YYYY-MM-DD");
    c->add_option("--retention", a.retention,
                  "How long it is kept, e.g. '7 years after superseded'");
    c->add_option("--to", a.distribution,
                  "A person it is addressed to (repeat; replaces the distribution)");
    c->add_option("--link", a.links,
                  "node:FRAMEWORK:NODE or risk:REF (repeat; replaces the links)");
  };

  auto* doc = app.add_subcommand("document", "Documented information (ISO/IEC 27001 7.5)");
  doc->require_subcommand(1);
  auto v = group_verb(doc);
  v(
      "list", "The register: ref, type, state, version, owner, next review",
      [&](CLI::App* c, Args& a) {
        c->add_option("--q", a.search, "A part of the ref, title or owner");
        c->add_option("--type", a.type_filter, "Only documents of this type");
        c->add_option("--state", a.state_filter, "Only documents in this state");
        c->add_option("--owner", a.owner, "Only this owner's");
        c->add_flag("--overdue", a.overdue, "Only documents overdue for review");
        c->add_flag("--deleted", a.deleted, "The deleted documents instead");
        c->add_option("--offset", a.offset, "Skip this many");
        c->add_option("--limit", a.limit, "At most this many");
        format(c, a);
      },
      cmd_list);
  v(
      "show", "One document with its versions",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_flag("--deleted", a.deleted, "Show it even when deleted");
        format(c, a);
      },
      cmd_show);
  v(
      "add", "Add a document: version 1 starts as a draft (with --file, its file)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--ref", a.ref, "The ref (default: the next DOC-NNN)");
        fields(c, a);
        c->get_option("--title")->required();
        c->add_option("--file", a.file, "The file of version 1 (at most 8 MiB)");
        c->add_option("--note", a.note, "A note on version 1");
        format(c, a);
      },
      cmd_add);
  v(
      "edit", "Change a document's metadata (never a published version's file)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--ref", a.new_ref, "A new ref");
        fields(c, a);
        expect(c, a);
        format(c, a);
      },
      cmd_edit);
  v(
      "upload", "Attach a file to the draft version (replacing its file)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--file", a.file, "The file (at most 8 MiB)")->required();
        c->add_option("--version", a.number, "The version (default: the newest)");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) {
        int status = 0;
        auto file = read_document_file(c, a.file, status);
        if (!file) return status;
        return cmd_step(
            c, a,
            [&](Open& o) {
              return workspace::upload_version_file(*o.ws, actor(c), o.org.id, a.ref, a.number,
                                                    expected(a), *file);
            },
            "file attached");
      });
  v(
      "submit", "Submit the draft for review (--reviewer names who reviews it)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--reviewer", a.reviewer,
                      "Who reviews it (default: the approver is recorded as the reviewer)");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) {
        return cmd_step(
            c, a,
            [&](Open& o) {
              return workspace::submit_document(*o.ws, actor(c), o.org.id, a.ref, expected(a),
                                                a.reviewer);
            },
            "submitted");
      });
  v(
      "approve", "Approve the version in review; it is published at once unless --hold",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_flag("--hold", a.hold, "Approve only; publish later with `document publish`");
        c->add_option("--next-review", a.next_review,
                      "The next review (default: publication + the review interval)");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) {
        return cmd_step(
            c, a,
            [&](Open& o) {
              return workspace::approve_document(*o.ws, actor(c), o.org.id, a.ref, expected(a),
                                                 a.hold, a.next_review.value_or(""));
            },
            a.hold ? "approved" : "approved and published");
      });
  v(
      "publish", "Publish the approved version (the one published before is superseded)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--next-review", a.next_review,
                      "The next review (default: publication + the review interval)");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) {
        return cmd_step(
            c, a,
            [&](Open& o) {
              return workspace::publish_document(*o.ws, actor(c), o.org.id, a.ref, expected(a),
                                                 a.next_review.value_or(""));
            },
            "published");
      });
  v(
      "revise", "Start the next version as a draft (with a new file)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--file", a.file, "The new version's file (at most 8 MiB)");
        c->add_option("--note", a.note, "What changes");
        expect(c, a);
        format(c, a);
      },
      [](const Ctx& c, const Args& a) {
        int status = 0;
        std::optional<workspace::DocumentFile> file;
        if (!a.file.empty()) {
          file = read_document_file(c, a.file, status);
          if (!file) return status;
        }
        return cmd_step(
            c, a,
            [&](Open& o) {
              return workspace::revise_document(*o.ws, actor(c), o.org.id, a.ref, expected(a), file,
                                                a.note);
            },
            "revised");
      });
  v(
      "retire", "Retire the document (it takes no further step)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        expect(c, a);
        format(c, a);
      },
      plain_step(workspace::retire_document, "retired"));
  v(
      "delete", "Delete the document (kept, hidden; restore brings it back)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        expect(c, a);
      },
      plain_step(workspace::delete_document, "deleted"));
  v(
      "restore", "Restore a deleted document",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        expect(c, a);
      },
      plain_step(workspace::restore_document, "restored"));
  v(
      "download", "Write a version's file (default: the published version, else the newest)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--version", a.number, "The version");
        c->add_option("-o,--output", a.output, "The file to write")->required();
      },
      cmd_download);
  v(
      "acknowledge", "Acknowledge that you read the published version (--as names you)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        format(c, a);
      },
      cmd_acknowledge);
  v(
      "acks", "Who of the distribution acknowledged the published version, and who not yet",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        format(c, a);
      },
      cmd_acks);
  v(
      "import", "Import the register's metadata from CSV or XLSX (all rows or none)",
      [&](CLI::App* c, Args& a) {
        c->add_option("FILE", a.file, "The file (the columns of document export)")->required();
        c->add_option("--format,-f", a.format, "csv or xlsx (default: by the file's name)");
      },
      cmd_import);
  v(
      "export", "Write the register's metadata as CSV or XLSX (imports again unchanged)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--format,-f", a.format, "csv or xlsx")
            ->required()
            ->check(CLI::IsMember({"csv", "xlsx"}));
        c->add_option("-o,--output", a.output, "File to write (default: standard output)");
      },
      cmd_export);

  // `org settings`: on the `org` group when it is registered already, else a group of its own.
  CLI::App* org = nullptr;
  try {
    org = app.get_subcommand("org");
  } catch (const CLI::OptionNotFound&) {
    org = app.add_subcommand("org", "Organizations");
  }
  auto ov = group_verb(org);
  ov(
      "settings", "The organization's settings (self-approval=allow|forbid)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--set", a.settings, "KEY=VALUE (repeat), e.g. self-approval=forbid");
        format(c, a);
      },
      cmd_settings);
}

}  // namespace cyberframe::cli
