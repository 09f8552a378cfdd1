-- organizations' own implementation-level scales (levels as JSON).
CREATE TABLE scale (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  levels TEXT NOT NULL,
  created_at TEXT NOT NULL
);
