// The field-by-field comparison the conflict dialog shows: their version of a record (as the
// server holds it now) against mine (what I tried to write), as rows of display text.

export interface ConflictRow {
  label: string;
  theirs: string;
  mine: string;
}

// A field of two objects to compare: its key, its label and how to show a value of it.
export interface ConflictField {
  key: string;
  label: string;
  show?: (value: unknown) => string;
}

// A value as text: empty text, null and an empty list read as (empty), a list as its items.
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : '(empty)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

// One row per field, from the two objects; a field missing from `mine` (a write that does not
// send it) shows their value on both sides.
export function compareFields(theirs: object, mine: object, fields: ConflictField[]): ConflictRow[] {
  const t = theirs as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  return fields.map((f) => {
    const show = f.show ?? showValue;
    return { label: f.label, theirs: show(t[f.key]), mine: show(f.key in m ? m[f.key] : t[f.key]) };
  });
}
