// Who is logged in, the organizations they can see, and what their role lets them do.

import { get, setCsrfToken } from './api';
import type { Organization, Role, Session, SessionStatus } from './types';

interface AppState {
  session: Session | null;
  orgs: Organization[];
  checked: boolean; // GET /session has answered
  notice: string; // shown on the login page (e.g. "Your session ended")
  lastOrg: number | null; // the organization last worked in (the framework browser opens on its framework)
}

export const app: AppState = $state({ session: null, orgs: [], checked: false, notice: '', lastOrg: null });

// When the page loads: GET /session/status answers 200 whether or not someone is signed in, so
// that nobody being signed in yet is not an error (no 401 in the browser's console).
export async function loadSession(): Promise<void> {
  try {
    const status = await get<SessionStatus>('/session/status');
    if (status.signed_in && status.user && status.csrf_token !== undefined) {
      await start({ user: status.user, csrf_token: status.csrf_token, token: status.token });
    } else {
      app.session = null;
    }
  } catch (err) {
    app.notice = err instanceof Error ? err.message : String(err);
    app.session = null;
  } finally {
    app.checked = true;
  }
}

export async function start(s: Session): Promise<void> {
  setCsrfToken(s.csrf_token);
  await loadOrgs(); // before the session is shown, so the start page knows the organizations
  app.session = s;
  app.notice = '';
}

export async function loadOrgs(): Promise<void> {
  const page = await get<{ items: Organization[] }>('/organizations', { limit: 500 });
  app.orgs = page.items ?? [];
}

export function ended(notice: string): void {
  app.session = null;
  app.orgs = [];
  app.lastOrg = null;
  app.notice = notice;
  setCsrfToken('');
}

export function roleIn(orgId: number): Role | null {
  const s = app.session;
  if (!s) return null;
  const org = app.orgs.find((o) => o.id === orgId);
  if (org?.role) return org.role;
  if (s.user.administrator) return 'admin';
  return s.user.roles.find((r) => r.organization === orgId)?.role ?? null;
}

// Levels, owners, priorities, notes, evidence, actions, imports, snapshots.
export function canEdit(orgId: number): boolean {
  const r = roleIn(orgId);
  return r === 'admin' || r === 'editor';
}

// Auditor notes on a node.
export function canComment(orgId: number): boolean {
  const r = roleIn(orgId);
  return r === 'admin' || r === 'editor' || r === 'auditor';
}

export function isAdministrator(): boolean {
  return app.session?.user.administrator ?? false;
}

export const roleNames: Record<Role, string> = {
  admin: 'Administrator',
  editor: 'Editor',
  auditor: 'Auditor',
  viewer: 'Viewer',
};
