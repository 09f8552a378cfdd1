// Frameworks of the catalog by where they come from, and the standards a reference can cite.

import { get } from './api';
import { frameworkList, frameworkTree, flatten } from './catalog';
import type { BuiltinMappingSet, CatalogFramework } from './types';

export type Origin = 'built-in' | 'file' | 'workspace';

// Where a framework of GET /frameworks comes from (a server older than stored frameworks does
// not say: its frameworks are built in, or user-authored files).
export function originOf(f: CatalogFramework): Origin {
  if (f.origin === 'built-in' || f.origin === 'file' || f.origin === 'workspace') return f.origin;
  return f.method === 'user-authored' ? 'file' : 'built-in';
}

export interface StandardChoice {
  id: string;
  designation: string; // as a source prints it, e.g. ISO/IEC 27002:2022
}

let standards: Promise<StandardChoice[]> | null = null;

// The standards the catalog cites: those the catalog's mapping sets relate, and those the
// references of the catalog's TS 27110 frameworks (and CSF) name. There is no list of standards
// in the API: this is the set a user picks from; the live check says when an id is unknown.
export function catalogStandards(): Promise<StandardChoice[]> {
  if (standards) return standards;
  standards = (async () => {
    const found = new Map<string, string>();
    const sets = await get<{ items: BuiltinMappingSet[] }>('/catalog/mapping-sets', { limit: 500 }).catch(() => ({ items: [] as BuiltinMappingSet[] }));
    for (const s of sets.items ?? [])
      for (const ref of [s.source, s.target]) if (ref.kind === 'standard' && !found.has(ref.id)) found.set(ref.id, ref.id);
    const list = await frameworkList().catch(() => [] as CatalogFramework[]);
    const citing = ['iso-tr-27103-2018', 'iso-tr-27103-2018-aligned-27002-2022', 'nist-csf-1.1', 'iso-ts-27110-2021-example-3'].filter((id) =>
      list.some((f) => f.id === id),
    );
    const trees = await Promise.all(citing.map((id) => frameworkTree(id).catch(() => null)));
    for (const t of trees)
      for (const n of t ? flatten(t.nodes) : [])
        for (const r of n.references ?? []) if (r.standard_id) found.set(r.standard_id, r.intended ?? r.standard ?? r.standard_id);
    return [...found.entries()].map(([id, designation]) => ({ id, designation })).sort((a, b) => a.id.localeCompare(b.id));
  })();
  standards.catch(() => (standards = null));
  return standards;
}

// What the view before did, for the next view to say (the editor after Create reloads itself).
let flashed = '';
export function flash(text?: string): string {
  if (text !== undefined) {
    flashed = text;
    return text;
  }
  const t = flashed;
  flashed = '';
  return t;
}
