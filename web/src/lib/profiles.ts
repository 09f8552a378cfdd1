// An organization's profiles, and which one a view uses when the route names none.

import { getAll } from './api';
import type { Profile } from './types';

const cache = new Map<number, Promise<Profile[]>>();

export function profilesOf(org: number, refresh = false): Promise<Profile[]> {
  if (refresh || !cache.has(org)) {
    const p = getAll<Profile>(`/organizations/${org}/profiles`);
    p.catch(() => cache.delete(org));
    cache.set(org, p);
  }
  return cache.get(org)!;
}

export function forgetProfiles(): void {
  cache.clear();
}

export function defaultProfile(profiles: Profile[], wanted?: string | number | null): Profile | null {
  if (wanted !== undefined && wanted !== null && wanted !== '') {
    const p = profiles.find((x) => x.id === Number(wanted));
    if (p) return p;
  }
  return profiles.find((p) => p.kind === 'current') ?? profiles[0] ?? null;
}
