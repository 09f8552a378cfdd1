#pragma once
// The repository of the ISMS's measurement values (core/measurement.hpp): one value per
// organization, measurement ref and date. Reached as Store::measurements(); the SQL lives in
// measurement_store.cpp, on the store's unit of work (store/unit_of_work.hpp), so a write here is
// one transaction with its audit rows like any other.
//
// Contract (as Store's): every write is one transaction with its audit row(s) (entity
// "measurement-value", the row's id, its JSON before and after); refs are stored as given (the
// workspace makes them canonical, MEAS-001); a second value for the same measurement and date is
// k_conflict naming the one stored; a correction or removal names the version it read and a stale
// one is k_conflict; lists are filtered and paged here.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/measurement.hpp"
#include "util/page.hpp"
#include "util/result.hpp"

namespace cyberframe::store {

using util::Result;

struct MeasurementImportCounts {
  std::size_t created = 0;
  std::size_t corrected = 0;
  std::size_t unchanged = 0;
};

class MeasurementStore {
 public:
  virtual ~MeasurementStore() = default;

  // A new value (k_conflict when the measurement has one for that date).
  virtual Result<core::MeasurementValue> record_value(const core::MeasurementValue& value) = 0;
  // The value of (organization, measurement, date) takes `value`'s number and note; `value.version`
  // is the version read (k_conflict when stale, k_not_found when there is none).
  virtual Result<core::MeasurementValue> correct_value(const core::MeasurementValue& value) = 0;
  // Deletes it; returns it as it was.
  virtual Result<core::MeasurementValue> delete_value(std::int64_t organization,
                                                      const std::string& measurement,
                                                      const std::string& date,
                                                      std::int64_t expected_version) = 0;
  virtual Result<core::MeasurementValue> value(std::int64_t organization,
                                               const std::string& measurement,
                                               const std::string& date) = 0;
  // A page of the organization's values, by measurement then date (oldest first); one
  // measurement's only when query.measurement is set; dates within from..to when set.
  virtual Result<util::Paged<core::MeasurementValue>> values(
      std::int64_t organization, const core::MeasurementValueQuery& query) = 0;
  // The newest value of each of `measurements` (every measurement of the organization when
  // empty) that has one, by ref, in one query.
  virtual Result<std::map<std::string, core::MeasurementValue>> latest_values(
      std::int64_t organization, const std::vector<std::string>& measurements) = 0;
  // Writes many values in one transaction (an import): all or none. A value for a date already
  // stored corrects it when its number or note differ, and is counted unchanged otherwise.
  virtual Result<MeasurementImportCounts> import_values(
      std::int64_t organization, const std::vector<core::MeasurementValue>& values) = 0;
};

}  // namespace cyberframe::store
