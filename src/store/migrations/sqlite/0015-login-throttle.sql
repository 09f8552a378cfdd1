-- The login throttle's counts, shared by every process of the workspace (core/login_throttle.hpp,
-- docs/security.md): one row per key ("name:NAME", "addr:ADDRESS", "pair:NAME ADDRESS"), times
-- in milliseconds since the Unix epoch. Not a record of the workspace: no audit row, no version;
-- rows are forgotten an hour after their last failure and the table holds at most 50,000 keys
-- (Store::update_login_throttle). The workspace copy leaves it out.
CREATE TABLE login_throttle (
  throttle_key TEXT NOT NULL PRIMARY KEY,
  failures INTEGER NOT NULL DEFAULT 0,
  in_flight INTEGER NOT NULL DEFAULT 0,
  in_flight_until INTEGER NOT NULL DEFAULT 0,
  next_allowed INTEGER NOT NULL DEFAULT 0,
  last_failure INTEGER NOT NULL DEFAULT 0,
  last_audit INTEGER NOT NULL DEFAULT 0,
  audited INTEGER NOT NULL DEFAULT 0,
  unaudited INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);
