-- The results of the ISMS's measurements (ISO/IEC 27001:2022 9.1; docs/user-guide.md,
-- "Measurements"): one value per organization, measurement (its ref in the `measurements`
-- register, MEAS-NNN) and date (the end of the period measured). A correction is an update of
-- the row (its version goes up), a removal deletes it; each is audited (entity
-- "measurement-value") with the row before and after. The value is kept as the shortest decimal
-- text that reads back as the same double, so both dialects hold it exactly.
CREATE TABLE measurement_value (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  measurement TEXT NOT NULL CHECK (length(measurement) > 0),
  measured_on TEXT NOT NULL CHECK (length(measured_on) = 10),
  value TEXT NOT NULL CHECK (length(value) > 0),
  note TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  CONSTRAINT measurement_value_unique UNIQUE (organization, measurement, measured_on)
);
