// The ISMS's measurement values over HTTP (docs/api.md, "Measurements"): a measurement's values
// (record, correct, delete, list), its series with statuses (what a chart draws), the import and
// export of values, and the objectives' progress. The rules are workspace/measurements.hpp's;
// handlers parse, call and render.
#include "codec/measurement_json.hpp"
#include "core/input_rules.hpp"
#include "report/measurement_chart.hpp"
#include "server/api.hpp"
#include "server/api_workspace.hpp"
#include "util/date.hpp"
#include "workspace/measurements.hpp"

namespace cyberframe::server {

namespace {

std::string param(const Call& call, const std::string& name) {
  auto it = call.req.query.find(name);
  return it == call.req.query.end() ? "" : it->second;
}

// The {measurement} of the path: a ref (MEAS-001, any case), else 400.
Answer<std::string> measurement_of(const Call& call) {
  const auto& ref = call.req.params.at("measurement");
  if (!core::is_measurement_ref(ref))
    return std::unexpected(bad_parameter(
        "measurement", "'" + ref.substr(0, 40) +
                           "' is not a measurement ref: MEAS- and 3 to 6 digits (MEAS-001)"));
  return core::canonical_measurement_ref(ref);
}

// A date of the query (from, to, today), else 400 naming it.
std::optional<Response> date_param(const Call& call, const std::string& name, std::string& into) {
  into = param(call, name);
  if (into.empty()) return std::nullopt;
  if (auto d = core::check_date(name, into); !d) return bad_parameter(name, d.error().message);
  return std::nullopt;
}

// A workspace error about a query parameter (field from/to/measurement): 400 naming it.
Response query_problem(const util::Error& e) {
  if (e.code == util::ErrorCode::k_invalid_input && !e.field.empty())
    return bad_parameter(e.field, e.message);
  return problem_from(e);
}

Response list_values(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"from", "to", "limit", "offset"})) return *bad;
  auto ref = measurement_of(call);
  if (!ref) return ref.error();
  Page page;
  if (auto bad = read_page(call.req, page, 100, 1000)) return *bad;
  core::MeasurementValueQuery q;
  q.measurement = *ref;
  if (auto bad = date_param(call, "from", q.from)) return *bad;
  if (auto bad = date_param(call, "to", q.to)) return *bad;
  q.slice = slice_of(page);
  auto list = workspace::list_measurement_values(call.ctx.workspace, org->id, q);
  if (!list) return query_problem(list.error());
  return ok(
      paged_json(*list, page, [](const core::MeasurementValue& v) { return codec::to_json(v); }));
}

std::optional<Response> read_value_body(const Call& call, json& body, bool create) {
  return read_body(call,
                   {{"date", FieldType::k_string, create, 10},
                    {"value", FieldType::k_number, create},
                    {"note", FieldType::k_string, false, core::k_max_note_bytes}},
                   body);
}

Response record_value(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto ref = measurement_of(call);
  if (!ref) return ref.error();
  json body;
  if (auto bad = read_value_body(call, body, true)) return *bad;
  core::MeasurementValue v;
  v.measurement = *ref;
  v.date = body["date"].get<std::string>();
  v.value = body["value"].get<double>();
  if (body.contains("note")) v.note = body["note"].get<std::string>();
  auto stored = workspace::record_measurement_value(call.ctx.workspace, actor(call), org->id, v);
  if (!stored) return problem_from(stored.error());
  return with_etag(ok(codec::to_json(*stored), 201), stored->version);
}

Response get_value(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {})) return *bad;
  auto ref = measurement_of(call);
  if (!ref) return ref.error();
  auto v = workspace::find_measurement_value(call.ctx.workspace, org->id, *ref,
                                             call.req.params.at("date"));
  if (!v)
    return v.error().code == util::ErrorCode::k_invalid_input
               ? bad_parameter("date", v.error().message)
               : problem_from(v.error());
  return with_etag(ok(codec::to_json(*v)), v->version);
}

Response correct_value(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto ref = measurement_of(call);
  if (!ref) return ref.error();
  const auto& date = call.req.params.at("date");
  auto v = workspace::find_measurement_value(call.ctx.workspace, org->id, *ref, date);
  if (!v)
    return v.error().code == util::ErrorCode::k_invalid_input
               ? bad_parameter("date", v.error().message)
               : problem_from(v.error());
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  json body;
  if (auto bad = read_value_body(call, body, false)) return *bad;
  if (body.contains("date") && body["date"].get<std::string>() != v->date)
    return problem(
        422, "Not accepted",
        "a value's date is not changed: delete it and record it for the other date",
        json{{"errors",
              json::array({{{"field", "date"}, {"message", "differs from the path's"}}})}});
  core::MeasurementValue changed = *v;
  if (body.contains("value")) changed.value = body["value"].get<double>();
  if (body.contains("note")) changed.note = body["note"].get<std::string>();
  auto written = versioned_write(
      *expected, v->version, "measurement value",
      [&] {
        return workspace::correct_measurement_value(call.ctx.workspace, actor(call), org->id,
                                                    changed);
      },
      [&]() -> std::optional<Current> {
        auto now = workspace::find_measurement_value(call.ctx.workspace, org->id, *ref, date);
        if (!now) return std::nullopt;
        return Current{codec::to_json(*now), now->version};
      });
  if (!written) return written.error();
  return with_etag(ok(codec::to_json(*written)), written->version);
}

Response delete_value(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  auto ref = measurement_of(call);
  if (!ref) return ref.error();
  const auto& date = call.req.params.at("date");
  auto v = workspace::find_measurement_value(call.ctx.workspace, org->id, *ref, date);
  if (!v)
    return v.error().code == util::ErrorCode::k_invalid_input
               ? bad_parameter("date", v.error().message)
               : problem_from(v.error());
  auto expected = required_if_match(call);
  if (!expected) return expected.error();
  auto gone = versioned_write(
      *expected, v->version, "measurement value",
      [&] {
        return workspace::delete_measurement_value(call.ctx.workspace, actor(call), org->id, *ref,
                                                   date, *expected);
      },
      [&]() -> std::optional<Current> {
        auto now = workspace::find_measurement_value(call.ctx.workspace, org->id, *ref, date);
        if (!now) return std::nullopt;
        return Current{codec::to_json(*now), now->version};
      });
  if (!gone) return gone.error();
  return no_content();
}

Answer<core::MeasurementSeries> series_for(Call& call, std::int64_t organization) {
  auto ref = measurement_of(call);
  if (!ref) return std::unexpected(ref.error());
  std::string from, to;
  if (auto bad = date_param(call, "from", from)) return std::unexpected(*bad);
  if (auto bad = date_param(call, "to", to)) return std::unexpected(*bad);
  auto s = workspace::measurement_series(call.ctx.workspace, organization, *ref, from, to);
  if (!s) return std::unexpected(query_problem(s.error()));
  return std::move(*s);
}

Response get_series(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"from", "to"})) return *bad;
  auto s = series_for(call, org->id);
  if (!s) return s.error();
  return ok(codec::to_json(*s));
}

Response get_chart(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"from", "to"})) return *bad;
  auto s = series_for(call, org->id);
  if (!s) return s.error();
  return Response{200, "image/svg+xml", report::render_series_svg(*s), {}};
}

Response import_values(Call& call) {
  auto org = organization_for(call, Need::k_write);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format"})) return *bad;
  auto format = param(call, "format");
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  if (call.req.body.empty()) return problem(400, "Empty file", "the request body is empty");
  auto r = workspace::import_measurement_values(call.ctx.workspace, actor(call), org->id,
                                                call.req.body, format);
  if (!r) return problem_from(r.error());
  if (!r->errors.empty()) {
    json errors = json::array();
    for (const auto& e : r->errors)
      errors.push_back(json{{"row", e.row}, {"column", e.column}, {"message", e.message}});
    return problem(
        422, "Nothing imported",
        std::to_string(r->errors.size()) + " problem(s); first: " + r->errors.front().to_string(),
        json{{"errors", errors}});
  }
  return ok(
      json{{"created", r->created}, {"corrected", r->corrected}, {"unchanged", r->unchanged}});
}

Response export_values(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"format", "measurement"})) return *bad;
  auto format = param(call, "format");
  if (format.empty()) format = "csv";
  if (format != "csv" && format != "xlsx")
    return bad_parameter("format", "format must be csv or xlsx");
  auto measurement = param(call, "measurement");
  if (!measurement.empty() && !core::is_measurement_ref(measurement))
    return bad_parameter("measurement",
                         "'" + measurement.substr(0, 40) + "' is not a measurement ref (MEAS-001)");
  auto bytes =
      workspace::export_measurement_values(call.ctx.workspace, org->id, format, measurement);
  if (!bytes) return problem_from(bytes.error());
  std::string type = format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument."
                                       "spreadsheetml.sheet";
  Response out{200, type, std::move(*bytes), {}};
  out.headers.emplace_back("Content-Disposition",
                           attachment(file_stem(org->name) + "-measurements." + format));
  return out;
}

Response objectives_progress(Call& call) {
  auto org = organization_for(call, Need::k_read);
  if (!org) return org.error();
  if (auto bad = only_parameters(call.req, {"today"})) return *bad;
  std::string today;
  if (auto bad = date_param(call, "today", today)) return *bad;
  if (today.empty()) today = util::today_utc();
  auto list = workspace::objectives_progress(call.ctx.workspace, org->id, today);
  if (!list) return problem_from(list.error());
  json items = json::array();
  for (const auto& p : *list) items.push_back(codec::to_json(p));
  return ok(json{{"today", today}, {"items", items}, {"total", list->size()}});
}

}  // namespace

void add_measurement_routes(Routes& routes) {
  auto user = Access::k_user;
  const std::string o = "/api/v1/organizations/{org}";
  const std::string m = o + "/measurements/{measurement}";
  routes.add("GET", m + "/values", user, list_values);
  routes.add("POST", m + "/values", user, record_value);
  routes.add("GET", m + "/values/{date}", user, get_value);
  routes.add("PUT", m + "/values/{date}", user, correct_value);
  routes.add("DELETE", m + "/values/{date}", user, delete_value);
  routes.add("GET", m + "/series", user, get_series);
  routes.add("GET", m + "/chart.svg", user, get_chart);
  routes.add("POST", o + "/measurement-values/import", user, import_values).upload().gated();
  routes.add("GET", o + "/measurement-values/export", user, export_values);
  routes.add("GET", o + "/objectives-progress", user, objectives_progress);
}

}  // namespace cyberframe::server
