// The certification readiness dashboard in the browser. In an organization of the test's own (the
// demo organization is shared and only read here): an empty ISMS shows every requirement missing
// with what is missing; a scope added and approved turns 4.3 to met, with its record as a link;
// the export links point at the API's CSV and HTML. In the demo organization a viewer sees the
// same counts as GET /isms/readiness gives, per clause and in total.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, ids, launch, login, newPage, outDir, screenshot, viewer } from './harness';

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
      return { status: r.status, data: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

async function openReadiness(page: Page, org: number) {
  // A full load: the UI reads the organizations (a new one among them) and the readiness afresh.
  await page.goto(`${baseUrl}/#/org/${org}/isms/readiness`);
  await page.reload();
  await page.locator('[data-requirement="10.2"]').waitFor();
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

test('an empty ISMS is missing everything; an approved scope turns 4.3 to met', async () => {
  const { context, page, errors } = await newPage(browser);
  await login(page, admin);
  const made = await api(page, 'POST', '/organizations', { name: `Readiness ${stamp}`, scope: 'readiness drills' });
  expect(made.status).toBe(201);
  ownOrg = made.data.id;

  await openReadiness(page, ownOrg);
  expect(await page.locator('[data-count="missing"]').textContent()).toBe('30');
  const scopeRow = page.locator('[data-requirement="4.3"]');
  expect(await scopeRow.getAttribute('data-status')).toBe('missing');
  expect(await scopeRow.textContent()).toContain('4.3: no scope statement recorded (register scope)');
  expect(await page.locator('[data-clause]').count()).toBe(7);

  const scope = await api(page, 'POST', `/organizations/${ownOrg}/isms/scope`, { title: 'ISMS scope', fields: { statement: 'All plants' } });
  expect(scope.status, JSON.stringify(scope.data)).toBe(201);
  await openReadiness(page, ownOrg);
  expect(await scopeRow.getAttribute('data-status')).toBe('missing');
  expect(await scopeRow.textContent()).toContain(`${scope.data.ref} revision 1 draft not approved`);

  expect((await api(page, 'POST', `/organizations/${ownOrg}/isms/scope/${scope.data.ref}/approve`)).status).toBe(200);
  await openReadiness(page, ownOrg);
  expect(await scopeRow.getAttribute('data-status')).toBe('met');
  // 4.3 met, and 4.4 partial (an approved scope, no operating process yet).
  expect(await page.locator('[data-count="missing"]').textContent()).toBe('28');
  expect(await page.locator('[data-count="partial"]').textContent()).toBe('1');
  expect(await page.locator('[data-requirement="4.4"]').getAttribute('data-status')).toBe('partial');
  const link = scopeRow.locator('a', { hasText: scope.data.ref });
  expect(await link.getAttribute('href')).toContain(`/org/${ownOrg}/isms/r/scope/${scope.data.ref}`);

  // Only the gaps: the met requirement is hidden.
  await page.getByLabel('Only the requirements not met').check();
  expect(await page.locator('[data-requirement="4.3"]').count()).toBe(0);

  expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain(`/api/v1/organizations/${ownOrg}/isms/readiness?format=csv`);
  expect(await page.getByRole('link', { name: 'Print view' }).getAttribute('href')).toContain('format=html');
  expect(errors).toEqual([]);
  await context.close();
});

test('a viewer of the demo sees the counts the API gives', async () => {
  const { context, page, errors } = await newPage(browser, 1366, 900);
  await login(page, viewer);
  const { org } = await ids(page);
  const r = await api(page, 'GET', `/organizations/${org}/isms/readiness`);
  expect(r.status).toBe(200);
  await openReadiness(page, org);
  for (const k of ['met', 'partial', 'missing'])
    expect(await page.locator(`[data-count="${k}"]`).textContent()).toBe(String(r.data.summary[k]));
  for (const q of r.data.requirements)
    expect(await page.locator(`[data-requirement="${q.clause}"]`).getAttribute('data-status')).toBe(q.status);
  await screenshot(page, 'isms-readiness');
  // Nothing wider than the window, on a laptop and on a phone.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
  }
  await screenshot(page, 'isms-readiness-390');
  expect(errors).toEqual([]);
  await context.close();
});
