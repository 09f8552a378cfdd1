-- A workspace as cyberframe left it before the audit trail was keyed (schema version 8, a plain
-- SHA-256 chain of 4 rows), dumped with sqlite3 .dump; tests/cli/audit.test upgrades it.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE organization (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  scope TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
INSERT INTO organization VALUES(1,'ACME','',1,'2026-12-06T11:53:47Z');
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
INSERT INTO profile VALUES(1,1,'now','iso-tr-27103-2018','current','cyberframe-0-5',3,'2026-12-06T11:53:47Z','2026-12-06T11:53:48Z');
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
INSERT INTO node_assessment VALUES(1,'ID.AM-1',2,0,'','',2,'',2,'2026-12-06T11:53:48Z','carol');
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
CREATE TABLE scale (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  levels TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before TEXT NOT NULL,
  after TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit VALUES(1,'2026-12-06T11:53:47Z','bob','organization','1','create','null','{"name":"ACME","scope":""}','0000000000000000000000000000000000000000000000000000000000000000','d3b4cad4271d15871f110949a4ce3ccb5dfd539edd3962d091ee20709f4e86bc');
INSERT INTO audit VALUES(2,'2026-12-06T11:53:47Z','bob','profile','1','create','null','{"framework":"iso-tr-27103-2018","kind":"current","name":"now","organization":1,"scale":"cyberframe-0-5"}','d3b4cad4271d15871f110949a4ce3ccb5dfd539edd3962d091ee20709f4e86bc','050d4f83de05dc8782e808a7459e74bbaa855e619b5905c25b412683230d0574');
INSERT INTO audit VALUES(3,'2026-12-06T11:53:47Z','bob','node','1/ID.AM-1','create','null','{"node":"ID.AM-1","level":1,"not_applicable":false,"justification":"","owner":"","priority":2,"notes":"","version":1}','050d4f83de05dc8782e808a7459e74bbaa855e619b5905c25b412683230d0574','1cf759410e080251a3183e7ff5f7ffba9fd8b82206a126e38b039dd008f6a10b');
INSERT INTO audit VALUES(4,'2026-12-06T11:53:48Z','carol','node','1/ID.AM-1','update','{"node":"ID.AM-1","level":1,"not_applicable":false,"justification":"","owner":"","priority":2,"notes":"","version":1}','{"node":"ID.AM-1","level":2,"not_applicable":false,"justification":"","owner":"","priority":2,"notes":"","version":2}','1cf759410e080251a3183e7ff5f7ffba9fd8b82206a126e38b039dd008f6a10b','abf668dcb75cd6e894b043d3d4881fced78620226fa84f7f68d8bf53c3899a41');
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
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
) WITHOUT ROWID;
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
CREATE TABLE projected_node (
  profile INTEGER NOT NULL REFERENCES profile(id),
  node TEXT NOT NULL,
  version INTEGER NOT NULL,
  source_profile INTEGER NOT NULL,
  PRIMARY KEY (profile, node)
) WITHOUT ROWID;
CREATE INDEX evidence_by_node ON evidence (profile, node);
CREATE INDEX audit_by_entity ON audit (entity, entity_id);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE INDEX session_user ON session (user);
CREATE INDEX node_comment_node ON node_comment (profile, node);
CREATE INDEX profile_name ON profile (name);
CREATE INDEX mapping_set_name ON mapping_set (name);
CREATE INDEX mapping_of_set ON mapping (mapping_set);
COMMIT;
PRAGMA user_version = 8;
