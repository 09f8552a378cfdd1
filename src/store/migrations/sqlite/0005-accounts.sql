-- local accounts (argon2id hashes) and their roles per organization.
CREATE TABLE user (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  administrator INTEGER NOT NULL DEFAULT 0 CHECK (administrator IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE user_role (
  user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  organization INTEGER NOT NULL REFERENCES organization(id),
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'auditor', 'viewer')),
  PRIMARY KEY (user, organization)
) WITHOUT ROWID;
