// The management review in the browser, in an organization of its own made on the demo workspace:
// two reviews made through the API; the review view shows the inputs a-g and the profile's progress
// with the records each drew from, each register record a link to its record; an editor records
// an action (it appears in the list and in a) of the next review) and holds the review: its inputs
// are frozen, the hold button gone, and a context issue added afterwards does not reach them while
// the next review's b) lists it; the minutes download as HTML with the action in them.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, launch, login, newPage, outDir, screenshot } from './harness';

let browser: Browser;
const stamp = Date.now().toString(36);
let ownOrg = 0;

async function api<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const headers: Record<string, string> = { 'X-CSRF-Token': session.csrf_token };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const r = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      let data = null;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        data = text;
      }
      return { status: r.status, data };
    },
    { method, path, body },
  );
}

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await login(page, admin);
  const made = await api(page, 'POST', '/organizations', { name: `Review ${stamp}`, scope: 'Management review drills' });
  expect(made.status).toBe(201);
  ownOrg = made.data.id;
  expect((await api(page, 'PUT', `/users/${editor.name}/roles/${ownOrg}`, { role: 'editor' })).status).toBeLessThan(300);
  for (const [ref, date] of [
    ['MR-001', '2026-01-15'],
    ['MR-002', '2026-12-20'],
  ]) {
    const r = await api(page, 'POST', `/organizations/${ownOrg}/isms/reviews`, { ref, title: `Review ${ref}`, status: 'in-preparation', fields: { date, attendees: ['CEO', 'CISO'] } });
    expect(r.status, JSON.stringify(r.data)).toBe(201);
  }
  const c = await api(page, 'POST', `/organizations/${ownOrg}/isms/context`, { ref: 'CTX-001', title: 'Supplier portal', fields: { category: 'external' } });
  expect(c.status, JSON.stringify(c.data)).toBe(201);
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

describe('the management review', () => {
  test('inputs a-g with links; an action recorded; held and frozen; minutes downloaded', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/review/MR-001`);
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'profile']) await page.locator(`section[data-input="${k}"]`).waitFor();
    // b) drew CTX-001, a link to its record.
    const ctx = page.locator('section[data-input="b"] a', { hasText: 'CTX-001' });
    expect(await ctx.getAttribute('href')).toContain(`/org/${ownOrg}/isms/r/context/CTX-001`);
    await screenshot(page, 'review-prepared');

    // An output of MR-001.
    await page.getByRole('textbox', { name: 'Action' }).fill('Fund the SOC contract');
    await page.getByRole('textbox', { name: 'Owner' }).fill('CISO');
    await page.getByLabel('Due', { exact: true }).fill('2026-03-31');
    await page.getByRole('button', { name: 'Record the action' }).click();
    await page.getByTestId('review-actions').getByText('Fund the SOC contract').waitFor();

    // Held: frozen, the button gone.
    await page.getByRole('button', { name: /Hold the review/ }).click();
    await page.getByTestId('review-frozen').waitFor();
    expect(await page.getByRole('button', { name: /Hold the review/ }).count()).toBe(0);

    // A context issue added afterwards does not reach MR-001's frozen inputs, but MR-002's b).
    const added = await api(page, 'POST', `/organizations/${ownOrg}/isms/context`, { ref: 'CTX-002', title: 'Second plant', fields: { category: 'internal' } });
    expect(added.status).toBe(201);
    await page.reload();
    await page.locator('section[data-input="b"]').waitFor();
    expect(await page.locator('section[data-input="b"]').getByText('CTX-002').count()).toBe(0);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/review/MR-002`);
    await page.locator('section[data-input="b"]').getByText('CTX-002').waitFor();
    await page.locator('section[data-input="a"]').getByText('Fund the SOC contract').waitFor();

    // The minutes of MR-001 as HTML, with the action.
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/review/MR-001`);
    await page.getByTestId('review-frozen').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Minutes (HTML)' }).click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(path!, 'utf8');
    expect(html).toContain('Fund the SOC contract');
    expect(html).toContain('<h2>Attendees</h2>');
    await screenshot(page, 'review-held');
    expect(errors).toEqual([]);
    await context.close();
  });
});
