// Node assessments: what a PUT sends, and how two versions of one differ.

import type { Assessment, AssessmentFields, NodeRow } from './types';

export type { AssessmentFields };

export const fieldNames: Record<keyof AssessmentFields, string> = {
  level: 'Level',
  not_applicable: 'Not applicable',
  justification: 'Justification',
  owner: 'Owner',
  priority: 'Priority',
  notes: 'Notes',
};

export function fields(a: Assessment): AssessmentFields {
  return {
    level: a.not_applicable ? null : (a.level ?? null),
    not_applicable: !!a.not_applicable,
    justification: a.justification ?? '',
    owner: a.owner ?? '',
    priority: a.priority ?? 2,
    notes: a.notes ?? '',
  };
}

export function differences(a: AssessmentFields, b: AssessmentFields): (keyof AssessmentFields)[] {
  return (Object.keys(fieldNames) as (keyof AssessmentFields)[]).filter((k) => a[k] !== b[k]);
}

export function showField(k: keyof AssessmentFields, f: AssessmentFields): string {
  const v = f[k];
  if (k === 'not_applicable') return v ? 'yes' : 'no';
  if (k === 'level') return f.not_applicable ? 'N/A' : v === null ? 'not assessed' : String(v);
  if (k === 'priority') return `P${v}`;
  return v === '' ? '(empty)' : String(v);
}

// An open gap: applicable, with a target the current level does not reach.
export function hasOpenGap(r: NodeRow): boolean {
  if (r.assessment.not_applicable || r.target === null || r.target === undefined) return false;
  return (r.assessment.level ?? 0) < r.target;
}

export function gapOf(r: NodeRow): number | null {
  if (r.assessment.not_applicable || r.target === null || r.target === undefined) return null;
  if (r.assessment.level === null) return null;
  return Math.max(0, r.target - r.assessment.level);
}
