// The password rule as the server states it (GET /api/v1/password-policy), read once, and the
// checks a form can make while a password is typed. The server stays the judge: it also refuses
// common passwords, keyboard walks and decorated names, and says why (422 at the field).

import { get } from './api';
import type { PasswordPolicy } from './types';

let policy: Promise<PasswordPolicy> | null = null;

export function passwordPolicy(): Promise<PasswordPolicy> {
  policy ??= get<PasswordPolicy>('/password-policy').catch((err) => {
    policy = null; // asked again next time
    throw err;
  });
  return policy;
}

// Characters as the server counts them (code points, not UTF-16 units).
export function characters(password: string): number {
  return [...password].length;
}

export interface PasswordCheck {
  long: boolean; // at least the minimum number of characters
  notName: boolean; // not the account name (without regard to case and spaces)
  fits: boolean; // within the maximum size
}

export function checkPassword(password: string, accountName: string, p: PasswordPolicy): PasswordCheck {
  const name = accountName.trim().toLowerCase();
  const compact = password.replace(/\s+/g, '').toLowerCase();
  return {
    long: characters(password) >= p.min_characters,
    notName: name === '' || compact !== name,
    fits: new TextEncoder().encode(password).length <= p.max_bytes,
  };
}

// The problem the server gave for one field of the body (422 with errors[].field), if any.
export function fieldProblem(err: unknown, field: string): string {
  const body = (err as { body?: { errors?: { field?: string; message: string }[] } | null }).body;
  return body?.errors?.find((e) => e.field === field)?.message ?? '';
}
