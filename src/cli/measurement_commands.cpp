// `cyberframe measurement ...`: the values of the ISMS's measurements (ISO/IEC 27001 9.1) and the
// progress of the objectives that use them (docs/user-guide.md, "Measurements"). The rules are
// workspace/measurements.hpp's: the same as the API's.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "cli/output.hpp"
#include "cli/workspace_context.hpp"
#include "codec/measurement_json.hpp"
#include "util/date.hpp"
#include "util/text.hpp"
#include "workspace/measurements.hpp"

namespace cyberframe::cli {

namespace {

using nlohmann::json;
using Ctx = WorkspaceContext;

struct Args {
  std::string org, ref, date, from, to, today, format = "text", output, file, measurement;
  std::optional<std::string> value, note;
  std::optional<std::int64_t> expect_version;
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

std::optional<double> value_of(const Ctx& ctx, const std::string& text, int& status) {
  auto v = core::parse_value(text);
  if (!v)
    status = fail_with(ctx, "--value: '" + text.substr(0, 40) +
                                "' is not a number (write it like 93.5, without a unit)");
  return v;
}

std::string status_text(const std::optional<core::ValueStatus>& s) {
  return s ? std::string(core::to_string(*s)) : "-";
}

int cmd_record(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto number = value_of(ctx, *a.value, status);
  if (!number) return status;
  auto o = open(ctx, a, status);
  if (!o) return status;
  core::MeasurementValue v;
  v.measurement = a.ref;
  v.date = a.date;
  v.value = *number;
  v.note = a.note.value_or("");
  auto stored = workspace::record_measurement_value(*o->ws, actor(ctx), o->org.id, v);
  if (!stored) return fail_with(ctx, stored.error());
  auto def = workspace::measurement_definitions(*o->ws, o->org.id, {stored->measurement});
  std::string verdict;
  if (def && def->contains(stored->measurement))
    verdict = " (" + status_text(core::evaluate(stored->value, def->at(stored->measurement))) + ")";
  ctx.out << stored->measurement << " " << stored->date << ": " << core::number_text(stored->value)
          << " recorded" << verdict << "\n";
  return k_exit_ok;
}

int cmd_correct(const Ctx& ctx, const Args& a) {
  int status = 0;
  std::optional<double> number;
  if (a.value) {
    number = value_of(ctx, *a.value, status);
    if (!number) return status;
  }
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::find_measurement_value(*o->ws, o->org.id, a.ref, a.date);
  if (!v) return fail_with(ctx, v.error());
  if (a.expect_version) v->version = *a.expect_version;
  if (number) v->value = *number;
  if (a.note) v->note = *a.note;
  auto stored = workspace::correct_measurement_value(*o->ws, actor(ctx), o->org.id, *v);
  if (!stored) return fail_with(ctx, stored.error());
  ctx.out << stored->measurement << " " << stored->date << ": corrected to "
          << core::number_text(stored->value) << " (version " << stored->version << ")\n";
  return k_exit_ok;
}

int cmd_delete(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto v = workspace::find_measurement_value(*o->ws, o->org.id, a.ref, a.date);
  if (!v) return fail_with(ctx, v.error());
  auto gone = workspace::delete_measurement_value(*o->ws, actor(ctx), o->org.id, a.ref, a.date,
                                                  a.expect_version.value_or(v->version));
  if (!gone) return fail_with(ctx, gone.error());
  ctx.out << gone->measurement << " " << gone->date << ": value " << core::number_text(gone->value)
          << " deleted\n";
  return k_exit_ok;
}

int cmd_values(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto s = workspace::measurement_series(*o->ws, o->org.id, a.ref, a.from, a.to);
  if (!s) return fail_with(ctx, s.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  if (format != Format::k_text && format != Format::k_csv) {
    print_structured(ctx.out, format, codec::to_json(*s));
    return k_exit_ok;
  }
  const auto& d = s->definition;
  auto opt = [](const std::optional<double>& n) { return n ? core::number_text(*n) : "-"; };
  Table t({"DATE", "VALUE", "STATUS", "NOTE"});
  for (const auto& p : s->points)
    t.add({p.value.date, core::number_text(p.value.value), status_text(p.status), p.value.note});
  if (format == Format::k_csv) {
    t.print_csv(ctx.out);
    return k_exit_ok;
  }
  ctx.out << d.ref << "  " << d.title << " (" << (d.unit.empty() ? "-" : d.unit) << ", "
          << core::to_string(d.direction) << "; target " << opt(d.target) << ", threshold "
          << opt(d.threshold) << "): " << s->points.size() << " value"
          << (s->points.size() == 1 ? "" : "s") << ", trend " << core::to_string(s->trend) << "\n";
  if (t.size() > 0) t.print(ctx.out, "  ");
  return k_exit_ok;
}

int cmd_progress(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto today = a.today.empty() ? util::today_utc() : a.today;
  auto list = workspace::objectives_progress(*o->ws, o->org.id, today);
  if (!list) return fail_with(ctx, list.error());
  auto format = parse_format(a.format).value_or(Format::k_text);
  json items = json::array();
  Table t({"OBJECTIVE", "MEASUREMENT", "PROGRESS", "REASON"});
  for (const auto& p : *list) {
    items.push_back(codec::to_json(p));
    t.add({p.objective, p.measurement.empty() ? "-" : p.measurement,
           std::string(core::to_string(p.progress)), p.reason});
  }
  if (format != Format::k_text) {
    print_data(ctx.out, format, t, json{{"today", today}, {"items", items}});
    return k_exit_ok;
  }
  ctx.out << "Objectives of " << o->org.name << " on " << today << "\n";
  t.print(ctx.out, "  ");
  return k_exit_ok;
}

std::optional<std::string> read_file_bytes(const Ctx& ctx, const std::string& file, int& status) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || !std::filesystem::is_regular_file(file, ec)) {
    status = fail_with(ctx, file + ": no such file");
    return std::nullopt;
  }
  if (size > (64u << 20)) {
    status = fail_with(ctx, file + ": larger than an import may be (64 MiB)");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    status = fail_with(ctx, util::Error{util::ErrorCode::k_io, file + ": cannot be read"});
    return std::nullopt;
  }
  return bytes;
}

int cmd_import(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto bytes = read_file_bytes(ctx, a.file, status);
  if (!bytes) return status;
  auto format = a.format;
  if (format != "csv" && format != "xlsx") {
    auto dot = a.file.rfind('.');
    format = dot == std::string::npos ? "" : util::to_lower(a.file.substr(dot + 1));
  }
  if (format != "csv" && format != "xlsx")
    return fail_with(ctx, a.file + ": give --format csv or xlsx (the name ends in neither)");
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto r = workspace::import_measurement_values(*o->ws, actor(ctx), o->org.id, *bytes, format);
  if (!r) return fail_with(ctx, r.error());
  if (!r->errors.empty()) {
    for (const auto& e : r->errors) ctx.err << a.file << ": " << e.to_string() << '\n';
    return fail_with(ctx, a.file + ": " + std::to_string(r->errors.size()) + " problem" +
                              (r->errors.size() == 1 ? "" : "s") + "; nothing imported");
  }
  ctx.out << a.file << ": " << r->created << " values recorded, " << r->corrected << " corrected, "
          << r->unchanged << " unchanged in " << o->org.name << "\n";
  return k_exit_ok;
}

int cmd_export(const Ctx& ctx, const Args& a) {
  int status = 0;
  auto o = open(ctx, a, status);
  if (!o) return status;
  auto format = a.format == "text" ? std::string("csv") : a.format;
  if (format == "xlsx" && is_standard_output(a.output))
    return fail_with(ctx, "an XLSX workbook is written to a file: give --output FILE");
  auto bytes = workspace::export_measurement_values(*o->ws, o->org.id, format, a.measurement);
  if (!bytes) return fail_with(ctx, bytes.error());
  return write_output(ctx.out, ctx.err, a.output, *bytes);
}

}  // namespace

void add_measurement_commands(CLI::App& app, const CatalogOptions& catalog_options,
                              const WorkspaceOptions& options, std::ostream& out, std::ostream& err,
                              int& status) {
  auto ctx = std::make_shared<Ctx>(Ctx{catalog_options, options, out, err});
  auto* group = app.add_subcommand(
      "measurement", "The values of the ISMS's measurements (ISO/IEC 27001 9.1) and objectives");
  group->require_subcommand(1);
  auto verb = [group, ctx, &status](const char* name, const char* help, auto&& with, auto run) {
    auto a = std::make_shared<Args>();
    auto* c = group->add_subcommand(name, help);
    c->add_option("--org", a->org, "Organization name or id")->required();
    with(c, *a);
    c->callback([=, &status] { status = run(*ctx, *a); });
  };
  auto ref = [](CLI::App* c, Args& a) {
    c->add_option("measurement", a.ref, "The measurement's ref (MEAS-001)")->required();
  };
  auto date = [](CLI::App* c, Args& a) {
    c->add_option("--date", a.date, "The end of the period measured, YYYY-MM-DD")->required();
  };
  verb(
      "record", "Record a measurement's value for a period (one per date)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        date(c, a);
        c->add_option("--value", a.value, "The value, a number (93.5)")->required();
        c->add_option("--note", a.note, "What explains it");
      },
      cmd_record);
  verb(
      "correct", "Correct a recorded value (the one before stays in the audit trail)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        date(c, a);
        c->add_option("--value", a.value, "The corrected value");
        c->add_option("--note", a.note, "The corrected note");
        c->add_option("--expect-version", a.expect_version,
                      "Refuse unless the value is still at this version");
      },
      cmd_correct);
  verb(
      "delete", "Delete a recorded value (kept in the audit trail)",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        date(c, a);
        c->add_option("--expect-version", a.expect_version,
                      "Refuse unless the value is still at this version");
      },
      cmd_delete);
  verb(
      "values", "A measurement's values with their status against target and threshold",
      [&](CLI::App* c, Args& a) {
        ref(c, a);
        c->add_option("--from", a.from, "From this date (YYYY-MM-DD)");
        c->add_option("--to", a.to, "Up to this date (YYYY-MM-DD)");
        c->add_option("--format,-f", a.format, "text, json, yaml or csv")
            ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
      },
      cmd_values);
  verb(
      "progress", "The objectives' progress from their measurements' values",
      [&](CLI::App* c, Args& a) {
        c->add_option("--today", a.today, "Judge as on this date (default: today, UTC)");
        c->add_option("--format,-f", a.format, "text, json, yaml or csv")
            ->check(CLI::IsMember({"text", "json", "yaml", "csv"}));
      },
      cmd_progress);
  verb(
      "import", "Import values from CSV or XLSX (measurement, date, value, note; all rows or none)",
      [&](CLI::App* c, Args& a) {
        c->add_option("file", a.file, "The CSV or XLSX file")->required();
        c->add_option("--format,-f", a.format, "csv or xlsx (default: by the file's name)")
            ->check(CLI::IsMember({"csv", "xlsx"}));
      },
      cmd_import);
  verb(
      "export", "Export the values as CSV or XLSX (the import's columns)",
      [&](CLI::App* c, Args& a) {
        c->add_option("--format,-f", a.format, "csv (default) or xlsx")
            ->check(CLI::IsMember({"csv", "xlsx"}));
        c->add_option("--measurement", a.measurement, "Only this measurement's values");
        c->add_option("--output,-o", a.output, "Write to this file (default: standard output)");
      },
      cmd_export);
}

}  // namespace cyberframe::cli
