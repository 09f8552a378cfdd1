-- organizations, profiles, node assessments, snapshots, roadmap.
CREATE TABLE organization (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  scope TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE profile (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  framework TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('current', 'target')),
  scale TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization, name)
);
CREATE TABLE node_assessment (
  profile INTEGER NOT NULL REFERENCES profile(id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  level INTEGER,
  not_applicable INTEGER NOT NULL DEFAULT 0 CHECK (not_applicable IN (0, 1)),
  justification TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (profile, node)
) WITHOUT ROWID;
CREATE TABLE snapshot (
  id INTEGER PRIMARY KEY,
  profile INTEGER NOT NULL REFERENCES profile(id),
  name TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  assessor TEXT NOT NULL,
  signed_off_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE snapshot_node (
  snapshot INTEGER NOT NULL REFERENCES snapshot(id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  level INTEGER,
  not_applicable INTEGER NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  priority INTEGER NOT NULL DEFAULT 2,
  PRIMARY KEY (snapshot, node)
) WITHOUT ROWID;
CREATE TABLE action (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  owner TEXT NOT NULL DEFAULT '',
  due TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),
  effort_days INTEGER NOT NULL DEFAULT 0 CHECK (effort_days >= 0),
  target_level INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE action_node (
  action INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
  node TEXT NOT NULL,
  PRIMARY KEY (action, node)
) WITHOUT ROWID;
