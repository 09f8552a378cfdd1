// The ISMS in the UI (docs/user-guide.md, "The ISMS registers"): the registers' descriptors read
// once, the words of their values, the link kinds, the tones of statuses, and the documents'
// workflow as the UI offers it.

import { get } from './api';
import type { IsmsField, IsmsLink, IsmsRegister, IsmsRegisterList } from './types';

// Every register's descriptor (GET /isms/registers), read once per page load.
let descriptors: Promise<IsmsRegister[]> | null = null;
export function registers(): Promise<IsmsRegister[]> {
  if (!descriptors) {
    descriptors = get<IsmsRegisterList>('/isms/registers').then((r) => r.items);
    descriptors.catch(() => (descriptors = null));
  }
  return descriptors;
}

// ISO/IEC 27001's clause groups, for the overview and the register menu.
export const clauseGroups: { clause: string; title: string }[] = [
  { clause: '4', title: 'Context of the organization' },
  { clause: '5', title: 'Leadership' },
  { clause: '6', title: 'Planning' },
  { clause: '7', title: 'Support' },
  { clause: '8', title: 'Operation' },
  { clause: '9', title: 'Performance evaluation' },
  { clause: '10', title: 'Improvement' },
];
export const clauseGroup = (clause: string) => clause.split('.')[0];

// A field's name for people: its label, else its key with the dashes as spaces.
export function fieldLabel(f: Pick<IsmsField, 'key' | 'label'>): string {
  if (f.label) return f.label;
  const t = f.key.replace(/[-_]/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
// A word (an enum value, a status) for people.
export function words(v: string): string {
  const t = v.replace(/[-_]/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

export type FieldValue = string | number | string[] | boolean | null | undefined;

// A stored value as text in a table or a conflict row.
export function valueText(f: IsmsField | undefined, v: FieldValue): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (f?.type === 'enum') return words(String(v));
  return String(v);
}

// The kinds of link a record can have, and what a target of each looks like.
export const linkKinds: { id: IsmsLink['kind']; label: string; hint: string }[] = [
  { id: 'node', label: 'Framework outcome', hint: 'FRAMEWORK:NODE, e.g. nist-csf-2.0:GV.PO-01' },
  { id: 'risk', label: 'Risk', hint: 'a risk ref, e.g. R-001' },
  { id: 'control', label: 'Control', hint: 'an Annex A or own control, e.g. A.5.1' },
  { id: 'document', label: 'Document', hint: 'a document ref, e.g. DOC-001' },
  { id: 'record', label: 'ISMS record', hint: 'REGISTER/REF, e.g. objectives/OBJ-001' },
];

// The tone of a status: good (met, on track, competent...), warn, bad, or plain.
const tones: Record<string, 'good' | 'warn' | 'bad'> = Object.fromEntries([
  ...['ok', 'met', 'on-track', 'on-target', 'achieved', 'competent', 'approved', 'published', 'addressed', 'yes', 'done', 'completed'].map((w) => [w, 'good']),
  ...['warning', 'at-risk', 'partly', 'partial', 'in-review', 'gap', 'in-progress', 'due', 'under-review', 'not yet'].map((w) => [w, 'warn']),
  ...['breached', 'off-track', 'off-target', 'failed', 'missed', 'overdue', 'abandoned', 'no'].map((w) => [w, 'bad']),
]);
export function statusTone(s: string | null | undefined): 'good' | 'warn' | 'bad' | 'plain' {
  return tones[(s ?? '').toLowerCase()] ?? 'plain';
}
export function pointStatusLabel(s: string | null | undefined): string {
  if (!s) return '—';
  return words(s);
}

// A point of a measurement's series, as the chart draws it.
export interface SeriesPoint {
  date: string;
  value: number;
  status: string;
}

// Where a record of a register opens in the UI.
export function recordPath(org: number, registerKey: string, ref: string): string {
  return `/org/${org}/isms/r/${registerKey}/${encodeURIComponent(ref)}`;
}
export function documentPath(org: number, ref: string): string {
  return `/org/${org}/isms/documents/${encodeURIComponent(ref)}`;
}

// The UI's address of an item of what is due (GET /isms/due, /me/work): the document, the risk,
// the management review (the review's page; the reviews' page when none is planned yet) or the
// record of its register.
export function duePath(org: number, item: { kind: string; register: string; ref: string }): string {
  if (item.register === 'documents') return documentPath(org, item.ref);
  if (item.register === 'risks') return `/org/${org}/risks/risk/${encodeURIComponent(item.ref)}`;
  if (item.kind === 'management-review') return `/org/${org}/isms/review${item.ref ? `/${encodeURIComponent(item.ref)}` : ''}`;
  return recordPath(org, item.register, item.ref);
}

// The UI's address of a link's target, when it has one.
export function linkPath(org: number, kind: string, target: string): string | null {
  if (kind === 'risk') return `/org/${org}/risks/risk/${encodeURIComponent(target)}`;
  if (kind === 'document') return documentPath(org, target);
  if (kind === 'record') {
    const at = target.indexOf('/');
    return at > 0 ? recordPath(org, target.slice(0, at), target.slice(at + 1)) : null;
  }
  return null;
}

export const today = () => new Date().toISOString().slice(0, 10);

// Documented information (7.5): the types, classifications and version states.
export const documentTypes = ['policy', 'topic-specific-policy', 'procedure', 'standard', 'plan', 'record', 'report', 'other'];
export const classifications = ['public', 'internal', 'confidential', 'restricted'];
export const documentStates = ['draft', 'in-review', 'approved', 'published', 'superseded', 'retired'];
