// Crosswalk vocabulary for the views: what each relationship and projection outcome means (the
// words of docs/crosswalks.md), their colours, and the CSV of a crosswalk.

import type { CatalogItemRef, CrosswalkEntry, ProjectionOutcome, Relationship } from './types';

export interface RelationshipInfo {
  id: Relationship;
  symbol: string;
  meaning: string;
}

// In the order of strength the engine uses (strongest first).
export const relationships: RelationshipInfo[] = [
  { id: 'equal', symbol: '=', meaning: 'the same text' },
  { id: 'equivalent', symbol: '≡', meaning: 'the same meaning in other words' },
  { id: 'superset-of', symbol: '⊇', meaning: 'the source contains the target: covering it' },
  { id: 'subset-of', symbol: '⊆', meaning: 'the source is part of the target: partial coverage' },
  { id: 'intersects-with', symbol: '∩', meaning: 'they overlap; neither contains the other' },
  { id: 'no-relationship', symbol: '∅', meaning: 'the source has no counterpart in the target' },
];

export function relationshipInfo(r: string): RelationshipInfo {
  return relationships.find((x) => x.id === r) ?? { id: r as Relationship, symbol: '?', meaning: r };
}

export interface OutcomeInfo {
  id: ProjectionOutcome;
  label: string;
  meaning: string;
}

export const outcomes: OutcomeInfo[] = [
  { id: 'projected', label: 'projected', meaning: 'a source covers the node (equal, equivalent or superset-of): its level, the lowest of several' },
  { id: 'partial', label: 'partial', meaning: 'only partial sources (subset-of, intersects-with): a provisional level to review' },
  { id: 'not-applicable', label: 'not applicable', meaning: 'every covering source is N/A' },
  { id: 'no-claim', label: 'unassessed', meaning: 'no assessed source has a relationship the chain supports: left unassessed' },
  { id: 'kept-direct', label: 'kept (assessed directly)', meaning: 'the node was assessed in the destination by hand: never overwritten' },
];

export function outcomeInfo(o: string): OutcomeInfo {
  return outcomes.find((x) => x.id === o) ?? { id: o as ProjectionOutcome, label: o, meaning: o };
}

export function refId(r: CatalogItemRef | string | null | undefined): string {
  if (!r) return '';
  return typeof r === 'string' ? r : r.id;
}

// One CSV field (RFC 4180) by the server's rule (util::csv_field): text beginning with =, +, -,
// @, a tab or a carriage return gets an apostrophe in front so a spreadsheet never runs it as a
// formula (plain numbers such as -3 and a lone - excepted), and text beginning with an apostrophe
// gets one more.
function csvField(v: string | number | boolean | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r']/.test(s) && s !== '-' && !/^[+-]?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function crosswalkCsv(from: string, to: string, entries: CrosswalkEntry[]): string {
  const head = ['from', 'source', 'relationship', 'to', 'target', 'paths', 'conflict', 'mapping_sets', 'path'];
  const lines = [head.join(',')];
  for (const e of entries) {
    const sets = [...new Set(e.hops.map((h) => h.mapping_set))].join(' ');
    lines.push([from, e.source, e.relationship, to, e.target ?? '', e.paths, e.conflict, sets, e.path].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

// Offers text the page made as a file download.
export function saveText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const oscalFormats = [
  { id: 'json', label: 'JSON' },
  { id: 'xml', label: 'XML' },
  { id: 'yaml', label: 'YAML' },
] as const;
