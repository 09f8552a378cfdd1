-- The ISMS registers (core/isms.hpp): one table of records for every register (context,
-- interested parties, requirements, obligations, scope, policies, roles, objectives, changes,
-- measurements, resources, competence, awareness, communication), the promoted columns the lists
-- filter by and the typed fields as JSON; their links (to framework nodes, risks, controls,
-- documents and other records), comments, and every saved version of a record. Records are
-- deleted softly (kept, hidden, restorable). Every change is audited (entities isms-record,
-- isms-comment).
CREATE TABLE isms_record (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  register_key TEXT NOT NULL CHECK (length(register_key) > 0),
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  ref_key TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  status TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',
  fields TEXT NOT NULL DEFAULT '{}',
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  approved_revision INTEGER NOT NULL DEFAULT 0,
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  deleted_by TEXT NOT NULL DEFAULT '',
  deleted_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT isms_record_ref_key_unique UNIQUE (organization, register_key, ref_key)
);
CREATE INDEX isms_record_list ON isms_record (organization, register_key, deleted, ref_key);
CREATE INDEX isms_record_status ON isms_record (organization, register_key, status);
CREATE INDEX isms_record_owner ON isms_record (organization, register_key, owner);
CREATE TABLE isms_link (
  record INTEGER NOT NULL REFERENCES isms_record(id),
  kind TEXT NOT NULL CHECK (kind IN ('node', 'risk', 'control', 'document', 'record')),
  target TEXT NOT NULL CHECK (length(target) > 0),
  target_key TEXT NOT NULL,
  PRIMARY KEY (record, kind, target_key)
) WITHOUT ROWID;
CREATE INDEX isms_link_target ON isms_link (kind, target_key);
CREATE TABLE isms_comment (
  id INTEGER PRIMARY KEY,
  record INTEGER NOT NULL REFERENCES isms_record(id),
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(trim(text)) > 0)
);
CREATE INDEX isms_comment_record ON isms_comment (record, id);
CREATE TABLE isms_record_version (
  record INTEGER NOT NULL REFERENCES isms_record(id),
  version INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  content TEXT NOT NULL,
  PRIMARY KEY (record, version)
) WITHOUT ROWID;
