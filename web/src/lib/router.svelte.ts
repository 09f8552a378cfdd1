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
// when it answers false, the route stays (the guard then asks the user and sets location.hash
// itself when they choose to leave). A link is held before it is followed; Back, Forward and a
// typed address are put back with a new history entry of the view's own address, so that Back
// asks again rather than doing nothing.
let guard: ((to: string) => boolean) | null = null;
let shownHash = location.hash;

export function setLeaveGuard(g: (to: string) => boolean): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

document.addEventListener(
  'click',
  (e) => {
    if (!guard || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a[href^="#"]');
    if (!a || a.getAttribute('target') || a.hasAttribute('download')) return;
    const to = a.getAttribute('href') ?? '';
    if (to !== location.hash && !guard(to)) e.preventDefault();
  },
  true,
);

window.addEventListener('hashchange', () => {
  if (guard && location.hash !== shownHash && !guard(location.hash)) {
    history.pushState(null, '', shownHash || '#/');
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
