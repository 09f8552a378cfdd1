// A hash router (#/org/1/dashboard?x=y): the server serves one index.html and never sees the route.

export interface Route {
  path: string;
  parts: string[];
  query: Record<string, string>;
}

function parse(): Route {
  const hash = location.hash.replace(/^#/, '') || '/';
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  const query: Record<string, string> = {};
  if (at >= 0) new URLSearchParams(hash.slice(at + 1)).forEach((v, k) => (query[k] = v));
  return { path, parts: path.split('/').filter(Boolean).map(decodeURIComponent), query };
}

export const route: Route = $state(parse());

// A view with unsaved work can hold the route: the guard is asked before the route changes and,
// when it answers false, the address goes back to where it was (the guard then asks the user and
// calls go() again itself when they choose to leave).
let guard: ((to: string) => boolean) | null = null;
let shownHash = location.hash;

export function setLeaveGuard(g: (to: string) => boolean): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

window.addEventListener('hashchange', () => {
  if (guard && location.hash !== shownHash && !guard(location.hash)) {
    history.replaceState(null, '', shownHash || '#/');
    return;
  }
  shownHash = location.hash;
  const next = parse();
  route.path = next.path;
  route.parts = next.parts;
  route.query = next.query;
});

// The hash for a path and query, e.g. href('/org/1/editor/2', {node: 'PR.AC-1'}).
export function href(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const q = params.toString();
  return `#${path}${q ? `?${q}` : ''}`;
}

export function go(path: string, query: Record<string, string | number | undefined> = {}): void {
  location.hash = href(path, query).slice(1);
}

// Replaces the query of the current route without adding a history entry.
export function setQuery(query: Record<string, string | number | undefined>): void {
  const h = href(route.path, query);
  history.replaceState(null, '', h);
  shownHash = h;
  route.query = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
}
