// The web UI end to end, in headless Chromium against a real server and demo workspace.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { admin, baseUrl, editor, ids, launch, login, newPage, orgName, outDir, screenshot, viewer } from './harness';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  console.log(`screenshots in ${outDir}`);
});

async function openEditor(page: Page, node: string) {
  const { org, profile } = await ids(page);
  await page.goto(`${baseUrl}/#/org/${org}/editor/${profile}?node=${encodeURIComponent(node)}`);
  const row = page.locator(`tr[data-node="${node}"]`);
  await row.waitFor();
  return { row, org, profile };
}

async function level(page: Page, node: string): Promise<string> {
  return page.getByLabel(`Level of ${node}`, { exact: true }).inputValue();
}

describe('web UI', () => {
  test('login shows the API error for a wrong password, then logs in to the dashboard', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Name').fill(admin.name);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim().length).toBeGreaterThan(0);

    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
    await page.getByTestId('function-current-ID').waitFor();
    await page.waitForTimeout(600); // chart animation
    await screenshot(page, 'dashboard');
    if (process.env.CF_DOCS_IMAGE) {
      const shot = join(outDir, 'dashboard.png');
      if (statSync(shot).size < 300 * 1024) copyFileSync(shot, process.env.CF_DOCS_IMAGE);
      else console.warn(`dashboard.png is ${statSync(shot).size} bytes; not copied to ${process.env.CF_DOCS_IMAGE}`);
    }
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.waitForTimeout(400);
    await screenshot(page, 'dashboard-tablet');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('assessing a subcategory in the editor changes the dashboard', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    const before = await page.getByTestId('function-current-RC').textContent();

    const { row, org } = await openEditor(page, 'RC.CO-1');
    const old = await level(page, 'RC.CO-1');
    const next = old === '5' ? '0' : '5';
    await row.focus();
    await page.keyboard.press(next);
    await row.getByText('Saved').waitFor();
    expect(await level(page, 'RC.CO-1')).toBe(next);

    // j moves to the next row; the digit sets its level from the keyboard too.
    await page.keyboard.press('j');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-node'));
    expect(focused).toBe('RC.CO-2');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'editor');

    await page.goto(`${baseUrl}/#/org/${org}/dashboard`);
    await page.getByTestId('function-current-RC').waitFor();
    await expect.poll(() => page.getByTestId('function-current-RC').textContent(), { timeout: 10_000 }).not.toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the editor's coverage is the dashboard's figure", async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    const { org } = await ids(page);
    const coverage = await page.evaluate(async (id) => {
      const d = await (await fetch(`/api/v1/organizations/${id}/dashboard`)).json();
      return d.figures.coverage as { assessed: number; applicable: number; not_applicable: number };
    }, org);
    await openEditor(page, 'ID.AM-1');
    const shown = page.locator('[data-figure="coverage"]');
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain(`${coverage.assessed} of ${coverage.applicable} applicable outcomes assessed`);
    if (coverage.not_applicable) expect(text).toContain(`${coverage.not_applicable} not applicable`);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('downloads the executive report as HTML naming the organization', async () => {
    const { context, page } = await newPage(browser);
    await login(page, admin);
    const { org } = await ids(page);
    await page.goto(`${baseUrl}/#/org/${org}/reports`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-executive').click()]);
    const path = join(outDir, 'executive.html');
    await download.saveAs(path);
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).toContain(orgName);
    await context.close();
  });

  test('two sessions editing one node: the second gets the conflict and can overwrite', async () => {
    const a = await newPage(browser);
    const b = await newPage(browser);
    await login(a.page, admin);
    await login(b.page, editor);
    const node = 'RS.AN-1';
    const ea = await openEditor(a.page, node);
    const eb = await openEditor(b.page, node);
    const start = await level(a.page, node);
    const theirs = start === '1' ? '2' : '1';
    const mine = theirs === '1' ? '3' : '4';

    await ea.row.focus();
    await a.page.keyboard.press(theirs);
    await ea.row.getByText('Saved').waitFor();

    await eb.row.focus();
    await b.page.keyboard.press(mine);
    const dialog = b.page.getByTestId('conflict');
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain(`changed by ${admin.name}`);
    expect(text).toMatch(new RegExp(`Level\\s*${theirs}\\s*${mine}`));
    await screenshot(b.page, 'conflict');

    await b.page.getByRole('button', { name: 'Keep mine' }).click();
    await eb.row.getByText('Saved').waitFor();
    const stored = await b.page.evaluate(
      async ([p, n]) => (await (await fetch(`/api/v1/profiles/${p}/nodes/${n}`)).json()).level,
      [eb.profile, node] as const,
    );
    expect(String(stored)).toBe(mine);
    expect(a.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });

  test('a viewer sees disabled controls, and a forced PUT is refused with 403', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, viewer);
    const { profile } = await openEditor(page, 'PR.AC-1');
    await expect.poll(() => page.getByLabel('Level of PR.AC-1', { exact: true }).isDisabled(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByLabel('Owner of PR.AC-1').isDisabled()).toBe(true);
    expect(await page.getByLabel('Notes on PR.AC-1').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Upload' }).count()).toBe(0);

    const status = await page.evaluate(async (p) => {
      const session = await (await fetch('/api/v1/session')).json();
      const node = await fetch(`/api/v1/profiles/${p}/nodes/PR.AC-1`);
      const r = await fetch(`/api/v1/profiles/${p}/nodes/PR.AC-1`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token, 'If-Match': node.headers.get('ETag') ?? '"0"' },
        body: JSON.stringify({ level: 5, not_applicable: false, justification: '', owner: 'x', priority: 1, notes: '' }),
      });
      return r.status;
    }, profile);
    expect(status).toBe(403);
    expect(errors.filter((e) => !e.includes('403'))).toEqual([]);
    await context.close();
  });

  test('script typed into a notes field is shown as text, never run', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>"'&`;
    const { row } = await openEditor(page, 'DE.AE-1');
    const notes = page.getByRole('textbox', { name: 'Notes', exact: true }); // in the details panel
    await notes.fill(payload);
    await notes.press('Tab');
    await row.getByText('Saved').waitFor();

    await page.reload();
    await page.locator('tr[data-node="DE.AE-1"]').waitFor();
    const shown = page.getByTestId('notes-text');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(payload);
    await page.getByRole('button', { name: 'Close details' }).click();
    expect(await page.getByLabel('Notes on DE.AE-1').inputValue()).toBe(payload);
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await context.close();
  });

  test('framework browser: tree search, references, 2022 alignment and reverse look-up', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await page.goto(`${baseUrl}/#/frameworks/iso-tr-27103-2018?node=PR.IP-10`);
    await page.getByLabel('Search nodes').fill('vulnerab');
    await page.getByRole('button', { name: /PR\.IP-10/ }).waitFor();
    await page.getByRole('heading', { name: 'Aligned to ISO/IEC 27001/27002:2022' }).waitFor();
    await page.getByRole('textbox', { name: 'Clause', exact: true }).fill('8.8');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('link', { name: 'ID.RA-1' }).first().waitFor();
    // Each framework says where it comes from and on what terms.
    await expect.poll(() => page.getByTestId('provenance').textContent()).toContain('Licence: copyright ISO/IEC 2018');
    await screenshot(page, 'frameworks');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('audit log: every entity filter finds the records the workspace has', async () => {
    const { context, page, errors } = await newPage(browser);
    await login(page, admin);
    await page.goto(`${baseUrl}/#/audit`);
    const filter = page.getByLabel('Filter by kind of record');
    for (const value of ['node', 'session', 'action', 'evidence', 'snapshot', 'user']) {
      await filter.selectOption(value);
      const entityCells = page.locator('table.audit tr.audit-row td.a-record');
      await page.waitForFunction(
        (v) => {
          const cells = [...document.querySelectorAll('table.audit tr.audit-row td.a-record')];
          return cells.length > 0 && cells.every((c) => c.textContent?.trim().startsWith(v + ' '));
        },
        value,
      );
      expect(await entityCells.count()).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
