// Display of scores, dates and sizes.

// A score as every view and report shows it (core/figures.hpp): the API's hundredths, then one
// decimal of them, half away from zero, counted in whole numbers (2.25 shows 2.3, as in the
// reports; toFixed would decide by the binary fraction).
export function score(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '–';
  const hundredths = Math.round(Math.abs(v) * 100);
  const sign = v < 0 && hundredths > 0 ? '-' : '';
  if (digits >= 2) return sign + (hundredths / 100).toFixed(2);
  if (digits === 0) return sign + String(Math.floor((hundredths + 50) / 100));
  const tenths = Math.floor((hundredths + 5) / 10);
  return `${sign}${Math.floor(tenths / 10)}.${tenths % 10}`;
}

// part / whole as a whole percentage, half away from zero (core::percent).
export function percent(part: number, whole: number): string {
  if (!whole) return '–';
  const num = 100 * part;
  const q = Math.floor(num / whole);
  return `${2 * (num - q * whole) >= whole ? q + 1 : q}%`;
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function bytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// Only http(s) and mailto links from stored data become clickable; anything else stays text.
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, location.origin);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

// Background colour for a maturity level on a 0-5 scale (sequential blues).
export function levelColour(v: number | null | undefined, max = 5): string {
  if (v === null || v === undefined) return '#f1f3f6';
  const t = Math.max(0, Math.min(1, v / max));
  const from = [239, 244, 250];
  const to = [30, 78, 140];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * t));
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}

// Background colour for a gap (0 none, larger worse: amber to red).
export function gapColour(v: number | null | undefined, max = 5): string {
  if (v === null || v === undefined) return '#f1f3f6';
  if (v <= 0) return '#e6f2ea';
  const t = Math.max(0, Math.min(1, v / Math.max(1, max * 0.6)));
  const from = [253, 240, 213];
  const to = [196, 57, 43];
  const c = from.map((f, i) => Math.round(f + (to[i] - f) * t));
  return `rgb(${c[0]} ${c[1]} ${c[2]})`;
}

export function textOn(bg: string): string {
  const m = /rgb\((\d+) (\d+) (\d+)\)/.exec(bg);
  if (!m) return '#1b2333';
  const l = 0.299 * Number(m[1]) + 0.587 * Number(m[2]) + 0.114 * Number(m[3]);
  return l < 150 ? '#ffffff' : '#1b2333';
}
