-- SQLite's 0015-login-throttle.sql: the login throttle's counts, shared by every server on the
-- database (core/login_throttle.hpp, docs/security.md): one row per key, times in milliseconds
-- since the Unix epoch. Not a record of the workspace: no audit row, no version. A reservation
-- locks its keys' rows (INSERT ... ON CONFLICT DO UPDATE ... RETURNING) for one short
-- transaction, without the writers' advisory lock. The workspace copy leaves it out.
CREATE TABLE login_throttle (
  throttle_key TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  failures BIGINT NOT NULL DEFAULT 0,
  in_flight BIGINT NOT NULL DEFAULT 0,
  in_flight_until BIGINT NOT NULL DEFAULT 0,
  next_allowed BIGINT NOT NULL DEFAULT 0,
  last_failure BIGINT NOT NULL DEFAULT 0,
  last_audit BIGINT NOT NULL DEFAULT 0,
  audited BIGINT NOT NULL DEFAULT 0,
  unaudited BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);
