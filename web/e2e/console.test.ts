// The browser's console stays clean: loading the login page, signing in and loading the app log no
// error, not even the 401 of a session check (GET /api/v1/session/status answers 200 whether or
// not someone is signed in). Every console message of type error fails the test, with no filter.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, launch, login } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

// Every console error and failed response of the page, as they happen.
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return seen;
}

describe('console', () => {
  test('the login page loads without a console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual([]);
    await context.close();
  });

  test('signing in, loading the app and reloading it log no console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await login(page, admin);
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByRole('navigation', { name: 'Views' }).waitFor();
    await page.goto(`${baseUrl}/#/users`);
    await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual([]);
    await context.close();
  });

  test('after signing out, the login page loads again without a console error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, admin);
    const seen = watch(page);
    await page.evaluate(async () => {
      const s = await (await fetch('/api/v1/session/status')).json();
      await fetch('/api/v1/session', { method: 'DELETE', headers: { 'X-CSRF-Token': s.csrf_token } });
    });
    await page.reload();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(seen).toEqual([]);
    await context.close();
  });
});
