// Risk management in the UI (docs/risk.md): the names of the API's enumerations, the level of a
// score read from its criteria's matrix (the same lookup as core::RiskCriteria::level), and the
// criteria an organization can see, each version read once.

import { get } from './api';
import type { AssetKind, DecisionKind, DecisionState, RiskCriteria, RiskLevel, RiskScore, RiskStatus, SoaImplementation, SoaReason, TraceFinding, Treatment } from './types';

export const treatments: { id: Treatment; label: string }[] = [
  { id: 'none', label: 'None yet' },
  { id: 'modify', label: 'Modify' },
  { id: 'retain', label: 'Retain' },
  { id: 'avoid', label: 'Avoid' },
  { id: 'share', label: 'Share' },
];
export const riskStatuses: { id: RiskStatus; label: string }[] = [
  { id: 'identified', label: 'Identified' },
  { id: 'assessed', label: 'Assessed' },
  { id: 'treating', label: 'Treating' },
  { id: 'treated', label: 'Treated' },
  { id: 'accepted', label: 'Accepted' },
  { id: 'closed', label: 'Closed' },
];
export const decisionKinds: { id: DecisionKind; label: string }[] = [
  { id: 'plan-approval', label: 'Plan approval' },
  { id: 'acceptance', label: 'Acceptance of the residual risk' },
  { id: 'exception', label: 'Exception' },
];
export const soaReasons: { id: SoaReason; label: string; short: string }[] = [
  { id: 'risk-treatment', label: 'Risk treatment', short: 'risk' },
  { id: 'legal-regulatory', label: 'Legal or regulatory', short: 'legal' },
  { id: 'contractual', label: 'Contractual', short: 'contract' },
  { id: 'business', label: 'Business requirement or best practice', short: 'business' },
  { id: 'interested-party', label: 'Interested party', short: 'party' },
];
export const implementations: { id: SoaImplementation; label: string }[] = [
  { id: 'implemented', label: 'Implemented' },
  { id: 'partial', label: 'Partial' },
  { id: 'planned', label: 'Planned' },
  { id: 'not-implemented', label: 'Not implemented' },
  { id: 'not-assessed', label: 'Not assessed' },
];
export const assetKinds: { id: AssetKind; label: string; primary: boolean }[] = [
  { id: 'information', label: 'Information', primary: true },
  { id: 'process', label: 'Process', primary: true },
  { id: 'service', label: 'Service', primary: true },
  { id: 'hardware', label: 'Hardware', primary: false },
  { id: 'software', label: 'Software', primary: false },
  { id: 'network', label: 'Network', primary: false },
  { id: 'people', label: 'People', primary: false },
  { id: 'site', label: 'Site', primary: false },
  { id: 'supplier', label: 'Supplier', primary: false },
];
export const findingKinds: Record<TraceFinding['kind'], string> = {
  'excluded-control-in-treatment': 'Treatment relies on an excluded control',
  'untreated-above-appetite': 'Above appetite with no treatment',
  'unapproved-plan-above-appetite': 'Above appetite, plan not approved',
  'acceptance-expired': 'Decision expired',
  'decision-stale': 'Decision stale',
  'implemented-below-target': 'Implemented, but its outcomes are below target',
  'applicable-without-reason': 'Applicable without a reason',
};

export const label = (list: { id: string; label: string }[], id: string) => list.find((x) => x.id === id)?.label ?? id;

// The words of a decision state on a risk: its plan approval or its acceptance.
export function decisionText(state: DecisionState): string {
  return state === 'none' ? '—' : state;
}

// The level of a score on the criteria's matrix (rows likelihood 1..N, columns consequence 1..M).
export function levelOf(c: RiskCriteria | null | undefined, s: RiskScore | null | undefined): RiskLevel | null {
  if (!c || !s) return null;
  const id = c.matrix[s.likelihood - 1]?.[s.consequence - 1];
  return id ? (c.levels.find((l) => l.id === id) ?? null) : null;
}

// The number of consequence points of the criteria (every type has as many).
export function consequencePoints(c: RiskCriteria): { value: number; name: string; meaning: string }[] {
  return c.consequence_types[0]?.points ?? [];
}

// Dark or light text on a level's colour (#rrggbb).
export function inkOn(colour: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!m) return '#1b2333';
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 160 ? '#ffffff' : '#1b2333';
}

// Every version of criteria read once per page load: `${org}/${id}@${version}` (0: the newest).
const cache = new Map<string, Promise<RiskCriteria>>();
export function criteriaVersion(org: number, id: string, version = 0): Promise<RiskCriteria> {
  const key = `${org}/${id}@${version}`;
  if (!cache.has(key)) {
    const p = get<RiskCriteria>(`/organizations/${org}/risk-criteria/${encodeURIComponent(id)}`, { version: version || undefined });
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return cache.get(key)!;
}

// The criteria the organization can see (built in and its own), newest versions.
export async function criteriaList(org: number): Promise<RiskCriteria[]> {
  return (await get<{ items: RiskCriteria[] }>(`/organizations/${org}/risk-criteria`)).items ?? [];
}

// A level id's look: its name and colour in the criteria that define it (the first that does).
export function levelLook(all: RiskCriteria[], criteria: string, id: string): { name: string; colour: string } | null {
  if (!id) return null;
  const c = all.find((x) => x.id === criteria) ?? all.find((x) => x.levels.some((l) => l.id === id));
  const l = c?.levels.find((x) => x.id === id);
  return l ? { name: l.name, colour: l.colour } : { name: id, colour: '#9aa8bd' };
}

export const today = () => new Date().toISOString().slice(0, 10);
