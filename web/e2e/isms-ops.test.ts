// The ISMS in operation in the browser (clauses 8-10), in an organization of the test's own: a
// nonconformity closed in the generic register form without its root cause is refused at the
// field, with the message naming it, then at each missing piece until it closes; an auditor
// writes a finding through the same form (the register says auditors write it) but sees no Save
// on an audit, whose page offers the audit report with that finding.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, launch, login, newPage, outDir, screenshot } from './harness';

let browser: Browser;
const stamp = Date.now().toString(36);
let ownOrg = 0;
const auditor = { name: `ops-auditor-${stamp}`, password: `Amber-quarry-${stamp}-violin` };

async function api<T = any>(page: Page, method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ method, path, body, ifMatch }) => {
      const session = await (await fetch('/api/v1/session')).json();
      const headers: Record<string, string> = { 'X-CSRF-Token': session.csrf_token };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
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
    { method, path, body, ifMatch },
  );
}

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await login(page, admin);
  const made = await api(page, 'POST', '/organizations', { name: `Omega ISMS ${stamp}`, scope: 'Operation drills' });
  expect(made.status).toBe(201);
  ownOrg = made.data.id;
  expect((await api(page, 'PUT', `/users/${editor.name}/roles/${ownOrg}`, { role: 'editor' })).status).toBeLessThan(300);
  expect((await api(page, 'POST', '/users', auditor)).status).toBe(201);
  expect((await api(page, 'PUT', `/users/${auditor.name}/roles/${ownOrg}`, { role: 'auditor' })).status).toBeLessThan(300);
  const o = `/organizations/${ownOrg}/isms`;
  for (const [reg, body] of [
    ['processes', { ref: 'PROC-001', title: 'Backup and recovery', owner: 'CIO', fields: { kind: 'process', purpose: 'Back up and restore' } }],
    ['audit-programmes', { ref: 'AP-001', title: 'Programme', fields: { period_start: '2026-01-01', period_end: '2026-12-31', frequency: 'yearly' } }],
    ['audits', { ref: 'AUD-001', title: 'Backups audit', status: 'planned', fields: { programme: 'AP-001', criteria: 'A.8.13', planned: '2026-12-20', processes: ['PROC-001'], auditors: [auditor.name] } }],
    ['actions', { ref: 'ACT-001', title: 'Schedule restore tests', status: 'done', fields: { type: 'corrective', due: '2026-11-01', done: '2026-10-30' } }],
    ['nonconformities', { ref: 'NC-001', title: 'Backups never restore-tested', status: 'open', fields: { source: 'audit', description: 'No restore test in 14 months', raised: '2026-09-01' } }],
  ] as const) {
    const r = await api(page, 'POST', `${o}/${reg}`, body);
    expect(r.status, `${reg}: ${JSON.stringify(r.data)}`).toBe(201);
  }
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

async function save(page: Page, name = 'Save') {
  await page.getByRole('button', { name, exact: true }).click();
}

// The field the form marks refused, with its message.
async function refusedAt(page: Page, field: string): Promise<string> {
  const err = page.getByTestId(`error-${field}`);
  await err.waitFor();
  expect(await page.locator(`#isms-f-${field}`).getAttribute('aria-invalid')).toBe('true');
  return (await err.textContent()) ?? '';
}

describe('the ISMS in operation', () => {
  test('a nonconformity closed without its root cause is refused at the field, then step by step until it closes', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/nonconformities/NC-001`);
    await page.getByRole('heading', { name: 'NC-001 Backups never restore-tested' }).waitFor();
    await page.locator('#isms-status').selectOption('closed');
    await save(page);
    expect(await refusedAt(page, 'root_cause')).toContain('root_cause');
    await screenshot(page, 'isms-ops-nc-refused-1366');
    // Nothing was stored.
    expect((await api(page, 'GET', `/organizations/${ownOrg}/isms/nonconformities/NC-001`)).data.status).toBe('open');

    await page.locator('#isms-f-root_cause').fill('Restore tests were not in the backup procedure');
    await save(page);
    expect(await refusedAt(page, 'actions')).toContain('corrective action');
    await page.locator('#isms-f-actions').fill('ACT-001');
    await save(page);
    expect(await refusedAt(page, 'effectiveness')).toContain('effectiveness');
    await page.locator('#isms-f-effectiveness').fill('The next scheduled restore test passed within the RTO');
    await page.locator('#isms-f-effective').selectOption('yes');
    await page.locator('#isms-f-reviewed').fill('2026-12-01');
    await save(page);
    await expect.poll(async () => (await api(page, 'GET', `/organizations/${ownOrg}/isms/nonconformities/NC-001`)).data.status).toBe('closed');
    expect(await page.getByTestId('error-root_cause').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an auditor writes a finding through the form but cannot edit the audit', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, auditor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/findings/new`);
    await page.locator('#isms-title').waitFor();
    await page.locator('#isms-title').fill('Restore test results not kept');
    await page.locator('#isms-f-audit').fill('AUD-001');
    await page.locator('#isms-f-grade').selectOption('minor-nc');
    await page.locator('#isms-f-requirement').fill('iso-iec-27001-2022-annex-a:A.8.13');
    await page.locator('#isms-f-statement').fill('Only the last test has a record');
    await save(page, 'Create');
    await page.getByRole('heading', { name: /^FND-\d+ Restore test results not kept$/ }).waitFor();
    const found = (await api(page, 'GET', `/organizations/${ownOrg}/isms/findings?q=Restore`)).data.items;
    expect(found).toHaveLength(1);
    expect(found[0].created_by).toBe(auditor.name);

    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/audits/AUD-001`);
    await page.getByRole('heading', { name: 'AUD-001 Backups audit' }).waitFor();
    expect(await page.locator('#isms-title').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
    // The audit report is offered on the audit's page, with the auditor's finding in it.
    const href = await page.getByTestId('audit-report').getAttribute('href');
    const report = await page.evaluate(async (h) => {
      const r = await fetch(h!);
      return { status: r.status, type: r.headers.get('Content-Type'), text: await r.text() };
    }, href);
    expect(report.status).toBe(200);
    expect(report.type).toContain('text/html');
    expect(report.text).toContain('Restore test results not kept');
    expect(report.text).toContain('Minor nonconformity (1)');
    expect(errors).toEqual([]);
    await context.close();
  });
});
