// The SQL of the measurement values' repository (measurement_store.hpp), on the store's unit of
// work.

#include "store/measurement_store.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "codec/measurement_json.hpp"
#include "store/unit_of_work.hpp"
#include "util/clock.hpp"

namespace cyberframe::store {

using sql::Statement;
using util::ErrorCode;
using util::fail;

namespace {

constexpr const char* k_columns =
    "id, organization, measurement, measured_on, value, note, version, recorded_at, recorded_by";

double number_of(const std::string& text) {
  double v = 0;
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

core::MeasurementValue read_value(Statement& st) {
  core::MeasurementValue v;
  v.id = st.integer(0);
  v.organization = st.integer(1);
  v.measurement = st.text(2);
  v.date = st.text(3);
  v.value = number_of(st.text(4));
  v.note = st.text(5);
  v.version = st.integer(6);
  v.recorded_at = st.text(7);
  v.recorded_by = st.text(8);
  return v;
}

class SqlMeasurementStore final : public MeasurementStore {
 public:
  explicit SqlMeasurementStore(UnitOfWork& work) : m_work(work), m_db(work.db()) {}

  Result<core::MeasurementValue> record_value(const core::MeasurementValue& value) override {
    if (auto v = core::validate(value); !v) return std::unexpected(v.error());
    core::MeasurementValue out;
    auto r = m_work.write([&]() -> Result<void> {
      // Read first: after a refused INSERT, PostgreSQL reads nothing more in the transaction.
      auto held = find(value.organization, value.measurement, value.date);
      if (held)
        return fail(ErrorCode::k_conflict, value.measurement + " already has a value for " +
                                               value.date + " (" + core::number_text(held->value) +
                                               ", recorded by " + held->recorded_by + " at " +
                                               held->recorded_at + "); correct that one instead");
      if (held.error().code != ErrorCode::k_not_found) return std::unexpected(held.error());
      auto stored = insert(value);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::MeasurementValue> correct_value(const core::MeasurementValue& value) override {
    if (auto v = core::validate(value); !v) return std::unexpected(v.error());
    core::MeasurementValue out;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = find(value.organization, value.measurement, value.date);
      if (!before) return std::unexpected(before.error());
      if (before->version != value.version) return stale(*before, value.version);
      auto stored = update(*before, value);
      if (!stored) return std::unexpected(stored.error());
      out = std::move(*stored);
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::MeasurementValue> delete_value(std::int64_t organization,
                                              const std::string& measurement,
                                              const std::string& date,
                                              std::int64_t expected_version) override {
    core::MeasurementValue out;
    auto r = m_work.write([&]() -> Result<void> {
      auto before = find(organization, measurement, date);
      if (!before) return std::unexpected(before.error());
      if (before->version != expected_version) return stale(*before, expected_version);
      Statement st(m_db, "DELETE FROM measurement_value WHERE id = ?1 AND version = ?2");
      st.bind(1, before->id).bind(2, before->version);
      if (st.step() != sql::k_done || m_db->changes() != 1)
        return std::unexpected(m_work.db_error("deleting the measurement value"));
      out = *before;
      return m_work.audit("measurement-value", std::to_string(before->id), "delete",
                          codec::to_json(*before).dump(), "null");
    });
    if (!r) return std::unexpected(r.error());
    return out;
  }

  Result<core::MeasurementValue> value(std::int64_t organization, const std::string& measurement,
                                       const std::string& date) override {
    return find(organization, measurement, date);
  }

  Result<util::Paged<core::MeasurementValue>> values(
      std::int64_t organization, const core::MeasurementValueQuery& q) override {
    const std::string where =
        "organization = ?1 AND (?2 = '' OR measurement = ?2) AND (?3 = '' OR measured_on >= ?3) "
        "AND (?4 = '' OR measured_on <= ?4)";
    auto bind = [&](Statement& st) {
      st.bind(1, organization).bind(2, q.measurement).bind(3, q.from).bind(4, q.to);
    };
    util::Paged<core::MeasurementValue> out;
    {
      Statement st(m_db, ("SELECT count(*) FROM measurement_value WHERE " + where).c_str());
      bind(st);
      auto row = st.row();
      if (!row) return std::unexpected(row.error());
      out.total = *row ? static_cast<std::size_t>(st.integer(0)) : 0;
    }
    Statement st(m_db, ("SELECT " + std::string(k_columns) + " FROM measurement_value WHERE " +
                        where + " ORDER BY measurement, measured_on" + q.slice.sql())
                           .c_str());
    bind(st);
    while (st.next()) out.items.push_back(read_value(st));
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<std::map<std::string, core::MeasurementValue>> latest_values(
      std::int64_t organization, const std::vector<std::string>& measurements) override {
    std::string in;
    for (std::size_t i = 0; i < measurements.size(); ++i)
      in += (i ? ", ?" : "?") + std::to_string(i + 2);
    std::string sql = "SELECT " + std::string(k_columns) +
                      " FROM measurement_value v WHERE organization = ?1 AND measured_on = "
                      "(SELECT max(w.measured_on) FROM measurement_value w WHERE w.organization "
                      "= v.organization AND w.measurement = v.measurement)";
    if (!measurements.empty()) sql += " AND measurement IN (" + in + ")";
    sql += " ORDER BY measurement";
    Statement st(m_db, sql.c_str());
    st.bind(1, organization);
    for (std::size_t i = 0; i < measurements.size(); ++i)
      st.bind(static_cast<int>(i + 2), measurements[i]);
    std::map<std::string, core::MeasurementValue> out;
    while (st.next()) {
      auto v = read_value(st);
      out.emplace(v.measurement, std::move(v));
    }
    if (auto end = st.finished(); !end) return std::unexpected(end.error());
    return out;
  }

  Result<MeasurementImportCounts> import_values(
      std::int64_t organization, const std::vector<core::MeasurementValue>& values) override {
    for (const auto& v : values)
      if (auto ok = core::validate(v); !ok) return std::unexpected(ok.error());
    MeasurementImportCounts counts;
    auto r = m_work.write([&]() -> Result<void> {
      for (auto v : values) {
        v.organization = organization;
        auto before = find(organization, v.measurement, v.date);
        if (!before && before.error().code != ErrorCode::k_not_found)
          return std::unexpected(before.error());
        if (!before) {
          auto stored = insert(v);
          if (!stored) return std::unexpected(stored.error());
          ++counts.created;
        } else if (core::number_text(before->value) == core::number_text(v.value) &&
                   before->note == v.note) {
          ++counts.unchanged;
        } else {
          auto stored = update(*before, v);
          if (!stored) return std::unexpected(stored.error());
          ++counts.corrected;
        }
      }
      return {};
    });
    if (!r) return std::unexpected(r.error());
    return counts;
  }

 private:
  Result<core::MeasurementValue> find(std::int64_t organization, const std::string& measurement,
                                      const std::string& date) {
    Statement st(m_db, ("SELECT " + std::string(k_columns) +
                        " FROM measurement_value WHERE organization = ?1 AND measurement = ?2 AND "
                        "measured_on = ?3")
                           .c_str());
    st.bind(1, organization).bind(2, measurement).bind(3, date);
    auto row = st.row();
    if (!row) return std::unexpected(row.error());
    if (!*row) return fail(ErrorCode::k_not_found, "no value of " + measurement + " for " + date);
    return read_value(st);
  }

  Result<void> stale(const core::MeasurementValue& stored, std::int64_t read) {
    return fail(ErrorCode::k_conflict,
                "the value of " + stored.measurement + " for " + stored.date + " was changed by " +
                    stored.recorded_by + " at " + stored.recorded_at +
                    " since you read it (version " + std::to_string(stored.version) +
                    ", you read version " + std::to_string(read) + "); reload it and try again");
  }

  // Inside a write.
  Result<core::MeasurementValue> insert(const core::MeasurementValue& value) {
    auto now = util::now_utc();
    Statement st(m_db,
                 "INSERT INTO measurement_value (organization, measurement, measured_on, value, "
                 "note, version, recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7) "
                 "RETURNING id");
    st.bind(1, value.organization).bind(2, value.measurement).bind(3, value.date);
    st.bind(4, core::number_text(value.value)).bind(5, value.note).bind(6, now);
    st.bind(7, m_work.actor());
    int rc = st.step();
    if (rc == sql::k_constraint && m_db->last_constraint() == sql::Constraint::k_unique)
      return fail(ErrorCode::k_conflict, value.measurement + " already has a value for " +
                                             value.date + "; correct that one instead");
    if (rc != sql::k_row) return std::unexpected(m_work.db_error("storing the measurement value"));
    core::MeasurementValue out = value;
    out.id = st.integer(0);
    out.version = 1;
    out.recorded_at = now;
    out.recorded_by = m_work.actor();
    auto a = m_work.audit("measurement-value", std::to_string(out.id), "create", "null",
                          codec::to_json(out).dump());
    if (!a) return std::unexpected(a.error());
    return out;
  }

  // Inside a write: `before` as read takes `value`'s number and note.
  Result<core::MeasurementValue> update(const core::MeasurementValue& before,
                                        const core::MeasurementValue& value) {
    auto now = util::now_utc();
    Statement st(m_db,
                 "UPDATE measurement_value SET value = ?1, note = ?2, version = version + 1, "
                 "recorded_at = ?3, recorded_by = ?4 WHERE id = ?5 AND version = ?6");
    st.bind(1, core::number_text(value.value)).bind(2, value.note).bind(3, now);
    st.bind(4, m_work.actor()).bind(5, before.id).bind(6, before.version);
    if (st.step() != sql::k_done || m_db->changes() != 1)
      return std::unexpected(m_work.db_error("correcting the measurement value"));
    core::MeasurementValue out = before;
    out.value = value.value;
    out.note = value.note;
    out.version = before.version + 1;
    out.recorded_at = now;
    out.recorded_by = m_work.actor();
    auto a = m_work.audit("measurement-value", std::to_string(out.id), "update",
                          codec::to_json(before).dump(), codec::to_json(out).dump());
    if (!a) return std::unexpected(a.error());
    return out;
  }

  UnitOfWork& m_work;
  sql::Connection* m_db;
};

}  // namespace

std::unique_ptr<MeasurementStore> make_measurement_store(UnitOfWork& work) {
  return std::make_unique<SqlMeasurementStore>(work);
}

}  // namespace cyberframe::store
