-- evidence, files stored once by content hash.
CREATE TABLE evidence_blob (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
  name TEXT NOT NULL,
  url TEXT NOT NULL DEFAULT '',
  sha256 TEXT REFERENCES evidence_blob(sha256),
  size INTEGER NOT NULL DEFAULT 0,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);
CREATE INDEX evidence_by_node ON evidence (profile, node);
