// The shapes of the API's JSON (docs/api.md).

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: RowError[];
  [key: string]: unknown;
}

export interface RowError {
  row: number;
  column?: string;
  message: string;
}

export type Role = 'admin' | 'editor' | 'auditor' | 'viewer';

export interface RoleGrant {
  organization: number;
  organization_name: string;
  role: Role;
}

export interface User {
  name: string;
  administrator: boolean;
  roles: RoleGrant[];
  created_at?: string;
  disabled?: boolean;
  disabled_at?: string | null;
}

export type TokenScope = 'read-only' | 'read-write';

export interface Session {
  user: User;
  csrf_token: string;
  token?: { scope: TokenScope; organization: number | null; expires_at: string }; // bearer tokens only
}

export interface Organization {
  id: number;
  name: string;
  scope: string;
  role: Role;
  version: number;
  created_at: string;
}

export interface ScaleLevel {
  value: number;
  name: string;
  meaning?: string;
}

export interface Scale {
  id: string;
  name: string;
  levels: ScaleLevel[];
}

export interface Profile {
  id: number;
  organization: number;
  name: string;
  framework: string;
  kind: 'current' | 'target';
  scale: string | number;
  version: number;
  created_at: string;
  updated_at: string;
  assessed: number;
  scale_levels?: ScaleLevel[];
}

export interface Evidence {
  id: number;
  kind: 'file' | 'link';
  name: string;
  url: string | null;
  sha256: string | null;
  size: number | null;
  added_at: string;
  added_by: string;
}

// What a PUT of a node assessment sends.
export interface AssessmentFields {
  level: number | null;
  not_applicable: boolean;
  justification: string;
  owner: string;
  priority: number;
  notes: string;
}

export interface Assessment extends AssessmentFields {
  node: string;
  version: number;
  updated_at: string | null;
  updated_by: string | null;
  evidence: Evidence[];
}

export interface NodeRow {
  node: string;
  title: string;
  function: string;
  category: string;
  target: number | null;
  assessment: Assessment;
}

export type Score = number | null;

export interface FunctionScore {
  id: string;
  title: string;
  current: Score;
  target: Score;
  gap: Score;
}

export interface CategoryScore extends FunctionScore {
  function: string;
}

export interface TrendPoint {
  name: string;
  taken_at: string;
  overall: Score;
  functions: Record<string, Score>;
}

export interface Gap {
  rank?: number;
  node: string;
  title: string;
  current: Score;
  target: Score;
  gap: Score;
  priority: number;
  score: Score;
  owner: string;
}

export interface Dashboard {
  organization: Organization;
  current: Profile | null;
  target: Profile | null;
  scale: Scale;
  functions: FunctionScore[];
  categories: CategoryScore[];
  trend: TrendPoint[];
  top_gaps: Gap[];
  roadmap: { planned: number; in_progress: number; done: number; cancelled: number; overdue: number; total: number };
  coverage: { assessed: number; not_applicable: number; total: number };
}

export interface GapReport {
  current: Profile | number;
  target: Profile | number;
  scale: Scale;
  open_gaps: number;
  mean_gap: Score;
  functions: FunctionScore[];
  gaps: Gap[];
}

export interface Snapshot {
  id: number;
  name: string;
  taken_at: string;
  assessor: string;
  signed_off_by: string;
  overall: Score;
  functions: Record<string, Score>;
}

export type ActionStatus = 'planned' | 'in-progress' | 'done' | 'cancelled';

export interface Action {
  id: number;
  organization: number;
  title: string;
  owner: string;
  due: string | null;
  status: ActionStatus;
  effort_days: number | null;
  target_level: number | null;
  nodes: string[];
  version: number;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity?: string;
  entity_id?: string;
  before: unknown;
  after: unknown;
}

export interface Comment {
  id: number;
  author: string;
  at: string;
  text: string;
}

export interface Token {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string;
  expired: boolean;
  scope: TokenScope;
  organization: number | null; // null: every organization of the account
}

export interface FrameworkSummary {
  id: string;
  title: string;
  method: string;
  counts: Record<string, number>;
  derived_from: string | null;
}

export interface Reference {
  standard: string;
  standard_id?: string;
  clause: string | null;
  printed?: string;
  intended?: string;
  note?: string;
}

export interface FrameworkNode {
  id: string;
  title: string | null;
  description?: string;
  level: string;
  references?: Reference[];
  notes?: string;
  source?: string;
  children: FrameworkNode[];
}

// Where catalog content comes from (docs/catalog-format.md, "Provenance").
export interface Provenance {
  source: string;
  edition?: string;
  tables?: string;
  licence?: string;
  method: string;
  notes?: string;
}

export interface Framework {
  id: string;
  title: string;
  short_title?: string;
  provenance?: Provenance;
  nodes: FrameworkNode[];
  [key: string]: unknown;
}

export interface Citation {
  framework: string;
  node: string;
  level: string;
  match: string;
  cites: Reference;
  via: unknown[];
}

// Crosswalks (docs/crosswalks.md): relationships read from the source's point of view.
export type Relationship = 'equal' | 'equivalent' | 'subset-of' | 'superset-of' | 'intersects-with' | 'no-relationship';

export interface CatalogItemRef {
  kind: 'framework' | 'standard';
  id: string;
}

export interface Hop {
  mapping_set: string;
  origin: string; // catalog, workspace, references, annex
  reversed: boolean;
  from: { catalog: string; node: string };
  to: { catalog: string; node: string | null };
  relationship: Relationship;
  rationale: string;
}

export interface CrosswalkEntry {
  source: string;
  target: string | null;
  relationship: Relationship;
  path: string;
  hops: Hop[];
  paths: number;
  conflict: boolean;
  other_paths: { relationship: Relationship; path: string }[];
}

export interface CrosswalkPage {
  from: CatalogItemRef;
  to: CatalogItemRef;
  items: CrosswalkEntry[];
  total: number;
  offset: number;
  limit: number;
}

export interface Mapping {
  id: number;
  source: string;
  targets: string[];
  relationship: Relationship;
  rationale: string;
  version: number;
}

export interface MappingSet {
  id: number;
  organization: number;
  name: string;
  title: string;
  source: CatalogItemRef;
  target: CatalogItemRef;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
  mappings: Mapping[];
}

// A mapping set of the catalog (read-only), as GET /catalog/mapping-sets lists it.
export interface BuiltinMappingSet {
  id: string;
  title?: string;
  source: CatalogItemRef | string;
  target: CatalogItemRef | string;
  purpose?: string; // crosswalk or edition
  method?: string; // transcribed or derived
  count?: number; // mappings
}

export type ProjectionOutcome = 'projected' | 'partial' | 'not-applicable' | 'no-claim' | 'kept-direct';

export interface ProjectionSource {
  node: string;
  relationship: Relationship;
  level: number | null;
  not_applicable: boolean;
  path: string;
}

export interface ProjectedNode {
  node: string;
  outcome: ProjectionOutcome;
  level: number | null;
  not_applicable: boolean;
  explanation: string;
  sources: ProjectionSource[];
}

export interface Projection {
  source: { profile: number; framework: string };
  destination: { profile: number | null; name: string; framework: string; created: boolean };
  dry_run: boolean;
  summary: {
    projected: number;
    partial: number;
    not_applicable: number;
    left_unassessed: number;
    kept_direct: number;
    rows_written: number;
    rows_to_write: number;
  };
  nodes: ProjectedNode[];
}
