// The shapes of the API's JSON, named for the UI. Every type of an answer comes from
// docs/openapi.json through the generated api-types.ts (`npm run gen:api`); a type that is not
// there is the document's to add, not this file's to write. Only what the UI makes itself
// (the fields a PUT sends) is composed here, still from the generated types.

import type { components } from './api-types';

type Schemas = components['schemas'];

// Errors (RFC 9457 problem details).
export type Problem = Schemas['Problem'];
export type ProblemError = NonNullable<Problem['errors']>[number];

// What a profile import did.
export type ImportResult = Schemas['ImportResult'];
// A problem of an imported file (422 Nothing imported): one row and column.
export type RowError = Extract<ProblemError, { row: number }>;

// Accounts and sessions.
export type User = Schemas['User'];
export type RoleGrant = User['roles'][number];
export type Role = RoleGrant['role'];
export type Session = Schemas['Session'];
export type SessionStatus = Schemas['SessionStatus'];
export type PasswordPolicy = Schemas['PasswordPolicy'];
export type Token = Schemas['Token'];
export type TokenScope = Token['scope'];

// The workspace. An organization as the list gives it, with your role in it.
export type Organization = Schemas['OrganizationListItem'];
export type Scale = Schemas['Scale'];
export type ScaleLevel = Schemas['ScaleLevel'];
// A profile as the list gives it; GET /profiles/{id} adds the levels of its scale.
export type Profile = Schemas['ProfileListItem'] & Pick<Schemas['ProfileDetail'], 'scale_levels'>;
// GET /profiles/{id}: the profile with its scale's levels and its own figures (coverage, score).
export type ProfileDetail = Schemas['ProfileDetail'];
export type Figures = Schemas['Figures'];
export type Evidence = Schemas['Evidence'];
export type Assessment = Schemas['NodeAssessment'];
// What the editor sends with a PUT of a node: every field it edits.
export type AssessmentFields = Pick<
  Assessment,
  'level' | 'not_applicable' | 'justification' | 'owner' | 'priority' | 'notes'
>;
export type NodeRow = Schemas['NodeRow'];
export type Comment = Schemas['Comment'];
export type AuditRecord = Schemas['AuditRecord'];

// Scores, gaps, assessments over time, the roadmap.
export type Score = Schemas['Score']['current'];
export type FunctionScore = Schemas['Score'];
export type Dashboard = Schemas['Dashboard'];
export type CategoryScore = Dashboard['categories'][number];
export type Gap = Schemas['Gap'];
export type GapReport = Schemas['GapAnalysis'];
export type Snapshot = Schemas['Snapshot'];
export type TrendPoint = Snapshot;
export type Action = Schemas['Action'];
export type ActionStatus = Action['status'];
// The gaps with chosen actions done (GET /profiles/{id}/what-if).
export type WhatIf = Schemas['WhatIf'];

// The reference catalog.
export type FrameworkSummary = Schemas['FrameworkSummary'];
export type Framework = Schemas['Framework'];
export type FrameworkNode = Schemas['Node'];
export type Reference = Schemas['Reference'];
export type Provenance = Schemas['Provenance'];
export type Citation = Schemas['Citations']['citations'][number];

// Crosswalks (docs/crosswalks.md): relationships read from the source's point of view.
export type CrosswalkEntry = Schemas['CrosswalkEntry'];
export type Relationship = CrosswalkEntry['relationship'];
export type Hop = CrosswalkEntry['hops'][number];
export type CrosswalkPage = Schemas['CrosswalkPage'];
export type CatalogItemRef = CrosswalkPage['from'];
export type Mapping = Schemas['Mapping'];
export type MappingSet = Schemas['MappingSet'];
// A mapping set of the catalog (read-only), as GET /catalog/mapping-sets lists it.
export type BuiltinMappingSet = Schemas['CatalogMappingSet'];
export type Projection = Schemas['Projection'];
export type ProjectedNode = Projection['nodes'][number];
export type ProjectionOutcome = ProjectedNode['outcome'];
export type ProjectionSource = ProjectedNode['sources'][number];

// Frameworks stored in the workspace (docs/frameworks.md).
export type Level = FrameworkNode['level'];
export type StoredFramework = Schemas['StoredFramework'];
export type StoredFrameworkDetail = Schemas['StoredFrameworkDetail'];
export type FrameworkCheck = Schemas['FrameworkCheck'];
export type Diagnostic = Schemas['CatalogDiagnostic'];
export type Conformance = Schemas['Conformance'];
export type FrameworkVersion = Schemas['FrameworkVersion'];
export type FrameworkVersionText = Schemas['FrameworkVersionDetail'];
// A framework of GET /frameworks, with where it comes from.
export type CatalogFramework = FrameworkSummary;
// The framework document the editor composes and sends (the API's `document`: a catalog file's
// framework as JSON, docs/catalog-format.md; the API types it as any object).
export interface FwDocReference {
  standard: string;
  clause?: string;
  clauses?: string[];
  all_parts?: boolean;
  [key: string]: unknown;
}
export interface FwDocNode {
  id: string;
  level: Level;
  title?: string;
  description?: string;
  references?: FwDocReference[];
  notes?: string;
  children?: FwDocNode[];
  [key: string]: unknown;
}
export interface FwDocument {
  kind: 'framework';
  id: string;
  title: string;
  short_title?: string;
  version?: string;
  publisher?: string;
  conformance: 'ts-27110' | 'none';
  assess?: 'outcomes' | 'requirements';
  provenance?: Record<string, unknown>;
  nodes?: FwDocNode[];
  [key: string]: unknown;
}

// Risk management and the Statement of Applicability (docs/risk.md).
export type RiskScore = Schemas['RiskScore'];
export type RiskCriteria = Schemas['RiskCriteria'];
export type RiskLevel = Schemas['RiskLevel'];
export type RiskScalePoint = Schemas['RiskScalePoint'];
export type Risk = Schemas['Risk'];
export type RiskPage = Schemas['RiskPage'];
export type Treatment = Risk['treatment'];
export type RiskStatus = Risk['status'];
export type DecisionState = Risk['plan'];
// What the risk form sends with a POST or a PUT: every field it edits.
export type RiskBody = Schemas['RiskCreate'];
export type ControlLink = Schemas['ControlLink'];
export type Asset = Schemas['Asset'];
export type AssetPage = Schemas['AssetPage'];
export type AssetKind = Asset['kind'];
export type AssetBody = Schemas['AssetCreate'];
export type OwnControl = Schemas['OwnControl'];
export type Decision = Schemas['Decision'];
export type DecisionKind = Decision['kind'];
export type RiskHeatMap = Schemas['RiskHeatMap'];
export type RiskHeatMapCell = Schemas['RiskHeatMapCell'];
export type TraceFinding = Schemas['TraceFinding'];
export type RiskCheck = Schemas['RiskCheck'];
export type Soa = Schemas['Soa'];
export type SoaLine = Schemas['SoaLine'];
export type SoaVersion = Schemas['SoaVersion'];
export type SoaReason = SoaLine['reasons'][number];
export type SoaImplementation = SoaLine['implementation'];
export type SoaRowBody = Schemas['SoaRowUpdate'];
export type SoaDiff = Schemas['SoaDiff'];
export type SoaRowChange = Schemas['SoaRowChange'];

// The ISMS registers (docs/user-guide.md, "The ISMS registers"): one record type, each register described by its descriptor.
export type IsmsField = Schemas['IsmsField'];
export type IsmsFieldType = IsmsField['type'];
export type IsmsRegister = Schemas['IsmsRegister'];
export type IsmsRegisterList = Schemas['IsmsRegisterList'];
export type IsmsCounts = Schemas['IsmsCounts'];
export type IsmsImportResult = Schemas['IsmsImportResult'];
export type IsmsLink = Schemas['IsmsLink'];
export type IsmsRecord = Schemas['IsmsRecord'];
export type IsmsRecordPage = Schemas['IsmsRecordPage'];
export type IsmsComment = Schemas['IsmsComment'];
export type ReviewInputs = Schemas['ReviewInputs'];
export type ReviewInput = Schemas['ReviewInput'];
export type ReviewInputRecord = Schemas['ReviewInputRecord'];
export type IsmsVersion = Schemas['IsmsVersion'];
export type IsmsHistory = Schemas['IsmsHistory'];
export type IsmsRaci = Schemas['IsmsRaci'];
// What is due across the ISMS (GET /isms/due, `cyberframe isms due`).
export type IsmsDue = Schemas['IsmsDue'];
export type IsmsReadiness = Schemas['IsmsReadiness'];
export type IsmsDueItem = IsmsDue['items'][number];
// Documented information (7.5): documents with their versions, files and acknowledgements.
export type IsmsDocument = Schemas['Document'];
export type DocumentSummary = Schemas['DocumentSummary'];
export type DocumentVersion = Schemas['DocumentVersion'];
export type DocumentAcks = Schemas['DocumentAcks'];

// Measurements (9.1): a measurement's series as the chart draws it, the objectives' progress.
export type MeasurementSeries = Schemas['MeasurementSeries'];
export type ObjectiveProgress = Schemas['ObjectiveProgress'];
export type ObjectivesProgress = Schemas['ObjectivesProgress'];
