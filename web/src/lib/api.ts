// The REST API under /api/v1: one fetch wrapper that sends the session cookie and the CSRF token,
// and turns problem+json answers into ApiError whose `detail` is what the user is shown.

import type { Problem } from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly body: Problem | null;
  readonly retryAfter: number | null; // seconds, from Retry-After (429)
  readonly etag: string | null; // the ETag of the answer (412: the version of `body.current`)

  constructor(status: number, body: Problem | null, retryAfter: number | null, fallback: string, etag: string | null = null) {
    const detail = body?.detail || body?.title || fallback;
    super(detail);
    this.status = status;
    this.title = body?.title ?? '';
    this.detail = detail;
    this.body = body;
    this.retryAfter = retryAfter;
    this.etag = etag;
  }
}

let csrfToken = '';
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// Called when an authenticated request answers 401 (the session expired or was revoked).
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  ifMatch?: number | string;
  query?: Record<string, string | number | boolean | null | undefined>;
  anonymous?: boolean; // a 401 is an answer, not an expired session (login)
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

export function apiUrl(path: string, query?: RequestOptions['query']): string {
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? (options.json !== undefined || options.body !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch !== undefined) {
    const v = String(options.ifMatch);
    headers['If-Match'] = v.startsWith('"') ? v : `"${v}"`;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, null, null, 'The server cannot be reached. Check that cyberframe is running, then try again.');
  }
  const type = response.headers.get('Content-Type') ?? '';
  const text = await response.text();
  let parsed: unknown = null;
  if (text && (type.includes('json') || text.startsWith('{') || text.startsWith('['))) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const retry = response.headers.get('Retry-After');
    const err = new ApiError(
      response.status,
      (parsed as Problem) ?? null,
      retry !== null && /^\d+$/.test(retry) ? Number(retry) : null,
      `The server answered ${response.status} ${response.statusText}`.trim(),
      response.headers.get('ETag'),
    );
    if (response.status === 401 && !options.anonymous && onUnauthorized) onUnauthorized();
    throw err;
  }
  return { data: (parsed ?? text) as T, etag: response.headers.get('ETag'), status: response.status };
}

export async function get<T>(path: string, query?: RequestOptions['query']): Promise<T> {
  return (await request<T>(path, { query })).data;
}

export async function post<T>(path: string, json: unknown): Promise<T> {
  return (await request<T>(path, { method: 'POST', json })).data;
}

export async function put<T>(path: string, json: unknown, ifMatch?: number | string): Promise<T> {
  return (await request<T>(path, { method: 'PUT', json, ifMatch })).data;
}

export async function del<T = unknown>(path: string): Promise<T> {
  return (await request<T>(path, { method: 'DELETE' })).data;
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

// Every item of a paged list, fetching `limit` at a time.
export async function getAll<T>(path: string, query: RequestOptions['query'] = {}, limit = 200): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; ) {
    const page = await get<Page<T>>(path, { ...query, limit, offset });
    const got = page.items ?? [];
    items.push(...got);
    offset += got.length;
    if (got.length === 0 || offset >= (page.total ?? 0)) return items;
  }
}

// The version an ETag names ('"7"' or 'W/"7"' -> 7).
export function etagVersion(etag: string | null): number | null {
  if (!etag) return null;
  const m = /"(\d+)"/.exec(etag);
  return m ? Number(m[1]) : null;
}

// A record the API versions (If-Match): a node assessment, an action, a mapping set or a mapping,
// the kinds a 412 problem carries in `current`.
export type Versioned = NonNullable<Problem['current']>;

// What a 412 (Changed since you read it) says: the record as the server holds it now and the
// version to send with If-Match to write over it (the answer's ETag, else the record's own).
export interface Conflict<T extends Versioned> {
  current: T;
  version: number;
}

// The conflict of a 412 answer to a write of a record of type T; null for any other error, or a
// 412 that did not carry the record (it was deleted meanwhile: read it again, see conflictRecord).
export function conflictOf<T extends Versioned>(err: unknown): Conflict<T> | null {
  if (!(err instanceof ApiError) || err.status !== 412) return null;
  const current = (err.body?.current ?? null) as T | null;
  if (!current) return null;
  const version = etagVersion(err.etag) ?? current.version ?? 0;
  return { current: { ...current, version }, version };
}

// The same, reading the record again from `path` when the 412 did not carry it; null for any
// error that is not a 412. A failed read (404: it was deleted meanwhile) throws its ApiError.
export async function conflictRecord<T extends Versioned>(err: unknown, path: string): Promise<Conflict<T> | null> {
  if (!(err instanceof ApiError) || err.status !== 412) return null;
  const carried = conflictOf<T>(err);
  if (carried) return carried;
  const fresh = await request<T>(path);
  const version = etagVersion(fresh.etag) ?? fresh.data.version ?? 0;
  return { current: { ...fresh.data, version }, version };
}

// A message for any thrown value.
export function message(err: unknown): string {
  if (err instanceof ApiError) return err.detail;
  if (err instanceof Error) return err.message;
  return String(err);
}
