// The roadmap's view model: the outcomes an action can close, and where an action sits on the
// timeline.

import type { Action, Framework, FrameworkNode } from './types';

export interface Outcome {
  id: string;
  title: string;
  framework: string; // the framework's short title, shown when the organization has several
  gap: number | null; // the current profile's open gap (null: none known)
}

// The outcomes of a framework an action can name: every node below a function that a profile
// assesses (subcategories, and categories or controls without any below them), in the
// framework's order, with the open gap of each from `gaps` (node id to gap).
export function outcomesOf(framework: Framework, gaps: Map<string, number>): Outcome[] {
  const out: Outcome[] = [];
  const name = framework.short_title || framework.title || framework.id;
  const walk = (n: FrameworkNode, depth: number) => {
    const kids = n.children ?? [];
    if (depth > 0 && (n.level === 'subcategory' || kids.length === 0 || n.level === 'statement')) {
      const g = gaps.get(n.id);
      out.push({ id: n.id, title: n.title || n.description || '', framework: name, gap: g && g > 0 ? g : null });
    }
    for (const c of kids) walk(c, depth + 1);
  };
  for (const n of framework.nodes ?? []) walk(n, 0);
  return out;
}

const dayMs = 24 * 60 * 60 * 1000;

// A date (YYYY-MM-DD) as whole days since 1970-01-01 (UTC), and back.
export function dayOf(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / dayMs);
}
export function isoOf(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

// Where an action sits on the timeline: it ends on its due date and starts its effort in days
// before (an action has no start date: docs/profiles.md, "The roadmap"); no effort is a milestone
// on the due date. Actions without a due date have no bar.
export interface Bar {
  action: Action;
  start: number; // day
  end: number; // day (the due date)
  milestone: boolean;
  overdue: boolean;
}

export function isOpen(a: Action): boolean {
  return a.status === 'planned' || a.status === 'in-progress';
}

export function overdue(a: Action, today: string): boolean {
  return !!a.due && a.due < today && isOpen(a);
}

export function barsOf(actions: Action[], today: string): Bar[] {
  return actions
    .filter((a) => !!a.due && !Number.isNaN(dayOf(a.due)))
    .map((a) => {
      const end = dayOf(a.due);
      const effort = Math.max(0, a.effort_days ?? 0);
      return { action: a, start: end - effort, end, milestone: effort === 0, overdue: overdue(a, today) };
    })
    .sort((x, y) => x.start - y.start || x.end - y.end || x.action.id - y.action.id);
}

// The span the timeline shows: every bar and today, from the first of a month to the first of the
// month after, with the months in it (their first days).
export function spanOf(bars: Bar[], today: number): { from: number; to: number; months: number[] } {
  let lo = today;
  let hi = today;
  for (const b of bars) {
    lo = Math.min(lo, b.start);
    hi = Math.max(hi, b.end);
  }
  const first = new Date(lo * dayMs);
  const last = new Date(hi * dayMs);
  const months: number[] = [];
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  for (;;) {
    const d = Date.UTC(y, m, 1) / dayMs;
    months.push(d);
    if (y > last.getUTCFullYear() || (y === last.getUTCFullYear() && m > last.getUTCMonth())) break;
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return { from: months[0], to: months[months.length - 1], months: months.slice(0, -1) };
}
