-- Documented information (ISO/IEC 27001 7.5; core/document.hpp): an organization's documents,
-- their versions through draft, in-review, approved, published and superseded or retired, each
-- version's file kept once per content (document_blob, keyed by its SHA-256: two versions with
-- the same bytes share one row), the links to framework nodes and risks, the read
-- acknowledgements of a published version, and the organization's settings (self-approval).
-- Every change is audited (entities document, organization-settings).
CREATE TABLE document (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  ref_key TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  type TEXT NOT NULL CHECK (type IN ('policy', 'topic-specific-policy', 'procedure', 'standard',
                                     'plan', 'record', 'report', 'other')),
  owner TEXT NOT NULL DEFAULT '',
  classification TEXT NOT NULL CHECK (classification IN ('public', 'internal', 'confidential',
                                                         'restricted')),
  review_months INTEGER NOT NULL CHECK (review_months BETWEEN 1 AND 120),
  next_review TEXT NOT NULL DEFAULT '',
  retention TEXT NOT NULL DEFAULT '',
  distribution TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'published',
                                       'superseded', 'retired')),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT document_organization_ref_key_unique UNIQUE (organization, ref_key)
);
CREATE INDEX document_organization_state ON document (organization, deleted, state);
CREATE TABLE document_blob (
  sha256 TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE document_version (
  id INTEGER PRIMARY KEY,
  document INTEGER NOT NULL REFERENCES document(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  state TEXT NOT NULL CHECK (state IN ('draft', 'in-review', 'approved', 'published',
                                       'superseded', 'retired')),
  file_name TEXT NOT NULL DEFAULT '',
  media_type TEXT NOT NULL DEFAULT '',
  sha256 TEXT REFERENCES document_blob(sha256),
  size INTEGER NOT NULL DEFAULT 0,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  change_note TEXT NOT NULL DEFAULT '',
  submitted_by TEXT NOT NULL DEFAULT '',
  submitted_at TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  published_by TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL DEFAULT '',
  ended_at TEXT NOT NULL DEFAULT '',
  CONSTRAINT document_version_number_unique UNIQUE (document, number)
);
CREATE INDEX document_version_sha256 ON document_version (sha256);
CREATE TABLE document_link (
  document INTEGER NOT NULL REFERENCES document(id),
  kind TEXT NOT NULL CHECK (kind IN ('node', 'risk')),
  target TEXT NOT NULL,
  PRIMARY KEY (document, kind, target)
) WITHOUT ROWID;
CREATE TABLE document_ack (
  document INTEGER NOT NULL REFERENCES document(id),
  version INTEGER NOT NULL,
  person TEXT NOT NULL,
  person_key TEXT NOT NULL,
  acknowledged_at TEXT NOT NULL,
  PRIMARY KEY (document, version, person_key)
) WITHOUT ROWID;
CREATE TABLE organization_setting (
  organization INTEGER NOT NULL REFERENCES organization(id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (organization, name)
) WITHOUT ROWID;
