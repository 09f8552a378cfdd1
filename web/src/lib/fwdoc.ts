// A framework document (docs/catalog-format.md, "Frameworks") as the framework editor holds it:
// every node with a key of its own (ids change while they are typed), text fields as text, a
// reference's clauses as one comma-separated text; and back to the document the API stores.
// Keys the editor does not edit (a node's source, activities, properties; a reference's printed
// designation and note; the provenance's edition and licence) ride along unchanged.

import type { Framework, FrameworkNode, FwDocNode, FwDocReference, FwDocument, Level } from './types';

export const levels: Level[] = ['function', 'category', 'subcategory', 'statement'];

export interface EditRef {
  key: number;
  standard: string;
  clauses: string; // "5.1, 5.2"; empty: the whole standard
  all_parts: boolean;
  extra: Record<string, unknown>;
}

export interface EditNode {
  key: number;
  id: string;
  level: Level;
  title: string;
  description: string;
  notes: string;
  refs: EditRef[];
  children: EditNode[];
  extra: Record<string, unknown>;
}

export interface EditFramework {
  id: string;
  title: string;
  short_title: string;
  version: string;
  publisher: string;
  conformance: 'ts-27110' | 'none';
  assess: 'outcomes' | 'requirements';
  source: string; // provenance.source
  provenance: Record<string, unknown>; // the rest of the provenance
  nodes: EditNode[];
  extra: Record<string, unknown>;
}

let nextKey = 1;
export const newKey = (): number => nextKey++;

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

function rest(o: object, known: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!known.includes(k) && v !== undefined && v !== null) out[k] = v;
  return out;
}

// A reference of a document ({standard, clause | clauses | all_parts}).
function refFromDoc(r: FwDocReference): EditRef {
  const clauses = r.clauses?.length ? r.clauses : r.clause ? [r.clause] : [];
  return {
    key: newKey(),
    standard: text(r.standard),
    clauses: clauses.join(', '),
    all_parts: !!r.all_parts,
    extra: rest(r, ['standard', 'clause', 'clauses', 'all_parts']),
  };
}

function nodeFromDoc(n: FwDocNode): EditNode {
  return {
    key: newKey(),
    id: text(n.id),
    level: (levels.includes(n.level) ? n.level : 'subcategory') as Level,
    title: text(n.title),
    description: text(n.description),
    notes: text(n.notes),
    refs: (n.references ?? []).map(refFromDoc),
    children: (n.children ?? []).map(nodeFromDoc),
    extra: rest(n, ['id', 'level', 'title', 'description', 'notes', 'references', 'children']),
  };
}

export function fromDocument(doc: FwDocument): EditFramework {
  const prov = (doc.provenance ?? {}) as Record<string, unknown>;
  return {
    id: text(doc.id),
    title: text(doc.title),
    short_title: text(doc.short_title),
    version: text(doc.version),
    publisher: text(doc.publisher),
    conformance: doc.conformance === 'none' ? 'none' : 'ts-27110',
    assess: doc.assess === 'requirements' ? 'requirements' : 'outcomes',
    source: text(prov.source),
    provenance: rest(prov, ['source']),
    nodes: (doc.nodes ?? []).map(nodeFromDoc),
    extra: rest(doc, ['kind', 'id', 'title', 'short_title', 'version', 'publisher', 'conformance', 'assess', 'provenance', 'nodes']),
  };
}

// A new, empty framework of an organization.
export function blankFramework(source: string): EditFramework {
  return {
    id: '',
    title: '',
    short_title: '',
    version: '',
    publisher: '',
    conformance: 'ts-27110',
    assess: 'outcomes',
    source,
    provenance: { method: 'user-authored' },
    nodes: [],
    extra: {},
  };
}

// A catalog framework (GET /frameworks/{id}: its tree as the catalog resolved it) as the start of
// a new framework: references by standard id, the provenance kept (its licence still applies)
// with a note of where the copy came from.
export function copyOfCatalog(fw: Framework, newId: string): EditFramework {
  const ref = (r: FrameworkNode['references'][number]): EditRef => ({
    key: newKey(),
    standard: r.standard_id || r.standard,
    clauses: r.clause ?? '',
    all_parts: !!r.all_parts,
    extra: r.note ? { note: r.note } : {},
  });
  const node = (n: FrameworkNode): EditNode => {
    const extra: Record<string, unknown> = {};
    if (n.source) extra.source = n.source;
    if (n.activities?.length) extra.activities = n.activities;
    if (n.inputs?.length) extra.inputs = n.inputs;
    if (n.outputs?.length) extra.outputs = n.outputs;
    if (n.properties && Object.keys(n.properties).length) extra.properties = n.properties;
    return {
      key: newKey(),
      id: n.id,
      level: n.level,
      title: n.title ?? '',
      description: n.description ?? '',
      notes: n.notes ?? '',
      refs: (n.references ?? []).map(ref),
      children: (n.children ?? []).map(node),
      extra,
    };
  };
  const p = fw.provenance;
  const provenance: Record<string, unknown> = { method: 'user-authored', notes: `Copied from ${fw.id} (${fw.title}) and edited.` };
  if (p?.edition) provenance.edition = p.edition;
  if (p?.licence) provenance.licence = p.licence;
  return {
    id: newId,
    title: `${fw.title} (copy)`,
    short_title: fw.short_title ?? '',
    version: fw.version ?? '',
    publisher: fw.publisher ?? '',
    conformance: fw.conformance === 'none' ? 'none' : 'ts-27110',
    assess: fw.assess === 'requirements' ? 'requirements' : 'outcomes',
    source: p?.source ?? fw.title,
    provenance,
    nodes: fw.nodes.map(node),
    extra: {},
  };
}

export const splitClauses = (t: string): string[] =>
  t
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

function refToDoc(r: EditRef): FwDocReference {
  const out: FwDocReference = { standard: r.standard.trim() };
  const clauses = splitClauses(r.clauses);
  if (clauses.length === 1) out.clause = clauses[0];
  else if (clauses.length > 1) out.clauses = clauses;
  if (r.all_parts) out.all_parts = true;
  return { ...r.extra, ...out };
}

function nodeToDoc(n: EditNode): FwDocNode {
  const out: FwDocNode = { id: n.id.trim(), level: n.level };
  if (n.title.trim()) out.title = n.title.trim();
  if (n.description.trim()) out.description = n.description.trim();
  const refs = n.refs.filter((r) => r.standard.trim() || r.clauses.trim());
  if (refs.length) out.references = refs.map(refToDoc);
  if (n.notes.trim()) out.notes = n.notes;
  const doc: FwDocNode = { ...n.extra, ...out };
  if (n.children.length) doc.children = n.children.map(nodeToDoc);
  return doc;
}

// The document the API stores and checks.
export function toDocument(f: EditFramework): FwDocument {
  const doc: FwDocument = { ...f.extra, kind: 'framework', id: f.id.trim(), title: f.title.trim(), conformance: f.conformance };
  if (f.short_title.trim()) doc.short_title = f.short_title.trim();
  if (f.version.trim()) doc.version = f.version.trim();
  if (f.publisher.trim()) doc.publisher = f.publisher.trim();
  if (f.assess !== 'outcomes') doc.assess = f.assess;
  doc.provenance = { method: 'user-authored', ...f.provenance, source: f.source.trim() };
  doc.nodes = f.nodes.map(nodeToDoc);
  return doc;
}

// The tree as rows: each node with its depth, parent and place among its siblings.
export interface Row {
  node: EditNode;
  depth: number;
  parent: EditNode | null;
  siblings: EditNode[];
  index: number;
}

export function rows(nodes: EditNode[]): Row[] {
  const out: Row[] = [];
  const walk = (list: EditNode[], depth: number, parent: EditNode | null) =>
    list.forEach((node, index) => {
      out.push({ node, depth, parent, siblings: list, index });
      walk(node.children, depth + 1, node);
    });
  walk(nodes, 0, null);
  return out;
}

export function findRow(nodes: EditNode[], key: number): Row | null {
  return rows(nodes).find((r) => r.node.key === key) ?? null;
}

// The level a child of a node has: one level down (a statement's children are statements).
export function childLevel(level: Level | null): Level {
  if (level === null) return 'function';
  return levels[Math.min(levels.indexOf(level) + 1, levels.length - 1)];
}

// An id for a new node that no node has yet, in the style of the built-in frameworks:
// ID.XX under function ID, ID.XX-1 under category ID.XX, ID.XX-1.a under a subcategory.
export function suggestId(all: EditNode[], parent: EditNode | null, level: Level): string {
  const taken = new Set(rows(all).map((r) => r.node.id));
  const free = (make: (i: number) => string) => {
    for (let i = 1; ; i++) if (!taken.has(make(i))) return make(i);
  };
  if (!parent) return free((i) => `F${i}`);
  const base = parent.id.trim() || 'NODE';
  if (level === 'category') return free((i) => `${base}.C${i}`);
  if (level === 'subcategory') return free((i) => `${base}-${i}`);
  return free((i) => `${base}.${i <= 26 ? String.fromCharCode(96 + i) : i}`);
}

export function blankNode(level: Level, id: string): EditNode {
  return { key: newKey(), id, level, title: '', description: '', notes: '', refs: [], children: [], extra: {} };
}

export function blankRef(): EditRef {
  return { key: newKey(), standard: '', clauses: '', all_parts: false, extra: {} };
}

// The node a diagnostic names: the longest node id that the message contains as a word.
export function nodeOfMessage(nodes: EditNode[], msg: string): EditNode | null {
  let best: EditNode | null = null;
  for (const { node } of rows(nodes)) {
    const id = node.id.trim();
    if (!id || (best && best.id.length >= id.length)) continue;
    const at = msg.indexOf(id);
    if (at < 0) continue;
    const before = at === 0 ? ' ' : msg[at - 1];
    const after = msg[at + id.length] ?? ' ';
    if (/[\s'"“‘(:,]/.test(before) && /[\s'"”’),:;.]/.test(after)) best = node;
  }
  return best;
}
