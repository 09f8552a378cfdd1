-- Frameworks an organization authors or imports, stored in the workspace: every version's
-- catalog file text (framework_version), the newest one in use (workspace_framework.content).
-- Every change is audited (entity 'framework'): the newest such audit row tells a server process
-- when to load its catalog again.
CREATE TABLE workspace_framework (
  id INTEGER PRIMARY KEY,
  framework TEXT NOT NULL UNIQUE CHECK (length(framework) > 0),
  organization INTEGER NOT NULL REFERENCES organization(id),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  origin TEXT NOT NULL CHECK (origin IN ('authored', 'oscal')),
  content TEXT NOT NULL,
  nodes INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX workspace_framework_organization ON workspace_framework (organization);
CREATE TABLE framework_version (
  framework INTEGER NOT NULL REFERENCES workspace_framework(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  content TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  nodes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (framework, version)
) WITHOUT ROWID;
