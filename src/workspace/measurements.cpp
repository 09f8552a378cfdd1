#include "workspace/measurements.hpp"

#include <set>

#include "core/input_rules.hpp"
#include "exchange/measurement_table.hpp"
#include "store/store.hpp"
#include "workspace/isms.hpp"
#include "workspace/measurement_demo.hpp"
#include "workspace/workspace.hpp"

namespace cyberframe::workspace {

using util::ErrorCode;
using util::fail;

namespace {

store::MeasurementStore& repo(Workspace& ws, const std::string& actor = "") {
  if (!actor.empty()) ws.storage().set_actor(actor);
  return ws.storage().measurements();
}

// The value as the rules want it: its ref canonical, the organization set, then checked.
Result<void> prepare(core::MeasurementValue& v, std::int64_t organization) {
  v.organization = organization;
  v.measurement = core::canonical_measurement_ref(v.measurement);
  return core::validate(v);
}

Result<core::MeasurementDefinition> definition_of(Workspace& ws, std::int64_t organization,
                                                  const std::string& ref) {
  auto defs = measurement_definitions(ws, organization, {ref});
  if (!defs) return std::unexpected(defs.error());
  auto it = defs->find(ref);
  if (it == defs->end())
    return util::fail_field(ErrorCode::k_not_found,
                            "no measurement " + ref + " in the organization's register",
                            "measurement");
  return it->second;
}

core::MeasurementDefinition definition_from(const core::IsmsRecord& r) {
  core::MeasurementDefinition d;
  d.ref = r.ref;
  d.title = r.title;
  d.unit = r.text("unit");
  d.frequency = r.text("frequency");
  if (auto dir = core::parse_direction(r.text("direction"))) d.direction = *dir;
  d.target = core::parse_value(r.text("target"));
  d.threshold = core::parse_value(r.text("threshold"));
  return d;
}

// `query` checked: its measurement's ref (made canonical) and its dates (k_invalid_input, field
// "measurement", "from" or "to"). When it names a measurement, that measurement's definition
// (k_not_found when the register has none).
Result<std::optional<core::MeasurementDefinition>> checked_query(
    Workspace& ws, std::int64_t organization, core::MeasurementValueQuery& query) {
  if (!query.measurement.empty()) {
    if (!core::is_measurement_ref(query.measurement))
      return util::fail_field(ErrorCode::k_invalid_input,
                              "'" + query.measurement.substr(0, 40) +
                                  "' is not a measurement ref: MEAS- and 3 to 6 digits (MEAS-001)",
                              "measurement");
    query.measurement = core::canonical_measurement_ref(query.measurement);
  }
  for (auto [text, field] : {std::pair{&query.from, "from"}, std::pair{&query.to, "to"}}) {
    if (text->empty()) continue;
    if (auto d = core::check_date(field, *text); !d)
      return util::fail_field(ErrorCode::k_invalid_input, d.error().message, field);
  }
  if (!query.from.empty() && !query.to.empty() && query.from > query.to)
    return util::fail_field(ErrorCode::k_invalid_input,
                            "from (" + query.from + ") is after to (" + query.to + ")", "from");
  if (query.measurement.empty()) return std::nullopt;
  auto def = definition_of(ws, organization, query.measurement);
  if (!def) return std::unexpected(def.error());
  return std::move(*def);
}

}  // namespace

// The live records of the `measurements` register (all of them, or those of `refs` that exist):
// one by its ref, several with the register in one query, however many refs an import or the
// objectives name.
Result<std::map<std::string, core::MeasurementDefinition>> measurement_definitions(
    Workspace& ws, std::int64_t organization, const std::vector<std::string>& refs) {
  std::map<std::string, core::MeasurementDefinition> out;
  std::set<std::string> wanted;
  for (const auto& ref : refs) wanted.insert(core::canonical_measurement_ref(ref));
  if (wanted.size() == 1) {
    auto r = find_record(ws, organization, "measurements", *wanted.begin());
    if (r) out[core::canonical_measurement_ref(r->ref)] = definition_from(*r);
    if (!r && r.error().code != ErrorCode::k_not_found) return std::unexpected(r.error());
    return out;
  }
  core::IsmsQuery query;
  query.slice = util::Slice::all();
  auto page = list_records(ws, organization, "measurements", query);
  if (!page) return std::unexpected(page.error());
  for (const auto& r : page->items) {
    auto ref = core::canonical_measurement_ref(r.ref);
    if (wanted.empty() || wanted.contains(ref)) out[ref] = definition_from(r);
  }
  return out;
}

// The live records of the `objectives` register: due date, status, target and measurement.
Result<std::vector<core::ObjectiveInput>> measurement_objectives(Workspace& ws,
                                                                 std::int64_t organization) {
  core::IsmsQuery query;
  query.slice = util::Slice::all();
  auto page = list_records(ws, organization, "objectives", query);
  if (!page) return std::unexpected(page.error());
  std::vector<core::ObjectiveInput> out;
  for (const auto& r : page->items) {
    core::ObjectiveInput o;
    o.ref = r.ref;
    o.measurement = r.text("measurement");
    if (o.measurement.starts_with("measurements/")) o.measurement.erase(0, 13);
    o.due_date = r.text("due");
    o.status = r.status;
    o.target = core::parse_objective_target(r.text("target"));
    out.push_back(std::move(o));
  }
  return out;
}

Result<core::MeasurementValue> record_measurement_value(Workspace& ws, const std::string& actor,
                                                        std::int64_t organization,
                                                        core::MeasurementValue value) {
  if (auto v = prepare(value, organization); !v) return std::unexpected(v.error());
  if (auto d = definition_of(ws, organization, value.measurement); !d)
    return std::unexpected(d.error());
  return repo(ws, actor).record_value(value);
}

Result<core::MeasurementValue> correct_measurement_value(Workspace& ws, const std::string& actor,
                                                         std::int64_t organization,
                                                         core::MeasurementValue value) {
  if (auto v = prepare(value, organization); !v) return std::unexpected(v.error());
  return repo(ws, actor).correct_value(value);
}

Result<core::MeasurementValue> delete_measurement_value(Workspace& ws, const std::string& actor,
                                                        std::int64_t organization,
                                                        const std::string& measurement,
                                                        const std::string& date,
                                                        std::int64_t expected_version) {
  core::MeasurementValue key;
  key.measurement = measurement;
  key.date = date;
  if (auto v = prepare(key, organization); !v) return std::unexpected(v.error());
  return repo(ws, actor).delete_value(organization, key.measurement, key.date, expected_version);
}

Result<core::MeasurementValue> find_measurement_value(Workspace& ws, std::int64_t organization,
                                                      const std::string& measurement,
                                                      const std::string& date) {
  core::MeasurementValue key;
  key.measurement = measurement;
  key.date = date;
  if (auto v = prepare(key, organization); !v) return std::unexpected(v.error());
  return repo(ws).value(organization, key.measurement, key.date);
}

Result<util::Paged<core::MeasurementValue>> list_measurement_values(
    Workspace& ws, std::int64_t organization, core::MeasurementValueQuery query) {
  if (auto d = checked_query(ws, organization, query); !d) return std::unexpected(d.error());
  return repo(ws).values(organization, query);
}

Result<std::size_t> store_measurement_values(Workspace& ws, const std::string& actor,
                                             std::int64_t organization,
                                             std::vector<core::MeasurementValue> values) {
  std::vector<std::string> refs;
  for (auto& v : values) {
    if (auto ok = prepare(v, organization); !ok) return std::unexpected(ok.error());
    refs.push_back(v.measurement);
  }
  auto defs = measurement_definitions(ws, organization, refs);
  if (!defs) return std::unexpected(defs.error());
  for (const auto& v : values)
    if (!defs->contains(v.measurement))
      return util::fail_field(ErrorCode::k_not_found,
                              "no measurement " + v.measurement + " in the organization's register",
                              "measurement");
  auto counts = repo(ws, actor).import_values(organization, values);
  if (!counts) return std::unexpected(counts.error());
  return counts->created + counts->corrected;
}

Result<core::MeasurementSeries> measurement_series(Workspace& ws, std::int64_t organization,
                                                   const std::string& measurement,
                                                   const std::string& from, const std::string& to) {
  core::MeasurementValueQuery q;
  q.measurement = measurement;
  q.from = from;
  q.to = to;
  auto def = checked_query(ws, organization, q);
  if (!def) return std::unexpected(def.error());
  if (!*def)
    return util::fail_field(ErrorCode::k_invalid_input, "give the measurement's ref (MEAS-001)",
                            "measurement");
  auto page = repo(ws).values(organization, q);
  if (!page) return std::unexpected(page.error());
  return core::build_series(**def, page->items);
}

Result<std::vector<core::ObjectiveProgress>> objectives_progress(Workspace& ws,
                                                                 std::int64_t organization,
                                                                 const std::string& today) {
  if (auto d = core::check_date("today", today); !d) return std::unexpected(d.error());
  auto objectives = measurement_objectives(ws, organization);
  if (!objectives) return std::unexpected(objectives.error());
  std::vector<std::string> refs;
  for (const auto& o : *objectives)
    if (!o.measurement.empty()) refs.push_back(core::canonical_measurement_ref(o.measurement));
  auto defs = measurement_definitions(ws, organization, refs);
  if (!defs) return std::unexpected(defs.error());
  std::map<std::string, core::MeasurementValue> latest;
  if (!refs.empty()) {
    auto l = repo(ws).latest_values(organization, refs);
    if (!l) return std::unexpected(l.error());
    latest = std::move(*l);
  }
  std::vector<core::ObjectiveProgress> out;
  for (const auto& o : *objectives) {
    auto ref = core::canonical_measurement_ref(o.measurement);
    core::MeasurementDefinition def;
    def.ref = ref;
    if (auto it = defs->find(ref); it != defs->end()) def = it->second;
    std::vector<core::MeasurementValue> series;
    if (auto it = latest.find(ref); it != latest.end()) series.push_back(it->second);
    out.push_back(core::objective_progress(o, def, series, today));
  }
  return out;
}

Result<MeasurementImportResult> import_measurement_values(Workspace& ws, const std::string& actor,
                                                          std::int64_t organization,
                                                          std::string_view bytes,
                                                          const std::string& format) {
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return util::fail_field(ErrorCode::k_invalid_input, "format must be csv or xlsx", "format");
  auto parsed = exchange::import_measurement_values(*f, bytes);
  MeasurementImportResult out;
  if (!parsed.errors.empty()) {
    out.errors = std::move(parsed.errors);
    return out;
  }
  std::vector<std::string> refs;
  for (const auto& r : parsed.rows) refs.push_back(r.value.measurement);
  auto defs = measurement_definitions(ws, organization, refs);
  if (!defs) return std::unexpected(defs.error());
  std::vector<core::MeasurementValue> values;
  for (const auto& r : parsed.rows) {
    if (!defs->contains(r.value.measurement)) {
      out.errors.push_back(
          {r.line, "measurement", "no measurement " + r.value.measurement + " in the register"});
      continue;
    }
    values.push_back(r.value);
    values.back().organization = organization;
  }
  if (!out.errors.empty()) return out;
  auto counts = repo(ws, actor).import_values(organization, values);
  if (!counts) return std::unexpected(counts.error());
  out.created = counts->created;
  out.corrected = counts->corrected;
  out.unchanged = counts->unchanged;
  return out;
}

Result<std::string> export_measurement_values(Workspace& ws, std::int64_t organization,
                                              const std::string& format,
                                              const std::string& measurement) {
  auto f = exchange::parse_table_format(format);
  if (!f || *f == exchange::TableFormat::k_yaml)
    return util::fail_field(ErrorCode::k_invalid_input, "format must be csv or xlsx", "format");
  core::MeasurementValueQuery q;
  q.measurement = measurement;
  auto page = list_measurement_values(ws, organization, q);
  if (!page) return std::unexpected(page.error());
  auto bytes = exchange::export_measurement_values(page->items, *f);
  if (bytes.empty()) return fail(ErrorCode::k_io, "the workbook could not be written");
  return bytes;
}

}  // namespace cyberframe::workspace
