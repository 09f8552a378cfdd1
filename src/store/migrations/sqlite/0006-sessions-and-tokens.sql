-- server sessions and API tokens (only SHA-256 hashes of the secrets are stored), and comments on a
-- profile's nodes (auditors' notes).
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX session_user ON session (user);
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE node_comment (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profile(id),
  node TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX node_comment_node ON node_comment (profile, node);
