#pragma once
// The ISMS's measurement values (ISO/IEC 27001:2022 9.1, used by the objectives of 6.2): their
// use cases for the API and the command line alike (docs/user-guide.md, "Measurements").
//
// Rules (here once; the evaluation itself is core/measurement.hpp's):
// - a value names a measurement of the organization's `measurements` register by its ref
//   (MEAS-NNN, any case, kept upper case): an unknown measurement is k_not_found; its date is the
//   end of the period measured (YYYY-MM-DD), its value a finite number, its note at most 2,000
//   bytes;
// - one value per measurement and date: recording a second one is k_conflict naming the first; a
//   correction (correct_measurement_value) changes its number or note with the version read (a
//   stale one is k_conflict), and the audit trail keeps the value before; a removal likewise;
// - an import (CSV or XLSX: measurement, date, value, note) stores all its rows or none; every bad
//   row is named {row, column, message} (a measurement the register lacks among them); a row for
//   a date already recorded corrects that value, the same value again changes nothing;
// - a series gives each value its status against the measurement's target and threshold and the
//   trend; an objective's progress is core::objective_progress on its measurement's series.
//
// The definitions and objectives come from the ISMS registers (`measurements` and `objectives`),
// read through measurement_definitions() and measurement_objectives() below: the only two
// functions that know where they live.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/measurement.hpp"
#include "exchange/profile_table.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::workspace {

class Workspace;
using util::Result;

// --- what the registers give (the seam wired to workspace/isms.hpp) ---
// The definitions of the organization's live measurements among `refs` (every one when empty),
// by ref.
Result<std::map<std::string, core::MeasurementDefinition>> measurement_definitions(
    Workspace& ws, std::int64_t organization, const std::vector<std::string>& refs = {});
// The organization's live objectives, as objective_progress reads them.
Result<std::vector<core::ObjectiveInput>> measurement_objectives(Workspace& ws,
                                                                 std::int64_t organization);

// --- values ---
Result<core::MeasurementValue> record_measurement_value(Workspace& ws, const std::string& actor,
                                                        std::int64_t organization,
                                                        core::MeasurementValue value);
// `value.version` is the version read.
Result<core::MeasurementValue> correct_measurement_value(Workspace& ws, const std::string& actor,
                                                         std::int64_t organization,
                                                         core::MeasurementValue value);
Result<core::MeasurementValue> delete_measurement_value(Workspace& ws, const std::string& actor,
                                                        std::int64_t organization,
                                                        const std::string& measurement,
                                                        const std::string& date,
                                                        std::int64_t expected_version);
Result<core::MeasurementValue> find_measurement_value(Workspace& ws, std::int64_t organization,
                                                      const std::string& measurement,
                                                      const std::string& date);
// A page of one measurement's values (query.measurement set: k_not_found when the register has no
// such measurement) or of all of them; ref and dates checked (k_invalid_input, field
// "measurement", "from" or "to").
Result<util::Paged<core::MeasurementValue>> list_measurement_values(
    Workspace& ws, std::int64_t organization, core::MeasurementValueQuery query);
// Many values at once (the demo, an import's rows once checked): all or none.
Result<std::size_t> store_measurement_values(Workspace& ws, const std::string& actor,
                                             std::int64_t organization,
                                             std::vector<core::MeasurementValue> values);

// --- series and progress ---
Result<core::MeasurementSeries> measurement_series(Workspace& ws, std::int64_t organization,
                                                   const std::string& measurement,
                                                   const std::string& from = "",
                                                   const std::string& to = "");
// Every live objective of the organization, by ref, on `today` (YYYY-MM-DD); the newest value of
// each measurement read in one query.
Result<std::vector<core::ObjectiveProgress>> objectives_progress(Workspace& ws,
                                                                 std::int64_t organization,
                                                                 const std::string& today);

// --- import and export ---
struct MeasurementImportResult {
  std::size_t created = 0;
  std::size_t corrected = 0;
  std::size_t unchanged = 0;
  std::vector<exchange::RowError> errors;  // when not empty, nothing was stored
};
// `format` "csv" or "xlsx" (k_invalid_input, field "format", otherwise).
Result<MeasurementImportResult> import_measurement_values(Workspace& ws, const std::string& actor,
                                                          std::int64_t organization,
                                                          std::string_view bytes,
                                                          const std::string& format);
// Every value of the organization (or of one measurement) by measurement and date.
Result<std::string> export_measurement_values(Workspace& ws, std::int64_t organization,
                                              const std::string& format,
                                              const std::string& measurement = "");

}  // namespace cyberframe::workspace
