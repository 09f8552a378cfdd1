-- account names unique without regard to case, accounts that can be disabled, and API tokens with
-- an expiry, a scope and an optional organization. Accounts whose names differed only in case are
-- kept: the oldest keeps its name, each later one is renamed NAME.ID (its password, roles, sessions
-- and tokens unchanged). Existing tokens, which never expired, end 90 days after the migration and
-- keep reading and writing in every organization.
UPDATE user SET name = name || '.' || id
  WHERE EXISTS (SELECT 1 FROM user o WHERE o.name = user.name COLLATE NOCASE AND o.id < user.id);
CREATE UNIQUE INDEX user_name_nocase ON user (name COLLATE NOCASE);
ALTER TABLE user ADD COLUMN disabled_at TEXT NOT NULL DEFAULT '';
ALTER TABLE api_token ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
ALTER TABLE api_token ADD COLUMN scope TEXT NOT NULL DEFAULT 'read-write'
  CHECK (scope IN ('read-only', 'read-write'));
ALTER TABLE api_token ADD COLUMN organization INTEGER REFERENCES organization(id);
UPDATE api_token SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+90 days');
CREATE INDEX api_token_user ON api_token (user);
