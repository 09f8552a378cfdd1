// The reference catalog as the views name it: the frameworks (read once), each framework's node
// titles, "ID — title" labels for pickers, and which framework a view opens on.

import { get, getAll } from './api';
import type { Framework, FrameworkNode, FrameworkSummary, Profile } from './types';

let list: Promise<FrameworkSummary[]> | null = null;
const trees = new Map<string, Promise<Framework>>();

// Every framework of the catalog, in the API's order.
export function frameworkList(): Promise<FrameworkSummary[]> {
  if (!list) {
    list = getAll<FrameworkSummary>('/frameworks');
    list.catch(() => (list = null));
  }
  return list;
}

// The catalog changed (a framework stored, changed or deleted): read it again when next asked.
export function catalogChanged(id?: string): void {
  list = null;
  if (id) trees.delete(id);
}

// One framework with its tree of nodes.
export function frameworkTree(id: string): Promise<Framework> {
  let t = trees.get(id);
  if (!t) {
    t = get<Framework>(`/frameworks/${encodeURIComponent(id)}`);
    t.catch(() => trees.delete(id));
    trees.set(id, t);
  }
  return t;
}

// The nodes of a framework in catalog order.
export function flatten(nodes: FrameworkNode[]): FrameworkNode[] {
  const out: FrameworkNode[] = [];
  const walk = (ns: FrameworkNode[]) => ns.forEach((n) => (out.push(n), walk(n.children ?? [])));
  walk(nodes);
  return out;
}

// Node id -> title (its description when it has no title), in catalog order.
export async function nodeTitles(id: string): Promise<Record<string, string>> {
  const f = await frameworkTree(id);
  const m: Record<string, string> = {};
  for (const n of flatten(f.nodes)) m[n.id] = n.title || n.description || '';
  return m;
}

// Text cut to `max` characters, with an ellipsis when cut.
export function clip(text: string | null | undefined, max = 60): string {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

// "ID — title" for a picker (the title cut to `max`; give the full text in a title attribute).
export function idTitle(id: string, title: string | null | undefined, max = 60): string {
  const t = clip(title, max);
  return t && t !== id ? `${id} — ${t}` : id;
}

// The title of a framework by id ('' when the list does not have it).
export function frameworkTitle(frameworks: FrameworkSummary[], id: string): string {
  return frameworks.find((f) => f.id === id)?.title ?? '';
}

// The framework an organization assesses: that of its first current profile (else of its first
// profile), when the catalog has it; otherwise the first built-in framework of the catalog.
export function assessedFramework(frameworks: FrameworkSummary[], profiles: Profile[]): string | null {
  const known = new Set(frameworks.map((f) => f.id));
  const mine = [...profiles.filter((p) => p.kind === 'current'), ...profiles].find((p) => known.has(p.framework));
  if (mine) return mine.framework;
  return (frameworks.find((f) => f.method !== 'user-authored') ?? frameworks[0])?.id ?? null;
}

// A search example of the framework's own: the id of its first category (else its first node
// below the top) and a word of that node's title, e.g. "ID.AM or asset".
export function searchExample(framework: Framework): string {
  const all = flatten(framework.nodes);
  const node = all.find((n) => n.level === 'category') ?? all.find((n) => !framework.nodes.includes(n)) ?? all[0];
  if (!node) return '';
  const word = (node.title || node.description || '')
    .split(/[^\p{L}]+/u)
    .find((w) => w.length >= 5)
    ?.toLowerCase();
  return word ? `${node.id} or ${word}` : node.id;
}
