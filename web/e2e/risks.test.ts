// Risk management in the browser. The tests that write work in an organization of their own made
// on the demo workspace (its name sorts after the demo organization's, which the other files share
// and find unchanged): the risk form shows the level of each score as its pickers change and saves
// it; the heat map counts the risks of each cell and a click lists that cell's risks; an SoA row
// changed through the API behind the page's back, then saved in the page, opens the conflict
// dialog with the other change. Read-only in the demo organization: the dashboard's risk tiles give
// the API's figures, and the views at 390, 1366 and 1920 px (screenshots risks-*).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, outDir, screenshot } from './harness';

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
      return { status: r.status, data: text ? JSON.parse(text) : null, etag: r.headers.get('ETag') };
    },
    { method, path, body, ifMatch },
  );
}

beforeAll(async () => {
  browser = await launch();
  const { context, page } = await newPage(browser);
  await login(page, admin);
  const made = await api(page, 'POST', '/organizations', { name: `Zeta Risks ${stamp}`, scope: 'Risk drills' });
  expect(made.status).toBe(201);
  ownOrg = made.data.id;
  expect((await api(page, 'PUT', `/users/${editor.name}/roles/${ownOrg}`, { role: 'editor' })).status).toBeLessThan(300);
  const asset = await api(page, 'POST', `/organizations/${ownOrg}/assets`, { ref: 'AS-900', name: 'Plant historian', kind: 'software', owner: 'OT lead', confidentiality: 2, integrity: 3, availability: 4 });
  expect(asset.status).toBe(201);
  // Two risks in inherent 4×5 (residual 2×3), one in 2×2 (residual 1×1), on the 5×5 criteria.
  for (const [ref, inherent, residual] of [
    ['HM-1', [4, 5], [2, 3]],
    ['HM-2', [4, 5], [2, 3]],
    ['HM-3', [2, 2], [1, 1]],
  ] as const) {
    const r = await api(page, 'POST', `/organizations/${ownOrg}/risks`, {
      ref, title: `Heat map drill ${ref}`, owner: 'OT lead', treatment: 'modify', status: 'assessed', assets: [asset.data.id],
      inherent: { likelihood: inherent[0], consequence: inherent[1] }, residual: { likelihood: residual[0], consequence: residual[1] },
    });
    expect(r.status).toBe(201);
  }
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

const chip = (page: Page, which: string) => page.getByTestId(`level-${which}`);

describe('risk management', () => {
  test('the risk form shows the live level as the pickers change, and saves', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/risks/risk/new`);
    await page.getByRole('heading', { name: 'New risk' }).waitFor();
    await page.locator('#risk-ref').fill('R-LIVE');
    await page.locator('#risk-title').fill('Historian data tampered with');
    await expect.poll(() => chip(page, 'inherent').getAttribute('data-level')).toBe('');

    // 4 × 5 is very high on the 5×5 matrix; 1 × 1 is low; the chip follows each change.
    await page.getByLabel('Inherent likelihood').selectOption('4');
    await page.getByLabel('Inherent consequence').selectOption('5');
    await expect.poll(() => chip(page, 'inherent').textContent()).toContain('Very high');
    await page.getByLabel('Inherent likelihood').selectOption('1');
    await page.getByLabel('Inherent consequence').selectOption('1');
    await expect.poll(() => chip(page, 'inherent').textContent()).toContain('Low');
    await page.getByLabel('Inherent likelihood').selectOption('3');
    await page.getByLabel('Inherent consequence').selectOption('4');
    await expect.poll(() => chip(page, 'inherent').textContent()).toContain('High');
    await page.getByLabel('Residual likelihood').selectOption('2');
    await page.getByLabel('Residual consequence').selectOption('3');
    await expect.poll(() => chip(page, 'residual').textContent()).toContain('Medium');
    await page.getByRole('group', { name: 'Assets' }).getByText('AS-900').click();
    await page.locator('#rf-control').fill('A.8.15');
    await page.locator('#rf-control').press('Enter');
    await page.getByRole('list', { name: 'Controls of the plan' }).getByText('A.8.15').waitFor();
    await page.getByLabel('Owner', { exact: true }).fill('OT lead');
    await screenshot(page, 'risks-form-1366');

    // Enter in a field saves; the page becomes the stored risk's.
    await page.locator('#risk-title').press('Enter');
    await page.getByRole('heading', { name: 'R-LIVE Historian data tampered with' }).waitFor();
    const stored = await api(page, 'GET', `/organizations/${ownOrg}/risks/R-LIVE`);
    expect(stored.status).toBe(200);
    expect(stored.data.inherent).toEqual({ likelihood: 3, consequence: 4 });
    expect(stored.data.residual).toEqual({ likelihood: 2, consequence: 3 });
    expect(stored.data.inherent_level).toBe('high');
    expect(stored.data.residual_level).toBe('medium');
    expect(stored.data.owner).toBe('OT lead');
    expect(stored.data.controls.map((c: { text: string }) => c.text)).toEqual(['A.8.15']);
    expect(stored.data.asset_refs).toEqual(['AS-900']);

    // A change on the stored risk is saved under If-Match; Escape goes back to the register.
    await page.getByLabel('Residual likelihood').selectOption('1');
    await expect.poll(() => chip(page, 'residual').textContent()).toContain('Low');
    // Escape with the change unsaved asks first; Stay keeps it.
    await page.locator('#risk-title').press('Escape');
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Stay' }).click();
    await expect.poll(() => page.getByLabel('Residual likelihood').inputValue()).toBe('1');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(/Saved R-LIVE \(version 2\)/).waitFor();
    expect((await api(page, 'GET', `/organizations/${ownOrg}/risks/R-LIVE`)).data.residual_level).toBe('low');
    await page.locator('#risk-title').press('Escape');
    await page.getByRole('heading', { name: 'Risk register' }).waitFor();
    await page.locator('tr[data-risk="R-LIVE"]').waitFor();
    expect(await page.getByTestId('residual-R-LIVE').getAttribute('data-level')).toBe('Low');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the heat map counts the risks of each cell, and a click lists that cell’s risks', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/risks/heatmap`);
    await page.getByRole('heading', { name: 'Heat map' }).waitFor();
    const inherent = page.locator('[data-heatmap="inherent"]');
    const residual = page.locator('[data-heatmap="residual"]');
    await expect.poll(() => inherent.locator('[data-cell="4x5"]').textContent()).toBe('2');
    expect(await inherent.locator('[data-cell="2x2"]').textContent()).toBe('1');
    expect(await inherent.locator('[data-cell="5x5"]').textContent()).toBe('');
    expect(await residual.locator('[data-cell="2x3"]').textContent()).toBe('2');
    expect(await residual.locator('[data-cell="1x1"]').textContent()).toBe('1');
    // The cell is coloured by its level: 4×5 is very high, the criteria's red.
    expect(await inherent.locator('[data-cell="4x5"]').getAttribute('style')).toMatch(/background: (#c62828|rgb\(198, 40, 40\))/);

    await inherent.locator('[data-cell="4x5"]').click();
    const listed = page.getByTestId('cell-risks');
    await listed.locator('tr[data-risk="HM-1"]').waitFor();
    await listed.locator('tr[data-risk="HM-2"]').waitFor();
    expect(await listed.locator('tr[data-risk]').count()).toBe(2);
    expect(await listed.locator('tr[data-risk="HM-3"]').count()).toBe(0);
    await screenshot(page, 'risks-heatmap-1366');

    await residual.locator('[data-cell="1x1"]').click();
    await expect.poll(() => listed.locator('tr[data-risk]').count()).toBe(1);
    await listed.locator('tr[data-risk="HM-3"]').waitFor();
    // A risk of the list opens its form.
    await listed.getByRole('link', { name: 'HM-3' }).click();
    await page.getByRole('heading', { name: 'HM-3 Heat map drill HM-3' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('bulk edit of the register: one PUT per risk; a risk changed meanwhile opens the conflict dialog', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/risks/register?q=HM-`);
    await page.getByRole('heading', { name: 'Risk register' }).waitFor();
    await page.locator('tr[data-risk="HM-2"]').waitFor();
    expect(await page.locator('tr[data-risk]').count()).toBe(3);
    await page.getByLabel('Select HM-1').check();
    await page.getByLabel('Select HM-2').check();
    // Someone else changes HM-2 after the page listed it.
    const hm2 = await api(page, 'GET', `/organizations/${ownOrg}/risks/HM-2`);
    expect((await api(page, 'PUT', `/organizations/${ownOrg}/risks/HM-2`, { owner: 'Plant manager' }, hm2.etag ?? undefined)).status).toBe(200);

    const bulk = page.getByRole('region', { name: 'Bulk edit' });
    await bulk.getByLabel('Owner for selected').fill('CISO');
    await bulk.getByRole('button', { name: 'Set owner' }).click();
    const dialog = page.getByTestId('conflict');
    await dialog.waitFor();
    const ownerRow = dialog.locator('tr', { hasText: 'Owner' });
    expect(await ownerRow.locator('td').first().textContent()).toBe('Plant manager');
    expect(await ownerRow.locator('td').nth(1).textContent()).toContain('CISO');
    await dialog.getByRole('button', { name: 'Take theirs' }).click();
    await page.getByText('Saved 1 risk.').waitFor();
    expect((await api(page, 'GET', `/organizations/${ownOrg}/risks/HM-1`)).data.owner).toBe('CISO');
    expect((await api(page, 'GET', `/organizations/${ownOrg}/risks/HM-2`)).data.owner).toBe('Plant manager');
    await expect.poll(() => page.locator('tr[data-risk="HM-1"]').textContent()).toContain('CISO');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an SoA row changed behind the page: saving it opens the conflict dialog with the other change', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, editor);
    await page.goto(`${baseUrl}/#/org/${ownOrg}/risks/soa`);
    await page.getByRole('heading', { name: 'Statement of Applicability' }).waitFor();
    const row = page.locator('tr[data-control="A.5.7"]');
    await row.waitFor();

    // Someone else changes the row (never stored: If-Match "0") after the page read it.
    const theirs = await api(page, 'PUT', `/organizations/${ownOrg}/soa/rows/A.5.7`, { owner: 'Threat intel team', reasons: ['business'] }, '"0"');
    expect(theirs.status).toBe(200);

    await row.getByLabel('Owner of A.5.7').fill('Security operations');
    await row.getByLabel('Owner of A.5.7').press('Enter');
    const dialog = page.getByTestId('conflict');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-what')).toBe('SoA row');
    const text = await dialog.textContent();
    expect(text).toContain('Threat intel team');
    expect(text).toContain('Security operations');
    const ownerRow = dialog.locator('tr', { hasText: 'Owner' });
    expect(await ownerRow.locator('td').first().textContent()).toBe('Threat intel team');
    expect(await ownerRow.locator('td').nth(1).textContent()).toContain('Security operations');
    await screenshot(page, 'risks-soa-conflict-1366');

    // Keep mine: written over theirs, against their version.
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(async () => (await api(page, 'GET', `/organizations/${ownOrg}/soa`)).data.lines.find((l: { control: string }) => l.control === 'A.5.7').owner).toBe('Security operations');
    await expect.poll(() => row.getByLabel('Owner of A.5.7').inputValue()).toBe('Security operations');

    // An exclusion needs its justification: Save is refused until it has one.
    const other = page.locator('tr[data-control="A.7.6"]');
    await other.getByLabel('A.7.6 applicable').uncheck();
    await other.getByRole('button', { name: 'Save A.7.6' }).click();
    await other.getByText('An excluded control needs a justification').waitFor();
    await other.getByLabel('Justification of A.7.6').fill('No secure areas');
    await other.getByLabel('Justification of A.7.6').press('Enter');
    await expect.poll(async () => (await api(page, 'GET', `/organizations/${ownOrg}/soa`)).data.lines.find((l: { control: string }) => l.control === 'A.7.6').applicable).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the dashboard’s risk tiles give the API’s figures (demo organization, read only)', async () => {
    const { context, page, errors } = await newPage(browser, 1366, 900);
    await login(page, admin);
    const { org } = await ids(page);
    const risks = (await api(page, 'GET', `/organizations/${org}/risks?limit=1000`)).data.items as { above_appetite: boolean }[];
    const decisions = (await api(page, 'GET', `/organizations/${org}/decisions`)).data.items as { stale: boolean; expired: boolean; revoked: boolean }[];
    const soa = (await api(page, 'GET', `/organizations/${org}/soa`)).data;
    await page.goto(`${baseUrl}/#/org/${org}/dashboard`);
    await expect.poll(() => page.getByTestId('risks-above').textContent()).toBe(`${risks.filter((r) => r.above_appetite).length} / ${risks.length}`);
    expect(await page.getByTestId('decisions-stale').textContent()).toBe(`${decisions.filter((d) => !d.revoked && d.stale).length} stale`);
    expect(await page.getByTestId('decisions-expired').textContent()).toBe(`${decisions.filter((d) => !d.revoked && d.expired).length} expired`);
    expect(await page.getByTestId('soa-status').textContent()).toBe(`v${soa.version.number} ${soa.version.status}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the risk views at phone, laptop and wide widths (demo organization, read only)', async () => {
    for (const width of [390, 1366, 1920]) {
      const { context, page, errors } = await newPage(browser, width, 900);
      await login(page, admin);
      const { org } = await ids(page);
      for (const [tab, heading] of [
        ['register', 'Risk register'],
        ['risk/R-001', 'R-001'],
        ['heatmap', 'Heat map'],
        ['assets', 'Assets'],
        ['soa', 'Statement of Applicability'],
        ['checks', 'Checks'],
      ] as const) {
        await page.goto(`${baseUrl}/#/org/${org}/risks/${tab}`);
        await page.getByRole('heading', { name: heading }).first().waitFor();
        await page.waitForTimeout(300);
        // Nothing wider than the window: no sideways scrolling of the page.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${tab} at ${width}px overflows by ${overflow}px`).toBeLessThanOrEqual(0);
        await screenshot(page, `risks-${tab.replace('/', '-')}-${width}`);
      }
      await page.goto(`${baseUrl}/#/org/${org}/dashboard`);
      await page.getByTestId('risks-above').waitFor();
      await screenshot(page, `risks-dashboard-${width}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
