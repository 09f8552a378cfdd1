// The ISMS in the browser. The tests that write work in an organization of their own made on the
// demo workspace (the demo organization is shared by the other files and read only here):
// records made in three registers through the form driven by the register's descriptor, one bad
// field refused at that field; an auditor comments and cannot edit; a document taken from draft to published, its reviewer and
// approver shown, and acknowledged by a person of its distribution; a measurement's chart with a
// point per value, the target and threshold lines, and the same values in the table. Read only in
// the demo organization: a viewer sees no button that writes, and the ISMS views at 390, 1366 and
// 1920 px do not scroll sideways (screenshots isms-*); the overview lists what is due, as
// GET /isms/due does, each item a link to its record or document.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, outDir, screenshot, viewer } from './harness';

let browser: Browser;
const stamp = Date.now().toString(36);
let ownOrg = 0;

// A call of the API with the page's session (and its CSRF token): the status, the JSON and the ETag.
async function api<T = any>(page: Page, method: string, path: string, body?: unknown, ifMatch?: string): Promise<{ status: number; data: T; etag: string | null }> {
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
      return { status: r.status, data, etag: r.headers.get('ETag') };
    },
    { method, path, body, ifMatch },
  );
}

// The measurement of the chart test, made in the test's organization: higher is better, target
// 95 and warning threshold 90 (as the demo's MEAS-001).
const measurement = { ref: 'MEAS-001', title: 'Patch compliance', target: 95, threshold: 90 };
const values = [
  { date: '2026-03-31', value: 97 },
  { date: '2026-06-30', value: 92 },
  { date: '2026-09-30', value: 85 },
];

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await login(page, admin);
  const made = await api(page, 'POST', '/organizations', { name: `Zeta ISMS ${stamp}`, scope: 'ISMS drills' });
  expect(made.status).toBe(201);
  ownOrg = made.data.id;
  expect((await api(page, 'PUT', `/users/${editor.name}/roles/${ownOrg}`, { role: 'editor' })).status).toBeLessThan(300);
  const m = await api(page, 'POST', `/organizations/${ownOrg}/isms/measurements`, {
    ref: measurement.ref,
    title: measurement.title,
    fields: { what: 'Share of servers patched within 14 days', direction: 'higher-is-better', unit: '%', target: measurement.target, threshold: measurement.threshold },
  });
  expect(m.status, JSON.stringify(m.data)).toBe(201);
  for (const v of values) {
    const r = await api(page, 'POST', `/organizations/${ownOrg}/measurements/${measurement.ref}/values`, v);
    expect(r.status, JSON.stringify(r.data)).toBeLessThan(300);
  }
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

async function openNew(page: Page, register: string) {
  await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/${register}/new`);
  await page.locator('#isms-title').waitFor();
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

describe('the ISMS', () => {
  test('records made in three registers through the form; a bad field is refused at the field', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);

    // Context (4.1): the climate-change determination needs whether it is relevant and why.
    await openNew(page, 'context');
    await page.getByRole('heading', { name: /New record in Context/ }).waitFor();
    await page.locator('#isms-title').fill('Climate change and the plant');
    await page.locator('#isms-f-type').selectOption('climate-change');
    await page.locator('#isms-f-category').selectOption('external');
    await save(page);
    // Refused at the field the rule names (relevant, or its rationale), marked invalid there.
    const refused = page.locator('[data-field="relevant"] .field-error, [data-field="rationale"] .field-error').first();
    await refused.waitFor();
    const at = await refused.evaluate((e) => e.closest('[data-field]')!.getAttribute('data-field'));
    expect(await page.locator(`#isms-f-${at}`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('heading', { name: /New record in Context/ }).count()).toBe(1);
    await screenshot(page, 'isms-form-refused-1366');
    await page.locator('#isms-f-relevant').selectOption('yes');
    await page.locator('#isms-f-rationale').fill('Flooding of the river site and heat waves affect the data centre');
    await save(page);
    await page.getByRole('heading', { name: /^CTX-\d+ Climate change and the plant$/ }).waitFor();
    const ctx = (await api(page, 'GET', `/organizations/${ownOrg}/isms/context?q=Climate`)).data.items;
    expect(ctx).toHaveLength(1);
    expect(ctx[0].fields).toMatchObject({ type: 'climate-change', category: 'external', relevant: 'yes' });

    // Interested parties (4.2).
    await openNew(page, 'interested-parties');
    await page.locator('#isms-title').fill('Regional water authority');
    await page.locator('#isms-f-type').selectOption('external');
    await page.locator('#isms-f-category').fill('regulator');
    await page.locator('#isms-owner').fill('Compliance lead');
    await save(page);
    await page.getByRole('heading', { name: /^IP-\d+ Regional water authority$/ }).waitFor();

    // Objectives (6.2), pointing to the measurement by its ref (a record-ref field).
    await openNew(page, 'objectives');
    await page.locator('#isms-title').fill('Patch servers on time');
    await page.locator('#isms-f-plan').fill('Monthly patch windows with a weekly report');
    await page.locator('#isms-f-due').fill('2026-12-31');
    await page.locator('#isms-f-measurement').fill(measurement.ref);
    await page.locator('#isms-status').selectOption('on-track');
    await save(page);
    await page.getByRole('heading', { name: /^OBJ-\d+ Patch servers on time$/ }).waitFor();
    const obj = (await api(page, 'GET', `/organizations/${ownOrg}/isms/objectives?q=Patch`)).data.items[0];
    expect(obj.fields).toMatchObject({ due: '2026-12-31', measurement: measurement.ref });
    expect(obj.status).toBe('on-track');

    // The register lists them; the overview counts them.
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/objectives`);
    await page.locator(`tr[data-record="${obj.ref}"]`).waitFor();
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms`);
    await expect.poll(() => page.getByTestId('count-interested-parties').textContent()).toBe('1');
    expect(await page.getByTestId('count-context').textContent()).toBe('1');
    expect(await page.getByTestId('count-objectives').textContent()).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a register imports a file all rows or none: a bad row is named by row and column, nothing stored', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/resources`);
    await page.getByRole('heading', { name: 'Resources' }).waitFor();
    const count = async () => (await api(page, 'GET', `/organizations/${ownOrg}/isms/resources`)).data.total as number;
    const before = await count();
    const importCsv = async (name: string, text: string) => {
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const form = page.getByRole('form', { name: 'Import records' });
      await form.getByLabel('File to import').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
      await form.getByRole('button', { name: 'Import', exact: true }).click();
      return form;
    };
    // The second row's type is none of the register's values: the whole file is refused.
    const form = await importCsv('bad.csv', `title,type\nSecurity budget ${stamp},budget\nSpare desk ${stamp},furniture\n`);
    const rows = form.getByRole('table', { name: 'Rows with errors' });
    await rows.waitFor();
    expect(await rows.locator('tbody tr').count()).toBe(1);
    expect(await rows.locator('tbody tr td').first().textContent()).toBe('3');
    expect(await rows.locator('tbody tr td').nth(1).textContent()).toContain('type');
    expect(await count()).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
    // The good rows alone are imported, and the register lists them.
    await importCsv('good.csv', `title,type\nSecurity budget ${stamp},budget\n`);
    await page.getByText('Imported good.csv: 1 created, 0 updated.').waitFor();
    expect(await count()).toBe(before + 1);
    await page.locator('tr[data-record]', { hasText: `Security budget ${stamp}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an auditor comments on a record and cannot edit it', async () => {
    const setup = await newPage(browser, 1366, 900);
    await login(setup.page, admin);
    const auditor = { name: `auditor-${stamp}`, password: `Quiet-harbour-${stamp}-lantern` };
    expect((await api(setup.page, 'POST', '/users', auditor)).status).toBe(201);
    expect((await api(setup.page, 'PUT', `/users/${auditor.name}/roles/${ownOrg}`, { role: 'auditor' })).status).toBeLessThan(300);
    const made = await api(setup.page, 'POST', `/organizations/${ownOrg}/isms/communication`, { title: 'Quarterly security bulletin', fields: { what: 'Incidents and lessons learnt' } });
    expect(made.status, JSON.stringify(made.data)).toBe(201);
    await setup.context.close();

    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, auditor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/communication/${made.data.ref}`);
    await page.getByRole('heading', { name: `${made.data.ref} Quarterly security bulletin` }).waitFor();
    expect(await page.locator('#isms-title').isDisabled()).toBe(true);
    for (const name of ['Save', 'Delete', 'Add link']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    const form = page.getByRole('form', { name: 'Add a comment' });
    await form.getByLabel('Comment').fill('Sampled: the Q3 bulletin was sent on time.');
    await form.getByRole('button', { name: 'Add comment' }).click();
    await page.locator('.comments li', { hasText: 'Sampled: the Q3 bulletin was sent on time.' }).waitFor();
    const comments = (await api(page, 'GET', `/organizations/${ownOrg}/isms/communication/${made.data.ref}/comments`)).data.items;
    expect(comments.map((c: { author: string }) => c.author)).toEqual([auditor.name]);
    // A forced write is refused all the same.
    expect((await api(page, 'PUT', `/organizations/${ownOrg}/isms/communication/${made.data.ref}`, { title: 'Changed' }, `"${made.data.version}"`)).status).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a document from draft to published: the reviewer and the approver shown, acknowledged by its distribution', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/documents/new`);
    await page.getByRole('heading', { name: 'New document' }).waitFor();
    await page.locator('#doc-title').fill('Access control policy');
    await page.getByLabel('Owner').fill('CISO');
    await page.getByLabel('Distribution (one person a line)').fill(`${editor.name}\n${admin.name}`);
    await page.getByLabel('File of version 1').setInputFiles({ name: 'access-control.txt', mimeType: 'text/plain', buffer: Buffer.from('Access is granted on need to know.\n') });
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: /^DOC-\d+ Access control policy$/ }).waitFor();
    expect(await page.getByTestId('version-state-1').textContent()).toBe('Draft');
    await page.getByRole('link', { name: 'access-control.txt' }).waitFor();

    await page.getByLabel('Reviewer').fill('Quality lead');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => page.getByTestId('version-state-1').textContent()).toBe('In review');
    expect(await page.getByTestId('reviewer-1').textContent()).toBe('Quality lead');
    const url = page.url();
    await context.close();

    // The approver is another person: the administrator approves, and it is published at once.
    const second = await newPage(browser, 1366, 900);
    await login(second.page, admin);
    await second.page.goto(url);
    await second.page.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => second.page.getByTestId('version-state-1').textContent()).toBe('Published');
    expect(await second.page.getByTestId('approver-1').textContent()).toContain(admin.name);
    expect(await second.page.getByTestId('reviewer-1').textContent()).toBe('Quality lead');
    expect(await second.page.getByTestId('doc-state').textContent()).toBe('Published');
    // A published version is not edited: the next step offered is a revision.
    await second.page.getByRole('button', { name: 'Revise' }).waitFor();
    await screenshot(second.page, 'isms-document-published-1366');
    // Acknowledgements: nobody yet; the administrator is in the distribution and acknowledges.
    const acks = second.page.locator('.ack-list');
    await acks.locator(`li[data-person="${editor.name}"]`).getByText('not yet').waitFor();
    await second.page.getByRole('button', { name: 'Acknowledge version 1' }).click();
    await acks.locator(`li[data-person="${admin.name}"]`).getByText(/acknowledged/).waitFor();
    expect(await acks.locator(`li[data-person="${editor.name}"]`).textContent()).toContain('not yet');
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await second.context.close();
  });

  test('a measurement’s chart: a point per value coloured by status, the target and threshold lines, the values in a table', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/isms/r/measurements/${measurement.ref}`);
    await page.getByRole('heading', { name: `${measurement.ref} ${measurement.title}` }).waitFor();
    const chart = page.getByTestId('series');
    await chart.locator('svg circle[data-point]').first().waitFor();
    expect(await chart.locator('svg circle[data-point]').count()).toBe(values.length);
    const series = (await api(page, 'GET', `/organizations/${ownOrg}/measurements/${measurement.ref}/series`)).data;
    const points = series.points as { date: string; value: number; status: string }[];
    expect(points).toHaveLength(values.length);
    // Each point has its status from the server and the colour of that status.
    const tone: Record<string, string> = { met: 'tone-good', warning: 'tone-warn', breached: 'tone-bad' };
    for (const p of points) {
      const dot = chart.locator(`circle[data-point="${p.date}"]`);
      expect(await dot.getAttribute('data-status')).toBe(p.status);
      expect(await dot.getAttribute('class')).toContain(tone[p.status]);
    }
    expect(new Set(points.map((p) => p.status)).size, 'the values span several statuses').toBeGreaterThan(1);
    // The target and threshold lines are drawn at their values: a point above a line's value lies
    // above the line in the picture, one below it below.
    const y = async (sel: string, attr: string) => Number(await chart.locator(sel).getAttribute(attr));
    for (const [line, at] of [['target', series.target], ['threshold', series.threshold]] as const) {
      const ly = await y(`line[data-line="${line}"]`, 'y1');
      for (const p of points) {
        const py = await y(`circle[data-point="${p.date}"]`, 'cy');
        if (p.value > at) expect(py, `${p.date} above the ${line}`).toBeLessThan(ly);
        if (p.value < at) expect(py, `${p.date} below the ${line}`).toBeGreaterThan(ly);
      }
    }
    // The table beside the chart gives the same values.
    const cells = await chart.locator('table tbody tr td:nth-child(2)').allTextContents();
    expect(cells).toEqual(values.map((v) => String(v.value)));
    expect(await chart.locator('.series-chart svg').getAttribute('aria-label')).toContain(measurement.ref);
    expect(await chart.locator('svg .axis-label').allTextContents()).toEqual([series.unit || 'Value', 'Date']);
    await screenshot(page, 'isms-measurement-1366');

    // A value recorded here is one more point.
    const form = page.getByRole('form', { name: 'Record a value' });
    await form.getByLabel('Date').fill('2026-11-30');
    await form.getByLabel(/^Value/).fill('96');
    await form.getByRole('button', { name: 'Record value' }).click();
    await expect.poll(() => chart.locator('svg circle[data-point]').count()).toBe(values.length + 1);
    expect(await chart.locator('tr[data-value="2026-11-30"] td:nth-child(2)').textContent()).toBe('96');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the overview lists what is due, each a link to its record (demo organization, read only)', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, viewer);
    const { org } = await ids(page);
    const due = (await api(page, 'GET', `/organizations/${org}/isms/due`)).data;
    const refs = due.items.map((d: { ref: string }) => d.ref);
    // The demo has a document past its review and an objective off track.
    expect(refs).toContain('DOC-007');
    expect(refs).toContain('OBJ-004');
    await page.goto(`${baseUrl}/#/org/${org}/isms`);
    const section = page.getByTestId('isms-due');
    await section.locator('li[data-due]').first().waitFor();
    expect(await section.locator('li[data-due]').evaluateAll((li) => li.map((e) => e.getAttribute('data-due')))).toEqual(refs);
    expect(await section.getByRole('heading').textContent()).toContain(String(due.total));
    // DOC-007 is due twice: past its review, and not yet read by its distribution.
    const doc = due.items.find((d: { ref: string; kind: string }) => d.ref === 'DOC-007' && d.kind === 'document-review');
    const review = section.locator('li[data-due="DOC-007"][data-kind="document-review"]');
    expect(await review.textContent()).toContain(doc.reason);
    // Each item opens its record: the document at the documents' page, the objective in its register.
    await review.getByRole('link', { name: 'DOC-007', exact: true }).click();
    await page.getByRole('heading', { name: /^DOC-007 / }).waitFor();
    await page.goBack();
    await section.getByRole('link', { name: 'OBJ-004', exact: true }).click();
    await page.getByRole('heading', { name: /^OBJ-004 / }).waitFor();
    await page.goBack();
    // A risk acceptance expired opens the risk in the risk register, not a register of the ISMS.
    await section.locator('li[data-kind="risk-acceptance"]').first().getByRole('link').click();
    await page.getByRole('heading', { name: /^R-\d+ / }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a viewer sees no button that writes (demo organization, read only)', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, viewer);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/isms/r/context`);
    await page.locator('tr[data-record]').first().waitFor();
    for (const name of ['New record', 'Import']) expect(await page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true })).count(), name).toBe(0);
    expect(await page.getByRole('link', { name: 'Export CSV' }).count()).toBe(1);

    const first = await page.locator('tr[data-record]').first().getAttribute('data-record');
    await page.goto(`${baseUrl}/#/org/${org}/isms/r/context/${first}`);
    await page.getByRole('heading', { name: new RegExp(`^${first} `) }).waitFor();
    for (const name of ['Save', 'Delete', 'Approve', 'Add link', 'Add comment', 'Restore']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(await page.locator('#isms-title').isDisabled()).toBe(true);

    await page.goto(`${baseUrl}/#/org/${org}/isms/r/measurements/MEAS-001`);
    await page.getByTestId('series').waitFor();
    expect(await page.getByRole('form', { name: 'Record a value' }).count()).toBe(0);

    await page.goto(`${baseUrl}/#/org/${org}/isms/documents`);
    await page.locator('tr[data-document]').first().waitFor();
    expect(await page.getByRole('link', { name: 'New document' }).count()).toBe(0);
    // The documents the API says are overdue for review, and only those, are marked.
    const docs = (await api(page, 'GET', `/organizations/${org}/documents?limit=1000`)).data.items as { ref: string; overdue: boolean }[];
    const late = docs.filter((d) => d.overdue).map((d) => d.ref);
    expect(late).toContain('DOC-007');
    expect(await page.locator('[data-testid^="overdue-"]').evaluateAll((b) => b.map((e) => e.getAttribute('data-testid')))).toEqual(late.map((r) => `overdue-${r}`));
    await page.goto(`${baseUrl}/#/org/${org}/isms/documents/DOC-001`);
    await page.getByRole('heading', { name: /^DOC-001 / }).waitFor();
    for (const name of ['Submit for review', 'Approve', 'Publish', 'Revise', 'Retire', 'Delete', 'Save details', 'Attach file']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the ISMS views at phone, laptop and wide widths (demo organization, read only)', async () => {
    for (const width of [390, 1366, 1920]) {
      const { context, page, errors } = await newPage(browser, width, 900);
      await login(page, admin);
      const { org } = await ids(page);
      for (const [path, heading, shot] of [
        ['isms', 'ISMS', 'overview'],
        ['isms/r/context', /^Context/, 'context'],
        ['isms/r/objectives', /objectives/i, 'objectives'],
        ['isms/r/scope/SCOPE-001', /^SCOPE-001 /, 'scope'],
        ['isms/r/measurements/MEAS-001', /^MEAS-001 /, 'measurement'],
        ['isms/documents', 'Documented information', 'documents'],
        ['isms/documents/DOC-001', /^DOC-001 /, 'document'],
        ['isms/raci', 'RACI matrix', 'raci'],
      ] as const) {
        await page.goto(`${baseUrl}/#/org/${org}/${path}`);
        await page.getByRole('heading', { name: heading }).first().waitFor();
        await page.waitForTimeout(400);
        // Nothing wider than the window: no sideways scrolling of the page.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await screenshot(page, `isms-${shot}-${width}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);
});
