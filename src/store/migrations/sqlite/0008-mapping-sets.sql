-- workspace mapping sets and their mappings (crosswalks an organization writes), and which nodes of
-- a profile a projection wrote (at which version).
CREATE TABLE mapping_set (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  name TEXT NOT NULL CHECK (length(name) > 0),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  source_kind TEXT NOT NULL CHECK (source_kind IN ('framework', 'standard')),
  source_id TEXT NOT NULL,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('framework', 'standard')),
  target_id TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (organization, name)
);
CREATE INDEX mapping_set_name ON mapping_set (name);
CREATE TABLE mapping (
  id INTEGER PRIMARY KEY,
  mapping_set INTEGER NOT NULL REFERENCES mapping_set(id) ON DELETE CASCADE,
  source TEXT NOT NULL CHECK (length(source) > 0),
  targets TEXT NOT NULL,
  relationship TEXT NOT NULL CHECK (relationship IN ('equal', 'equivalent', 'subset-of',
    'superset-of', 'intersects-with', 'no-relationship')),
  rationale TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mapping_of_set ON mapping (mapping_set);
CREATE TABLE projected_node (
  profile INTEGER NOT NULL REFERENCES profile(id),
  node TEXT NOT NULL,
  version INTEGER NOT NULL,
  source_profile INTEGER NOT NULL,
  PRIMARY KEY (profile, node)
) WITHOUT ROWID;
