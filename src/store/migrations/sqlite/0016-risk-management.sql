-- Risk management and the Statement of Applicability (docs/risk.md): an organization's risk
-- criteria (every version kept), assets, own controls, the risk register with its treatment
-- links, the risk owner's decisions, and the versions of the SoA with their rows. Every change is
-- audited (entities criteria, asset, control, risk, decision, soa, baseline). Records are never
-- deleted: an asset or control is retired, a risk closed, a decision revoked.
CREATE TABLE risk_criteria (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  criteria TEXT NOT NULL CHECK (length(criteria) > 0),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  version INTEGER NOT NULL DEFAULT 1,
  definition TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT risk_criteria_criteria_unique UNIQUE (criteria)
);
CREATE INDEX risk_criteria_organization ON risk_criteria (organization);
CREATE TABLE risk_criteria_version (
  criteria INTEGER NOT NULL REFERENCES risk_criteria(id),
  version INTEGER NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (criteria, version)
) WITHOUT ROWID;
CREATE TABLE asset (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  ref_key TEXT NOT NULL,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('information', 'process', 'service', 'hardware', 'software',
                                      'network', 'people', 'site', 'supplier')),
  description TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  parent INTEGER REFERENCES asset(id) DEFERRABLE INITIALLY DEFERRED,
  confidentiality INTEGER NOT NULL CHECK (confidentiality BETWEEN 0 AND 4),
  integrity INTEGER NOT NULL CHECK (integrity BETWEEN 0 AND 4),
  availability INTEGER NOT NULL CHECK (availability BETWEEN 0 AND 4),
  rto_hours INTEGER CHECK (rto_hours >= 0),
  rpo_hours INTEGER CHECK (rpo_hours >= 0),
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT asset_organization_ref_key_unique UNIQUE (organization, ref_key)
);
CREATE INDEX asset_organization_name ON asset (organization, name);
CREATE INDEX asset_parent ON asset (parent);
CREATE TABLE asset_dependency (
  asset INTEGER NOT NULL REFERENCES asset(id),
  depends_on INTEGER NOT NULL REFERENCES asset(id),
  PRIMARY KEY (asset, depends_on)
) WITHOUT ROWID;
CREATE TABLE own_control (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  ref_key TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  outcomes TEXT NOT NULL DEFAULT '[]',
  retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT own_control_organization_ref_key_unique UNIQUE (organization, ref_key)
);
CREATE TABLE risk (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  ref TEXT NOT NULL CHECK (length(ref) > 0),
  ref_key TEXT NOT NULL,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  threat TEXT NOT NULL DEFAULT '',
  vulnerability TEXT NOT NULL DEFAULT '',
  consequence_types TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL,
  criteria_version INTEGER NOT NULL,
  inherent_likelihood INTEGER NOT NULL DEFAULT 0,
  inherent_consequence INTEGER NOT NULL DEFAULT 0,
  current_likelihood INTEGER NOT NULL DEFAULT 0,
  current_consequence INTEGER NOT NULL DEFAULT 0,
  residual_likelihood INTEGER NOT NULL DEFAULT 0,
  residual_consequence INTEGER NOT NULL DEFAULT 0,
  owner TEXT NOT NULL DEFAULT '',
  treatment TEXT NOT NULL CHECK (treatment IN ('none', 'modify', 'retain', 'avoid', 'share')),
  status TEXT NOT NULL CHECK (status IN ('identified', 'assessed', 'treating', 'treated',
                                          'accepted', 'closed')),
  review_date TEXT NOT NULL DEFAULT '',
  closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  CONSTRAINT risk_organization_ref_key_unique UNIQUE (organization, ref_key)
);
CREATE INDEX risk_organization_closed ON risk (organization, closed);
-- The heat map counts an organization's open risks per cell from this index alone.
CREATE INDEX risk_organization_scores ON risk (organization, criteria, closed, inherent_likelihood,
  inherent_consequence, current_likelihood, current_consequence, residual_likelihood,
  residual_consequence);
CREATE TABLE risk_asset (
  risk INTEGER NOT NULL REFERENCES risk(id),
  asset INTEGER NOT NULL REFERENCES asset(id),
  PRIMARY KEY (risk, asset)
) WITHOUT ROWID;
CREATE INDEX risk_asset_asset ON risk_asset (asset);
CREATE TABLE risk_control (
  risk INTEGER NOT NULL REFERENCES risk(id),
  control TEXT NOT NULL,
  PRIMARY KEY (risk, control)
) WITHOUT ROWID;
CREATE INDEX risk_control_control ON risk_control (control);
CREATE TABLE risk_action (
  risk INTEGER NOT NULL REFERENCES risk(id),
  action INTEGER NOT NULL REFERENCES action(id),
  PRIMARY KEY (risk, action)
) WITHOUT ROWID;
CREATE TABLE risk_decision (
  id INTEGER PRIMARY KEY,
  risk INTEGER NOT NULL REFERENCES risk(id),
  kind TEXT NOT NULL CHECK (kind IN ('plan-approval', 'acceptance', 'exception')),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  justification TEXT NOT NULL,
  expires TEXT NOT NULL DEFAULT '',
  state_hash TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
  revoked_by TEXT NOT NULL DEFAULT '',
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX risk_decision_risk ON risk_decision (risk);
CREATE TABLE soa_version (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  number INTEGER NOT NULL CHECK (number > 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  approved_at TEXT NOT NULL DEFAULT '',
  approved_by TEXT NOT NULL DEFAULT '',
  approval_note TEXT NOT NULL DEFAULT '',
  CONSTRAINT soa_version_organization_number_unique UNIQUE (organization, number)
);
CREATE TABLE soa_row (
  soa INTEGER NOT NULL REFERENCES soa_version(id),
  control TEXT NOT NULL,
  applicable INTEGER NOT NULL CHECK (applicable IN (0, 1)),
  reasons TEXT NOT NULL DEFAULT '',
  justification TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (soa, control)
) WITHOUT ROWID;
CREATE TABLE risk_baseline (
  id INTEGER PRIMARY KEY,
  organization INTEGER NOT NULL REFERENCES organization(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  name_key TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  taken_by TEXT NOT NULL,
  content TEXT NOT NULL,
  CONSTRAINT risk_baseline_organization_name_key_unique UNIQUE (organization, name_key)
);
